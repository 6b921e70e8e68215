package nomination

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

// officerHeaders are the titles of the generated lists, in English.
var officerHeaders = []string{"Name (English)", "الاسم بالعربية", "Sex", "Year of birth", "Agency", "Port", "Job title", "Mobile", "E-mail"}

// officers generates n distinct officers as rows under officerHeaders.
func officers(n int) [][]string {
	latin := []string{"Ahmed", "Mona", "Karim", "Heba", "Omar", "Sara", "Youssef", "Nour", "Tarek"}
	arabic := []string{"أحمد", "منى", "كريم", "هبة", "عمر", "سارة", "يوسف", "نور", "طارق"}
	sexes := []string{"M", "F", "M", "F", "M", "F", "M", "F", "M"}
	family := []string{"Hassan", "Mahmoud", "Ibrahim"}
	familyAr := []string{"حسن", "محمود", "إبراهيم"}
	positions := []string{"Front line", "Desk", "Trainer", "HQ", "Manager"}
	rows := make([][]string, n)
	for i := range rows {
		rows[i] = []string{
			latin[i%9] + " " + family[i/9%3] + fmt.Sprintf(" %d", i+1),
			arabic[i%9] + " " + familyAr[i/9%3],
			sexes[i%9],
			fmt.Sprint(1970 + i%30),
			"Customs Authority",
			"Alexandria",
			positions[i%5],
			fmt.Sprintf("010%08d", i+1),
			fmt.Sprintf("officer%d@example.org", i+1),
		}
	}
	return rows
}

// csvOf writes header and rows with sep and Unix line ends.
func csvOf(sep rune, header []string, rows [][]string) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Comma = sep
	_ = w.Write(header)
	_ = w.WriteAll(rows)
	return buf.Bytes()
}

// xlsxOf builds a workbook with the default sheet filled by fill.
func xlsxOf(t testing.TB, fill func(f *excelize.File, sheet string)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	fill(f, "Sheet1")
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// setRows writes header and rows from A1 down.
func setRows(t testing.TB, f *excelize.File, sheet string, header []string, rows [][]string) {
	t.Helper()
	all := append([][]string{header}, rows...)
	for i, r := range all {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
}

// xlsxStream builds a workbook of header and rows with excelize's stream
// writer, which is fast enough for thousands of rows.
func xlsxStream(t testing.TB, header []string, rows [][]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	check(t, err)
	for i, r := range append([][]string{header}, rows...) {
		cells := make([]any, len(r))
		for j, c := range r {
			cells[j] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		check(t, sw.SetRow(cell, cells))
	}
	check(t, sw.Flush())
	buf, err := f.WriteToBuffer()
	check(t, err)
	return buf.Bytes()
}

// mustRead reads data and fails the test on an error.
func mustRead(t *testing.T, name string, data []byte) *Table {
	t.Helper()
	tab, err := Read(name, data)
	if err != nil {
		t.Fatalf("Read(%s): %v", name, err)
	}
	checkShape(t, tab)
	return tab
}

// checkShape asserts the invariants every Table keeps.
func checkShape(t testing.TB, tab *Table) {
	t.Helper()
	if len(tab.Rows) > MaxRows || len(tab.Lines) != len(tab.Rows) {
		t.Fatalf("%d rows, %d lines", len(tab.Rows), len(tab.Lines))
	}
	if tab.Cells != nil && len(tab.Cells) != len(tab.Rows) {
		t.Fatalf("%d rows, %d cell counts", len(tab.Rows), len(tab.Cells))
	}
	for i, r := range tab.Rows {
		if len(r) != len(tab.Headers) {
			t.Fatalf("row %d has %d cells, header %d", i, len(r), len(tab.Headers))
		}
	}
}

// wantError asserts that err is an *Error with key.
func wantError(t *testing.T, err error, key string) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("got %v, want *Error %s", err, key)
	}
	if e.Key != key {
		t.Fatalf("got key %s %v, want %s", e.Key, e.Args, key)
	}
}

// equalRows compares two tables of cells with a readable failure.
func equalRows(t *testing.T, got, want [][]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d rows %q, want %d %q", len(got), got, len(want), want)
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("row %d: got %q, want %q", i, got[i], want[i])
		}
	}
}
