package certificate

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/model"
)

func ptr[T any](v T) *T { return &v }

// course is the Hurghada course in small: four sessions, five people (one
// withdrawn, one who missed two days, one excused once) and a certificate.
func course(t *testing.T) Course {
	t.Helper()
	refs := model.Refs{
		Governorates: []model.Governorate{{ID: 17, NameEn: "Red Sea", NameAr: "البحر الأحمر"}},
		Donors:       []model.Donor{{ID: 1, NameEn: "Government of the Kingdom of Denmark", NameAr: "حكومة مملكة الدنمارك"}},
		Projects:     []model.Project{{ID: 1, Code: "SPHERE II", TitleEn: "Strengthening the Sphere of Protection", TitleAr: "تعزيز نطاق الحماية", DonorID: 1}},
		Agencies:     []model.Agency{{ID: 1, NameEn: "Egyptian Customs Authority", NameAr: "مصلحة الجمارك المصرية"}},
		Stations:     []model.DutyStation{{ID: 1, NameEn: "Safaga seaport", NameAr: "ميناء سفاجا البحري"}},
	}
	tr := model.TrainingDetail{Training: model.Training{ID: 1,
		TitleEn: "Counter-smuggling for customs officers: migrants, goods and trafficking", ProjectID: ptr(int64(1)),
		VenueEn: "Hotel conference hall", City: "Hurghada", GovernorateID: ptr(int64(17)),
		StartsOn: model.MustDate("2023-01-16"), EndsOn: model.MustDate("2023-01-19"),
		Status: model.StatusCompleted, CompletionMinRate: 80}}
	var sits []model.SittingRow
	for i := range 4 {
		sits = append(sits, model.SittingRow{Sitting: model.Sitting{ID: int64(10 + i), Date: tr.StartsOn.AddDays(i)}})
	}
	people := []struct {
		name, ar string
		status   model.RegistrationStatus
		marks    []model.Mark
	}{
		{"Ahmed Mahmoud Abdelrahman", "أحمد محمود عبد الرحمن", model.RegConfirmed, []model.Mark{"present", "present", "late", "present"}},
		{"Yasser Gamal Mansour", "ياسر جمال منصور", model.RegConfirmed, []model.Mark{"present", "absent", "absent", "present"}},
		{"Mona Abdelhalim Salem", "منى عبد الحليم سالم", model.RegConfirmed, []model.Mark{"present", "excused", "present", "present"}},
		{"Hebatallah Ahmed Rashad", "هبة الله أحمد رشاد", model.RegConfirmed, []model.Mark{"present", "present", "present", "present"}},
		{"Walid Samir Abdelaziz", "وليد سمير عبد العزيز", model.RegWithdrawn, nil},
	}
	var roster []model.RosterRow
	var marks []model.Attendance
	for i, p := range people {
		id := int64(100 + i)
		roster = append(roster, model.RosterRow{NameLatin: p.name, NameArabic: p.ar, Registration: model.Registration{
			ID: id, Status: p.status, AgencyID: ptr(int64(1)), DutyStationID: ptr(int64(1))}})
		for j, m := range p.marks {
			marks = append(marks, model.Attendance{RegistrationID: id, SittingID: sits[j].ID, Status: m})
		}
	}
	certs := map[int64]model.Certificate{100: {ID: 7, RegistrationID: 100, Code: "7KQ2MXA93B0F",
		IssuedAt: time.Date(2023, 1, 19, 22, 30, 0, 0, time.UTC)}}
	return Build(tr, refs, sits, roster, marks, nil, certs)
}

// pageCount counts the page objects of a PDF.
func pageCount(pdf []byte) int {
	return len(regexp.MustCompile(`/Type /Page\b[^s]`).FindAll(pdf, -1))
}

// render rasterises a PDF when pdftoppm is installed, which catches files
// that Go writes but real readers refuse. With CERT_SAMPLE_DIR set the PDF
// and its PNGs are kept there for a person to look at.
func render(t *testing.T, name string, pdf []byte) {
	t.Helper()
	bin, err := exec.LookPath("pdftoppm")
	if err != nil {
		t.Log("pdftoppm not installed; not rendering")
		return
	}
	dir := os.Getenv("CERT_SAMPLE_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	in := filepath.Join(dir, name+".pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-png", "-r", "60", in, filepath.Join(dir, name)).CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
}
