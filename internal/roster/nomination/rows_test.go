package nomination

import (
	"testing"

	"github.com/traindesk/traindesk/internal/model"
)

// rowsOf reads rows under the English officer headers.
func rowsOf(t *testing.T, rows ...[]string) []Row {
	t.Helper()
	headers := []string{"No.", "Name", "الاسم", "Sex", "Birth year", "Agency", "Port", "Position", "Rank", "Phone", "Email", "ID", "Notes"}
	tab := &Table{Headers: headers, Rows: rows}
	for i := range rows {
		tab.Lines = append(tab.Lines, 10+i)
	}
	return parseRows(tab, GuessMapping(headers), 2026)
}

func TestRows_Good(t *testing.T) {
	got := rowsOf(t,
		[]string{"1", " Ahmed   Mohamed\nHassan ", "أحمد  محمد حسن", "ذكر", "1985-03-12", "Customs", "Alexandria", "مفتش ميداني", "Captain", "٠١٠ ١٢٣٤ ٥٦٧٨", "Ahmed.Hassan@Example.ORG", "٢٩٠٠١٠١١٢٣٤٥٦٧", "first course"},
		[]string{"2", "", "منى علي", "أنثى", "١٩٩٠", "", "", "", "", "+20 10-1234-5678", "", "", ""},
		[]string{"3"}, // a serial number only: skipped
		[]string{"4", "Karim", "", "m", "31118", "", "", "Training manager", "", "1012345678", "", "", ""},
	)
	if len(got) != 3 {
		t.Fatalf("%d rows: %+v", len(got), got)
	}
	a := got[0]
	want := Row{Line: 10, NameLatin: "Ahmed Mohamed Hassan", NameArabic: "أحمد محمد حسن", Sex: model.SexMale, BirthYear: 1985,
		Agency: "Customs", DutyStation: "Alexandria", Position: model.PositionFrontLine, Rank: "Captain",
		Phone: "01012345678", Email: "ahmed.hassan@example.org", NationalRef: "29001011234567", Notes: "first course"}
	a.Raw = nil
	if a.Line != want.Line || a.NameLatin != want.NameLatin || a.NameArabic != want.NameArabic || a.Sex != want.Sex ||
		a.BirthYear != want.BirthYear || a.Agency != want.Agency || a.DutyStation != want.DutyStation ||
		a.Position != want.Position || a.Rank != want.Rank || a.Phone != want.Phone || a.Email != want.Email ||
		a.NationalRef != want.NationalRef || a.Notes != want.Notes || !a.OK() || len(a.Warnings) > 0 {
		t.Errorf("got  %+v\nwant %+v", a, want)
	}
	if b := got[1]; b.Line != 11 || b.Sex != model.SexFemale || b.BirthYear != 1990 || b.Phone != "+201012345678" || !b.OK() {
		t.Errorf("second row %+v", b)
	}
	if c := got[2]; c.Line != 13 || c.BirthYear != 1985 || c.Position != model.PositionManagement || c.Phone != "01012345678" || !c.OK() {
		t.Errorf("third row %+v", c)
	}
}

func TestRows_Bad(t *testing.T) {
	got := rowsOf(t,
		[]string{"1", "", "", "M"},
		[]string{"2", "Ahmed", "", "X", "85", "", "", "", "", "12345", "ahmed@", "", ""},
		[]string{"3", "أحمد", "Ahmed", "", "2020", "", "", "Astronaut", "", "0100 / 0122", "a b@c.eg", "", ""},
	)
	if len(got) != 3 {
		t.Fatalf("%d rows", len(got))
	}
	wantKeys(t, got[0].Problems, keyRowNoName)
	wantKeys(t, got[1].Problems, keyRowBadSex, keyRowBadBirthYear, keyRowBadPhone, keyRowBadEmail)
	wantKeys(t, got[2].Problems, keyRowBadBirthYear, keyRowBadPhone, keyRowBadEmail)
	wantKeys(t, got[2].Warnings, keyRowScriptSwapped, keyRowScriptSwapped, keyRowUnknownPosition)
	if p := got[1].Problems[0]; p.Field != FieldSex || len(p.Args) != 1 || p.Args[0] != "X" {
		t.Errorf("problem %+v", p)
	}
	if r := got[2]; r.Position != model.PositionOther || r.Sex != "" || r.BirthYear != 0 || r.Phone != "0100 / 0122" {
		t.Errorf("row %+v", r)
	}
}

// wantKeys asserts the keys of problems, in order.
func wantKeys(t *testing.T, ps []Problem, keys ...string) {
	t.Helper()
	if len(ps) != len(keys) {
		t.Errorf("got %+v, want %q", ps, keys)
		return
	}
	for i, p := range ps {
		if p.Key != keys[i] {
			t.Errorf("problem %d: got %s, want %s", i, p.Key, keys[i])
		}
	}
}

