package nomination

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// readShape reads a workbook of testdata/shapes (see its README) and
// returns it with the fields its header is mapped to.
func readShape(t *testing.T, name string) (*Table, Mapping) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "shapes", name))
	if err != nil {
		t.Fatal(err)
	}
	tab := mustRead(t, name, data)
	return tab, GuessMappingWithData(tab)
}

// mapped returns the header of the column field f is mapped to.
func mapped(tab *Table, m Mapping, f Field) string {
	if i := m.Column(f); i >= 0 {
		return tab.Headers[i]
	}
	return ""
}

// The list is found behind a sheet of instructions and a hidden sheet of
// drop-down values, whatever their order.
func TestRead_ShapeSeveralSheets(t *testing.T) {
	tab, m := readShape(t, "several-sheets.xlsx")
	if tab.Sheet != "الترشيحات" || tab.HeaderLine != 1 || len(tab.Rows) != 3 {
		t.Fatalf("sheet %q, header at %d, %d rows", tab.Sheet, tab.HeaderLine, len(tab.Rows))
	}
	if tab.Rows[2][1] != "Karim Fouad El-Shazly" || tab.Rows[0][3] != "1985" {
		t.Errorf("rows %q", tab.Rows)
	}
	if mapped(tab, m, FieldNameArabic) != "الاسم بالعربية" || mapped(tab, m, FieldNameLatin) != "Name in English" {
		t.Errorf("mapping %q of %q", m, tab.Headers)
	}
}

// A letterhead and a form with two cells a line above the header are
// passed over: the header is the row that names the fields.
func TestRead_ShapeFormAboveHeader(t *testing.T) {
	tab, m := readShape(t, "form-above-header.xlsx")
	if tab.HeaderLine != 5 || tab.Headers[1] != "Full name" || len(tab.Rows) != 3 {
		t.Fatalf("header %q at %d, %d rows", tab.Headers, tab.HeaderLine, len(tab.Rows))
	}
	if !slices.Equal(tab.Lines, []int{6, 7, 8}) || tab.Rows[1][1] != "Sara Nabil Youssef" {
		t.Errorf("lines %v, rows %q", tab.Lines, tab.Rows)
	}
	for f, h := range map[Field]string{FieldNameLatin: "Full name", FieldSex: "Sex", FieldPhone: "Mobile", FieldEmail: "E-mail"} {
		if got := mapped(tab, m, f); got != h {
			t.Errorf("%s is mapped to %q, want %q", f, got, h)
		}
	}
}

// A header over two rows becomes one ("الاسم بالعربية"), and a value merged
// down several rows is in each of them.
func TestRead_ShapeMergedCells(t *testing.T) {
	tab, m := readShape(t, "merged-cells.xlsx")
	want := []string{"م", "الاسم بالعربية", "الاسم بالإنجليزية", "النوع", "بيانات الاتصال الموبايل", "بيانات الاتصال البريد الإلكتروني", "الجهة"}
	if !slices.Equal(tab.Headers, want) || len(tab.Rows) != 4 {
		t.Fatalf("headers %q, %d rows", tab.Headers, len(tab.Rows))
	}
	agencies := []string{}
	for _, r := range tab.Rows {
		agencies = append(agencies, r[6])
	}
	if !slices.Equal(agencies, []string{"مصلحة الجمارك", "مصلحة الجمارك", "مصلحة الجمارك", "مصلحة الضرائب"}) {
		t.Errorf("agencies %q", agencies)
	}
	if !slices.Equal(tab.Lines, []int{3, 4, 5, 6}) {
		t.Errorf("lines %v", tab.Lines)
	}
	for f, h := range map[Field]string{FieldNameArabic: want[1], FieldNameLatin: want[2], FieldSex: want[3],
		FieldPhone: want[4], FieldEmail: want[5], FieldAgency: want[6]} {
		if got := mapped(tab, m, f); got != h {
			t.Errorf("%s is mapped to %q, want %q", f, got, h)
		}
	}
}

// The same form above the header in a Windows-1256 CSV with semicolons:
// encoding, separator and header are all found.
func TestRead_ShapeCSVFormAboveHeader(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "shapes", "form-above-header.csv"))
	if err != nil {
		t.Fatal(err)
	}
	tab := mustRead(t, "list.csv", data)
	if tab.Encoding != "windows-1256" || tab.Separator != ';' || tab.HeaderLine != 5 || len(tab.Rows) != 3 {
		t.Fatalf("%s, %q, header %q at %d, %d rows", tab.Encoding, tab.Separator, tab.Headers, tab.HeaderLine, len(tab.Rows))
	}
	if tab.Rows[0][1] != "طارق حسن إبراهيم" || tab.Ragged() != 0 {
		t.Errorf("rows %q, %d ragged", tab.Rows, tab.Ragged())
	}
}
