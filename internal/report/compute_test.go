package report_test

import (
	"context"
	"errors"
	"math"
	"strconv"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/report"
	"github.com/traindesk/traindesk/internal/report/reporttest"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// year2023 is the filter of the hand-counted report.
func year2023(fx reporttest.Fixture) report.Filter {
	from, to := report.Year(2023)
	return report.Filter{ProjectID: fx.ProjectID, From: from, To: to}
}

func eqInt(t *testing.T, what string, got, want int) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %d, want %d", what, got, want)
	}
}

func eqPct(t *testing.T, what string, got *float64, want float64) {
	t.Helper()
	if got == nil || math.Abs(*got-want) > 1e-9 {
		t.Errorf("%s = %v, want %v", what, deref(got), want)
	}
}

func deref(p *float64) any {
	if p == nil {
		return "nil"
	}
	return *p
}

// TestCompute_HandCount compares every figure of the 2023 report with the
// hand count, on SQLite and PostgreSQL.
func TestCompute_HandCount(t *testing.T) {
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		fx, err := reporttest.Seed(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		fig, err := report.Compute(ctx, s, year2023(fx))
		if err != nil {
			t.Fatal(err)
		}
		checkFigures(t, fig)
	})
}

func checkFigures(t *testing.T, fig report.Figures) {
	t.Helper()
	w := reporttest.Participations
	sm, at := fig.Summary, fig.Attendance
	eqInt(t, "trainings held", sm.TrainingsHeld, reporttest.TrainingsHeld)
	eqInt(t, "training days", sm.TrainingDays, reporttest.TrainingDays)
	eqInt(t, "participations", sm.Participations, w)
	eqInt(t, "participations women", sm.ParticipationsWomen, reporttest.ParticipationsWomen)
	eqInt(t, "participations men", sm.ParticipationsMen, reporttest.ParticipationsMen)
	eqInt(t, "individuals", sm.Individuals, reporttest.Individuals)
	eqInt(t, "women", sm.Women, reporttest.Women)
	eqInt(t, "men", sm.Men, reporttest.Men)
	eqPct(t, "women share", sm.WomenShare, 100.0*reporttest.Women/reporttest.Individuals)
	eqInt(t, "completed", sm.Completed, reporttest.Completed)
	eqPct(t, "completion rate", sm.CompletionRate, 100.0*reporttest.Completed/reporttest.Participations)

	eqInt(t, "expected marks", at.Expected, reporttest.Expected)
	eqInt(t, "present", at.Present, reporttest.Present)
	eqInt(t, "late", at.Late, reporttest.Late)
	eqInt(t, "absent", at.Absent, reporttest.Absent)
	eqInt(t, "excused", at.Excused, reporttest.Excused)
	eqInt(t, "unmarked", at.Unmarked, reporttest.Unmarked)
	eqInt(t, "attended", at.Attended, reporttest.Attended)
	eqPct(t, "attendance rate", at.Rate, 100.0*reporttest.Attended/reporttest.Expected)

	k := fig.Knowledge
	eqInt(t, "assessed", k.Assessed, reporttest.Assessed)
	eqPct(t, "mean pre", k.MeanPre, float64(reporttest.SumPre)/reporttest.Assessed)
	eqPct(t, "mean post", k.MeanPost, float64(reporttest.SumPost)/reporttest.Assessed)
	eqPct(t, "mean gain", k.MeanGain, float64(reporttest.SumPost-reporttest.SumPre)/reporttest.Assessed)
	eqInt(t, "improved", k.Improved, reporttest.Improved)
	eqPct(t, "improved share", k.ImprovedShare, 100.0*reporttest.Improved/reporttest.Assessed)
	eqInt(t, "mastery", k.Mastery, reporttest.Mastery)
	eqPct(t, "mastery share", k.MasteryShare, 100.0*reporttest.Mastery/reporttest.Assessed)
	if k.MasteryThreshold != reporttest.Threshold {
		t.Errorf("threshold = %v", k.MasteryThreshold)
	}

	st := fig.Satisfaction
	eqInt(t, "responses", st.Responses, reporttest.Responses)
	if st.Counts != reporttest.Ratings {
		t.Errorf("ratings = %v, want %v", st.Counts, reporttest.Ratings)
	}
	eqPct(t, "satisfaction", st.Mean, float64(reporttest.SumRating)/reporttest.Responses)

	checkGroups(t, "agency", fig.Groups.Agency, reporttest.Agencies, func(g report.Group) string { return g.NameEn })
	checkGroups(t, "station", fig.Groups.Station, reporttest.Stations, func(g report.Group) string { return g.NameEn })
	checkGroups(t, "governorate", fig.Groups.Governorate, reporttest.Governorates, func(g report.Group) string { return g.NameEn })
	checkGroups(t, "position", fig.Groups.Position, reporttest.Positions, func(g report.Group) string { return g.Key })
	checkGoals(t, "SDG", fig.SDGs, reporttest.SDGs)
	checkGoals(t, "GCM", fig.GCMs, reporttest.GCMs)
	checkTrainings(t, fig.Trainings)
	checkIndicators(t, fig.Indicators)
}

