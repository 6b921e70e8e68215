package nomination

import (
	"slices"
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
	})
	tab := mustRead(t, "list.xlsx", data)
	if tab.Kind != "xlsx" || tab.Sheet != "Sheet1" || tab.HeaderLine != 1 {
		t.Errorf("got %q %q %d", tab.Kind, tab.Sheet, tab.HeaderLine)
	}
	equalRows(t, tab.Rows, [][]string{
		{"Ahmed Hassan", "أحمد حسن", "1012345678", "1985-03-12", "29001011234567", "2024-01-15", "12.5"},
		{"Mona Ali", "منى علي", "01012345678", "1990", "1234567", "", ""},
	})
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
