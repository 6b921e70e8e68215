package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/db/seed"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// nominationCSV writes the 27 officers of the Hurghada course as an agency
// would send them, with Arabic headers and a semicolon separator.
func nominationCSV(officers []seed.Officer) []byte {
	var b bytes.Buffer
	b.WriteString("\xEF\xBB\xBF")
	b.WriteString("الاسم بالعربية;Name (English);النوع;سنة الميلاد;الجهة;المنفذ;الوظيفة;الرتبة;رقم الموبايل\r\n")
	stations := []string{"ميناء سفاجا", "Hurghada International Airport", "Headquarters, Cairo"}
	positions := map[model.Position]string{model.PositionFrontLine: "Front-line officer", model.PositionDesk: "Desk officer",
		model.PositionCapacity: "Capacity building", model.PositionHeadquarters: "Headquarters"}
	for i, o := range officers {
		sex := "ذكر"
		if o.Sex == model.SexFemale {
			sex = "أنثى"
		}
		fmt.Fprintf(&b, "%s;%s;%s;%d;مصلحة الجمارك المصرية;%s;%s;%s;010%08d\r\n", o.NameAr, o.NameEn, sex, o.BirthYear,
			stations[o.Station], positions[o.Position], o.Rank, 50000000+i)
	}
	return b.Bytes()
}

var uploadPath = regexp.MustCompile(`^/trainings/\d+/import/(\d+)$`)

// TestImport_HappyPath imports the 27 officers into a new training of an
// empty registry, checks the preview, confirms, and finds the counts by port.
func TestImport_HappyPath(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	ctx := context.Background()
	id := createdID(t, po.Post("/trainings", trainingForm(map[string]string{"capacity": "30", "agency_id": "1"})))
	officers := seed.Build(model.MustDate("2023-01-17")).Officers[:27]
	// Rename them so that the registry's copies do not match.
	for i := range officers {
		officers[i].NameEn = "Zed" + officers[i].NameEn
		officers[i].NameAr = "زد" + officers[i].NameAr
	}
	before := env.Store.MustCount(ctx, "persons")

	r := po.Upload("/trainings/"+id+"/import", "file", "nominations.csv", nominationCSV(officers), nil)
	m := uploadPath.FindStringSubmatch(r.Header.Get("Location"))
	if r.StatusCode != http.StatusSeeOther || m == nil {
		t.Fatalf("upload = %d %q", r.StatusCode, r.Header.Get("Location"))
	}
	base := "/trainings/" + id + "/import/" + m[1]
	mapping := po.Get(base)
	for _, want := range []string{`value="name_arabic" selected`, `value="name_latin" selected`, `value="duty_station" selected`, `value="phone" selected`} {
		if !strings.Contains(mapping.Body, want) {
			t.Errorf("the mapping page did not guess %s", want)
		}
	}
	cols := url.Values{"col": {"name_arabic", "name_latin", "sex", "birth_year", "agency", "duty_station", "position", "rank", "phone"}}
	if r := po.Post(base+"/mapping", cols); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("mapping = %d", r.StatusCode)
	}
	preview := po.Get(base + "/preview")
	if preview.StatusCode != 200 || strings.Count(preview.Body, `<option value="new" selected>`) != 27 {
		t.Fatalf("preview = %d with %d rows to create", preview.StatusCode, strings.Count(preview.Body, `<option value="new" selected>`))
	}
	if got := env.Store.MustCount(ctx, "persons"); got != before {
		t.Fatalf("the preview wrote %d persons", got-before)
	}
	// The 27 persons it creates need the basis their data is held on,
	// asked once: without it the list is shown again, nothing saved.
	if r := po.Post(base+"/confirm", url.Values{"basis_purpose": {"Nominated"}}); r.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, `id="f-basis-error"`) || !strings.Contains(r.Body, `value="Nominated"`) ||
		env.Store.MustCount(ctx, "persons") != before {
		t.Fatalf("confirm without a basis = %d", r.StatusCode)
	}
	r = po.Post(base+"/confirm", importBasis)
	if r.StatusCode != 200 || !strings.Contains(r.Body, "27 people registered as nominated: 27 new") {
		t.Fatalf("confirm = %d", r.StatusCode)
	}
	if got := env.Store.MustCount(ctx, "persons"); got != before+27 {
		t.Fatalf("persons grew by %d, want 27", got-before)
	}
	page := po.Get("/trainings/" + id)
	for _, want := range []string{"Safaga seaport</th><td class=\"num\">12</td>", "Hurghada International Airport</th><td class=\"num\">10</td>",
		"Headquarters, Cairo</th><td class=\"num\">5</td>", "Egyptian Customs Authority</th><td class=\"num\">27</td>"} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("training page lacks %q", want)
		}
	}

	// Importing the same list again links every row to the people just
	// created, and, since they are on the training, skips them.
	r = po.Upload("/trainings/"+id+"/import", "file", "again.csv", nominationCSV(officers), nil)
	base = "/trainings/" + id + "/import/" + uploadPath.FindStringSubmatch(r.Header.Get("Location"))[1]
	po.Post(base+"/mapping", cols)
	preview = po.Get(base + "/preview")
	if n := strings.Count(preview.Body, "Already on this training"); n != 27 {
		t.Errorf("%d rows recognised as already on the training, want 27", n)
	}
}