func checkGroups(t *testing.T, dim string, got []report.Group, want map[string]reporttest.Group, name func(report.Group) string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d lines, want %d: %+v", dim, len(got), len(want), got)
	}
	for i, g := range got {
		w, ok := want[name(g)]
		if !ok {
			t.Errorf("%s: unexpected line %q", dim, name(g))
			continue
		}
		have := reporttest.Group{g.Participations, g.ParticipationsWomen, g.ParticipationsMen, g.Individuals, g.Women, g.Men}
		if have != w {
			t.Errorf("%s %q = %v, want %v", dim, name(g), have, w)
		}
		if i > 0 && got[i-1].Participations < g.Participations {
			t.Errorf("%s: lines not ordered by participations", dim)
		}
	}
}

func checkGoals(t *testing.T, kind string, got []report.Goal, want map[int64]reporttest.Goal) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d goals, want %d: %+v", kind, len(got), len(want), got)
	}
	for i, g := range got {
		if have := (reporttest.Goal{g.Trainings, g.Participations, g.Individuals}); have != want[g.Number] {
			t.Errorf("%s %d = %v, want %v", kind, g.Number, have, want[g.Number])
		}
		if i > 0 && got[i-1].Number >= g.Number {
			t.Errorf("%s: not in order of number", kind)
		}
	}
}

func checkTrainings(t *testing.T, got []report.Training) {
	t.Helper()
	if len(got) != len(reporttest.Trainings) {
		t.Fatalf("%d trainings, want %d", len(got), len(reporttest.Trainings))
	}
	for _, r := range got {
		have := reporttest.TrainingRow{r.Sessions, r.Days, r.Participants, r.Women, r.Men, r.Attended, r.Completed}
		w := reporttest.Trainings[r.Title]
		if have != w {
			t.Errorf("training %q = %v, want %v", r.Title, have, w)
		}
		eqPct(t, r.Title+" attendance", r.AttendanceRate, 100*float64(w[5])/float64(w[2]*w[0]))
		eqPct(t, r.Title+" completion", r.CompletionRate, 100*float64(w[6])/float64(w[2]))
	}
	if !got[0].StartsOn.Before(got[1].StartsOn) {
		t.Error("trainings not by date")
	}
}

func checkIndicators(t *testing.T, got []report.Indicator) {
	t.Helper()
	if len(got) != len(reporttest.Indicators) {
		t.Errorf("%d indicators, want %d", len(got), len(reporttest.Indicators))
	}
	for _, ind := range got {
		w, ok := reporttest.Indicators[ind.Code]
		switch {
		case !ok:
			t.Errorf("unexpected indicator %s", ind.Code)
		case w.Missing:
			if ind.Actual != nil || ind.Progress != nil {
				t.Errorf("indicator %s = %v, %v; want none", ind.Code, deref(ind.Actual), deref(ind.Progress))
			}
		default:
			eqPct(t, "indicator "+ind.Code+" actual", ind.Actual, w.Actual)
			eqPct(t, "indicator "+ind.Code+" progress", ind.Progress, w.Progress)
		}
	}
}

