// Package chart draws the report charts on the server, as SVG for web pages
// and with fpdf primitives for PDF reports, from one data model. Both
// renderers share one layout, written for left-to-right pages and mirrored
// for Arabic ones, so that the web page and the PDF show the same chart.
package chart

import (
	"math"
	"strconv"
	"strings"
)

// Bar is one category of a bar chart, with one value per series.
type Bar struct {
	Label  string
	Values []float64
}

// BarChart compares categories (agencies, courses) across up to a few
// series, such as women and men.
type BarChart struct {
	Title  string
	Series []string // series names, shown in a legend
	Bars   []Bar
	Unit   string // "" or "%", appended to value labels
	RTL    bool   // Arabic page: mirrored layout, first category at the right
	// Horizontal draws bars from a column of labels, which suits long
	// agency names.
	Horizontal bool
	// Format renders values, e.g. in Arabic-Indic digits; the default is
	// %.0f.
	Format func(float64) string
}

// Progress is an indicator's actual value against its baseline and target.
type Progress struct {
	Label                    string
	Baseline, Target, Actual float64
	Unit                     string
	// Done, when set, is shown in brackets instead of actual over target:
	// the donor report's progress from baseline to target, in percent.
	Done *float64
}

// ProgressChart shows indicators as bars from 0 to the larger of target
// and actual, with the actual filled and the baseline and target marked.
type ProgressChart struct {
	Title  string
	Items  []Progress
	RTL    bool
	Format func(float64) string
	// LegendActual, LegendBaseline and LegendTarget are the translated
	// legend labels; the legend is drawn when any is set.
	LegendActual, LegendBaseline, LegendTarget string
	// PercentSign follows the bracketed percentage; "%" by default, "٪"
	// on Arabic pages.
	PercentSign string
}

// Colours chosen for contrast with white and with each other; the text
// colours pass WCAG AA on white.
const (
	colorText  = "#17212b"
	colorMuted = "#4a5561"
	colorGrid  = "#d9dfe5"
	colorTrack = "#e8edf2"
)

// seriesColors are assigned to series in order.
var seriesColors = []string{"#0b5a87", "#e08a2c", "#2f8f5b", "#8b5fbf", "#c0392b", "#5b6773"}

// seriesColor returns the colour of series i.
func seriesColor(i int) string { return seriesColors[i%len(seriesColors)] }

// anchor is where a text is attached to its x, in visual terms.
type anchor int

const (
	anchorLeft anchor = iota
	anchorMiddle
	anchorRight
)

// canvas is what the layout draws on: SVG or a PDF page. y of text is the
// baseline; sizes and widths are in the canvas's units.
type canvas interface {
	rect(x, y, w, h float64, fill string)
	line(x1, y1, x2, y2 float64, stroke string, width float64)
	text(x, y float64, s string, a anchor, size float64, bold bool, fill string)
	textWidth(s string, size float64, bold bool) float64
}

// mirrored flips a canvas horizontally, so that right-to-left charts come
// from the left-to-right layout. Text is placed mirrored but not reversed:
// the renderer orders each string itself.
type mirrored struct {
	c canvas
	w float64
}

func (m mirrored) rect(x, y, w, h float64, fill string) { m.c.rect(m.w-x-w, y, w, h, fill) }

func (m mirrored) line(x1, y1, x2, y2 float64, stroke string, width float64) {
	m.c.line(m.w-x1, y1, m.w-x2, y2, stroke, width)
}

func (m mirrored) text(x, y float64, s string, a anchor, size float64, bold bool, fill string) {
	m.c.text(m.w-x, y, s, anchorRight-a, size, bold, fill)
}

func (m mirrored) textWidth(s string, size float64, bold bool) float64 {
	return m.c.textWidth(s, size, bold)
}

// orient returns c, mirrored for right-to-left charts of width w.
func orient(c canvas, rtl bool, w float64) canvas {
	if rtl {
		return mirrored{c, w}
	}
	return c
}

// formatter returns f or the default %.0f formatter.
func formatter(f func(float64) string) func(float64) string {
	if f != nil {
		return f
	}
	return func(v float64) string { return strconv.FormatFloat(v, 'f', 0, 64) }
}

// niceAxis returns the top of an axis that starts at 0 and shows max, and
// its tick step, both round numbers (1, 2, 2.5 or 5 times a power of ten).
// integral keeps steps whole when the values are counts.
func niceAxis(max float64, integral bool) (top, step float64) {
	if !(max > 0) || math.IsInf(max, 0) {
		max = 1
	}
	raw := max / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step = 10 * mag
	for _, m := range []float64{1, 2, 2.5, 5} {
		if raw <= m*mag {
			step = m * mag
			break
		}
	}
	if integral && step < 1 {
		step = 1
	}
	return math.Ceil(max/step-1e-9) * step, step
}

// fitText shortens s with an ellipsis until it is at most width wide.
func fitText(c canvas, s string, width, size float64, bold bool) string {
	if c.textWidth(s, size, bold) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 {
		r = r[:len(r)-1]
		t := strings.TrimSpace(string(r)) + "…"
		if c.textWidth(t, size, bold) <= width {
			return t
		}
	}
	return string(r)
}

// wrapText breaks s into at most maxLines lines of at most width, the last
// one shortened with an ellipsis if needed.
func wrapText(c canvas, s string, width, size float64, bold bool, maxLines int) []string {
	words := strings.Fields(s)
	var lines []string
	for start := 0; start < len(words); {
		if len(lines) == maxLines-1 {
			rest := strings.Join(words[start:], " ")
			return append(lines, fitText(c, rest, width, size, bold))
		}
		end := start + 1
		for end < len(words) && c.textWidth(strings.Join(words[start:end+1], " "), size, bold) <= width {
			end++
		}
		lines = append(lines, fitText(c, strings.Join(words[start:end], " "), width, size, bold))
		start = end
	}
	return lines
}
