package trainings_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/traindesk/traindesk/db/seed"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/report"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
	"github.com/traindesk/traindesk/internal/trainings"
)

// env is a demo database on a fixed day with the service over it and one
// actor per role; "other" is a trainer who facilitates no training.
type env struct {
	t       *testing.T
	ctx     context.Context
	st      *store.Store
	svc     *trainings.Service
	reports *report.Service
	today   model.Date
	actor   map[string]model.Actor
}

// hurghada is the demo's January 2023 course: 27 officers, 4 sessions,
// every session marked.
const hurghada = 1

// clockAt is a fixed clock on the morning of day.
func clockAt(day model.Date) *storetest.Clock {
	return &storetest.Clock{T: time.Date(day.Year, day.Month, day.Day, 8, 30, 0, 0, time.UTC)}
}

// newEnv builds the environment on SQLite.
func newEnv(t *testing.T, today model.Date) *env {
	t.Helper()
	clock := clockAt(today)
	return envOn(t, storetest.SQLite(t, store.Options{Now: clock.Now}), clock, today)
}

// envOn loads the demo into st and builds the environment over it.
func envOn(t *testing.T, st *store.Store, clock *storetest.Clock, today model.Date) *env {
	t.Helper()
	ctx := context.Background()
	if _, err := st.LoadDemo(ctx, seed.Build(today), store.DemoOptions{PasswordHash: "h"}); err != nil {
		t.Fatalf("load demo: %v", err)
	}
	// The dashboard's headline figures are the report's, as in the app.
	reports := report.New(st, nil, report.Options{Now: clock.Now, Location: time.UTC})
	e := &env{t: t, ctx: ctx, st: st, svc: trainings.New(st, clock.Now, time.UTC).WithHeadlines(reports), reports: reports,
		today: today, actor: map[string]model.Actor{}}
	for who, email := range map[string]string{"officer": "officer@traindesk.local", "manager": "manager@traindesk.local",
		"trainer": "trainer@traindesk.local"} {
		u, err := st.UserByEmail(ctx, email)
		if err != nil {
			t.Fatalf("%s: %v", who, err)
		}
		e.actor[who] = model.Actor{User: u, IP: "192.0.2.1"}
	}
	for who, role := range map[string]model.Role{"admin": model.RoleAdmin, "other": model.RoleTrainer} {
		u := model.User{Email: who + "@example.org", Name: "Test " + who, Role: role, PasswordHash: "h", Active: true}
		if err := st.CreateUser(ctx, &u); err != nil {
			t.Fatal(err)
		}
		e.actor[who] = model.Actor{User: u}
	}
	return e
}

// input is a valid training form: 5 to 7 March 2023, 20 places.
func input(over func(in *model.TrainingInput)) *model.TrainingInput {
	in := &model.TrainingInput{TitleEn: "Risk profiling at Safaga port", StartsOn: "2023-03-05", EndsOn: "2023-03-07",
		Capacity: "20", Language: "ar", DayStarts: "09:30", DayEnds: "14:30", SDGs: []int64{16}}
	if over != nil {
		over(in)
	}
	return in
}

// create plans a training as the officer and returns its id.
func (e *env) create(over func(in *model.TrainingInput)) int64 {
	e.t.Helper()
	tr, err := e.svc.Create(e.ctx, e.actor["officer"], input(over))
	if err != nil {
		e.t.Fatalf("create: %v", err)
	}
	return tr.ID
}

// person adds a person of the demo agency at a duty station (nil: none).
func (e *env) person(name string, station *int64) model.Person {
	e.t.Helper()
	agency := int64(1)
	p := model.Person{NameLatin: name, Sex: model.SexMale, AgencyID: &agency, DutyStationID: station}
	if err := e.st.CreatePerson(e.ctx, &p); err != nil {
		e.t.Fatal(err)
	}
	return p
}

// audit returns the audit lines of a kind, newest first.
func (e *env) audit(kind model.AuditKind) []model.AuditLine {
	e.t.Helper()
	lines, _, err := e.st.AuditLog(e.ctx, model.AuditFilter{Kind: kind, Limit: 100})
	if err != nil {
		e.t.Fatal(err)
	}
	return lines
}

// wantErr fails unless err is (or wraps) want.
func wantErr(t *testing.T, what string, err, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Fatalf("%s: %v, want %v", what, err, want)
	}
}

// noNames fails when an audit line carries a person's name.
func noNames(t *testing.T, l model.AuditLine, names ...string) {
	t.Helper()
	for _, n := range names {
		if strings.Contains(l.Detail, n) {
			t.Errorf("audit line %s names %q: %s", l.Action, n, l.Detail)
		}
	}
}
