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
	return report.Filter{ProjectID: fx.ProjectID, From: from, To: to}
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
