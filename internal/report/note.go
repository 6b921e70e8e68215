package report

import (
	"strings"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
)

// Note says what the figures count, in l's language: the day they stand
// on, and the trainings still running or not started yet when there are
// any. The page, the PDF, the workbook and the CSV summary all carry it.
func Note(l *i18n.Localizer, c model.ReportCounted) string {
	parts := []string{l.T("report.note.as_of", l.Date(c.AsOf))}
	if c.Running > 0 {
		parts = append(parts, l.T("report.note.running", l.Num(c.Running)))
	}
	if c.NotStarted > 0 {
		parts = append(parts, l.T("report.note.not_started", l.Num(c.NotStarted)))
	}
	return strings.Join(parts, " ")
}
