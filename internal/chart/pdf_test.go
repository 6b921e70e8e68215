package chart

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/traindesk/traindesk/internal/pdf"
	"github.com/traindesk/traindesk/internal/qr"
)

// samplePage builds the page a person checks by eye: Arabic lines, names,
// mixed lines, numbers, lam-alef, a table, charts and a QR code.
func samplePage(t *testing.T, rtl bool) []byte {
	t.Helper()
	d, err := pdf.New(pdf.Options{
		RTL: rtl, Title: "SPHERE II",
		FooterText: "SPHERE II · تقرير " + pdf.Isolate("2023-01-01 – 2023-12-31", false),
		PageLabel: func(page, total string) string {
			return "صفحة " + pdf.ArabicDigits(page) + " من " + total
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	d.Heading("مصلحة الجمارك المصرية", 16)
	d.Paragraph("محمد عبد الله الجمال — فاطمة الزهراء عبد الرحمن", 11)
	d.Paragraph("تدريب SPHERE II في الغردقة ١٦–١٩ يناير ٢٠٢٣", 11)
	d.Paragraph("Safaga ميناء سفاجا", 11)
	d.Paragraph("الأرقام: ٠١٢٣٤٥٦٧٨٩ و 0123456789 — النسبة 45% — (ملاحظة)", 11)
	d.Paragraph("السلام عليكم — الإسكندرية — لا — لآلئ — لأن", 11)
	d.Table(pdf.Table{
		Columns: []pdf.Column{{Title: "الجهة"}, {Title: "Agency"}, {Title: "نساء", Width: 18}, {Title: "رجال", Width: 18}},
		Rows: [][]string{
			{"مصلحة الجمارك المصرية", "Egyptian Customs Authority", "١٢", "٣٠"},
			{"ميناء سفاجا", "Safaga Port", "٧", "٩"},
			{"وزارة المالية", "Ministry of Finance", "٣", "٤"},
		},
		HeaderFill: true, Zebra: true,
	})
	drawSampleCharts(t, d, rtl)
	var buf bytes.Buffer
	if err := d.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// drawSampleCharts adds every kind of chart and a QR code to the page.
func drawSampleCharts(t *testing.T, d *pdf.Doc, rtl bool) {
	t.Helper()
	format := func(v float64) string { return pdf.ArabicDigits(fmt.Sprintf("%.0f", v)) }
	left, width := d.ContentBox()
	bar := agencies(rtl, false)
	bar.Bars[1].Label = "ميناء سفاجا"
	bar.Format = format
	y := d.Reserve(62)
	bar.Draw(d, left, y, width*0.55, 60)
	hbar := bar
	hbar.Horizontal, hbar.Title = true, "SPHERE II — المشاركون"
	hbar.Draw(d, left, d.Reserve(50), width, 48)
	d.Paragraph("QR: https://traindesk.example/verify/CERT-2023-0042", 9)
	ProgressChart{
		Title: "المؤشرات", RTL: rtl, Format: format,
		LegendActual: "الفعلي", LegendBaseline: "خط الأساس", LegendTarget: "المستهدف",
		Items: []Progress{
			{Label: "عدد الضباط المدربين", Baseline: 10, Target: 60, Actual: 45},
			{Label: "نسبة النساء", Baseline: 20, Target: 40, Actual: 46, Unit: "%"},
		},
	}.Draw(d, left, d.Reserve(40), width, 38)
	png, err := qr.PNG("https://traindesk.example/verify/CERT-2023-0042", 256)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Image(png, left+width*0.7, y+15, 30, 30); err != nil {
		t.Fatal(err)
	}
}

func TestDraw_PDF(t *testing.T) {
	for _, rtl := range []bool{true, false} {
		t.Run(fmt.Sprint("rtl=", rtl), func(t *testing.T) {
			page := samplePage(t, rtl)
			if !bytes.HasPrefix(page, []byte("%PDF")) {
				t.Fatal("not a PDF")
			}
			render(t, page, fmt.Sprint("sample-rtl-", rtl))
		})
	}
}

// render rasterises the PDF when poppler's pdftoppm is installed, which
// catches PDFs a real reader rejects. CHART_SAMPLE_DIR keeps the files for
// a person to look at.
func render(t *testing.T, pdf []byte, name string) {
	t.Helper()
	bin, err := exec.LookPath("pdftoppm")
	if err != nil {
		t.Log("pdftoppm not installed; skipping rendering")
		return
	}
	dir := t.TempDir()
	if keep := os.Getenv("CHART_SAMPLE_DIR"); keep != "" {
		dir = keep
	}
	in := filepath.Join(dir, name+".pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-png", "-r", "110", in, filepath.Join(dir, name)).CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
}
