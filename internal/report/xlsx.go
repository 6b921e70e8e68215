package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// styles are the workbook's cell styles, by cell kind.
type styles struct {
	header int
	kind   map[Kind]int
}

// newStyles registers the header style and one style per typed kind:
// counts with thousands separators, one decimal, percentages (stored as
// fractions, so a spreadsheet computes with them) and ISO dates.
func newStyles(f *excelize.File) (styles, error) {
	st := styles{kind: map[Kind]int{}}
	var err error
	st.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}})
	if err != nil {
		return st, err
	}
	formats := map[Kind]string{KindInt: "#,##0", KindDecimal: "0.0", KindPercent: "0.0%", KindDate: "yyyy-mm-dd"}
	for k, nf := range formats {
		code := nf
		if st.kind[k], err = f.NewStyle(&excelize.Style{CustomNumFmt: &code}); err != nil {
			return st, err
		}
	}
	return st, nil
}

// WriteXLSX writes the tables as one workbook, a sheet each, streaming
// every row to a temporary file rather than holding the sheets in memory.
// Each sheet has column widths, a bold header row that stays frozen while
// scrolling, and typed cells: counts and scores as numbers, percentages as
// percentages, dates as dates. Arabic workbooks read right to left.
// progress, when not nil, is called after each row.
func WriteXLSX(w io.Writer, tables []Table, rtl bool, progress func()) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	used := map[string]bool{}
	for i, t := range tables {
		name := sheetName(t.Title, used)
		if i == 0 {
			err = f.SetSheetName("Sheet1", name)
		} else {
			_, err = f.NewSheet(name)
		}
		if err != nil {
			return err
		}
		if rtl {
			yes := true
			if err := f.SetSheetView(name, -1, &excelize.ViewOptions{RightToLeft: &yes}); err != nil {
				return err
			}
		}
		if err := writeSheet(f, name, t, st, progress); err != nil {
			return fmt.Errorf("report: sheet %s: %w", t.Name, err)
		}
	}
	return f.Write(w)
}

// writeSheet streams one table into sheet name.
func writeSheet(f *excelize.File, name string, t Table, st styles, progress func()) error {
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	for i, c := range t.Columns {
		if err := sw.SetColWidth(i+1, i+1, max(c.Width, 6)); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = excelize.Cell{StyleID: st.header, Value: Neutralise(c.Header)}
	}
	if err := sw.SetRow("A1", head, excelize.RowOpts{Height: 32}); err != nil {
		return err
	}
	r := 1
	vals := make([]any, len(t.Columns))
	err = t.Rows(func(row []Cell) error {
		r++
		for i := range vals {
			vals[i] = nil
			if i < len(row) {
				vals[i] = xlsxValue(row[i], st)
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, vals); err != nil {
			return err
		}
		if progress != nil {
			progress()
		}
		return nil
	})
	if err != nil {
		return err
	}
	return sw.Flush()
}

// xlsxValue types one cell for the workbook.
func xlsxValue(c Cell, st styles) any {
	if c.Empty {
		return nil
	}
	switch c.Kind {
	case KindInt:
		return excelize.Cell{StyleID: st.kind[KindInt], Value: int64(c.Num)}
	case KindScore:
		return c.Num
	case KindDecimal:
		return excelize.Cell{StyleID: st.kind[KindDecimal], Value: c.Num}
	case KindPercent:
		return excelize.Cell{StyleID: st.kind[KindPercent], Value: c.Num / 100}
	case KindDate:
		return excelize.Cell{StyleID: st.kind[KindDate], Value: c.Date.Time().In(time.UTC)}
	}
	return Neutralise(c.Text)
}

// sheetName makes a valid, unique sheet name of at most 31 characters
// without the characters spreadsheets forbid.
func sheetName(title string, used map[string]bool) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\'`, r) {
			return ' '
		}
		return r
	}, strings.TrimSpace(title))
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
