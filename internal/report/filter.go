// Package report computes the donor report: one set of figures for a
// project and a period (model.Figures), drawn from SQL aggregates, and
// decides what each export holds: the tables of the CSV files and the
// workbook, and the PDF's pages. The views show the same figures as HTML,
// the JSON API serves them as they are, so the numbers agree wherever they
// are read. Its Service is what the web layer calls: the page, the API,
// and the exports with their files, jobs and audit events.
//
// How the figures are counted (the page explains the same in words):
//
//   - The figures stand on a day, AsOf: the venues' today when they are
//     counted. A session has taken place when its day is before AsOf, or
//     is AsOf and the roll has been taken (someone is marked). Sessions to
//     come count nowhere.
//   - A training counts when it belongs to the project, is neither a draft
//     nor cancelled, its dates overlap the period (it starts on or before
//     the period's last day and ends on or after its first) and at least
//     one of its live sessions (not removed) has taken place. It is counted
//     whole: its participants, marks and completion over all its sessions
//     that have taken place, even outside the period. Training days, alone,
//     count only the sessions that have taken place within the period.
//     Trainings of the period with no session yet are listed as not
//     started; trainings with sessions still to come are running.
//   - Participations are the registrations of counted trainings that are
//     not withdrawn and were marked present or late at least once: a
//     nominee who never came is a no-show, not an official trained. Unique
//     individuals are the distinct persons behind the participations, a
//     merged person counting as the person they were merged into.
//   - Women and men follow the person's recorded sex. Agency, duty station
//     and position are those recorded on each registration, so a later
//     move does not rewrite the past; the governorate is the duty station's.
//   - The attendance rate divides the marks present or late by
//     participations times their training's sessions that have taken
//     place: a cell the roll left empty counts as not attended.
//   - Completion applies each training's rule (model.Completed) once the
//     training is over; the completion rate divides the completers by the
//     participations of the trainings that are over.
//   - Knowledge gain is over participations with both a pre- and a
//     post-test score: the mean of post minus pre, the share whose post is
//     higher, and the share whose post reaches the project's mastery
//     threshold.
//   - Indicators compute their actual value from these figures for the
//     chosen period (choose the project's whole period for life-of-project
//     progress); progress is (actual − baseline) / (target − baseline).
//   - Every output writes a figure the same way (model.FigureText): counts
//     whole, means and percentages with one decimal, recorded numbers as
//     recorded; the workbook keeps the full value behind a number format
//     that shows the same digits.
package report

import (
	"github.com/traindesk/traindesk/internal/model"
)

// Filter chooses what a report counts: a project, a period, the day the
// figures stand on (AsOf, the venues' today) and optionally the trainings'
// partner agency, governorate, thematic area and facilitator (0: any).
type Filter struct {
	ProjectID     int64
	From, To      model.Date
	AsOf          model.Date
	AgencyID      int64
	GovernorateID int64
	ThematicID    int64
	FacilitatorID int64
}

// Validate checks that a project and a period from From to To are given.
// Errors are keyed by the form's field names.
func (f Filter) Validate() error {
	errs := model.Errors{}
	if f.ProjectID <= 0 {
		errs.Add("project", "report.error.project")
	}
	if f.From.IsZero() {
		errs.Add("from", "report.error.date")
	}
	if f.To.IsZero() {
		errs.Add("to", "report.error.date")
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		errs.Add("to", "report.error.order")
	}
	return errs.Err()
}

// storeFilter is f as the store's aggregate queries take it.
func (f Filter) storeFilter(mastery float64) model.ReportFilter {
	return model.ReportFilter{ProjectID: f.ProjectID, From: f.From, To: f.To, AsOf: f.AsOf, AgencyID: f.AgencyID,
		GovernorateID: f.GovernorateID, ThematicID: f.ThematicID, FacilitatorID: f.FacilitatorID, Mastery: mastery}
}
