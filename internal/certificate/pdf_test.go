package certificate

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
)

func TestData_BothLanguages(t *testing.T) {
	c := course(t)
	p, _ := c.Person(100)
	cairo, err := time.LoadLocation("Africa/Cairo")
	if err != nil {
		t.Fatal(err)
	}
	d := c.Data(p, c.Certs[100], "https://traindesk.example/verify/", cairo)
	checks := []struct{ got, want string }{
		{d.EN.Name, "Ahmed Mahmoud Abdelrahman"},
		{d.AR.Name, "أحمد محمود عبد الرحمن"},
		{d.EN.Dates, "16–19 January 2023"},
		{d.AR.Dates, "١٦–١٩ يناير ٢٠٢٣"},
		{d.EN.Place, "held in Hurghada, Red Sea"},
		{d.AR.Place, "المنعقد في Hurghada، البحر الأحمر"},
		{d.EN.Days, "4 days of training"},
		{d.AR.Days, "٤ أيام تدريبية"},
		{d.EN.Funded, "Funded by the Government of the Kingdom of Denmark — SPHERE II"},
		{d.AR.Funded, "بتمويل من حكومة مملكة الدنمارك — SPHERE II"},
		// Issued at 22:30 UTC is past midnight in Cairo.
		{d.EN.Issued, "Issued on 20 January 2023"},
		{d.Code, "7KQ2-MXA9-3B0F"},
		{d.URL, "https://traindesk.example/verify/7KQ2MXA93B0F"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	if d.Revoked {
		t.Error("a valid certificate is marked revoked")
	}
}

func TestWrite_RendersBothStates(t *testing.T) {
	c := course(t)
	p, _ := c.Person(100)
	for _, revoked := range []bool{false, true} {
		cert := c.Certs[100]
		name := "certificate"
		if revoked {
			now := time.Date(2023, 2, 1, 9, 0, 0, 0, time.UTC)
			cert.RevokedAt, name = &now, "certificate-revoked"
		}
		var buf bytes.Buffer
		if err := Write(&buf, c.Data(p, cert, "https://traindesk.example/verify/", time.UTC)); err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF")) || pageCount(buf.Bytes()) != 1 {
			t.Fatalf("%s: not a one-page PDF", name)
		}
		render(t, name, buf.Bytes())
	}
}

func TestWrite_LongTexts(t *testing.T) {
	c := course(t)
	c.T.TitleEn = strings.Repeat("Identifying and referring presumed victims of trafficking at seaports, airports and land borders; ", 3)
	p, _ := c.Person(100)
	p.NameLatin = "Abdelrahman Mohamed Abdelfattah El-Sayed Abdelhamid Mostafa El-Shazly"
	p.NameArabic = "عبد الرحمن محمد عبد الفتاح السيد عبد الحميد مصطفى الشاذلي"
	var buf bytes.Buffer
	if err := Write(&buf, c.Data(p, c.Certs[100], "https://traindesk.example/verify/", time.UTC)); err != nil {
		t.Fatal(err)
	}
	if pageCount(buf.Bytes()) != 1 {
		t.Fatal("long texts spill onto a second page")
	}
	render(t, "certificate-long", buf.Bytes())
}

func TestDaysOfTraining_ArabicAgreement(t *testing.T) {
	cases := map[int]string{1: "يوم تدريبي واحد", 2: "يومان تدريبيان", 5: "٥ أيام تدريبية", 12: "١٢ يومًا تدريبيًا", 100: "١٠٠ يوم تدريبي", 103: "١٠٣ أيام تدريبية"}
	for n, want := range cases {
		if got := DaysOfTraining(i18n.New(i18n.AR), n); got != want {
			t.Errorf("%d days: %q, want %q", n, got, want)
		}
	}
	if !strings.HasPrefix(DaysOfTraining(i18n.New(i18n.EN), 1), "1 day") {
		t.Error("English singular")
	}
}

func TestSheet_Contents(t *testing.T) {
	c := course(t)
	for _, lang := range []i18n.Lang{i18n.EN, i18n.AR} {
		s := c.Sheet(i18n.New(lang), model.MustDate("2023-02-01"))
		var buf bytes.Buffer
		if err := s.Write(&buf); err != nil {
			t.Fatal(err)
		}
		render(t, "sheet-"+string(lang), buf.Bytes())
	}
}
