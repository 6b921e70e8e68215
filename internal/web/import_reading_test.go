package web_test

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestImport_ChooseReading shows how a list was read, reads it again with
// the separator the officer chose, and refuses a choice the file cannot be
// read with (422, the choice kept on the form, nothing saved), in both
// languages.
func TestImport_ChooseReading(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	id := createdID(t, po.Post("/trainings", trainingForm(nil)))
	// Every line splits in two at the comma and at the semicolon alike:
	// the guess is the comma, the agency meant the semicolon.
	list := "Name;Sex,Agency\r\nAlpha One;M,Customs\r\nBravo Two;F,Police\r\n"
	r := po.Upload("/trainings/"+id+"/import", "file", "list.csv", []byte(list), nil)
	m := uploadPath.FindStringSubmatch(r.Header.Get("Location"))
	if m == nil {
		t.Fatalf("upload = %d %q", r.StatusCode, r.Header.Get("Location"))
	}
	base := "/trainings/" + id + "/import/" + m[1]
	if p := po.Get(base); !strings.Contains(p.Body, "Read in UTF-8, columns separated by commas (,).") ||
		!strings.Contains(p.Body, `action="`+base+`/reading"`) {
		t.Fatal("the columns step does not say how the list was read")
	}
	r = po.Post(base+"/reading", url.Values{"separator": {"semicolon"}, "encoding": {""}})
	if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != base {
		t.Fatalf("choosing the semicolon = %d %q", r.StatusCode, r.Header.Get("Location"))
	}
	p := po.Get(base)
	if !strings.Contains(p.Body, "columns separated by semicolons (;).") || !strings.Contains(p.Body, `<option value="semicolon" selected`) {
		t.Error("the choice is not shown on the columns step")
	}
	if pv := po.Get(base + "/preview"); !strings.Contains(pv.Body, "columns separated by semicolons (;).") || !strings.Contains(pv.Body, "Bravo Two") {
		t.Error("the preview does not show the list read with the semicolon")
	}
	r = po.Post(base+"/reading", url.Values{"separator": {"semicolon"}, "encoding": {"utf-16le"}})
	if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `<option value="utf-16le" selected`) {
		t.Fatalf("an encoding the file is not in = %d", r.StatusCode)
	}
	if r := po.Post(base+"/reading", url.Values{"separator": {"pipe"}}); r.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "Choose a separator and an encoding from the lists.") {
		t.Errorf("a separator not on offer = %d", r.StatusCode)
	}
	if p := po.Get(base); !strings.Contains(p.Body, "columns separated by semicolons (;).") || strings.Contains(p.Body, `value="utf-16le" selected`) {
		t.Error("a refused choice was kept")
	}
	if ar := po.Get(base + "?lang=ar"); !strings.Contains(ar.Body, "قُرئ بترميز UTF-8، والأعمدة مفصولة بـفواصل منقوطة (;).") ||
		!strings.Contains(ar.Body, "خمّن من الملف") {
		t.Error("the Arabic columns step does not say how the list was read")
	}
}

// TestImport_WorkbookShapes imports a workbook LibreOffice wrote, with a
// sheet of instructions and a hidden sheet before the list: the columns
// step says which sheet was read and where its header is, and the preview
// holds the list's rows; and a form above the header in another one.
func TestImport_WorkbookShapes(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	id := createdID(t, po.Post("/trainings", trainingForm(nil)))
	upload := func(name string) string {
		data, err := os.ReadFile(filepath.Join("..", "roster", "nomination", "testdata", "shapes", name))
		if err != nil {
			t.Fatal(err)
		}
		r := po.Upload("/trainings/"+id+"/import", "file", name, data, nil)
		m := uploadPath.FindStringSubmatch(r.Header.Get("Location"))
		if m == nil {
			t.Fatalf("upload of %s = %d", name, r.StatusCode)
		}
		return "/trainings/" + id + "/import/" + m[1]
	}
	base := upload("several-sheets.xlsx")
	if p := po.Get(base); !strings.Contains(p.Body, "Read the sheet “الترشيحات” of the workbook.") || strings.Contains(p.Body, "found on row") {
		t.Error("the columns step does not name the sheet read")
	}
	if pv := po.Get(base + "/preview"); !strings.Contains(pv.Body, "Karim Fouad El-Shazly") || !strings.Contains(pv.Body, "الترشيحات") {
		t.Error("the preview does not hold the list of the third sheet")
	}
	base = upload("form-above-header.xlsx")
	if p := po.Get(base); !strings.Contains(p.Body, "The column titles were found on row 5.") {
		t.Error("the columns step does not say where the header was found")
	}
	if ar := po.Get(base + "?lang=ar"); !strings.Contains(ar.Body, "قُرئت ورقة «Sheet1» من المصنف. وُجدت عناوين الأعمدة في الصف ٥.") {
		t.Error("the Arabic columns step does not say how the workbook was read")
	}
}

// TestImport_RaggedRows warns on the columns step about the rows split
// into another number of cells than the header, and beside each of them on
// the preview.
func TestImport_RaggedRows(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	id := createdID(t, po.Post("/trainings", trainingForm(nil)))
	list := "Name,Sex\nAlpha One,M\nBravo, Two,F\nCharlie Three,M\n"
	r := po.Upload("/trainings/"+id+"/import", "file", "list.csv", []byte(list), nil)
	base := "/trainings/" + id + "/import/" + uploadPath.FindStringSubmatch(r.Header.Get("Location"))[1]
	if p := po.Get(base); !strings.Contains(p.Body, "1 row splits into another number of cells than the header.") {
		t.Error("the columns step does not count the ragged rows")
	}
	pv := po.Get(base + "/preview")
	if n := strings.Count(pv.Body, "This row has 3 cells where the header has 2"); n != 1 {
		t.Errorf("the preview warns %d times about the ragged row", n)
	}
}
