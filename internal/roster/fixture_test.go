package roster_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/traindesk/traindesk/db/seed"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
	"github.com/traindesk/traindesk/internal/trainings"
)

// fixture is the demo data behind a registry service, with a program
// officer to act as and a duplicate of the demo's first officer (Ahmed
// Mahmoud Abdelrahman, on three trainings) registered on the one training
// he is not on, with a mark, so that a merge has a registration with
// attendance to move.
type fixture struct {
	t                   *testing.T
	s                   *store.Store
	svc                 *roster.Service
	po, manager         model.Actor
	survivor, duplicate int64
	refresher, hurghada int64
	dupRegistration     int64
}

// today is the demo's day: the Hurghada course is under way.
var today = model.MustDate("2023-01-17")

func newFixture(t *testing.T, s *store.Store) *fixture {
	t.Helper()
	ctx := context.Background()
	if _, err := s.LoadDemo(ctx, seed.Build(today), store.DemoOptions{PasswordHash: "h", NameKey: roster.NameKey}); err != nil {
		t.Fatal(err)
	}
	now := func() time.Time { return time.Date(2023, 1, 17, 8, 30, 0, 0, time.UTC) }
	f := &fixture{t: t, s: s, svc: roster.New(s, trainings.New(s, now, time.UTC), now, time.UTC)}
	f.po, f.manager = f.actor("officer@traindesk.local"), f.actor("manager@traindesk.local")
	f.survivor = f.id("SELECT CAST(id AS TEXT) FROM persons WHERE name_latin = 'Ahmed Mahmoud Abdelrahman'")
	f.hurghada = f.id("SELECT CAST(id AS TEXT) FROM trainings WHERE starts_on = '2023-01-16'")
	f.refresher = f.id("SELECT CAST(id AS TEXT) FROM trainings WHERE title_en LIKE 'Counter-smuggling refresher%'")
	d := model.Person{NameArabic: "احمد محمود عبدالرحمن", Sex: model.SexMale, Phone: "+201012003100"}
	d.NameKey = roster.NameKey(d.NameLatin, d.NameArabic)
	if err := s.CreatePerson(ctx, &d); err != nil {
		t.Fatal(err)
	}
	f.duplicate = d.ID
	f.dupRegistration = f.register(d.ID, f.refresher, model.RegNominated)
	f.mark(f.dupRegistration, f.refresher, "present")
	return f
}

// actor is the demo user with email, signed in.
func (f *fixture) actor(email string) model.Actor {
	f.t.Helper()
	u, err := f.s.UserByEmail(context.Background(), email)
	if err != nil {
		f.t.Fatal(err)
	}
	return model.Actor{User: u, IP: "192.0.2.1"}
}

// id runs a query that returns one id as text.
func (f *fixture) id(query string, args ...any) int64 {
	f.t.Helper()
	s := f.s.MustString(context.Background(), query, args...)
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		f.t.Fatalf("%s: id %q: %v", query, s, err)
	}
	return n
}

// register puts person on training with status, through the store.
func (f *fixture) register(person, training int64, st model.RegistrationStatus) int64 {
	f.t.Helper()
	r := model.Registration{TrainingID: training, PersonID: person, Status: st}
	if err := f.s.InsertRegistration(context.Background(), &r, nil); err != nil {
		f.t.Fatal(err)
	}
	return r.ID
}

// mark records a mark for a registration at the training's first session.
func (f *fixture) mark(reg, training int64, status string) {
	f.t.Helper()
	ctx := context.Background()
	sitting := f.id("SELECT CAST(MIN(id) AS TEXT) FROM sittings WHERE training_id = ?", training)
	if err := f.s.Exec(ctx, "INSERT INTO attendance (registration_id, sitting_id, status, recorded_at) VALUES (?, ?, ?, ?)",
		reg, sitting, status, f.s.Now()); err != nil {
		f.t.Fatal(err)
	}
}

// owner is the person a registration belongs to.
func (f *fixture) owner(reg int64) int64 {
	f.t.Helper()
	r, err := f.s.Registration(context.Background(), reg)
	if err != nil {
		f.t.Fatal(err)
	}
	return r.PersonID
}

// history counts a person's trainings.
func (f *fixture) history(person int64) int {
	f.t.Helper()
	h, err := f.s.PersonHistory(context.Background(), person)
	if err != nil {
		f.t.Fatal(err)
	}
	return len(h)
}

// audit returns the detail of the newest audit line of kind, and how many
// there are.
func (f *fixture) audit(kind model.AuditKind) (model.AuditLine, int64) {
	f.t.Helper()
	lines, n, err := f.s.AuditLog(context.Background(), model.AuditFilter{Kind: kind, Limit: 1})
	if err != nil {
		f.t.Fatal(err)
	}
	if len(lines) == 0 {
		return model.AuditLine{}, 0
	}
	return lines[0], n
}

// each runs fn on a fresh fixture over SQLite and, when configured,
// PostgreSQL.
func each(t *testing.T, fn func(t *testing.T, f *fixture)) {
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) { fn(t, newFixture(t, s)) })
}
