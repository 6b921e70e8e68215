package pdf

// lineHeight is the distance between baselines for a font size in points.
func lineHeight(size float64) float64 { return size * ptToMM * 1.45 }

// ContentBox returns the left edge and the width of the text area, for code
// that places charts and images between the margins.
func (d *Doc) ContentBox() (left, width float64) {
	w, _ := d.pdf.GetPageSize()
	l, _, r, _ := d.pdf.GetMargins()
	return l, w - l - r
}

// ensure starts a new page unless h millimetres fit above the bottom
// margin, and reports whether it did. Blocks call it before drawing so
// that no line is cut by the page end.
func (d *Doc) ensure(h float64) bool {
	_, pageH := d.pdf.GetPageSize()
	_, bottom := d.pdf.GetAutoPageBreak()
	if d.pdf.GetY()+h <= pageH-bottom {
		return false
	}
	d.pdf.AddPage()
	return true
}

// Reserve makes room for a block h millimetres tall, starting a new page
// if it does not fit below the cursor, and returns the y at which to draw
// it; the cursor moves below the block. Charts and images use it because
// they are drawn at fixed positions, which never break pages by themselves.
func (d *Doc) Reserve(h float64) float64 {
	d.ensure(h)
	y := d.pdf.GetY()
	left, _ := d.ContentBox()
	d.pdf.SetXY(left, y+h)
	return y
}

// block draws wrapped text aligned to the page direction and moves the
// cursor below it, keeping the first two lines together.
func (d *Doc) block(text string, bold bool, size, after float64) {
	d.SetFont(bold, size)
	left, width := d.ContentBox()
	lh := lineHeight(size)
	lines := d.Lines(text, width)
	d.ensure(lh * float64(min(len(lines), 2)))
	for _, l := range lines {
		d.ensure(lh)
		y := d.pdf.GetY()
		d.drawVisual(left, y, width, lh, l, "")
		d.pdf.SetXY(left, y+lh)
	}
	d.pdf.SetY(d.pdf.GetY() + after)
}

// Heading draws bold text at size points, kept on one page with the start
// of what follows it.
func (d *Doc) Heading(text string, size float64) {
	d.ensure(lineHeight(size) + 3*lineHeight(10))
	d.block(text, true, size, size*ptToMM*0.6)
}

// Paragraph draws text at size points, wrapped to the text width and
// aligned to the page direction; each line is ordered by the bidi rules,
// so mixed Arabic and Latin text reads correctly.
func (d *Doc) Paragraph(text string, size float64) {
	d.block(text, false, size, size*ptToMM*0.8)
}

// KeyValues draws label/value lines, as on a certificate or a report cover:
// labels in bold in a column at the start side, values wrapped beside them.
func (d *Doc) KeyValues(rows [][2]string) {
	const size, gap = 10.0, 4.0
	left, width := d.ContentBox()
	d.SetFont(true, size)
	labelW := 0.0
	for _, r := range rows {
		labelW = max(labelW, d.TextWidth(r[0]))
	}
	labelW = min(labelW+1, width*0.4)
	valueW := width - labelW - gap
	labelX, valueX := left, left+labelW+gap
	if d.opts.RTL {
		labelX, valueX = left+width-labelW, left
	}
	lh := lineHeight(size)
	for _, r := range rows {
		d.SetFont(true, size)
		labels := d.Lines(r[0], labelW)
		d.SetFont(false, size)
		values := d.Lines(r[1], valueW)
		n := max(len(labels), len(values))
		d.ensure(lh * float64(n))
		y := d.pdf.GetY()
		d.SetFont(true, size)
		for i, l := range labels {
			d.drawVisual(labelX, y+float64(i)*lh, labelW, lh, l, "")
		}
		d.SetFont(false, size)
		for i, l := range values {
			d.drawVisual(valueX, y+float64(i)*lh, valueW, lh, l, "")
		}
		d.pdf.SetXY(left, y+float64(n)*lh+1)
	}
	d.pdf.SetY(d.pdf.GetY() + 2)
}
