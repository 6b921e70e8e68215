package pdf

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/bidi"
)

// SetFont selects the regular or bold face at size points. Every text
// method uses the font that is current, so charts and tables set it first.
func (d *Doc) SetFont(bold bool, size float64) {
	style := ""
	if bold {
		style = "B"
	}
	d.pdf.SetFont(fontFamily, style, size)
}

// TextWidth returns the width in millimetres of s in the current font as
// drawn: shaped, without its invisible direction marks. Logical and visual
// order have one width, so callers can measure before reordering.
func (d *Doc) TextWidth(s string) float64 {
	return d.width(Shape(s))
}

// width measures shaped text, skipping the invisible formatting characters
// that drawing removes and the font has no glyph for.
func (d *Doc) width(s string) float64 {
	return d.pdf.GetStringWidth(strings.Map(func(r rune) rune {
		if invisible(r) {
			return -1
		}
		return r
	}, s))
}

// invisible reports whether r is a zero-width formatting character: ZWSP,
// ZWNJ, ZWJ, direction marks, embeddings, isolates or a byte order mark.
func invisible(r rune) bool {
	return (r >= 0x200B && r <= 0x200F) || (r >= 0x202A && r <= 0x202E) ||
		(r >= 0x2066 && r <= 0x2069) || r == alm || r == 0xFEFF
}

// TextBox draws s on one line, shaped and reordered, in the box at (x, y)
// of size w×h, vertically centred and aligned "L", "R" or "C" ("" follows
// the page direction). It never breaks the page, so charts and footers can
// use it anywhere; text wider than the box overflows.
func (d *Doc) TextBox(x, y, w, h float64, s, align string) {
	if s == "" {
		return
	}
	v := reorder(Shape(s), d.baseRTL(s))
	d.drawVisual(x, y, w, h, v, align)
}

// TextAt draws s with its baseline at y, starting at x for align "L",
// ending at x for "R" and centred on x for "C".
func (d *Doc) TextAt(x, y float64, s, align string) {
	v := reorder(Shape(s), d.baseRTL(s))
	tw := d.pdf.GetStringWidth(v)
	switch d.resolveAlign(align) {
	case "R":
		x -= tw
	case "C":
		x -= tw / 2
	}
	d.pdf.Text(x, y, v)
}

// drawVisual draws a line that is already in visual order.
func (d *Doc) drawVisual(x, y, w, h float64, v, align string) {
	_, size := d.pdf.GetFontSize()
	tw := d.pdf.GetStringWidth(v)
	switch d.resolveAlign(align) {
	case "R":
		x += w - tw
	case "C":
		x += (w - tw) / 2
	}
	d.pdf.Text(x, y+h/2+0.3*size, v)
}

// resolveAlign turns "" into the alignment of the page direction.
func (d *Doc) resolveAlign(align string) string {
	if align == "" {
		return d.startAlign()
	}
	return align
}

// startAlign is the alignment where lines begin on this page.
func (d *Doc) startAlign() string {
	if d.opts.RTL {
		return "R"
	}
	return "L"
}

// endAlign is the alignment where lines end on this page.
func (d *Doc) endAlign() string {
	if d.opts.RTL {
		return "L"
	}
	return "R"
}

// baseRTL chooses the paragraph direction of s: the page direction when s
// has a strong character of that direction, otherwise the direction of its
// strong characters. An English agency name in an Arabic table therefore
// keeps its full stop at its end, and Arabic text in an English report
// reads right to left.
func (d *Doc) baseRTL(s string) bool {
	var hasL, hasR bool
	for _, r := range s {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.L:
			hasL = true
		case bidi.R, bidi.AL:
			hasR = true
		}
	}
	if d.opts.RTL {
		return hasR || !hasL
	}
	return hasR && !hasL
}

// Lines wraps text to width millimetres in the current font and returns
// the lines in visual order, ready to draw. Wrapping happens on the logical
// text, before each line is reordered, so that a line holds the words that
// come first in reading order. Newlines start new paragraphs, each with its
// own direction. A word wider than width is broken between characters.
func (d *Doc) Lines(text string, width float64) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		rtl := d.baseRTL(para)
		for _, l := range d.wrap(Shape(para), width) {
			out = append(out, reorder(l, rtl))
		}
	}
	return out
}

// wrap greedily fills lines of shaped, logical text.
func (d *Doc) wrap(s string, width float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.FieldsFunc(s, unicode.IsSpace) {
		switch {
		case line == "":
		case d.width(line+" "+word) <= width:
			line += " " + word
			continue
		default:
			lines = append(lines, line)
		}
		line = word
		for d.width(line) > width {
			head := d.fitPrefix(line, width)
			lines = append(lines, head)
			line = line[len(head):]
		}
	}
	return append(lines, line)
}

// fitPrefix returns the longest prefix of s, at least one character, that
// fits in width.
func (d *Doc) fitPrefix(s string, width float64) string {
	end := 0
	for i, r := range s {
		next := i + len(string(r))
		if end > 0 && d.width(s[:next]) > width {
			break
		}
		end = next
	}
	return s[:end]
}
