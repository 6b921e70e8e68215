package pdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"
)

// sampleDoc builds a document with every kind of block and a long table.
func sampleDoc(t *testing.T, rtl bool) []byte {
	t.Helper()
	d, err := New(Options{
		RTL:        rtl,
		Title:      "تقرير SPHERE II",
		Subject:    "donor report",
		FooterText: "SPHERE II · تقرير " + Isolate("2023-01-01 – 2023-12-31", false),
		PageLabel: func(page, total string) string {
			return "صفحة " + ArabicDigits(page) + " من " + total
		},
		Header: func(d *Doc) {
			d.SetFont(true, 8)
			d.TextBox(15, 6, 180, 5, "traindesk · مصلحة الجمارك المصرية", "")
			d.PDF().SetY(15)
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	d.Heading("مصلحة الجمارك المصرية", 18)
	d.Paragraph("محمد عبد الله الجمال", 12)
	d.Paragraph("تدريب SPHERE II في الغردقة ١٦–١٩ يناير ٢٠٢٣", 12)
	d.Paragraph("Safaga ميناء سفاجا", 12)
	d.Paragraph("الأرقام: 1234567890 و ٠١٢٣٤٥٦٧٨٩ و 45% و (ملاحظة) و [SPHERE (II)]", 12)
	d.Paragraph("السلام عليكم، الإسكندرية، لا، لآلئ، لأن، بَيْتٌ — مُحَمَّد", 12)
	d.Paragraph(strings.Repeat("هذه فقرة طويلة تحتوي على نص عربي مع كلمات English words وأرقام 2023 لاختبار الالتفاف. ", 6), 10)
	d.KeyValues([][2]string{{"الاسم", "محمد عبد الله الجمال"}, {"الجهة", "Egyptian Customs Authority"}, {"المدة", "١٦–١٩ يناير ٢٠٢٣"}})
	rows := make([][]string, 40)
	for i := range rows {
		rows[i] = []string{
			ArabicDigits(fmt.Sprint(i + 1)),
			"محمد عبد الله الجمال",
			"Ministry of Finance — Customs Department, Port Said branch",
			"مصلحة الجمارك المصرية",
			fmt.Sprintf("%d%%", 40+i),
		}
	}
	d.Table(Table{
		Columns: []Column{
			{Title: "#", Width: 10}, {Title: "الاسم"}, {Title: "Agency"},
			{Title: "الجهة"}, {Title: "النسبة", Width: 20},
		},
		Rows: rows, HeaderFill: true, Zebra: true,
	})
	var buf bytes.Buffer
	if err := d.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDoc_Smoke(t *testing.T) {
	for _, rtl := range []bool{true, false} {
		t.Run(fmt.Sprint("rtl=", rtl), func(t *testing.T) {
			pdf := sampleDoc(t, rtl)
			if !bytes.HasPrefix(pdf, []byte("%PDF")) {
				t.Fatalf("output does not start with %%PDF: %q", pdf[:min(len(pdf), 8)])
			}
			pages := len(regexp.MustCompile(`/Type /Page\b[^s]`).FindAll(pdf, -1))
			if pages < 2 {
				t.Fatalf("got %d pages, want 2 or more", pages)
			}
			renderPNG(t, pdf)
		})
	}
}

// renderPNG rasterises page 1 when poppler's pdftoppm is installed, which
// catches PDFs that parse in Go but not in a real reader. Setting
// PDFDOC_SAMPLE_DIR keeps the files for a person to look at.
func renderPNG(t *testing.T, pdf []byte) {
	t.Helper()
	bin, err := exec.LookPath("pdftoppm")
	if err != nil {
		t.Log("pdftoppm not installed; skipping rendering")
		return
	}
	dir := t.TempDir()
	if keep := os.Getenv("PDFDOC_SAMPLE_DIR"); keep != "" {
		dir = keep
	}
	name := strings.NewReplacer("/", "_", "=", "-").Replace(t.Name())
	in := filepath.Join(dir, name+".pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-png", "-r", "100", "-f", "1", "-l", "1", in, filepath.Join(dir, name)).CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	matches, _ := filepath.Glob(filepath.Join(dir, name+"*.png"))
	if len(matches) == 0 {
		t.Fatal("pdftoppm wrote no PNG")
	}
}

// utf16BE encodes s as fpdf writes text into page content.
func utf16BE(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b
}

func TestDoc_PageLabel(t *testing.T) {
	arabic := func(page, total string) string { return "صفحة " + ArabicDigits(page) + " من " + total }
	tests := []struct {
		name  string
		label func(page, total string) string
		want  string // the label on page 2, as drawn
	}{
		{"default", nil, "2 / 2"},
		{"english", func(p, total string) string { return "Page " + p + " of " + total }, "Page 2 of 2"},
		{"arabic", arabic, strings.Replace(Visual(arabic("2", aliasTotalArabic), true), aliasTotalArabic, "٢", 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := New(Options{RTL: tt.name == "arabic", PageLabel: tt.label})
			if err != nil {
				t.Fatal(err)
			}
			d.PDF().SetCompression(false)
			d.Paragraph("Délégation à Port Said", 10)
			d.PDF().AddPage()
			var buf bytes.Buffer
			if err := d.Output(&buf); err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{tt.want, "Délégation à Port Said"} {
				if !bytes.Contains(buf.Bytes(), utf16BE(want)) {
					t.Errorf("the PDF does not show %q", want)
				}
			}
			for _, alias := range []string{aliasTotal, aliasTotalArabic} {
				if bytes.Contains(buf.Bytes(), utf16BE(alias)) {
					t.Errorf("placeholder %U is left in the PDF", []rune(alias)[0])
				}
			}
		})
	}
}
