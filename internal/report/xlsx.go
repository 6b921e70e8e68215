package report

import (
	"io"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/xlsx"
)

// WriteXLSX writes the tables as one workbook, a sheet each named after the
// table's title, streaming every row (see package xlsx), with o's
// direction, printed header and footer and progress (see
// Export.WorkbookOptions). Text is neutralised (see Neutralise).
func WriteXLSX(w io.Writer, tables []Table, o xlsx.Options) error {
	sheets := make([]xlsx.Sheet, len(tables))
	for i, t := range tables {
		sheets[i] = sheetOf(t)
	}
	return xlsx.Write(w, sheets, o)
}

// WorkbookOptions are how e's workbook reads and prints: right to left in
// Arabic; the donor and project, the sheet and the period at the top of
// every printed page; what was counted and the page number at its foot.
// progress, when not nil, is called after each row.
func (e Export) WorkbookOptions(progress func()) xlsx.Options {
	l, f := e.Loc, e.Fig
	return xlsx.Options{
		RTL:      l.Lang == i18n.AR,
		Progress: progress,
		Header: xlsx.HeaderFooter{
			Left:   xlsx.Literal(l.Pick(f.Project.DonorEn, f.Project.DonorAr) + " · " + f.Project.Code),
			Center: xlsx.SheetName,
			Right:  xlsx.Literal(l.T("report.period", l.Date(f.Period.From), l.Date(f.Period.To))),
		},
		Footer: xlsx.HeaderFooter{
			Left: xlsx.Literal(Note(l, f.Counted)),
			// Page numbers without words: they read the same both ways.
			Right: xlsx.PageNumber + " / " + xlsx.PageCount,
		},
	}
}

// sheetOf hands a table's rows to the workbook as they stream, one reused
// row at a time.
func sheetOf(t Table) xlsx.Sheet {
	cols := make([]xlsx.Column, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = xlsx.Column{Header: Neutralise(c.Header), Width: c.Width, Wrap: c.Wrap}
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
	case KindNumber:
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