func TestRows_NilAndShortMapping(t *testing.T) {
	if Rows(nil, nil) != nil {
		t.Error("nil table")
	}
	tab := &Table{Headers: []string{"Name", "Sex"}, Rows: [][]string{{"Ahmed", "M"}}}
	got := Rows(tab, Mapping{FieldNameLatin})
	if len(got) != 1 || got[0].Line != 2 || got[0].Sex != "" {
		t.Errorf("got %+v", got)
	}
}

func TestParseSex(t *testing.T) {
	for in, want := range map[string]model.Sex{
		"M": "M", "m": "M", "Male": "M", "MALE ": "M", "ذكر": "M", "ذ": "M", "رجل": "M",
		"F": "F", "f.": "F", "female": "F", "أنثى": "F", "انثى": "F", "أ": "F", "سيدة": "F",
		"1": "", "2": "", "x": "", "ذكور وإناث": "",
	} {
		got, ok := parseSex(in)
		if got != want || ok != (want != "") {
			t.Errorf("parseSex(%q) = %q, %v", in, got, ok)
		}
	}
}

func TestParseBirthYear(t *testing.T) {
	for in, want := range map[string]int{
		"1985": 1985, "1985-03-12": 1985, "1985/3/12": 1985, "12/03/1985": 1985, "12.03.1985": 1985,
		"1985-03-12 00:00:00": 1985, "١٩٨٥": 1985, "١٢/٠٣/١٩٨٥": 1985, "31118": 1985, "1985.0": 1985,
		"March 1985": 1985, "مواليد 1990": 1990, "1940": 1940, "2010": 2010,
		"85": 0, "12/03/85": 0, "1939": 0, "2011": 0, "abc": 0, "1985 or 1986": 0, "-5": 0, "1e9": 0,
	} {
		got, ok := parseBirthYear(in, 2026)
		if ok != (want != 0) || (ok && got != want) {
			t.Errorf("parseBirthYear(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
}

func TestParseEmail(t *testing.T) {
	for in, want := range map[string]bool{
		"ahmed@example.org": true, "Ahmed.Hassan+eg@Mail.Example.EG": true, "mailto:x@y.eg": true, "o'neil@ex.com": true,
		"ahmed": false, "ahmed@": false, "@example.org": false, "a@b": false, "a b@c.eg": false, "a@@b.eg": false,
		"a@b..eg": false, ".a@b.eg": false, "a@-b.eg": false, "a@b.e1": false, "Ahmed <a@b.eg>": false, "أحمد@مثال.مصر": false,
	} {
		if _, ok := parseEmail(in); ok != want {
			t.Errorf("parseEmail(%q) = %v", in, ok)
		}
	}
}

func TestParsePhone(t *testing.T) {
	for in, want := range map[string]string{
		"01012345678": "01012345678", "010 1234 5678": "01012345678", "010-1234-5678": "01012345678",
		"+20 10 1234 5678": "+201012345678", "٠١٠١٢٣٤٥٦٧٨": "01012345678", "۰۱۰۱۲۳۴۵۶۷۸": "01012345678",
		"1012345678": "01012345678", "(03) 480 1234": "034801234", "1234567": "1234567",
		"123456": "", "1234567890123456": "", "0100 / 0122": "", "call me": "", "0100x": "",
	} {
		got, ok := parsePhone(in)
		if ok != (want != "") || (ok && got != want) {
			t.Errorf("parsePhone(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestParsePosition(t *testing.T) {
	for in, want := range map[string]model.Position{
		"Front-line officer": model.PositionFrontLine, "Field inspector": model.PositionFrontLine, "مفتش ميداني": model.PositionFrontLine,
		"Desk officer": model.PositionDesk, "Office work": model.PositionDesk, "عمل مكتبي": model.PositionDesk,
		"Capacity building": model.PositionCapacity, "Trainer": model.PositionCapacity, "بناء القدرات": model.PositionCapacity,
		"HQ": model.PositionHeadquarters, "Head office": model.PositionHeadquarters, "الإدارة المركزية": model.PositionHeadquarters,
		"ديوان عام المصلحة": model.PositionHeadquarters, "Director": model.PositionManagement, "Head of unit": model.PositionManagement,
		"مدير إدارة": model.PositionManagement, "رئيس قسم": model.PositionManagement, "front_line": model.PositionFrontLine,
		"capacity_building": model.PositionCapacity, "Other": model.PositionOther, "أخرى": model.PositionOther,
	} {
		got, ok := parsePosition(in, positionPhrases())
		if got != want || !ok {
			t.Errorf("parsePosition(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if got, ok := parsePosition("Astronaut", positionPhrases()); got != model.PositionOther || ok {
		t.Errorf("unknown: %q, %v", got, ok)
	}
}
