package nomination

import (
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Bounds of the work merged cells may cause.
const (
	maxMerges     = 5000 // merged ranges heeded on a sheet; more are ignored
	headerRowsMax = 20   // rows in which a header over two rows is looked for
)

// mergeRange is a block of merged cells, 1-based and inclusive. A
// spreadsheet shows the top-left cell's value across the whole block but
// stores it only there: an agency merged down the rows of its officers, a
// title merged across the columns, a "Name" over "Arabic" and "English".
type mergeRange struct{ r1, c1, r2, c2 int }

// merge notes the merged block ref ("B2:B9"), clamped to the columns a
// list may have.
func (s *sheetScanner) merge(ref string) {
	if len(s.merges) >= maxMerges {
		return
	}
	from, to, ok := strings.Cut(ref, ":")
	if !ok {
		return
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(from)
	c2, r2, err2 := excelize.CellNameToCoordinates(to)
	if err1 != nil || err2 != nil {
		return
	}
	m := mergeRange{min(r1, r2), min(c1, c2), max(r1, r2), min(max(c1, c2), maxColumns+1)}
	if m.c1 <= m.c2 && (m.r1 < m.r2 || m.c1 < m.c2) {
		s.merges = append(s.merges, m)
	}
}

// merger turns a sheet's rows, as excelize streams them, into the rows a
// reader sees: each merged block's value copied into all of its cells, and
// a header over two rows (merged cells above, "Name" over "Arabic" and
// "English") made one header row ("Name Arabic", "Name English").
type merger struct {
	merges []mergeRange // by first row
	next   int          // merges[next:] have not started yet
	active []int        // merges covering the current row
	values map[int]string
	cells  map[cellKey]cellInfo
	held   *rawRow // a possible first header row, until the next row is known
}

// newMerger reads rows with the merged blocks ms; cells, the numeric cells'
// types and styles, gets an entry for each cell a number is copied into.
func newMerger(ms []mergeRange, cells map[cellKey]cellInfo) *merger {
	ms = slices.Clone(ms)
	slices.SortFunc(ms, func(a, b mergeRange) int { return a.r1 - b.r1 })
	return &merger{merges: ms, values: map[int]string{}, cells: cells}
}

// rows takes row line of the sheet and returns the rows to read now, in
// order: none while a possible first header row is held, two at most.
// Called with line 0 at the end, it returns what is still held.
func (m *merger) rows(line int, values []string) []rawRow {
	var out []rawRow
	if line == 0 {
		if m.held != nil {
			out = append(out, *m.held)
		}
		m.held = nil
		return out
	}
	values = m.fill(line, values)
	if m.held != nil {
		top := *m.held
		m.held = nil
		if sub, ok := m.subHeader(top, values); ok {
			return append(out, rawRow{line: top.line, cells: sub})
		}
		out = append(out, top)
	}
	if line <= headerRowsMax && m.spansColumns(line) && distinctFilled(values) >= 2 {
		m.held = &rawRow{line: line, cells: values}
		return out
	}
	return append(out, rawRow{line: line, cells: values})
}

// fill copies each merged block's value into the block's cells of row line.
func (m *merger) fill(line int, values []string) []string {
	for m.next < len(m.merges) && m.merges[m.next].r1 <= line {
		m.active = append(m.active, m.next)
		m.next++
	}
	m.active = slices.DeleteFunc(m.active, func(i int) bool { return m.merges[i].r2 < line })
	for _, i := range m.active {
		g := m.merges[i]
		if line == g.r1 {
			if g.c1 <= len(values) {
				m.values[i] = values[g.c1-1]
			} else {
				m.values[i] = ""
			}
		}
		v := m.values[i]
		if v == "" {
			continue
		}
		for len(values) < g.c2 {
			values = append(values, "")
		}
		info, numeric := m.cells[cellKey{g.r1, g.c1}]
		for c := g.c1; c <= g.c2; c++ {
			values[c-1] = v
			if numeric {
				m.cells[cellKey{line, c}] = info
			}
		}
	}
	return values
}

// spansColumns reports a block of row line that is merged across columns.
func (m *merger) spansColumns(line int) bool {
	for _, i := range m.active {
		if g := m.merges[i]; g.r1 <= line && line <= g.r2 && g.c1 < g.c2 {
			return true
		}
	}
	return false
}

// subHeader reports whether sub is the second row of a header that starts
// with top, and returns the two made one. Sub qualifies when it has
// something under one of top's blocks merged across columns, and each of
// its filled cells lies under such a block or repeats top's cell (a title
// merged down both rows).
func (m *merger) subHeader(top rawRow, sub []string) ([]string, bool) {
	under := map[int]bool{}
	for _, g := range m.merges[:m.next] {
		if g.r1 <= top.line && top.line == g.r2 && g.c1 < g.c2 {
			for c := g.c1; c <= g.c2; c++ {
				under[c-1] = true
			}
		}
	}
	cells := slices.Clone(top.cells)
	for len(cells) < len(sub) {
		cells = append(cells, "")
	}
	joined := false
	for c, v := range sub {
		v = cleanCell(v)
		switch {
		case v == "" || v == cleanCell(cells[c]):
		case under[c]:
			cells[c] = cleanCell(cells[c]) + " " + v
			joined = true
		default:
			return nil, false
		}
	}
	return cells, joined
}

// distinctFilled counts the different values of the filled cells.
func distinctFilled(cells []string) int {
	seen := map[string]bool{}
	for _, c := range cells {
		if c = cleanCell(c); c != "" {
			seen[c] = true
		}
	}
	return len(seen)
}
