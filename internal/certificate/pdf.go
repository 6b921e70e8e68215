package certificate

import (
	"fmt"
	"io"

	"github.com/traindesk/traindesk/internal/pdf"
	"github.com/traindesk/traindesk/internal/qr"
)

// The certificate's page: A4 landscape, in millimetres.
const (
	pageW, pageH = 297.0, 210.0
	colW         = 116.0 // width of each language's column
	colGap       = 17.0  // between the columns, around the centre rule
	qrSize       = 30.0
)

// Colours of the certificate: a deep blue for headings and the frame, a
// muted gold for rules, a grey for the small print.
var (
	blue  = [3]int{0x0b, 0x4f, 0x77}
	gold  = [3]int{0xb0, 0x8d, 0x3e}
	ink   = [3]int{0x17, 0x21, 0x2b}
	muted = [3]int{0x5b, 0x67, 0x73}
	red   = [3]int{0xc0, 0x26, 0x26}
)

// Write draws the certificate d as a one-page PDF: English on the left,
// Arabic on the right, the funding line, the verification code and its QR
// code below, and a watermark across the page when it is revoked.
func Write(w io.Writer, d Data) error {
	// The document runs right to left so that every line with Arabic in it
	// is ordered as Arabic; lines without Arabic stay left to right.
	doc, err := pdf.New(pdf.Options{RTL: true, Landscape: true,
		Title: d.EN.Heading + " — " + d.EN.Name, Subject: d.EN.Title})
	if err != nil {
		return err
	}
	fp := doc.PDF()
	fp.SetFooterFunc(func() {}) // one page: no page numbers
	fp.SetAutoPageBreak(false, 0)
	frame(doc)
	issuer(doc, d.Org)
	left := (pageW - 2*colW - colGap) / 2
	bottom := column(doc, left, d.EN)
	bottom = max(bottom, column(doc, left+colW+colGap, d.AR))
	rule(doc, pageW/2, 40, pageW/2, bottom-2)
	if err := footer(doc, d, left); err != nil {
		return err
	}
	if d.Revoked {
		watermark(doc, d.EN.Revoked+" · "+d.AR.Revoked)
	}
	return doc.Output(w)
}

// frame draws a double border: a strong outer line and a fine gold one.
func frame(doc *pdf.Doc) {
	fp := doc.PDF()
	fp.SetDrawColor(blue[0], blue[1], blue[2])
	fp.SetLineWidth(1.4)
	fp.Rect(8, 8, pageW-16, pageH-16, "D")
	fp.SetDrawColor(gold[0], gold[1], gold[2])
	fp.SetLineWidth(0.35)
	fp.Rect(11.5, 11.5, pageW-23, pageH-23, "D")
	fp.SetFillColor(gold[0], gold[1], gold[2])
	for _, x := range []float64{11.5, pageW - 11.5} {
		for _, y := range []float64{11.5, pageH - 11.5} {
			fp.Circle(x, y, 1.3, "F")
		}
	}
}

// issuer draws the issuer's name at the top, between two short rules.
func issuer(doc *pdf.Doc, name string) {
	setColor(doc, blue)
	doc.SetFont(true, 12)
	w := doc.TextWidth(name)
	doc.TextBox(0, 20, pageW, 6, name, "C")
	rule(doc, pageW/2-w/2-22, 23, pageW/2-w/2-4, 23)
	rule(doc, pageW/2+w/2+4, 23, pageW/2+w/2+22, 23)
}

// column draws one language's text centred in a column at x and returns
// where it ends.
func column(doc *pdf.Doc, x float64, s Side) float64 {
	cx := x + colW/2
	setColor(doc, blue)
	y := fit(doc, x, 41, s.Heading, true, 24, 11)
	setColor(doc, muted)
	y = centred(doc, cx, y+3, s.Certifies, false, 11, 1)
	setColor(doc, ink)
	y = fit(doc, x, y+3, s.Name, true, 21, 10)
	rule(doc, cx-18, y+1.5, cx+18, y+1.5)
	setColor(doc, muted)
	y = centred(doc, cx, y+7, s.Completed, false, 11, 1)
	setColor(doc, ink)
	y = centred(doc, cx, y+1.5, s.Title, true, 13.5, 3)
	y = centred(doc, cx, y+3, s.Dates, true, 11.5, 1)
	setColor(doc, muted)
	y = centred(doc, cx, y, s.Place, false, 10.5, 2)
	return centred(doc, cx, y, s.Days, false, 10.5, 1)
}

