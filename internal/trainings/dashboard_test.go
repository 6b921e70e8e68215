package trainings_test

import (
	"reflect"
	"testing"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/report"
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

// testDashboard: on 27 November 2026 the demo's document course runs from
// the day before to the day after, with only its first day marked, and
// the refresher is planned for December. The headline counts the course,
// its first session and its 16 participants who came (officer 19 was
// absent: a no-show), and lists the refresher as not started; drafts and
// cancelled trainings never count.
func testDashboard(t *testing.T, e *env) {
	d, err := e.svc.Dashboard(e.ctx, e.actor["manager"])
	if err != nil {
		t.Fatal(err)
	}
	if d.Date != e.today || len(d.Today) != 1 || d.Today[0].Registered != 17 || d.Today[0].Marked != 0 {
		t.Errorf("today = %+v", d.Today)
	}
	if len(d.Headlines) != 1 {
		t.Fatalf("%d headlines, want SPHERE II's", len(d.Headlines))
	}
	h := d.Headlines[0]
	got := [8]int{h.Summary.TrainingsHeld, h.Counted.Running, h.Counted.NotStarted, h.Summary.TrainingDays,
		h.Summary.Individuals, h.Summary.Women, h.Attendance.Attended, h.Attendance.Expected}
	if want := [8]int{1, 1, 1, 1, 16, 1, 16, 16}; got != want {
		t.Errorf("headline: held, running, not started, days, individuals, women, attended, expected = %v, want %v", got, want)
	}
	if h.Period.From != model.MustDate("2026-01-01") || h.Period.To != model.MustDate("2026-12-31") || h.Counted.AsOf != e.today {
		t.Errorf("headline period %v, as of %v", h.Period, h.Counted.AsOf)
	}
	for _, u := range d.Upcoming {
		if u.EndsOn.Before(e.today) || u.Status == model.StatusCancelled {
			t.Errorf("upcoming lists %+v", u)
		}
	}
	// A cancelled training's sessions are not today's, nor its people.
	if err := e.svc.SetStatus(e.ctx, e.actor["officer"], d.Today[0].TrainingID, model.StatusCancelled, "Postponed"); err != nil {
		t.Fatal(err)
	}
	d, _ = e.svc.Dashboard(e.ctx, e.actor["manager"])
	if len(d.Today) != 0 || len(d.Headlines) != 1 || d.Headlines[0].Summary.TrainingsHeld != 0 || d.Headlines[0].Summary.Individuals != 0 {
		t.Errorf("after cancelling: today %d, headlines %+v", len(d.Today), d.Headlines)
	}
	// A trainer sees only the trainings they facilitate: none here.
	if d, _ := e.svc.Dashboard(e.ctx, e.actor["other"]); len(d.Today) != 0 || len(d.Upcoming) != 0 || len(d.Headlines) != 0 {
		t.Errorf("an unrelated trainer sees %+v", d.Headlines)
	}
}

// TestDashboard_SameAsReport: each headline figure is the report's for the
// same project and year, written the same way.
func TestDashboard_SameAsReport(t *testing.T) {
	e := newEnv(t, model.MustDate("2026-11-27"))
	d, err := e.svc.Dashboard(e.ctx, e.actor["manager"])
	if err != nil || len(d.Headlines) != 1 {
		t.Fatalf("%d headlines, %v", len(d.Headlines), err)
	}
	h := d.Headlines[0]
	pg, err := e.reports.Page(e.ctx, e.actor["manager"], report.Request{ProjectID: h.Project.ID, From: h.Period.From, To: h.Period.To}, i18n.EN)
	if err != nil || pg.Fig == nil {
		t.Fatalf("report: %v", err)
	}
	r := *pg.Fig
	if !reflect.DeepEqual(h.Summary, r.Summary) || !reflect.DeepEqual(h.Attendance, r.Attendance) || h.Counted != r.Counted {
		t.Errorf("dashboard %+v %+v %+v\nreport    %+v %+v %+v", h.Summary, h.Attendance, h.Counted, r.Summary, r.Attendance, r.Counted)
	}
}
