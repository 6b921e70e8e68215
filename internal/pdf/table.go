package pdf

import (
	"strings"
	"unicode"
)

// Column describes one table column.
type Column struct {
	Title string
	Width float64 // millimetres; 0 shares the width the other columns leave
	// Align is "L", "R" or "C". "" aligns text to where lines start in the
	// page direction, and a column whose cells are all numbers to where
	// lines end: right on English pages and left on Arabic pages, as Arabic
	// reports do, so that the digits of a column line up at one edge.
	Align string
}

// Table is a data table. Its header repeats on every page it spans, cells
// wrap and each row is as tall as its tallest cell, and on Arabic pages the
// first column is at the right edge.
type Table struct {
	Columns    []Column
	Rows       [][]string
	HeaderFill bool    // a dark header band with white text
	Zebra      bool    // tint every other row
	FontSize   float64 // points; 0 means 9
}

// cellPad is the inner padding of a cell in millimetres.
const cellPad = 1.5

// tableLayout holds what every row needs to be drawn.
type tableLayout struct {
	xs, ws []float64 // left edge and width of each column, in column order
	aligns []string
	left   float64 // left edge of the whole table
	width  float64
	size   float64
	lh     float64
}

// Table draws t at the cursor and leaves the cursor below it.
func (d *Doc) Table(t Table) {
	if len(t.Columns) == 0 {
		return
	}
	lay := d.layoutTable(t)
	header := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		header[i] = c.Title
	}
	d.SetFont(true, lay.size)
	headLines := d.cellLines(header, lay)
	d.SetFont(false, lay.size)
	var first [][]string
	if len(t.Rows) > 0 {
		first = d.cellLines(t.Rows[0], lay)
	}
	d.ensure(lay.rowHeight(headLines) + lay.rowHeight(first))
	d.drawHeader(headLines, lay, t.HeaderFill)
	for i, row := range t.Rows {
		d.SetFont(false, lay.size)
		cells := d.cellLines(row, lay)
		if d.ensure(lay.rowHeight(cells)) {
			d.drawHeader(headLines, lay, t.HeaderFill)
			d.SetFont(false, lay.size)
		}
		d.drawRow(cells, lay, t.Zebra && i%2 == 1)
	}
	d.pdf.SetY(d.pdf.GetY() + 4)
}

// layoutTable resolves column widths, positions and alignments.
func (d *Doc) layoutTable(t Table) tableLayout {
	left, width := d.ContentBox()
	lay := tableLayout{size: t.FontSize}
	if lay.size <= 0 {
		lay.size = 9
	}
	lay.lh = lineHeight(lay.size) * 0.9
	fixed, shared := 0.0, 0
	for _, c := range t.Columns {
		if c.Width > 0 {
			fixed += c.Width
		} else {
			shared++
		}
	}
	// Fixed widths shrink to leave shared columns at least minShared each.
	const minShared = 12.0
	scale := 1.0
	if avail := width - minShared*float64(shared); fixed > avail && fixed > 0 {
		scale = max(avail, 0) / fixed
	}
	rest := width - fixed*scale
	for _, c := range t.Columns {
		w := c.Width * scale
		if c.Width <= 0 {
			w = rest / float64(shared)
		}
		lay.ws = append(lay.ws, w)
		lay.width += w
	}
	lay.left = left
	if d.opts.RTL {
		lay.left = left + width - lay.width
	}
	lay.xs = make([]float64, len(lay.ws))
	x := lay.left
	for k := range lay.ws {
		i := k
		if d.opts.RTL {
			i = len(lay.ws) - 1 - k
		}
		lay.xs[i] = x
		x += lay.ws[i]
	}
	lay.aligns = d.columnAligns(t)
	return lay
}

// columnAligns applies the alignment rule documented on Column.
func (d *Doc) columnAligns(t Table) []string {
	aligns := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		switch {
		case c.Align != "":
			aligns[i] = c.Align
		case numericColumn(t.Rows, i):
			aligns[i] = d.endAlign()
		default:
			aligns[i] = d.startAlign()
		}
	}
	return aligns
}

// numericColumn reports whether column i has cells and all of them are
// numbers.
func numericColumn(rows [][]string, i int) bool {
	seen := false
	for _, r := range rows {
		if i >= len(r) || strings.TrimSpace(r[i]) == "" {
			continue
		}
		if !isNumeric(r[i]) {
			return false
		}
		seen = true
	}
	return seen
}

// isNumeric reports whether s is a number, a percentage, a ratio or a
// range, in ASCII or Arabic-Indic digits.
func isNumeric(s string) bool {
	digits := false
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits = true
		case strings.ContainsRune(" +-−.,:/%٪٫٬–", r):
		default:
			return false
		}
	}
	return digits
}

// cellLines wraps each cell of a row in the current font.
func (d *Doc) cellLines(row []string, lay tableLayout) [][]string {
	cells := make([][]string, len(lay.ws))
	for i := range cells {
		if i < len(row) && strings.TrimSpace(row[i]) != "" {
			cells[i] = d.Lines(row[i], lay.ws[i]-2*cellPad)
		}
	}
	return cells
}

// rowHeight is the height of a row whose cells have the given lines.
func (lay tableLayout) rowHeight(cells [][]string) float64 {
	n := 1
	for _, c := range cells {
		n = max(n, len(c))
	}
	return float64(n)*lay.lh + 2*cellPad
}

// drawHeader draws the header row in bold, on a dark band if fill is set.
func (d *Doc) drawHeader(cells [][]string, lay tableLayout, fill bool) {
	y, h := d.pdf.GetY(), lay.rowHeight(cells)
	d.SetFont(true, lay.size)
	if fill {
		d.pdf.SetFillColor(0x0b, 0x5a, 0x87)
		d.pdf.Rect(lay.left, y, lay.width, h, "F")
		d.pdf.SetTextColor(0xff, 0xff, 0xff)
	}
	d.drawCells(cells, lay, y)
	d.pdf.SetTextColor(colorText[0], colorText[1], colorText[2])
	d.pdf.SetDrawColor(colorText[0], colorText[1], colorText[2])
	d.pdf.SetLineWidth(0.3)
	d.pdf.Line(lay.left, y+h, lay.left+lay.width, y+h)
	d.pdf.SetY(y + h)
}

// drawRow draws a body row with a rule below it.
func (d *Doc) drawRow(cells [][]string, lay tableLayout, tint bool) {
	y, h := d.pdf.GetY(), lay.rowHeight(cells)
	if tint {
		d.pdf.SetFillColor(0xf1, 0xf5, 0xf8)
		d.pdf.Rect(lay.left, y, lay.width, h, "F")
	}
	d.drawCells(cells, lay, y)
	d.pdf.SetDrawColor(0xd9, 0xdf, 0xe5)
	d.pdf.SetLineWidth(0.2)
	d.pdf.Line(lay.left, y+h, lay.left+lay.width, y+h)
	d.pdf.SetY(y + h)
}

// drawCells draws the lines of every cell of a row starting at y.
func (d *Doc) drawCells(cells [][]string, lay tableLayout, y float64) {
	for i, lines := range cells {
		for j, l := range lines {
			d.drawVisual(lay.xs[i]+cellPad, y+cellPad+float64(j)*lay.lh,
				lay.ws[i]-2*cellPad, lay.lh, l, lay.aligns[i])
		}
	}
}