// fit draws text on one line, centred in the column at x, shrinking the
// font from size down to floor until it fits, and returns the y below it.
func fit(doc *pdf.Doc, x, y float64, text string, bold bool, size, floor float64) float64 {
	for ; size > floor; size -= 0.5 {
		doc.SetFont(bold, size)
		if doc.TextWidth(text) <= colW {
			break
		}
	}
	doc.SetFont(bold, size)
	h := size * 0.3528 * 1.5
	doc.TextBox(x, y, colW, h, text, "C")
	return y + h
}

// centred wraps text to the column and draws it centred on cx from y in
// at most maxLines lines, shrinking the font (down to 8 points) before it
// cuts a long text short, and returns the y below it.
func centred(doc *pdf.Doc, cx, y float64, text string, bold bool, size float64, maxLines int) float64 {
	if text == "" {
		return y
	}
	doc.SetFont(bold, size)
	lines := doc.Lines(text, colW)
	for ; len(lines) > maxLines && size > 8; size -= 0.5 {
		doc.SetFont(bold, size-0.5)
		lines = doc.Lines(text, colW)
	}
	if len(lines) > maxLines {
		lines = lines[:maxLines]
	}
	lh := size * 0.3528 * 1.45
	fp := doc.PDF()
	for _, l := range lines {
		y += lh
		fp.Text(cx-fp.GetStringWidth(l)/2, y-lh*0.28, l)
	}
	return y + 1
}

// footer draws the funding lines, the issue dates and the verification
// code in both languages either side of the QR code.
func footer(doc *pdf.Doc, d Data, left float64) error {
	top := 153.0
	rule(doc, left, top-4, pageW-left, top-4)
	png, err := qr.PNG(d.URL, 360)
	if err != nil {
		return fmt.Errorf("certificate: %w", err)
	}
	if err := doc.Image(png, (pageW-qrSize)/2, top-1, qrSize, qrSize); err != nil {
		return err
	}
	setColor(doc, ink)
	doc.SetFont(true, 10)
	doc.TextBox(0, top+qrSize-1, pageW, 5, d.Code, "C")
	w := colW - 12
	small(doc, left, top, w, "L", d.EN, d)
	small(doc, pageW-left-w, top, w, "R", d.AR, d)
	return nil
}

// small draws one language's small print in a box of width w at x.
func small(doc *pdf.Doc, x, y, w float64, align string, s Side, d Data) {
	setColor(doc, ink)
	doc.SetFont(true, 10)
	for _, l := range doc.Lines(s.Funded, w) {
		visual(doc, x, y, w, l, align)
		y += 5
	}
	setColor(doc, muted)
	doc.SetFont(false, 9)
	doc.TextBox(x, y+1, w, 5, s.Issued, align)
	doc.TextBox(x, y+6, w, 5, s.CodeLabel+": "+pdf.Isolate(d.Code, false), align)
	doc.TextBox(x, y+11, w, 5, s.Verify, align)
	doc.SetFont(false, 8)
	doc.TextBox(x, y+16, w, 5, d.URL, align)
}

// visual draws a line already in visual order, aligned in a box.
func visual(doc *pdf.Doc, x, y, w float64, line, align string) {
	fp := doc.PDF()
	tw := fp.GetStringWidth(line)
	switch align {
	case "R":
		x += w - tw
	case "C":
		x += (w - tw) / 2
	}
	fp.Text(x, y+3.6, line)
}

// watermark writes text across the page, turned and translucent, so a
// revoked certificate cannot pass for a valid one.
func watermark(doc *pdf.Doc, text string) {
	fp := doc.PDF()
	fp.TransformBegin()
	fp.TransformRotate(22, pageW/2, pageH/2)
	fp.SetAlpha(0.28, "Normal")
	setColor(doc, red)
	doc.SetFont(true, 64)
	doc.TextBox(0, pageH/2-15, pageW, 30, text, "C")
	fp.SetAlpha(1, "Normal")
	fp.TransformEnd()
}

func rule(doc *pdf.Doc, x1, y1, x2, y2 float64) {
	fp := doc.PDF()
	fp.SetDrawColor(gold[0], gold[1], gold[2])
	fp.SetLineWidth(0.3)
	fp.Line(x1, y1, x2, y2)
}

func setColor(doc *pdf.Doc, c [3]int) { doc.PDF().SetTextColor(c[0], c[1], c[2]) }
