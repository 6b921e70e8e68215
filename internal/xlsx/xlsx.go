// Package xlsx writes workbooks in the Office Open XML format
// (SpreadsheetML) as they stream: each sheet goes straight into its
// compressed part of the zip file, row by row, so the memory a workbook
// needs does not grow with its rows or its sheets. It knows nothing of what
// the sheets hold; the report decides that.
//
// traindesk writes the format itself rather than through excelize's
// StreamWriter: that one keeps a 16 MiB chunk of every sheet in a buffer
// that grows to 32 MiB and lives until the workbook is written, which put
// a workbook with the participant list and the attendance matrix at over
// 120 MB of heap. Tests read every workbook back with excelize.
package xlsx

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Kind says how a cell is typed in the workbook.
type Kind int

// Cell kinds.
const (
	Text    Kind = iota
	Int          // a count, shown with thousands separators
	Number       // a number as recorded, such as a test score
	Decimal      // a number shown with one decimal
	Percent      // a share from 0 to 100, shown as a percentage with one decimal
	Date         // a calendar day
)

// Cell is one value of a sheet. Empty cells are left out of the file.
type Cell struct {
	Kind  Kind
	Text  string
	Num   float64
	Date  time.Time // for Date cells: the day, at midnight UTC
	Empty bool
}

// Column is a column of a sheet: its header, its width in characters, and
// whether its text wraps onto more lines (long titles and names) rather
// than being cut at the next cell.
type Column struct {
	Header string
	Width  float64
	Wrap   bool
}

// Sheet is one sheet of a workbook. Rows hands its rows to emit one at a
// time, so that long sheets stream; emit's error stops it. A row may be
// reused by Rows once emit returns.
type Sheet struct {
	Title   string // made a valid, unique sheet name
	Columns []Column
	Rows    func(emit func([]Cell) error) error
}

// Options change how a workbook is written.
type Options struct {
	RTL      bool   // sheets read right to left (Arabic)
	Progress func() // when not nil, called after each row
	// Header and Footer are printed on every page of every sheet.
	Header, Footer HeaderFooter
}

// Write writes the sheets as one workbook. Each sheet has its column
// widths, a bold header row that stays frozen while scrolling and repeats
// on every printed page, typed cells (counts and numbers as numbers,
// percentages as percentages, dates as dates, each with its number
// format), and a page set-up that prints it one page wide (see pageSetup).
func Write(w io.Writer, sheets []Sheet, o Options) error {
	z := zip.NewWriter(w)
	used := map[string]bool{}
	names := make([]string, len(sheets))
	for i, t := range sheets {
		names[i] = sheetName(t.Title, used)
	}
	for _, part := range []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes(len(sheets))},
		{"_rels/.rels", rootRels},
		{"xl/workbook.xml", workbookXML(names)},
		{"xl/_rels/workbook.xml.rels", workbookRels(len(sheets))},
		{"xl/styles.xml", stylesXML},
	} {
		f, err := z.Create(part.name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, part.body); err != nil {
			return err
		}
	}
	for i, t := range sheets {
		f, err := z.Create(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1))
		if err != nil {
			return err
		}
		if err := writeSheet(f, t, o); err != nil {
			return fmt.Errorf("xlsx: sheet %q: %w", names[i], err)
		}
	}
	return z.Close()
}

// writeSheet streams one table as a worksheet.
func writeSheet(w io.Writer, t Sheet, o Options) error {
	b := bufio.NewWriterSize(w, 64<<10)
	writeHead(b, t, o)
	r := 1
	err := t.Rows(func(row []Cell) error {
		r++
		b.WriteString(`<row r="` + strconv.Itoa(r) + `"`)
		if n := rowLines(t.Columns, row); n > 1 {
			// Spreadsheet programs do not all size a row to its wrapped
			// text when they open a file; LibreOffice does not.
			b.WriteString(` ht="` + strconv.Itoa(n*lineHeight) + `" customHeight="1"`)
		}
		b.WriteString(`>`)
		for i, c := range row {
			if i < len(t.Columns) {
				writeCell(b, i, r, c, t.Columns[i].Wrap)
			}
		}
		// bufio keeps the first write error; stop at the row it happened.
		if _, err := b.WriteString(`</row>`); err != nil {
			return err
		}
		if o.Progress != nil {
			o.Progress()
		}
		return nil
	})
	if err != nil {
		return err
	}
	b.WriteString(`</sheetData>`)
	pageSetup(b, t.Columns, o)
	b.WriteString(`</worksheet>`)
	return b.Flush()
}

