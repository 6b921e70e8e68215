package report

import (
	"io"

	"github.com/traindesk/traindesk/internal/xlsx"
)

// WriteXLSX writes the tables as one workbook, a sheet each named after the
// table's title, streaming every row (see package xlsx). Arabic workbooks
// read right to left; text is neutralised (see Neutralise). progress, when
// not nil, is called after each row.
func WriteXLSX(w io.Writer, tables []Table, rtl bool, progress func()) error {
	sheets := make([]xlsx.Sheet, len(tables))
	for i, t := range tables {
		sheets[i] = sheetOf(t)
	}
	return xlsx.Write(w, sheets, xlsx.Options{RTL: rtl, Progress: progress})
}

// sheetOf hands a table's rows to the workbook as they stream, one reused
// row at a time.
func sheetOf(t Table) xlsx.Sheet {
	cols := make([]xlsx.Column, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = xlsx.Column{Header: Neutralise(c.Header), Width: c.Width}
	}
	rows := func(emit func([]xlsx.Cell) error) error {
		var out []xlsx.Cell
		return t.Rows(func(row []Cell) error {
			out = out[:0]
			for _, c := range row {
				out = append(out, xlsxCell(c))
			}
			return emit(out)
		})
	}
	return xlsx.Sheet{Title: t.Title, Columns: cols, Rows: rows}
}

// xlsxCell types one cell for the workbook.
func xlsxCell(c Cell) xlsx.Cell {
	out := xlsx.Cell{Num: c.Num, Empty: c.Empty}
	switch c.Kind {
	case KindInt:
		out.Kind = xlsx.Int
	case KindScore:
		out.Kind = xlsx.Number
	case KindDecimal:
		out.Kind = xlsx.Decimal
	case KindPercent:
		out.Kind = xlsx.Percent
	case KindDate:
		out.Kind, out.Date = xlsx.Date, c.Date.Time()
	default:
		out.Kind, out.Text = xlsx.Text, Neutralise(c.Text)
	}
	return out
}