// TestImport_MatchesTheRegistry imports two demo officers spelled
// differently; both are matched to the existing persons, not duplicated.
func TestImport_MatchesTheRegistry(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	id := createdID(t, po.Post("/trainings", trainingForm(nil)))
	csv := "Name,الاسم,Mobile\nMuhammad Abdullah Elgammal,محمد عبدالله الجمال,\nMona Abd El-Halim Salem,,\nBrand New Officer,ضابط جديد,01099990000\n"
	r := po.Upload("/trainings/"+id+"/import", "file", "list.csv", []byte(csv), nil)
	base := "/trainings/" + id + "/import/" + uploadPath.FindStringSubmatch(r.Header.Get("Location"))[1]
	preview := po.Get(base + "/preview")
	if !strings.Contains(preview.Body, "Mohammed Abdullah El-Gammal") || !strings.Contains(preview.Body, "Mona Abdelhalim Salem") {
		t.Fatalf("the preview does not show the existing persons: %s", preview.Body[strings.Index(preview.Body, "<tbody>"):])
	}
	before := env.Store.MustCount(context.Background(), "persons")
	r = po.Post(base+"/confirm", importBasis)
	if r.StatusCode != 200 {
		t.Fatalf("confirm = %d", r.StatusCode)
	}
	if got := env.Store.MustCount(context.Background(), "persons"); got != before+1 {
		t.Errorf("persons grew by %d, want 1 (two rows are existing officers)", got-before)
	}
}

func TestImport_BadFiles(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	ctx := context.Background()
	before := env.Store.MustCount(ctx, "persons")
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	chunk := bytes.Repeat([]byte("<row/>"), 1<<16)
	for i := 0; i < 600; i++ { // about 230 MB unpacked, a few hundred kB packed
		w.Write(chunk)
	}
	zw.Close()
	var notXLSX bytes.Buffer
	zw = zip.NewWriter(&notXLSX)
	w, _ = zw.Create("readme.txt")
	w.Write([]byte("hello"))
	zw.Close()
	cases := []struct {
		name, file string
		data       []byte
		msg        string
	}{
		{"Empty", "list.csv", nil, "file is empty"},
		{"Oversized", "list.csv", bytes.Repeat([]byte("a,b\n"), (5<<20)/4+10), "larger than 5 MB"},
		{"PDF", "list.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), ""},
		{"LegacyXLS", "list.xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), ".xlsx"},
		{"CorruptZip", "list.xlsx", []byte("PK\x03\x04garbage-garbage-garbage"), ""},
		{"ZipNotXLSX", "list.xlsx", notXLSX.Bytes(), ""},
		{"ZipBomb", "list.xlsx", bomb.Bytes(), ""},
		{"HeaderOnly", "list.csv", []byte("Name,Phone\n"), ""},
		// A line of 1,000,000 columns is refused while it is read.
		{"MillionColumns", "list.csv", []byte(strings.Repeat("a,", 999_999) + "a\nb,c\n"), "more than 200 columns"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := po.Upload("/trainings/1/import", "file", c.file, c.data, nil)
			if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `id="f-file-error"`) {
				t.Fatalf("status %d, want 422 with the message beside the file field", r.StatusCode)
			}
			if c.msg != "" && !strings.Contains(r.Body, c.msg) {
				t.Errorf("message lacks %q", c.msg)
			}
		})
	}
	if n := env.Store.MustCount(ctx, "import_uploads"); n != 0 {
		t.Errorf("%d uploads were kept from bad files", n)
	}
	if got := env.Store.MustCount(ctx, "persons"); got != before {
		t.Errorf("bad files created %d persons", got-before)
	}
	// Over the route's limit the request is refused before it is read.
	r := po.Upload("/trainings/1/import", "file", "huge.csv", bytes.Repeat([]byte("x"), 7<<20), nil)
	if r.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("7 MB upload = %d, want 413", r.StatusCode)
	}
	// Templates download.
	if r := po.Get("/import/template.xlsx"); r.StatusCode != 200 || !strings.HasPrefix(r.Body, "PK") {
		t.Errorf("xlsx template = %d", r.StatusCode)
	}
	if r := po.Get("/import/template.csv"); r.StatusCode != 200 || !strings.HasPrefix(r.Body, "\xEF\xBB\xBF") {
		t.Errorf("csv template = %d", r.StatusCode)
	}
}

// TestImport_FullTrainingSavesNothing confirms an import that does not fit:
// the error names the row and nothing at all is saved.
func TestImport_FullTrainingSavesNothing(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	ctx := context.Background()
	id := createdID(t, po.Post("/trainings", trainingForm(map[string]string{"capacity": "2"})))
	csv := "Name,Phone\nAlpha One,01011111111\nBravo Two,01022222222\nCharlie Three,01033333333\n"
	r := po.Upload("/trainings/"+id+"/import", "file", "list.csv", []byte(csv), nil)
	base := "/trainings/" + id + "/import/" + uploadPath.FindStringSubmatch(r.Header.Get("Location"))[1]
	if p := po.Get(base + "/preview"); !strings.Contains(p.Body, "3 people would be registered, more than the free places (2)") {
		t.Error("the preview does not warn about the capacity")
	}
	before := env.Store.MustCount(ctx, "persons")
	r = po.Post(base+"/confirm", importBasis)
	if r.StatusCode != http.StatusConflict || !strings.Contains(r.Body, "Row 4 stopped the import.") || !strings.Contains(r.Body, "The training is full.") {
		t.Fatalf("confirm over capacity = %d", r.StatusCode)
	}
	if got := env.Store.MustCount(ctx, "persons"); got != before {
		t.Errorf("a failed import created %d persons", got-before)
	}
	if n := env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM registrations WHERE training_id = ?", mustID(id)); n != "0" {
		t.Errorf("a failed import registered %s people", n)
	}
}

// importBasis is the lawful basis the import tests give for the persons
// an import creates.
var importBasis = url.Values{"basis": {"public_task"}, "basis_purpose": {"Nominated by the agency"}}