// writeHead writes what comes before a sheet's rows: its fit-to-page
// property, its view (right to left when asked, the header row frozen),
// its column widths and its header row.
func writeHead(b *bufio.Writer, t Sheet, o Options) {
	b.WriteString(xml.Header + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews><sheetView workbookViewId="0"`)
	if o.RTL {
		b.WriteString(` rightToLeft="1"`)
	}
	b.WriteString(`><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
		`<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>`)
	if len(t.Columns) > 0 {
		b.WriteString(`<cols>`)
		for i, c := range t.Columns {
			fmt.Fprintf(b, `<col min="%d" max="%d" width="%s" customWidth="1"/>`, i+1, i+1, strconv.FormatFloat(columnWidth(c), 'f', -1, 64))
		}
		b.WriteString(`</cols>`)
	}
	fmt.Fprintf(b, `<sheetData><row r="1" ht="%s" customHeight="1">`, strconv.FormatFloat(headerHeight(t.Columns), 'f', -1, 64))
	for i, c := range t.Columns {
		writeText(b, i, 1, styleHeader, c.Header)
	}
	b.WriteString(`</row>`)
}

// Style indexes into stylesXML's cellXfs.
const (
	styleNone = iota
	styleHeader
	styleInt
	styleDecimal
	stylePercent
	styleDate
	styleWrap
)

// writeCell writes one typed cell, text wrapped when wrap is set; empty
// cells are left out.
func writeCell(b *bufio.Writer, col, row int, c Cell, wrap bool) {
	if c.Empty {
		return
	}
	switch c.Kind {
	case Int:
		writeNumber(b, col, row, styleInt, strconv.FormatInt(int64(c.Num), 10))
	case Number:
		writeNumber(b, col, row, styleNone, strconv.FormatFloat(c.Num, 'f', -1, 64))
	case Decimal:
		writeNumber(b, col, row, styleDecimal, strconv.FormatFloat(c.Num, 'f', -1, 64))
	case Percent:
		writeNumber(b, col, row, stylePercent, strconv.FormatFloat(c.Num/100, 'f', -1, 64))
	case Date:
		// Spreadsheet dates count days from 30 December 1899.
		serial := int(c.Date.Unix()/86400) + 25569
		writeNumber(b, col, row, styleDate, strconv.Itoa(serial))
	default:
		style := styleNone
		if wrap {
			style = styleWrap
		}
		if c.Text != "" {
			writeText(b, col, row, style, c.Text)
		}
	}
}

func writeNumber(b *bufio.Writer, col, row, style int, v string) {
	b.WriteString(`<c r="` + cellRef(col, row) + `"`)
	if style != styleNone {
		b.WriteString(` s="` + strconv.Itoa(style) + `"`)
	}
	b.WriteString(`><v>` + v + `</v></c>`)
}

// writeText writes an inline string; characters XML cannot hold become
// U+FFFD.
func writeText(b *bufio.Writer, col, row, style int, s string) {
	b.WriteString(`<c r="` + cellRef(col, row) + `" t="inlineStr"`)
	if style != styleNone {
		b.WriteString(` s="` + strconv.Itoa(style) + `"`)
	}
	b.WriteString(`><is><t xml:space="preserve">`)
	xml.EscapeText(b, []byte(s))
	b.WriteString(`</t></is></c>`)
}

// cellRef names a cell: column 0, row 1 is A1; column 26 is AA.
func cellRef(col, row int) string {
	var name []byte
	for n := col + 1; n > 0; n = (n - 1) / 26 {
		name = append([]byte{byte('A' + (n-1)%26)}, name...)
	}
	return string(name) + strconv.Itoa(row)
}

// sheetName makes a valid, unique sheet name of at most 31 characters
// without the characters spreadsheets forbid.
func sheetName(title string, used map[string]bool) string {
	name := strings.TrimSpace(strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\'`, r) {
			return ' '
		}
		return r
	}, title))
	if r := []rune(name); len(r) > 31 {
		name = strings.TrimSpace(string(r[:31]))
	}
	if name == "" {
		name = "Sheet"
	}
	base := []rune(name)
	for n := 2; used[name]; n++ {
		suffix := fmt.Sprintf(" %d", n)
		name = string(base[:min(len(base), 31-len(suffix))]) + suffix
	}
	used[name] = true
	return name
}
