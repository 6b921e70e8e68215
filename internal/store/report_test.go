package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/report/reporttest"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

func filter2023(fx reporttest.Fixture) model.ReportFilter {
	return model.ReportFilter{ProjectID: fx.ProjectID, From: model.MustDate("2023-01-01"), To: model.MustDate("2023-12-31"),
		AsOf: reporttest.Today, Mastery: 70}
}

// TestReport_CompletionMatchesModel checks that the SQL completion rule
// agrees with model.Completed, applied to the marks and scores the
// training page reads, for every counted training.
func TestReport_CompletionMatchesModel(t *testing.T) {
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		fx, err := reporttest.Seed(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := s.ReportTrainings(ctx, filter2023(fx))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if got, want := r.Completed, completersByModel(t, s, r.ID); got != want {
				t.Errorf("%s: SQL says %d completed, model.Completed says %d", r.TitleEn, got, want)
			}
		}
	})
}

// completersByModel counts a training's completers the way its page does.
func completersByModel(t *testing.T, s *store.Store, id int64) int {
	ctx := context.Background()
	d, err := s.TrainingDetail(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	sits, _ := s.Sittings(ctx, id)
	marks, _ := s.TrainingMarks(ctx, id)
	scores, _ := s.Assessments(ctx, id)
	roster, _ := s.Roster(ctx, id)
	attended := map[int64]int{}
	for _, m := range marks {
		if m.Status.Attended() {
			attended[m.RegistrationID]++
		}
	}
	n := 0
	for _, r := range roster {
		if r.Status == model.RegWithdrawn {
			continue
		}
		var post *float64
		if a, ok := scores[r.ID]; ok {
			post = a.PostScore
		}
		if d.Complete(attended[r.ID], len(sits), post).Completed {
			n++
		}
	}
	return n
}

// TestReport_Streams reads the participant list and the attendance matrix
// row by row and checks them against the hand count.
func TestReport_Streams(t *testing.T) {
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		fx, err := reporttest.Seed(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		f := filter2023(fx)
		rows, completed, phones := 0, 0, 0
		persons := map[int64]bool{}
		err = s.EachReportParticipant(ctx, f, false, func(p model.ReportParticipant) error {
			rows++
			persons[p.PersonID] = true
			if p.Completed() {
				completed++
			}
			if p.Phone != "" || p.Email != "" {
				phones++
			}
			if p.PersonID == fx.Duplicate {
				t.Error("the merged record appears instead of the person it was merged into")
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if rows != reporttest.Participations || len(persons) != reporttest.Individuals || completed != reporttest.Completed || phones != 0 {
			t.Errorf("participants: %d rows, %d persons, %d completed, %d with contact data", rows, len(persons), completed, phones)
		}
		lines, attended, cells := 0, 0, 0
		err = s.EachAttendanceLine(ctx, f, func(a model.AttendanceLine) error {
			lines++
			attended += a.Attended()
			cells += len(a.Marks)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if lines != reporttest.Participations || attended != reporttest.Attended || cells != reporttest.Expected {
			t.Errorf("attendance: %d lines, %d attended, %d cells", lines, attended, cells)
		}
		stop := errors.New("stop")
		if err := s.EachAttendanceLine(ctx, f, func(model.AttendanceLine) error { return stop }); !errors.Is(err, stop) {
			t.Errorf("the callback's error should stop the stream: %v", err)
		}
		if n, err := s.ReportMaxSessions(ctx, f); err != nil || n != 4 {
			t.Errorf("max sessions = %d, %v", n, err)
		}
	})
}

// TestReport_Explain: each database explains every report statement
// (the benchmark prints SQLite's plans; this keeps PostgreSQL's path
// working too).
func TestReport_Explain(t *testing.T) {
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		plans, err := s.ExplainReport(context.Background(), model.ReportFilter{ProjectID: 1, AsOf: reporttest.Today,
			From: model.MustDate("2023-01-01"), To: model.MustDate("2023-12-31"), Mastery: 70})
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range store.ReportStatements(model.ReportFilter{}) {
			if len(plans[st.Name]) == 0 {
				t.Errorf("no plan for %s", st.Name)
			}
		}
	})
}