// TestCompute_Filters checks the period's edges and the optional filters
// against small hand counts.
func TestCompute_Filters(t *testing.T) {
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		fx, err := reporttest.Seed(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		q1from, q1to := report.Quarter(2023, 1)
		tests := []struct {
			name                                    string
			f                                       report.Filter
			trainings, days, participations, people int
		}{
			// The January course overlaps two days of this period: it counts
			// whole, but only its sessions of the 17th and 18th are days.
			{"two days", report.Filter{From: model.MustDate("2023-01-17"), To: model.MustDate("2023-01-18")}, 1, 2, 27, 27},
			{"first quarter", report.Filter{From: q1from, To: q1to}, 1, 4, 27, 27},
			// The May course is the project's only counter-trafficking one:
			// 16 officers and D, who counts as Hesham.
			{"thematic", report.Filter{From: model.MustDate("2023-01-01"), To: model.MustDate("2023-12-31"), ThematicID: 2}, 1, 3, 17, 17},
			{"governorate", report.Filter{From: model.MustDate("2023-01-01"), To: model.MustDate("2023-12-31"), GovernorateID: 17}, 2, 7, 44, 31},
			{"no trainings", report.Filter{From: model.MustDate("2024-01-01"), To: model.MustDate("2024-12-31")}, 0, 0, 0, 0},
			// Starting on the January course's last day still overlaps it.
			{"edge", report.Filter{From: model.MustDate("2023-01-19"), To: model.MustDate("2023-05-20")}, 1, 1, 27, 27},
		}
		for _, tt := range tests {
			tt.f.ProjectID = fx.ProjectID
			fig, err := report.Compute(ctx, s, tt.f)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			sm := fig.Summary
			got := [4]int{sm.TrainingsHeld, sm.TrainingDays, sm.Participations, sm.Individuals}
			if want := [4]int{tt.trainings, tt.days, tt.participations, tt.people}; got != want {
				t.Errorf("%s: trainings, days, participations, individuals = %v, want %v", tt.name, got, want)
			}
			if tt.participations == 0 && (fig.Attendance.Rate != nil || sm.WomenShare != nil || fig.Knowledge.MeanGain != nil) {
				t.Errorf("%s: rates with nothing to divide by should be nil", tt.name)
			}
		}
	})
}

// TestCompute_Errors: a bad filter is a validation error, an unknown
// project is not found.
func TestCompute_Errors(t *testing.T) {
	s := storetest.SQLite(t, store.Options{})
	ctx := context.Background()
	_, err := report.Compute(ctx, s, report.Filter{ProjectID: 1, From: model.MustDate("2023-02-01"), To: model.MustDate("2023-01-01")})
	if fe := model.FieldErrors(err); fe["to"] == "" {
		t.Errorf("to before from: %v", err)
	}
	_, err = report.Compute(ctx, s, report.Filter{ProjectID: 99, From: model.MustDate("2023-01-01"), To: model.MustDate("2023-01-31")})
	if !errors.Is(err, model.ErrNotFound) {
		t.Errorf("unknown project: %v", err)
	}
}

func TestPeriods(t *testing.T) {
	for q, want := range []string{"2024-01-01 2024-03-31", "2024-04-01 2024-06-30", "2024-07-01 2024-09-30", "2024-10-01 2024-12-31"} {
		a, b := report.Quarter(2024, q+1)
		if got := a.String() + " " + b.String(); got != want {
			t.Errorf("Q%s = %s, want %s", strconv.Itoa(q+1), got, want)
		}
	}
}
