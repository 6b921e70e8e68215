package xlsx

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Codes a printed header or footer may hold besides literal text.
const (
	PageNumber = "&P" // the page's number
	PageCount  = "&N" // how many pages the sheet prints to
	SheetName  = "&A" // the sheet's name
)

// Literal makes text safe for a header or footer: an ampersand there
// starts a code, so a literal one is doubled.
func Literal(s string) string { return strings.ReplaceAll(s, "&", "&&") }

// HeaderFooter is one printed line in three parts, at the left, the centre
// and the right of the page: literal text (see Literal) and codes.
type HeaderFooter struct {
	Left, Center, Right string
}

// maxHeaderFooter is the longest header or footer spreadsheet programs
// accept, in characters.
const maxHeaderFooter = 255

// code writes the line as SpreadsheetML's header and footer code: &L, &C
// and &R start the parts. When it is too long, the left part is shortened.
func (h HeaderFooter) code() string {
	out := h.line()
	if over := utf8.RuneCountInString(out) - maxHeaderFooter; over > 0 {
		left := []rune(h.Left)
		left = left[:max(0, len(left)-over-1)]
		// Do not leave half of a doubled ampersand or a code at the end.
		for len(left) > 0 && left[len(left)-1] == '&' {
			left = left[:len(left)-1]
		}
		h.Left = string(left) + "…"
		out = h.line()
	}
	return out
}

func (h HeaderFooter) line() string {
	var b strings.Builder
	for _, p := range []struct{ code, text string }{{"&L", h.Left}, {"&C", h.Center}, {"&R", h.Right}} {
		if p.text != "" {
			b.WriteString(p.code + p.text)
		}
	}
	return b.String()
}

// portraitChars is about how many characters of column width an A4 page
// holds upright at full size; a wider sheet prints in landscape.
const portraitChars = 100

// pageSetup writes what comes after a sheet's data so that it prints
// well: grid lines, margins, A4 in landscape when the columns are wide,
// scaled to fit one page wide (as many pages tall as it needs), and the
// header and footer on every page. The header row repeats on every page
// through the workbook's print titles (see workbookXML).
func pageSetup(b *bufio.Writer, cols []Column, o Options) {
	orientation := "portrait"
	if totalWidth(cols) > portraitChars {
		orientation = "landscape"
	}
	b.WriteString(`<printOptions gridLines="1"/>` +
		`<pageMargins left="0.4" right="0.4" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`)
	fmt.Fprintf(b, `<pageSetup paperSize="9" orientation="%s" fitToWidth="1" fitToHeight="0"/>`, orientation)
	if o.Header != (HeaderFooter{}) || o.Footer != (HeaderFooter{}) {
		b.WriteString(`<headerFooter>`)
		for _, hf := range []struct {
			tag string
			v   HeaderFooter
		}{{"oddHeader", o.Header}, {"oddFooter", o.Footer}} {
			if hf.v != (HeaderFooter{}) {
				b.WriteString(`<` + hf.tag + `>`)
				xml.EscapeText(b, []byte(hf.v.code()))
				b.WriteString(`</` + hf.tag + `>`)
			}
		}
		b.WriteString(`</headerFooter>`)
	}
}

// totalWidth is the sum of the columns' widths, in characters.
func totalWidth(cols []Column) float64 {
	w := 0.0
	for _, c := range cols {
		w += columnWidth(c)
	}
	return w
}

// columnWidth is the width a column is written with.
func columnWidth(c Column) float64 { return max(c.Width, 6) }

// lineHeight is the height in points of a line of text at the default size.
const lineHeight = 15

// headerHeight is the height in points of the header row: enough lines
// for the longest header wrapped in its column (bold text, and Arabic,
// run wider), and at least two.
func headerHeight(cols []Column) float64 {
	lines := 2
	for _, c := range cols {
		lines = max(lines, wrappedLines(c.Header, columnWidth(c)/1.3))
	}
	return float64(lines*lineHeight) + 2
}

// rowLines is how many lines the row's tallest wrapped text needs.
func rowLines(cols []Column, row []Cell) int {
	n := 1
	for i, c := range row {
		if i < len(cols) && cols[i].Wrap && c.Kind == Text && !c.Empty {
			n = max(n, wrappedLines(c.Text, columnWidth(cols[i])))
		}
	}
	return n
}

// wrappedLines estimates how many lines text takes wrapped at word
// boundaries in a column width characters wide. A column's width counts
// digits; letters average a little narrower (LibreOffice fits about 29 of
// a title's characters in a width of 30 with a margin), so a line is taken
// to hold the width and a little more.
func wrappedLines(text string, width float64) int {
	room := max(int(width*1.05), 1)
	lines, used := 1, 0
	for _, word := range strings.Fields(text) {
		n := utf8.RuneCountInString(word)
		switch {
		case used == 0:
			used = n
		case used+1+n <= room:
			used += 1 + n
		default:
			lines++
			used = n
		}
		for used > room { // a word longer than the line breaks anywhere
			lines++
			used -= room
		}
	}
	return lines
}
