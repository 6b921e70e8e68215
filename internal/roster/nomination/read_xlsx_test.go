package nomination

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func TestRead_XLSX(t *testing.T) {
	data := xlsxOf(t, func(f *excelize.File, sheet string) {
		header := []string{"Name", "الاسم", "Mobile", "Date of birth", "ID", "Joined", "Score"}
		setRows(t, f, sheet, header, [][]string{{"Ahmed Hassan", "أحمد حسن"}, {"Mona Ali", "منى علي"}})
		dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		custom := "dd/mm/yyyy"
		dmy, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &custom})
		zeros := "00000000000"
		lead, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &zeros})
		thousands, _ := f.NewStyle(&excelize.Style{NumFmt: 3})
		check(t, f.SetCellValue(sheet, "C2", 1012345678))
		check(t, f.SetCellValue(sheet, "D2", time.Date(1985, 3, 12, 0, 0, 0, 0, time.UTC)))
		check(t, f.SetCellStyle(sheet, "D2", "D2", dateStyle))
		check(t, f.SetCellValue(sheet, "E2", 29001011234567))
		check(t, f.SetCellValue(sheet, "F2", 45306)) // 2024-01-15 as a serial
		check(t, f.SetCellStyle(sheet, "F2", "F2", dmy))
		check(t, f.SetCellValue(sheet, "G2", 12.5))
		check(t, f.SetCellValue(sheet, "C3", 1012345678))
		check(t, f.SetCellStyle(sheet, "C3", "C3", lead))
		check(t, f.SetCellValue(sheet, "D3", "1990"))
		check(t, f.SetCellValue(sheet, "E3", 1234567))
		check(t, f.SetCellStyle(sheet, "E3", "E3", thousands))
		check(t, f.SetSheetRow(sheet, "A4", &[]any{"Karim", "كريم", "01012345678", 0.1 + 0.2, 1e20, "00123", true}))
	})
	tab := mustRead(t, "list.xlsx", data)
	if tab.Kind != "xlsx" || tab.Sheet != "Sheet1" || tab.HeaderLine != 1 {
		t.Errorf("got %q %q %d", tab.Kind, tab.Sheet, tab.HeaderLine)
	}
	equalRows(t, tab.Rows, [][]string{
		{"Ahmed Hassan", "أحمد حسن", "1012345678", "1985-03-12", "29001011234567", "2024-01-15", "12.5"},
		{"Mona Ali", "منى علي", "01012345678", "1990", "1234567", "", ""},
		{"Karim", "كريم", "01012345678", "0.3", "100000000000000000000", "00123", "TRUE"},
	})
}

// Workbooks from old Macs count dates from 1904.
func TestRead_XLSXDate1904(t *testing.T) {
	yes := true
	data := xlsxOf(t, func(f *excelize.File, sheet string) {
		check(t, f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}))
		setRows(t, f, sheet, []string{"Name", "Date of birth"}, [][]string{{"Ahmed"}})
		style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		check(t, f.SetCellValue(sheet, "B2", 29656)) // 1985-03-12 counted from 1904
		check(t, f.SetCellStyle(sheet, "B2", "B2", style))
	})
	tab := mustRead(t, "mac.xlsx", data)
	equalRows(t, tab.Rows, [][]string{{"Ahmed", "1985-03-12"}})
}

