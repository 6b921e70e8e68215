package report_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/xuri/excelize/v2"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/report"
	"github.com/traindesk/traindesk/internal/report/reporttest"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// tools finds the programs a test needs. It skips the test when one is
// missing, unless TRAINDESK_TEST_REQUIRE names what (then it fails).
func tools(t *testing.T, what string, names ...string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, n := range names {
		p, err := exec.LookPath(n)
		if err != nil {
			if storetest.Required(what) {
				t.Fatalf("TRAINDESK_TEST_REQUIRE names %s but %s is not installed", what, n)
			}
			t.Skipf("%s is not installed", n)
		}
		out[n] = p
	}
	return out
}

// maxPagesPerSheet is how many pages a sheet of the 2023 report may print
// to: the long tables hold 44 participations.
const maxPagesPerSheet = 3

// TestWorkbook_Prints converts the 2023 workbook, in English and in Arabic,
// to PDF with LibreOffice as a reader would print it: every sheet prints
// on a few pages, one page wide (the last column is on the first page of
// its sheet, with the donor, project and period at the top), and the file
// reads back with full values and their number formats.
func TestWorkbook_Prints(t *testing.T) {
	bin := tools(t, "libreoffice", "libreoffice", "pdftotext")
	dir := t.TempDir()
	var files []string
	books := map[i18n.Lang][]report.Table{}
	for _, lang := range i18n.Langs {
		e := exportFixture(t, lang, false)
		tables, err := e.Tables()
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := report.WriteXLSX(&buf, tables, e.WorkbookOptions(nil)); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "report-"+string(lang)+".xlsx")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		checkReadBack(t, path, tables)
		files, books[lang] = append(files, path), tables
	}
	// A profile of its own, so that another LibreOffice running on the
	// machine does not get in the way.
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "pdf", "--outdir", dir}, files...)
	if out, err := exec.Command(bin["libreoffice"], args...).CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	if d := os.Getenv("TRAINDESK_KEEP_PRINTS"); d != "" {
		exec.Command("cp", "-r", dir, d).Run()
	}
	for lang, tables := range books {
		pages := pdfPages(t, bin["pdftotext"], filepath.Join(dir, "report-"+string(lang)+".pdf"))
		checkPrinted(t, lang, pages, tables)
	}
}

// pdfPages extracts each page's text, laid out as printed.
func pdfPages(t *testing.T, tool, path string) []string {
	t.Helper()
	out, err := exec.Command(tool, "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	pages := strings.Split(string(out), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// checkPrinted finds each sheet's pages by the sheet's name in their
// header, counts them, and looks on the first for the period and for the
// last column's header (in English; Arabic text does not extract as
// typed).
func checkPrinted(t *testing.T, lang i18n.Lang, pages []string, tables []report.Table) {
	t.Helper()
	l := i18n.New(lang)
	if len(pages) > maxPagesPerSheet*len(tables) {
		t.Errorf("%s: %d pages for %d sheets", lang, len(pages), len(tables))
	}
	first := 0
	for _, tb := range tables {
		n := 0
		for i, p := range pages {
			head, body, _ := strings.Cut(p, "\n")
			if !names(head, tb.Title) {
				continue
			}
			if n == 0 {
				first = i
			}
			n++
			if lang == i18n.EN && i == first {
				last := strings.Fields(tb.Columns[len(tb.Columns)-1].Header)[0]
				if !strings.Contains(body, last) || !strings.Contains(head, "SPHERE II") || !strings.Contains(head, "2023") {
					t.Errorf("%s: the first page lacks the last column %q or the project and period:\n%s", tb.Name, last, p)
				}
			}
		}
		if n == 0 || n > maxPagesPerSheet {
			t.Errorf("%s: sheet %s prints on %d pages", lang, tb.Title, n)
		}
	}
	if lang == i18n.EN && !strings.Contains(pages[0], l.T("report.note.as_of", l.Date(reporttest.Today))[:20]) {
		t.Errorf("the note is not at the foot of the page:\n%s", pages[0])
	}
}

// names reports whether a page's header names the sheet title: each of
// its words is there, whatever the order. pdftotext gives Arabic words
// back in logical order, but splits the lam-alef ligature into alef and
// lam, reversed; the letters alef and lam are therefore left out of the
// comparison.
func names(header, title string) bool {
	norm := func(s string) string {
		return strings.Map(func(r rune) rune {
			if !unicode.IsLetter(r) || strings.ContainsRune("اأإآٱل", r) {
				return -1
			}
			return unicode.ToLower(r)
		}, s)
	}
	h := norm(header)
	for _, w := range strings.Fields(title) {
		if !strings.Contains(h, norm(w)) {
			return false
		}
	}
	return true
}

// checkReadBack opens the workbook with excelize: every sheet is there,
// percentages hold the whole fraction under a one-decimal percent format,
// counts are whole under a format without decimals, means keep their
// digits under a one-decimal format.
func checkReadBack(t *testing.T, path string, tables []report.Table) {
	t.Helper()
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: 64 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != len(tables) {
		t.Fatalf("%d sheets, want %d", len(got), len(tables))
	}
	summary := f.GetSheetList()[0]
	rows, err := f.GetRows(summary, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		format string
		value  float64
	}{
		"unique_individuals":      {"#,##0", 31},
		"attendance_rate_percent": {"0.0%", 152.0 / 159},
		"women_share_percent":     {"0.0%", 8.0 / 31},
		"mean_gain":               {"0.0", 685.0 / 44},
		"satisfaction_mean":       {"0.0", 156.0 / 44},
	}
	seen := 0
	for i, r := range rows {
		w, ok := want[r[0]]
		if !ok || len(r) < 3 {
			continue
		}
		seen++
		cell := "C" + strconv.Itoa(i+1)
		if format := numberFormat(f, summary, cell); format != w.format || !sameFloat(r[2], w.value) {
			t.Errorf("%s: %s holds %s as %q, want %v as %q", path, r[0], r[2], format, w.value, w.format)
		}
	}
	if seen != len(want) {
		t.Errorf("%s: found %d of the %d figures", path, seen, len(want))
	}
}

// numberFormat is a cell's number format code.
func numberFormat(f *excelize.File, sheet, cell string) string {
	idx, _ := f.GetCellStyle(sheet, cell)
	st, err := f.GetStyle(idx)
	switch {
	case err != nil:
		return ""
	case st.CustomNumFmt != nil:
		return *st.CustomNumFmt
	case st.NumFmt == 3:
		return "#,##0"
	}
	return "General"
}
