package nomination

import (
	"strings"
	"unicode"
)

// builder assembles a Table from the rows of a file as they are read, so
// that the row cap stops reading early instead of after a huge file has been
// held in memory.
//
// The header is chosen among the first headerWindow rows with content:
// the row that names the most known fields (at least two), the earliest on
// a tie, so that a form-like block above the list ("Training:", "Risk
// management" / "Dates:", "3-5 March") is not taken for it. When no row
// names two fields, it is the first row with at least two filled cells;
// rows with a single filled cell before it are taken for title lines
// ("Nominations for the training on ...", often a merged cell) and
// dropped, and when maxPreamble such rows come first the file is taken to
// have a single column and the first of them is the header.
type builder struct {
	header  []string
	hLine   int
	pending []rawRow // rows seen before the header was chosen
	rows    [][]string
	lines   []int

	countCells  bool // keep how many cells each row had (CSV)
	headerCells int
	cells       []int
}

// rawRow is a row not yet known to be the header or data.
type rawRow struct {
	line  int
	cells []string
	n     int // cells as read
}

// headerWindow is how many rows with content the header is chosen among.
const headerWindow = 12

// add takes one row of the file, line being where the user sees it. It
// fails only when the file has too many data rows.
func (b *builder) add(line int, cells []string) error {
	n := len(cells)
	if len(cells) > maxColumns+1 {
		cells = cells[:maxColumns+1]
	}
	filled := 0
	for i, c := range cells {
		cells[i] = cleanCell(c)
		if cells[i] != "" {
			filled++
		}
	}
	switch {
	case filled == 0:
		return nil
	case b.header != nil:
		return b.addData(line, cells, n)
	}
	b.pending = append(b.pending, rawRow{line, cells, n})
	if len(b.pending) < headerWindow {
		return nil
	}
	return b.flushPending()
}

// flushPending chooses the header among the pending rows (see builder),
// drops the rows above it and makes those below it data.
func (b *builder) flushPending() error {
	if len(b.pending) == 0 {
		return nil
	}
	h := headerIndex(b.pending)
	head, rest := b.pending[h], b.pending[h+1:]
	b.header, b.hLine, b.headerCells, b.pending = head.cells, head.line, head.n, nil
	for _, r := range rest {
		if err := b.addData(r.line, r.cells, r.n); err != nil {
			return err
		}
	}
	return nil
}

// headerIndex is the header's place among rows (see builder).
func headerIndex(rows []rawRow) int {
	best, bestFields := -1, 1
	for i, r := range rows {
		if f := knownFields(r.cells); f > bestFields {
			best, bestFields = i, f
		}
	}
	if best >= 0 {
		return best
	}
	for i, r := range rows {
		if i >= maxPreamble {
			break
		}
		if filledCells(r.cells) >= 2 {
			return i
		}
	}
	return 0
}

// knownFields counts the fields that cells, taken for a header, name.
func knownFields(cells []string) int {
	if filledCells(cells) < 2 {
		return 0
	}
	n := 0
	for _, f := range GuessMapping(cells) {
		if f != FieldIgnore {
			n++
		}
	}
	return n
}

// filledCells counts the cells holding anything.
func filledCells(cells []string) int {
	n := 0
	for _, c := range cells {
		if c != "" {
			n++
		}
	}
	return n
}

// addData keeps a data row, cut to the header's width; a row whose only
// content lies past the last titled column is dropped. n is how many cells
// the row had as read.
func (b *builder) addData(line int, cells []string, n int) error {
	w := width(b.header)
	if len(cells) > w {
		cells = cells[:w]
	}
	if width(cells) == 0 {
		return nil
	}
	if len(b.rows) >= MaxRows {
		return fail(keyTooManyRows, MaxRows)
	}
	b.rows = append(b.rows, cells)
	b.lines = append(b.lines, line)
	if b.countCells {
		b.cells = append(b.cells, n)
	}
	return nil
}

// table finishes the Table: header trimmed of trailing empty columns, every
// row exactly as wide as the header.
func (b *builder) table(kind string) (*Table, error) {
	if err := b.flushPending(); err != nil {
		return nil, err
	}
	if b.header == nil {
		return nil, fail(keyNoHeader)
	}
	w := width(b.header)
	if w > maxColumns {
		return nil, fail(keyTooManyColumns, maxColumns)
	}
	if len(b.rows) == 0 {
		return nil, fail(keyNoRows)
	}
	t := &Table{Kind: kind, Headers: b.header[:w], Lines: b.lines, HeaderLine: b.hLine}
	if b.countCells {
		t.Cells, t.HeaderCells = b.cells, b.headerCells
	}
	t.Rows = make([][]string, len(b.rows))
	for i, r := range b.rows {
		row := make([]string, w)
		copy(row, r)
		t.Rows[i] = row
	}
	return t, nil
}

// width is the number of cells up to the last filled one.
func width(cells []string) int {
	for i := len(cells) - 1; i >= 0; i-- {
		if cells[i] != "" {
			return i + 1
		}
	}
	return 0
}

// cleanCell trims the spaces that spreadsheets and copy-paste leave around
// values: ordinary and no-break spaces, zero-width characters, byte-order
// marks and the direction marks common in Arabic text.
func cleanCell(s string) string {
	return strings.TrimFunc(s, isBlank)
}

// isBlank reports characters that carry no content at the edge of a cell.
func isBlank(r rune) bool {
	if unicode.IsSpace(r) {
		return true
	}
	switch r {
	case '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2060', '\uFEFF', '\u061C':
		return true
	}
	return ('\u202A' <= r && r <= '\u202E') || ('\u2066' <= r && r <= '\u2069')
}