// check fails the test on a setup error.
func check(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// The header is the first non-empty row; empty rows are skipped and lines
// are sheet row numbers; the first sheet with data is read.
func TestRead_XLSXLayout(t *testing.T) {
	data := xlsxOf(t, func(f *excelize.File, sheet string) {
		_, err := f.NewSheet("Data")
		check(t, err)
		check(t, f.SetCellValue("Data", "A2", "كشف بأسماء المرشحين")) // a title
		check(t, f.SetSheetRow("Data", "A4", &[]string{"Name", "Sex", ""}))
		check(t, f.SetSheetRow("Data", "A5", &[]string{"Ahmed", "M"}))
		check(t, f.SetSheetRow("Data", "A9", &[]string{" Mona\u00A0", "F", "", "beyond"}))
		check(t, f.SetCellValue("Data", "C12", "   "))
	})
	tab := mustRead(t, "list.xlsx", data)
	if tab.Sheet != "Data" || tab.HeaderLine != 4 {
		t.Errorf("sheet %q, header at %d", tab.Sheet, tab.HeaderLine)
	}
	equalRows(t, tab.Rows, [][]string{{"Ahmed", "M"}, {"Mona", "F"}})
	if !slices.Equal(tab.Lines, []int{5, 9}) {
		t.Errorf("lines %v", tab.Lines)
	}
}

// The 27-officer list of a typical training, as CSV and as XLSX, reads and
// maps to 27 clean rows.
func TestRead_HappyPath27(t *testing.T) {
	rows := officers(27)
	files := map[string][]byte{
		"list.csv": csvOf(',', officerHeaders, rows),
		"list.xlsx": xlsxOf(t, func(f *excelize.File, sheet string) {
			setRows(t, f, sheet, officerHeaders, rows)
		}),
	}
	for name, data := range files {
		tab := mustRead(t, name, data)
		equalRows(t, tab.Rows, rows)
		m := GuessMappingWithData(tab)
		want := Mapping{FieldNameLatin, FieldNameArabic, FieldSex, FieldBirthYear, FieldAgency,
			FieldDutyStation, FieldPosition, FieldPhone, FieldEmail}
		if !slices.Equal(m, want) {
			t.Fatalf("%s: mapping %q", name, m)
		}
		got := parseRows(tab, m, 2026)
		if len(got) != 27 {
			t.Fatalf("%s: %d rows", name, len(got))
		}
		for _, r := range got {
			if !r.OK() || len(r.Warnings) > 0 {
				t.Errorf("%s line %d: %v %v", name, r.Line, r.Problems, r.Warnings)
			}
		}
		if r := got[26]; r.Line != 28 || r.Phone != "01000000027" || r.Sex != "M" || r.BirthYear != 1996 || r.Position != "desk" {
			t.Errorf("%s: last row %+v", name, r)
		}
	}
}

// withSheet returns a workbook made by excelize whose first sheet's XML is
// replaced by sheetData, to build sheets excelize would not write.
func withSheet(t *testing.T, sheetData string) []byte {
	t.Helper()
	base := xlsxOf(t, func(*excelize.File, string) {})
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	check(t, err)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		w, err := zw.Create(zf.Name)
		check(t, err)
		if zf.Name == "xl/worksheets/sheet1.xml" {
			_, _ = io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?>`+
				`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`+
				sheetData+`</sheetData></worksheet>`)
			continue
		}
		rc, err := zf.Open()
		check(t, err)
		_, _ = io.Copy(w, rc)
		_ = rc.Close()
	}
	check(t, zw.Close())
	return buf.Bytes()
}

// A few kilobytes of XML with a cell in the last column on every row would
// make excelize fill millions of cells.
func TestRead_XLSXFarCells(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="inlineStr"><is><t>Sex</t></is></c></row>`)
	for r := 2; r < 1000; r++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>Ahmed</t></is></c><c r="XFD%d"><v>1</v></c></row>`, r, r, r)
	}
	start := time.Now()
	_, err := Read("far.xlsx", withSheet(t, b.String()))
	wantError(t, err, keySheetTooComplex)
	t.Logf("refused in %v", time.Since(start))
}

// A row at the bottom of the sheet: excelize would allocate a million rows
// if asked for one cell's style; the scan makes that unnecessary.
func TestRead_XLSXLastRow(t *testing.T) {
	data := withSheet(t, `<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="inlineStr"><is><t>Phone</t></is></c></row>`+
		`<row r="2"><c r="A2" t="inlineStr"><is><t>Ahmed</t></is></c><c r="B2"><v>1012345678</v></c></row>`+
		`<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>Mona</t></is></c><c r="B1048576"><v>1.012345679E9</v></c></row>`)
	start := time.Now()
	tab := mustRead(t, "last.xlsx", data)
	equalRows(t, tab.Rows, [][]string{{"Ahmed", "1012345678"}, {"Mona", "1012345679"}})
	if !slices.Equal(tab.Lines, []int{2, 1048576}) {
		t.Errorf("lines %v", tab.Lines)
	}
	t.Logf("read in %v", time.Since(start))
}
