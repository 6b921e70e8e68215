package report

import (
	"context"
	"fmt"
	"slices"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
)

// Source streams the report's long tables; *store.Store implements it.
type Source interface {
	EachReportParticipant(ctx context.Context, f model.ReportFilter, contact bool, fn func(model.ReportParticipant) error) error
	EachAttendanceLine(ctx context.Context, f model.ReportFilter, fn func(model.AttendanceLine) error) error
	ReportMaxSessions(ctx context.Context, f model.ReportFilter) (int, error)
}

// Export turns figures into the tables of the CSV files and the workbook,
// in the reader's language. The participant list and the attendance
// matrix stream from Src, for the same filter as the figures.
type Export struct {
	Ctx     context.Context
	Fig     model.Figures
	Src     Source
	Loc     *i18n.Localizer
	Contact bool // include phones and emails in the participant list
}

// TableNames lists the tables in the workbook's order; each is also a CSV
// file.
var TableNames = []string{"summary", "indicators", "trainings", "questions", "agreement", "disaggregation", "alignment",
	"participants", "attendance"}

// Table builds the named table; an unknown name is an error.
func (e Export) Table(name string) (Table, error) {
	switch name {
	case "summary":
		return e.summary(), nil
	case "indicators":
		return e.indicators(), nil
	case "trainings":
		return e.trainings(), nil
	case "questions":
		return e.questions(), nil
	case "agreement":
		return e.agreement(), nil
	case "disaggregation":
		return e.disaggregation(), nil
	case "alignment":
		return e.alignment(), nil
	case "participants":
		return e.participants(), nil
	case "attendance":
		return e.attendance()
	}
	return Table{}, fmt.Errorf("report: no table %q", name)
}

