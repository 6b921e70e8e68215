package report

import (
	"fmt"
	"time"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/pdf"
)

// pdfTable keeps the named columns of an export table and writes its cells
// as the page shows them (the reader's digits, dashes for nothing).
func pdfTable(l *i18n.Localizer, t Table, keys []string) (pdf.Table, error) {
	idx := make([]int, 0, len(keys))
	out := pdf.Table{HeaderFill: true, Zebra: true, FontSize: 8}
	for _, k := range keys {
		for i, c := range t.Columns {
			if c.Key == k {
				idx = append(idx, i)
				out.Columns = append(out.Columns, pdf.Column{Title: c.Header, Width: pdfWidths[k]})
				break
			}
		}
	}
	if len(idx) != len(keys) {
		return out, fmt.Errorf("report: table %s lacks some of the columns %v", t.Name, keys)
	}
	err := t.Rows(func(cells []Cell) error {
		row := make([]string, len(idx))
		for j, i := range idx {
			row[j] = cellText(l, cells[i])
		}
		out.Rows = append(out.Rows, row)
		return nil
	})
	return out, err
}

// pdfWidths gives the columns that hold names and titles room to breathe,
// in millimetres of an A4 landscape page; the others share the rest.
var pdfWidths = map[string]float64{"training": 70, "indicator": 90, "name": 60, "title": 120, "dimension": 28,
	"question": 100, "statement": 100}

// cellText writes one cell as the page shows it.
func cellText(l *i18n.Localizer, c Cell) string {
	switch {
	case c.Empty:
		return "–"
	case c.Kind == KindText:
		return c.Text
	case c.Kind == KindDate:
		return l.Date(c.Date)
	}
	return l.Figure(c.Kind.figure(), &c.Num)
}

func dateOf(t time.Time) model.Date { return model.DateOf(t) }
