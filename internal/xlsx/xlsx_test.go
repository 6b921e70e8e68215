package xlsx_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/traindesk/traindesk/internal/xlsx"
)

// TestWrite_WellFormed: every part of the package is well-formed XML,
// text that XML cannot hold is replaced, sheet names are made valid and
// unique, and columns past Z are named AA….
func TestWrite_WellFormed(t *testing.T) {
	cols := make([]xlsx.Column, 30)
	row := make([]xlsx.Cell, 30)
	for i := range cols {
		cols[i] = xlsx.Column{Header: "C & <c>", Width: 8}
		row[i] = xlsx.Cell{Kind: xlsx.Int, Num: float64(i)}
	}
	row[0] = xlsx.Cell{Kind: xlsx.Text, Text: "bell\x07 and \"quotes\" & <tags>"}
	sh := xlsx.Sheet{Title: "A/B: [test]", Columns: cols, Rows: func(emit func([]xlsx.Cell) error) error { return emit(row) }}
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, []xlsx.Sheet{sh, sh}, xlsx.Options{}); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range z.File {
		r, _ := zf.Open()
		dec := xml.NewDecoder(r)
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s is not well-formed: %v", zf.Name, err)
			}
		}
		r.Close()
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "A B   test" || got[1] != "A B   test 2" {
		t.Errorf("sheets %q", got)
	}
	if v, _ := f.GetCellValue("A B   test", "AD2"); v != "29" {
		t.Errorf("AD2 = %q", v)
	}
	if v, _ := f.GetCellValue("A B   test", "A2"); v != "bell\uFFFD and \"quotes\" & <tags>" {
		t.Errorf("A2 = %q", v)
	}
}

