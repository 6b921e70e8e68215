package report_test

import (
	"context"
	"errors"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/report"
	"github.com/traindesk/traindesk/internal/report/reporttest"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// year2023 is the filter of the hand-counted report.
func year2023(fx reporttest.Fixture) report.Filter {
	from, to := model.YearPeriod(2023)
	return report.Filter{ProjectID: fx.ProjectID, From: from, To: to, AsOf: reporttest.Today}
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
		reporttest.Check(t, fig)
	})
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
		q1from, q1to := model.QuarterPeriod(2023, 1)
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
			tt.f.ProjectID, tt.f.AsOf = fx.ProjectID, reporttest.Today
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

// TestCompute_AsOfToday compares the figures of periods that reach Today
// or the future with the hand counts of reporttest: the current year
// with a running course (unmarked sessions today and tomorrow), a draft,
// a planned course and a no-show; a period that cuts two trainings; next
// month; and the year again once Today's session is marked.
func TestCompute_AsOfToday(t *testing.T) {
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		fx, err := reporttest.Seed(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		from, to := model.YearPeriod(reporttest.Today.Year)
		year := report.Filter{ProjectID: fx.ProjectID, From: from, To: to, AsOf: reporttest.Today}
		compute := func(t *testing.T, f report.Filter) model.Figures {
			t.Helper()
			fig, err := report.Compute(ctx, s, f)
			if err != nil {
				t.Fatal(err)
			}
			return fig
		}
		t.Run("year", func(t *testing.T) { reporttest.CheckCurrent(t, compute(t, year)) })
		t.Run("cut", func(t *testing.T) {
			f := year
			f.From, f.To = model.MustDate("2026-03-11"), reporttest.Today.AddDays(-1)
			reporttest.CheckCounts(t, compute(t, f), reporttest.CurrentCut)
		})
		t.Run("next month", func(t *testing.T) {
			f := year
			f.From, f.To = model.MustDate("2026-12-01"), model.MustDate("2026-12-31")
			reporttest.CheckCounts(t, compute(t, f), reporttest.NextMonth)
		})
		t.Run("today marked", func(t *testing.T) {
			if err := reporttest.TodayMarked(ctx, s, fx); err != nil {
				t.Fatal(err)
			}
			reporttest.CheckCounts(t, compute(t, year), reporttest.CurrentTodayMarked)
		})
		// A trainer's figures are those of the trainings they facilitate:
		// the demo's trainer runs the document course, not the workshop.
		trainer, err := s.UserByEmail(ctx, "trainer@traindesk.local")
		if err != nil {
			t.Fatal(err)
		}
		f := year
		f.FacilitatorID = trainer.ID
		if fig := compute(t, f); len(fig.Trainings) != 1 || fig.Trainings[0].ID != fx.Documents {
			t.Errorf("the trainer's figures count %+v", fig.Trainings)
		}
	})
}

// TestCompute_Errors: a bad filter is a validation error, an unknown
// project is not found.
func TestCompute_Errors(t *testing.T) {
	s := storetest.SQLite(t, store.Options{})
	ctx := context.Background()
	asOf := model.MustDate("2023-06-01")
	_, err := report.Compute(ctx, s, report.Filter{ProjectID: 1, From: model.MustDate("2023-02-01"), To: model.MustDate("2023-01-01"), AsOf: asOf})
	if fe := model.FieldErrors(err); fe["to"] == "" {
		t.Errorf("to before from: %v", err)
	}
	if _, err := report.Compute(ctx, s, report.Filter{ProjectID: 1, From: asOf, To: asOf}); err == nil {
		t.Error("no day to count as of, yet no error")
	}
	_, err = report.Compute(ctx, s, report.Filter{ProjectID: 99, From: model.MustDate("2023-01-01"), To: model.MustDate("2023-01-31"), AsOf: asOf})
	if !errors.Is(err, model.ErrNotFound) {
		t.Errorf("unknown project: %v", err)
	}
}
