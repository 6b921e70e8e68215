package chart

import (
	"encoding/xml"
	"math"
	"strconv"
	"strings"
)

// svgWidth is the width of the SVG coordinate system; the image itself
// scales to its container.
const (
	svgWidth    = 640.0
	svgFontSize = 13.0
)

// svgCanvas writes SVG elements. It uses presentation attributes only,
// because the page's Content Security Policy forbids inline styles.
type svgCanvas struct {
	b   *strings.Builder
	rtl bool
}

// num formats a coordinate with at most one decimal.
func num(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}

// esc escapes text for XML content and attribute values; chart labels are
// user data.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // a strings.Builder never fails
	return b.String()
}

func (c svgCanvas) rect(x, y, w, h float64, fill string) {
	if w <= 0 || h <= 0 {
		return
	}
	c.b.WriteString(`<rect x="` + num(x) + `" y="` + num(y) + `" width="` + num(w) +
		`" height="` + num(h) + `" fill="` + fill + `"/>`)
}

func (c svgCanvas) line(x1, y1, x2, y2 float64, stroke string, width float64) {
	c.b.WriteString(`<line x1="` + num(x1) + `" y1="` + num(y1) + `" x2="` + num(x2) +
		`" y2="` + num(y2) + `" stroke="` + stroke + `" stroke-width="` + num(width) + `"/>`)
}

// text maps the visual anchor to text-anchor, which counts from the start
// of the line: in a right-to-left SVG the start is the right edge.
func (c svgCanvas) text(x, y float64, s string, a anchor, size float64, bold bool, fill string) {
	ta := [...]string{"start", "middle", "end"}[a]
	if c.rtl && a != anchorMiddle {
		ta = [...]string{"end", "middle", "start"}[a]
	}
	c.b.WriteString(`<text x="` + num(x) + `" y="` + num(y) + `" font-size="` + num(size) +
		`" fill="` + fill + `" text-anchor="` + ta + `"`)
	if bold {
		c.b.WriteString(` font-weight="bold"`)
	}
	c.b.WriteString(">" + esc(s) + "</text>")
}

// textWidth estimates the width of s, as the browser's font is unknown:
// IBM Plex Sans letters average a little over half the font size.
func (c svgCanvas) textWidth(s string, size float64, bold bool) float64 {
	k := 0.55
	if bold {
		k = 0.58
	}
	return float64(len([]rune(s))) * size * k
}

// svgDocument wraps drawn elements in an accessible <svg>: role="img",
// an aria-label and <title> with the title, and a <desc> with the data for
// screen readers.
func svgDocument(title, desc string, rtl bool, h float64, draw func(c canvas)) string {
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ` + num(svgWidth) + " " + num(h) +
		`" width="100%" role="img" aria-label="` + esc(title) + `" font-family="inherit"`)
	if rtl {
		b.WriteString(` direction="rtl"`)
	}
	b.WriteString(`><title>` + esc(title) + `</title><desc>` + esc(desc) + `</desc>`)
	draw(svgCanvas{b: &b, rtl: rtl})
	b.WriteString(`</svg>`)
	return b.String()
}

// SVG renders the chart for a web page. The <svg> is self-contained, scales
// to the width of its container, and is mirrored for Arabic pages.
func (b BarChart) SVG() string {
	h := b.naturalHeight(svgFontSize)
	return svgDocument(b.Title, b.describe(), b.RTL, h, func(c canvas) {
		b.draw(c, svgWidth, h, svgFontSize)
	})
}

// SVG renders the chart for a web page, like BarChart.SVG.
func (p ProgressChart) SVG() string {
	h := p.naturalHeight(svgFontSize)
	return svgDocument(p.Title, p.describe(), p.RTL, h, func(c canvas) {
		p.draw(c, svgWidth, h, svgFontSize)
	})
}

// describe lists the data as text: "label: series value, ...; ...".
func (b BarChart) describe() string {
	var parts []string
	for _, bar := range b.Bars {
		var vals []string
		for j := range bar.Values {
			v := b.label(value(bar, j))
			if j < len(b.Series) {
				v = b.Series[j] + " " + v
			}
			vals = append(vals, v)
		}
		parts = append(parts, bar.Label+": "+strings.Join(vals, ", "))
	}
	return strings.Join(parts, "; ")
}

// describe lists each indicator with its summary.
func (p ProgressChart) describe() string {
	var parts []string
	for _, it := range p.Items {
		parts = append(parts, it.Label+": "+p.summary(it))
	}
	return strings.Join(parts, "; ")
}
