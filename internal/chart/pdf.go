package chart

import (
	"strconv"

	"github.com/traindesk/traindesk/internal/pdf"
)

// ptToMM converts font sizes in points to millimetres.
const ptToMM = 25.4 / 72

// pdfCanvas draws on a PDF page with its origin at (x0, y0), in millimetres.
// Text goes through package pdf, which shapes and reorders Arabic.
type pdfCanvas struct {
	d      *pdf.Doc
	x0, y0 float64
}

// rgb parses "#rrggbb"; the colours are constants of this package.
func rgb(hex string) (r, g, b int) {
	v, _ := strconv.ParseUint(hex[1:], 16, 32)
	return int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)
}

func (c pdfCanvas) rect(x, y, w, h float64, fill string) {
	if w <= 0 || h <= 0 {
		return
	}
	c.d.PDF().SetFillColor(rgb(fill))
	c.d.PDF().Rect(c.x0+x, c.y0+y, w, h, "F")
}

func (c pdfCanvas) line(x1, y1, x2, y2 float64, stroke string, width float64) {
	c.d.PDF().SetDrawColor(rgb(stroke))
	c.d.PDF().SetLineWidth(width)
	c.d.PDF().Line(c.x0+x1, c.y0+y1, c.x0+x2, c.y0+y2)
}

func (c pdfCanvas) text(x, y float64, s string, a anchor, size float64, bold bool, fill string) {
	c.d.SetFont(bold, size/ptToMM)
	c.d.PDF().SetTextColor(rgb(fill))
	c.d.TextAt(c.x0+x, c.y0+y, s, [...]string{"L", "C", "R"}[a])
}

func (c pdfCanvas) textWidth(s string, size float64, bold bool) float64 {
	c.d.SetFont(bold, size/ptToMM)
	return c.d.TextWidth(s)
}

// pdfFontSize picks the base font size in millimetres for a chart w wide:
// about 8.5 pt on a full A4 width, never below 7 pt.
func pdfFontSize(w float64) float64 {
	return min(max(w/60, 7*ptToMM), 9*ptToMM)
}

// draw runs a layout on the page and restores the text colour and the
// cursor, which sits below the chart afterwards.
func draw(d *pdf.Doc, x, y, w, h float64, layout func(c canvas, fs float64)) {
	layout(pdfCanvas{d: d, x0: x, y0: y}, pdfFontSize(w))
	d.PDF().SetTextColor(rgb(colorText))
	left, _ := d.ContentBox()
	d.PDF().SetXY(left, max(d.PDF().GetY(), y+h))
}

// Draw draws the chart into the box at (x, y) of size w×h millimetres,
// with text shaped and reordered by pdf. Use Doc.Reserve to get a y
// that leaves room for it on the page.
func (b BarChart) Draw(d *pdf.Doc, x, y, w, h float64) {
	draw(d, x, y, w, h, func(c canvas, fs float64) { b.draw(c, w, h, fs) })
}

// Draw draws the chart into the box at (x, y) of size w×h millimetres,
// like BarChart.Draw.
func (p ProgressChart) Draw(d *pdf.Doc, x, y, w, h float64) {
	draw(d, x, y, w, h, func(c canvas, fs float64) { p.draw(c, w, h, fs) })
}
