package attendance_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/traindesk/traindesk/db/seed"
	"github.com/traindesk/traindesk/internal/attendance"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// fixture is the demo data on 27 November 2026: the document-examination
// course runs from the 26th to the 28th, facilitated by the demo trainer.
type fixture struct {
	st       *store.Store
	clock    *storetest.Clock
	svc      *attendance.Service
	codes    attendance.Codes
	course   int64
	today    model.Sitting
	regs     []model.RosterRow
	trainer  model.User
	officer  model.User
	manager  model.User
	location *time.Location
}

var checkinKey = []byte("k-0123456789abcdef0123456789abcdef")

// each runs fn on a fresh demo database on SQLite and, when configured,
// on PostgreSQL.
func each(t *testing.T, fn func(t *testing.T, f *fixture)) {
	cairo, err := time.LoadLocation("Africa/Cairo")
	if err != nil {
		t.Fatal(err)
	}
	clock := &storetest.Clock{}
	storetest.Each(t, store.Options{Now: clock.Now}, func(t *testing.T, st *store.Store) {
		clock.T = time.Date(2026, 11, 27, 8, 30, 0, 0, cairo)
		fn(t, newFixture(t, st, clock, cairo))
	})
}

func newFixture(t *testing.T, st *store.Store, clock *storetest.Clock, cairo *time.Location) *fixture {
	t.Helper()
	ctx := context.Background()
	demo := seed.Build(model.MustDate("2026-11-27"))
	if _, err := st.LoadDemo(ctx, demo, store.DemoOptions{PasswordHash: "h", Location: cairo}); err != nil {
		t.Fatal(err)
	}
	f := &fixture{st: st, clock: clock, location: cairo, codes: attendance.Codes{Key: checkinKey},
		svc: attendance.New(st, attendance.Config{Now: clock.Now, Location: cairo, DaysAfter: 3, CodeKey: checkinKey})}
	// The demo's trainings are stored in the order the seed lists them.
	for i, tr := range demo.Trainings {
		if strings.HasPrefix(tr.Training.TitleEn, "Document examination") {
			f.course = int64(i + 1)
		}
	}
	sits, err := st.Sittings(ctx, f.course)
	if err != nil || len(sits) != 3 {
		t.Fatalf("the course's sessions: %v %d", err, len(sits))
	}
	f.today = sits[1].Sitting
	if f.regs, err = st.Roster(ctx, f.course); err != nil {
		t.Fatal(err)
	}
	for name, u := range map[string]*model.User{"trainer": &f.trainer, "officer": &f.officer, "manager": &f.manager} {
		if *u, err = st.UserByEmail(ctx, name+"@traindesk.local"); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

func as(u model.User) model.Actor { return model.Actor{User: u, IP: "192.0.2.1"} }

func (f *fixture) op(id string, reg int, st model.Mark, at time.Time, device string) model.MarkOp {
	return model.MarkOp{OpID: id, RegistrationID: f.regs[reg].ID, SittingID: f.today.ID, Status: st,
		ClientTime: at.UnixMilli(), DeviceID: device}
}

// mark returns the current mark of participant reg today, and how many
// marks they have (one at most).
func (f *fixture) mark(t *testing.T, reg int) (model.Mark, int) {
	t.Helper()
	ms, err := f.st.SessionMarks(context.Background(), f.today.ID)
	if err != nil {
		t.Fatal(err)
	}
	var st model.Mark
	n := 0
	for _, m := range ms {
		if m.RegistrationID == f.regs[reg].ID {
			st = m.Status
			n++
		}
	}
	return st, n
}

func (f *fixture) sync(t *testing.T, u model.User, ops ...model.MarkOp) attendance.Synced {
	t.Helper()
	s, err := f.svc.Sync(context.Background(), as(u), ops, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// withdraw withdraws participant reg and returns reg.
func (f *fixture) withdraw(t *testing.T, reg int) int {
	t.Helper()
	if err := f.st.Exec(context.Background(), "UPDATE registrations SET status = ? WHERE id = ?", model.RegWithdrawn, f.regs[reg].ID); err != nil {
		t.Fatal(err)
	}
	f.regs[reg].Status = model.RegWithdrawn
	return reg
}