// Tables builds every table.
func (e Export) Tables() ([]Table, error) {
	out := make([]Table, 0, len(TableNames))
	for _, n := range TableNames {
		t, err := e.Table(n)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// filter is the store filter the figures were computed with.
func (e Export) filter() model.ReportFilter {
	sc := e.Fig.Scope
	f := Filter{ProjectID: e.Fig.Project.ID, From: e.Fig.Period.From, To: e.Fig.Period.To, AsOf: e.Fig.Counted.AsOf,
		AgencyID: sc.AgencyID, GovernorateID: sc.GovernorateID, ThematicID: sc.ThematicID, FacilitatorID: sc.FacilitatorID}
	return f.storeFilter(e.Fig.Project.MasteryThreshold)
}

// cols makes columns from keys; headers are "report.col.<key>".
func (e Export) cols(width float64, keys ...string) []Column {
	out := make([]Column, len(keys))
	for i, k := range keys {
		out[i] = Column{Key: k, Header: e.Loc.T("report.col." + k), Width: width}
	}
	return out
}

// sized gives the columns named in widths their width, in characters; those
// in wrap also wrap their text in a workbook.
func sized(cols []Column, widths map[string]float64, wrap ...string) []Column {
	for i := range cols {
		if w, ok := widths[cols[i].Key]; ok {
			cols[i].Width = w
		}
		cols[i].Wrap = slices.Contains(wrap, cols[i].Key)
	}
	return cols
}

// rows streams fixed rows.
func rows(rs [][]Cell) func(func([]Cell) error) error {
	return func(emit func([]Cell) error) error {
		for _, r := range rs {
			if err := emit(r); err != nil {
				return err
			}
		}
		return nil
	}
}

// named is a table of fixed rows.
func (e Export) named(name string, cols []Column, rs [][]Cell) Table {
	return Table{Name: name, Title: e.Loc.T("report.sheet." + name), Columns: cols, Rows: rows(rs)}
}

// summary lists the headline figures, one per row, after the project and
// the period.
func (e Export) summary() Table {
	f, l := e.Fig, e.Loc
	cols := sized(e.cols(16, "figure", "label", "value"), map[string]float64{"figure": 24, "label": 44, "value": 30},
		"label", "value")
	var rs [][]Cell
	add := func(key string, c Cell) { rs = append(rs, []Cell{Text(key), Text(l.T("report.fig." + key)), c}) }
	add("project", Text(f.Project.Code))
	add("donor", Text(l.Pick(f.Project.DonorEn, f.Project.DonorAr)))
	add("from", DateCell(f.Period.From))
	add("to", DateCell(f.Period.To))
	add("as_of", DateCell(f.Counted.AsOf))
	add("note", Text(Note(l, f.Counted)))
	for _, fg := range SummaryFigures(f) {
		add(fg.Key, fg.Cell)
	}
	return e.named("summary", cols, rs)
}

// Figure is one headline figure with its stable key.
type Figure struct {
	Key  string
	Cell Cell
}

// SummaryFigures lists the headline figures in the order the summary
// shows them.
func SummaryFigures(f model.Figures) []Figure {
	s, a, k, sat := f.Summary, f.Attendance, f.Knowledge, f.Satisfaction
	mt := k.MasteryThreshold
	out := []Figure{
		{"trainings_held", Int(s.TrainingsHeld)}, {"trainings_running", Int(f.Counted.Running)},
		{"trainings_not_started", Int(f.Counted.NotStarted)}, {"training_days", Int(s.TrainingDays)},
		{"participations", Int(s.Participations)}, {"participations_women", Int(s.ParticipationsWomen)},
		{"participations_men", Int(s.ParticipationsMen)}, {"unique_individuals", Int(s.Individuals)},
		{"women", Int(s.Women)}, {"men", Int(s.Men)}, {"women_share_percent", Percent(s.WomenShare)},
		{"no_shows", Int(s.NoShows)}, {"completion_base", Int(s.CompletionBase)},
		{"completed", Int(s.Completed)}, {"completion_rate_percent", Percent(s.CompletionRate)},
		{"attendance_expected", Int(a.Expected)}, {"attended", Int(a.Attended)}, {"present", Int(a.Present)},
		{"late", Int(a.Late)}, {"absent", Int(a.Absent)}, {"excused", Int(a.Excused)}, {"unmarked", Int(a.Unmarked)},
		{"attendance_rate_percent", Percent(a.Rate)},
		{"assessed", Int(k.Assessed)}, {"mean_pre", Decimal(k.MeanPre)}, {"mean_post", Decimal(k.MeanPost)},
		{"mean_gain", Decimal(k.MeanGain)}, {"improved", Int(k.Improved)}, {"improved_percent", Percent(k.ImprovedShare)},
		{"mastery_threshold", Number(&mt)}, {"mastery", Int(k.Mastery)}, {"mastery_percent", Percent(k.MasteryShare)},
		{"satisfaction_responses", Int(sat.Responses)}, {"satisfaction_mean", Decimal(sat.Mean)},
	}
	for i, n := range sat.Counts {
		out = append(out, Figure{fmt.Sprintf("satisfaction_%d", i+1), Int(n)})
	}
	o := f.Outcome
	return append(out, Figure{"followup_trained", Int(o.Trained)}, Figure{"followup_answered", Int(o.Answered)},
		Figure{"followup_used", Int(o.Used)}, Figure{"skills_use_percent", Percent(o.Share)})
}

// indicators lists each indicator against its baseline and target.
func (e Export) indicators() Table {
	l := e.Loc
	cols := sized(e.cols(12, "code", "indicator", "metric", "unit", "baseline", "target", "actual", "progress_percent"),
		map[string]float64{"code": 8, "indicator": 48, "metric": 22, "progress_percent": 14}, "indicator", "metric")
	var rs [][]Cell
	for _, ind := range e.Fig.Indicators {
		b, t := ind.Baseline, ind.Target
		rs = append(rs, []Cell{Text(ind.Code), Text(l.Pick(ind.NameEn, ind.NameAr)), Text(l.T("ref.metric." + string(ind.Metric))),
			Text(l.T("ref.unit." + ind.Unit)), InUnit(ind.Unit, &b), InUnit(ind.Unit, &t), InUnit(ind.Unit, ind.Actual),
			Percent(ind.Progress)})
	}
	return e.named("indicators", cols, rs)
}

// trainings is the per-training table.
func (e Export) trainings() Table {
	l := e.Loc
	cols := e.cols(11, "training_id", "training", "starts_on", "ends_on", "venue", "city", "governorate", "status",
		"running", "sessions", "sessions_planned", "training_days", "participants", "no_shows", "women", "men",
		"attendance_expected", "attended", "attendance_rate_percent", "completed", "completion_rate_percent")
	cols = sized(cols, map[string]float64{"training_id": 9, "training": 34, "venue": 20, "city": 12, "governorate": 13,
		"status": 12}, "training", "venue", "city", "governorate")
	var rs [][]Cell
	for _, t := range e.Fig.Trainings {
		completed := Int(t.Completed)
		completed.Empty = t.Running // not counted until the training is over
		rs = append(rs, []Cell{Int(int(t.ID)), Text(l.Pick(t.TitleEn, t.TitleAr)), DateCell(t.StartsOn), DateCell(t.EndsOn), Text(l.Pick(t.VenueEn, t.VenueAr)),
			Text(t.City), Text(l.Pick(t.GovernorateEn, t.GovernorateAr)), Text(l.T("status." + string(t.Status))),
			Text(yesNo(l, t.Running)), Int(t.Sessions), Int(t.SessionsPlanned), Int(t.Days), Int(t.Participants),
			Int(t.NoShows), Int(t.Women), Int(t.Men), Int(t.Expected), Int(t.Attended), Percent(t.AttendanceRate),
			completed, Percent(t.CompletionRate)})
	}
	return e.named("trainings", cols, rs)
}