// TestWrite_Typed: a frozen header, right to left on request, progress
// after each row, and numbers, percentages and dates typed.
func TestWrite_Typed(t *testing.T) {
	rows := [][]xlsx.Cell{
		{{Kind: xlsx.Date, Date: time.Date(2023, 1, 16, 0, 0, 0, 0, time.UTC)}, {Kind: xlsx.Percent, Num: 95.4},
			{Kind: xlsx.Decimal, Num: 15.6}, {Kind: xlsx.Number, Empty: true}},
		{{Kind: xlsx.Text, Text: "مصلحة الجمارك"}},
	}
	sh := xlsx.Sheet{Title: "الملخص", Columns: []xlsx.Column{{Header: "a", Width: 12}, {Header: "b"}, {Header: "c"}, {Header: "d"}},
		Rows: func(emit func([]xlsx.Cell) error) error {
			for _, r := range rows {
				if err := emit(r); err != nil {
					return err
				}
			}
			return nil
		}}
	var buf bytes.Buffer
	n := 0
	if err := xlsx.Write(&buf, []xlsx.Sheet{sh}, xlsx.Options{RTL: true, Progress: func() { n++ }}); err != nil {
		t.Fatal(err)
	}
	if n != len(rows) {
		t.Errorf("progress called %d times for %d rows", n, len(rows))
	}
	f, err := excelize.OpenReader(&buf, excelize.Options{UnzipSizeLimit: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	panes, err := f.GetPanes("الملخص")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header not frozen: %+v %v", panes, err)
	}
	if view, _ := f.GetSheetView("الملخص", -1); view.RightToLeft == nil || !*view.RightToLeft {
		t.Error("not right to left")
	}
	if w, _ := f.GetColWidth("الملخص", "B"); w < 6 {
		t.Errorf("column B is %v wide, want at least 6", w)
	}
	for cell, want := range map[string]string{"A2": "2023-01-16", "B2": "95.4%", "C2": "15.6", "D2": "", "A3": "مصلحة الجمارك"} {
		if v, _ := f.GetCellValue("الملخص", cell); v != want {
			t.Errorf("%s shows %q, want %q", cell, v, want)
		}
	}
	if v, _ := f.GetCellValue("الملخص", "B2", excelize.Options{RawCellValue: true}); !sameFloat(v, 0.954) {
		t.Errorf("B2 holds %q", v)
	}
}

// TestWrite_Print: every sheet prints one page wide, in landscape when its
// columns are wide, with the header row repeated, the header and footer
// given (a literal ampersand kept), and rows tall enough for their wrapped
// text; each kind of number has its format.
func TestWrite_Print(t *testing.T) {
	narrow := xlsx.Sheet{Title: "Summary", Columns: []xlsx.Column{{Header: "Figure", Width: 20}, {Header: "Value", Width: 30, Wrap: true}},
		Rows: func(emit func([]xlsx.Cell) error) error {
			long := "Counted as of 27 November 2026: sessions still to come are not counted. Trainings still running: 1."
			if err := emit([]xlsx.Cell{{Kind: xlsx.Text, Text: "note"}, {Kind: xlsx.Text, Text: long}}); err != nil {
				return err
			}
			return emit([]xlsx.Cell{{Kind: xlsx.Text, Text: "short"}, {Kind: xlsx.Text, Text: "one line"}})
		}}
	cols := make([]xlsx.Column, 12)
	for i := range cols {
		cols[i] = xlsx.Column{Header: "Column", Width: 12}
	}
	wide := xlsx.Sheet{Title: "Wide", Columns: cols, Rows: func(emit func([]xlsx.Cell) error) error {
		return emit([]xlsx.Cell{{Kind: xlsx.Int, Num: 1234}, {Kind: xlsx.Decimal, Num: 3}, {Kind: xlsx.Percent, Num: 100 * 103.0 / 108},
			{Kind: xlsx.Number, Num: 72.5}})
	}}
	var buf bytes.Buffer
	o := xlsx.Options{Header: xlsx.HeaderFooter{Left: xlsx.Literal("Donor & partner · SPHERE II"), Center: xlsx.SheetName},
		Footer: xlsx.HeaderFooter{Right: xlsx.PageNumber + " / " + xlsx.PageCount}}
	if err := xlsx.Write(&buf, []xlsx.Sheet{narrow, wide}, o); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf, excelize.Options{UnzipSizeLimit: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	checkPageSetup(t, f)
	if h, _ := f.GetRowHeight("Summary", 2); h < 45 {
		t.Errorf("the wrapped note's row is %v points tall, want three lines at least", h)
	}
	if h, _ := f.GetRowHeight("Summary", 3); h > 15 {
		t.Errorf("a one-line row is %v points tall", h)
	}
	checkFormats(t, f)
}

// checkPageSetup: orientation by width, one page wide, the header and
// footer, the header row as print titles.
func checkPageSetup(t *testing.T, f *excelize.File) {
	t.Helper()
	for sheet, want := range map[string]string{"Summary": "portrait", "Wide": "landscape"} {
		pl, err := f.GetPageLayout(sheet)
		if err != nil || pl.Orientation == nil || *pl.Orientation != want || pl.FitToWidth == nil || *pl.FitToWidth != 1 ||
			pl.FitToHeight == nil || *pl.FitToHeight != 0 {
			t.Errorf("%s: page layout %+v, %v; want %s, one page wide", sheet, pl, err, want)
		}
		if props, _ := f.GetSheetProps(sheet); props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: not fitted to the page", sheet)
		}
		hf, err := f.GetHeaderFooter(sheet)
		if err != nil || hf == nil || hf.OddHeader != "&LDonor && partner · SPHERE II&C&A" || hf.OddFooter != "&R&P / &N" {
			t.Errorf("%s: header and footer %+v, %v", sheet, hf, err)
		}
	}
	titles := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = dn.RefersTo
		}
	}
	if titles["Summary"] != "'Summary'!$1:$1" || titles["Wide"] != "'Wide'!$1:$1" {
		t.Errorf("print titles %v", titles)
	}
}

// checkFormats: each kind of number holds its full value under its format.
func checkFormats(t *testing.T, f *excelize.File) {
	t.Helper()
	for cell, want := range map[string]struct {
		format string
		raw    float64
	}{"A2": {"#,##0", 1234}, "B2": {"0.0", 3}, "C2": {"0.0%", 103.0 / 108}, "D2": {"General", 72.5}} {
		idx, _ := f.GetCellStyle("Wide", cell)
		st, err := f.GetStyle(idx)
		format := "General"
		if err == nil && st.CustomNumFmt != nil {
			format = *st.CustomNumFmt
		} else if err == nil && st.NumFmt == 3 {
			format = "#,##0"
		}
		raw, _ := f.GetCellValue("Wide", cell, excelize.Options{RawCellValue: true})
		if format != want.format || !sameFloat(raw, want.raw) {
			t.Errorf("%s: format %q holding %s, want %q holding %v", cell, format, raw, want.format, want.raw)
		}
	}
}

// sameFloat reports whether text holds v to the last digits.
func sameFloat(text string, v float64) bool {
	got, err := strconv.ParseFloat(text, 64)
	return err == nil && math.Abs(got-v) < 1e-12
}
