package report

import (
	"bufio"
	"encoding/csv"
	"io"

	"github.com/traindesk/traindesk/internal/model"
)

// bom makes spreadsheet programs read the file as UTF-8, which Arabic
// names need.
const bom = "\uFEFF"

// WriteCSV writes t as CSV in UTF-8 with a byte-order mark, a header row
// of translated column names, and the rows as they stream. Numbers are
// written as every output writes them (model.FigureText: a dot, no
// grouping, one decimal for means and percentages); text is neutralised
// (see Neutralise). progress, when not nil, is called after
// each row.
func WriteCSV(w io.Writer, t Table, progress func()) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.WriteString(bom); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	head := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = Neutralise(c.Header)
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	rec := make([]string, len(t.Columns))
	err := t.Rows(func(row []Cell) error {
		for i := range rec {
			rec[i] = ""
			if i < len(row) {
				rec[i] = csvValue(row[i])
			}
		}
		if err := cw.Write(rec); err != nil {
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
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// csvValue writes one cell as CSV text.
func csvValue(c Cell) string {
	if c.Empty {
		return ""
	}
	switch c.Kind {
	case KindText:
		return Neutralise(c.Text)
	case KindDate:
		return c.Date.String()
	}
	return model.FigureText(c.Kind.figure(), c.Num)
}
