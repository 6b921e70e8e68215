package trainings_test

import (
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

func TestDashboard(t *testing.T) {
	today := model.MustDate("2026-11-27")
	clock := clockAt(today)
	storetest.Each(t, store.Options{Now: clock.Now}, func(t *testing.T, st *store.Store) {
		testDashboard(t, envOn(t, st, clock, today))
	})
}

func testDashboard(t *testing.T, e *env) {
	d, err := e.svc.Dashboard(e.ctx, e.actor["manager"])
	if err != nil {
		t.Fatal(err)
	}
	if d.Date != e.today || len(d.Today) != 1 || d.Today[0].Registered != 17 || d.Today[0].Marked != 0 {
		t.Errorf("today = %+v", d.Today)
	}
	if d.Headline.Trainings != 4 || d.Headline.Completed != 2 || d.Headline.Individuals != 32 {
		t.Errorf("headline = %+v", d.Headline)
	}
	for _, u := range d.Upcoming {
		if u.EndsOn.Before(e.today) || u.Status == model.StatusCancelled {
			t.Errorf("upcoming lists %+v", u)
		}
	}
	// A cancelled training's sessions are not today's.
	if err := e.svc.SetStatus(e.ctx, e.actor["officer"], d.Today[0].TrainingID, model.StatusCancelled, "Postponed"); err != nil {
		t.Fatal(err)
	}
	if d, _ := e.svc.Dashboard(e.ctx, e.actor["manager"]); len(d.Today) != 0 || d.Headline.Trainings != 3 {
		t.Errorf("after cancelling: today %d, trainings %d", len(d.Today), d.Headline.Trainings)
	}
	// A trainer sees only the trainings they facilitate: none here.
	if d, _ := e.svc.Dashboard(e.ctx, e.actor["other"]); len(d.Today) != 0 || len(d.Upcoming) != 0 || d.Headline.Trainings != 0 {
		t.Errorf("an unrelated trainer sees %+v", d.Headline)
	}
}
