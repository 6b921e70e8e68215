package nomination

import (
	"bytes"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/traindesk/traindesk/internal/i18n"
)

func TestTemplateHeadersRoundTrip(t *testing.T) {
	want := Mapping(Fields)
	if got := GuessMapping(TemplateHeaders()); !slices.Equal(got, want) {
		t.Errorf("bilingual: got %q", got)
	}
	var en, ar []string
	for _, c := range templateColumns() {
		en, ar = append(en, c.en), append(ar, c.ar)
	}
	if got := GuessMapping(en); !slices.Equal(got, want) {
		t.Errorf("English: got %q", got)
	}
	if got := GuessMapping(ar); !slices.Equal(got, want) {
		t.Errorf("Arabic: got %q", got)
	}
	for _, choice := range positionChoices() {
		if _, ok := parsePosition(choice, positionPhrases()); !ok {
			t.Errorf("position choice %q is not understood", choice)
		}
	}
}

// The template sent to agencies speaks the app's words: its Arabic titles
// are the interface's names of the fields (one term per concept).
func TestTemplateHeadersUseTheInterfaceTerms(t *testing.T) {
	ar := i18n.New(i18n.AR)
	for i, c := range templateColumns() {
		f := Fields[i]
		switch f {
		case FieldNameLatin, FieldRank, FieldPhone, FieldNationalRef:
			continue // the titles are shorter than the form's descriptions
		}
		if want := ar.T(f.LabelKey()); c.ar != want {
			t.Errorf("%s: the template says %q, the interface %q", f, c.ar, want)
		}
	}
}

func TestTemplateCSV(t *testing.T) {
	data := TemplateCSV()
	if !bytes.HasPrefix(data, []byte("\xEF\xBB\xBFName (Latin),")) {
		t.Errorf("starts %q", data[:20])
	}
	tab := mustRead(t, "template.csv", data)
	checkTemplate(t, tab)
}

func TestTemplateXLSX(t *testing.T) {
	data, err := TemplateXLSX()
	if err != nil {
		t.Fatal(err)
	}
	tab := mustRead(t, "template.xlsx", data)
	if tab.Sheet != templateSheet || !slices.Equal(tab.Headers, TemplateHeaders()) {
		t.Errorf("sheet %q, headers %q", tab.Sheet, tab.Headers)
	}
	checkTemplate(t, tab)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dvs, err := f.GetDataValidations(templateSheet)
	if err != nil || len(dvs) != 2 {
		t.Errorf("data validations %v, %v", dvs, err)
	}
	panes, err := f.GetPanes(templateSheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes %+v, %v", panes, err)
	}
}

// checkTemplate asserts that a template reads back as one clean example
// officer.
func checkTemplate(t *testing.T, tab *Table) {
	t.Helper()
	m := GuessMappingWithData(tab)
	if !slices.Equal(m, Mapping(Fields)) {
		t.Errorf("mapping %q", m)
	}
	rows := Rows(tab, m)
	if len(rows) != 1 {
		t.Fatalf("%d rows", len(rows))
	}
	r := rows[0]
	if !r.OK() || len(r.Warnings) > 0 || r.Line != 2 || r.BirthYear != 1985 || r.Phone != "01012345678" ||
		r.Sex != "M" || r.Position != "front_line" || r.NameArabic == "" || r.NameLatin == "" {
		t.Errorf("example row %+v", r)
	}
}
