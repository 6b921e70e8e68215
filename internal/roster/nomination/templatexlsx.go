package nomination

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// sheetWriter builds the template sheet and keeps the first error, so that
// TemplateXLSX reads as the list of things it sets up.
type sheetWriter struct {
	f   *excelize.File
	err error
}

// check keeps err if it is the first.
func (w *sheetWriter) check(err error) {
	if w.err == nil {
		w.err = err
	}
}

// column returns the letter of field's column in the template.
func column(field Field) string {
	for i, f := range Fields {
		if f == field {
			name, _ := excelize.ColumnNumberToName(i + 1)
			return name
		}
	}
	return "A"
}

// textColumns gives the columns of the fields the text number format, before
// any cell is written, so that what users type there stays as typed.
func (w *sheetWriter) textColumns(fields ...Field) {
	id, err := w.f.NewStyle(&excelize.Style{NumFmt: 49})
	w.check(err)
	for _, f := range fields {
		w.check(w.f.SetColStyle(templateSheet, column(f), id))
	}
}

// headerStyle makes the title row bold, shaded and wrapped.
func (w *sheetWriter) headerStyle(n int) {
	id, err := w.f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"},
	})
	w.check(err)
	last, err := excelize.ColumnNumberToName(n)
	w.check(err)
	w.check(w.f.SetCellStyle(templateSheet, "A1", last+"1", id))
	w.check(w.f.SetRowHeight(templateSheet, 1, 32))
}

// dropList offers choices in field's column for every row a list may have.
func (w *sheetWriter) dropList(field Field, choices []string) {
	dv := excelize.NewDataValidation(true)
	col := column(field)
	dv.Sqref = fmt.Sprintf("%s2:%s%d", col, col, MaxRows+1)
	w.check(dv.SetDropList(choices))
	w.check(w.f.AddDataValidation(templateSheet, dv))
}
