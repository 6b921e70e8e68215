package attendance_test

import (
	"context"
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/attendance"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// fixture is the demo data on 27 November 2026: the document-examination
// course runs from the 26th to the 28th, facilitated by the demo trainer.
type fixture struct {
	env     *webtest.Env
	svc     attendance.Service
	today   model.Sitting
	regs    []model.RosterRow
	trainer model.User
}

func newFixture(t *testing.T) *fixture {
	env := webtest.New(t, webtest.Options{Demo: true, Today: model.MustDate("2026-11-27")})
	ctx := context.Background()
	rows, _, err := env.Store.ListTrainings(ctx, model.TrainingFilter{Scope: model.TrainingScope{All: true}, Text: "Document examination"})
	if err != nil || len(rows) != 1 {
		t.Fatalf("find the course: %v %d", err, len(rows))
	}
	sits, _ := env.Store.Sittings(ctx, rows[0].ID)
	regs, _ := env.Store.Roster(ctx, rows[0].ID)
	return &fixture{env: env, today: sits[1].Sitting, regs: regs, trainer: env.Users[model.RoleTrainer],
		svc: attendance.Service{Store: env.Store, Now: env.Clock.Now, Location: env.Cairo, DaysAfter: 3,
			Codes: attendance.Codes{Key: env.Secret}}}
}

func (f *fixture) op(id string, reg int, st model.Mark, at time.Time, device string) model.MarkOp {
	return model.MarkOp{OpID: id, RegistrationID: f.regs[reg].ID, SittingID: f.today.ID, Status: st,
		ClientTime: at.UnixMilli(), DeviceID: device}
}

func (f *fixture) mark(t *testing.T, reg int) (model.Mark, int) {
	t.Helper()
	ms, err := f.env.Store.SessionMarks(context.Background(), f.today.ID)
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

func (f *fixture) batch(t *testing.T) []model.MarkOp {
	now := f.env.Clock.Now()
	var ops []model.MarkOp
	for i := 0; i < 5; i++ {
		ops = append(ops, f.op(fmt.Sprintf("op-batch-%04d", i), i, model.MarkPresent, now.Add(time.Duration(i)*time.Second), "tablet-1"))
	}
	return ops
}

func TestSync_ReplayedBatchAppliesOnce(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	first, err := f.svc.Sync(ctx, f.trainer, f.batch(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range first.Results {
		if r.Result != model.OpApplied {
			t.Fatalf("first send: %+v", r)
		}
	}
	history := f.env.Store.MustCount(ctx, "attendance_history")
	for i := 0; i < 2; i++ {
		again, err := f.svc.Sync(ctx, f.trainer, f.batch(t))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(again.Results, first.Results) {
			t.Fatalf("replay %d answered %+v, first %+v", i, again.Results, first.Results)
		}
	}
	for i := 0; i < 5; i++ {
		if st, n := f.mark(t, i); n != 1 || st != model.MarkPresent {
			t.Errorf("participant %d: %d marks, %s", i, n, st)
		}
	}
	if got := f.env.Store.MustCount(ctx, "attendance_history"); got != history {
		t.Errorf("replays wrote %d history lines", got-history)
	}
}

func TestSync_ConcurrentReplays(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	answers := make([][]model.OpResult, 3)
	errs := make([]error, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			s, err := f.svc.Sync(ctx, f.trainer, f.batch(t))
			answers[i], errs[i] = s.Results, err
		}(i)
	}
	wg.Wait()
	for i := range answers {
		if errs[i] != nil {
			t.Fatalf("send %d: %v", i, errs[i])
		}
		if !reflect.DeepEqual(answers[i], answers[0]) {
			t.Errorf("send %d answered %+v, send 0 %+v", i, answers[i], answers[0])
		}
	}
	for i := 0; i < 5; i++ {
		if _, n := f.mark(t, i); n != 1 {
			t.Errorf("participant %d has %d marks", i, n)
		}
	}
}

func TestSync_LaterClientTimeWins(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	now := f.env.Clock.Now()
	early := f.op("op-early-0001", 0, model.MarkAbsent, now.Add(-10*time.Minute), "tablet-a")
	late := f.op("op-late-00001", 0, model.MarkPresent, now.Add(-2*time.Minute), "tablet-b")
	if _, err := f.svc.Sync(ctx, f.trainer, []model.MarkOp{late}); err != nil {
		t.Fatal(err)
	}
	s, err := f.svc.Sync(ctx, f.trainer, []model.MarkOp{early})
	if err != nil {
		t.Fatal(err)
	}
	if s.Results[0].Result != model.OpSuperseded {
		t.Errorf("the earlier mark arriving later: %+v, want superseded", s.Results[0])
	}
	if st, _ := f.mark(t, 0); st != model.MarkPresent {
		t.Errorf("mark = %s, want the later one (present)", st)
	}
}

// TestSync_TiesResolveTheSameInBothOrders sends two marks with the same
// client time in both orders to two databases and expects the same roster.
func TestSync_TiesResolveTheSameInBothOrders(t *testing.T) {
	var final []model.Mark
	for _, order := range [][]int{{0, 1}, {1, 0}} {
		f := newFixture(t)
		at := f.env.Clock.Now().Add(-time.Minute)
		ops := []model.MarkOp{f.op("op-tie-aaaa1", 0, model.MarkLate, at, "tablet-a"), f.op("op-tie-bbbb1", 0, model.MarkAbsent, at, "tablet-b")}
		for _, i := range order {
			if _, err := f.svc.Sync(context.Background(), f.trainer, []model.MarkOp{ops[i]}); err != nil {
				t.Fatal(err)
			}
		}
		st, _ := f.mark(t, 0)
		final = append(final, st)
	}
	if final[0] != final[1] {
		t.Fatalf("order a,b gave %s; order b,a gave %s", final[0], final[1])
	}
}

func TestSync_RefusesPerItem(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	now := f.env.Clock.Now()
	unknown := f.op("op-unknown-01", 1, model.MarkPresent, now, "t")
	unknown.RegistrationID = 999999
	otherTraining := f.op("op-other-0001", 2, model.MarkPresent, now, "t")
	otherTraining.SittingID = 1 // a session of the 2023 course, which this trainer does not...
	future := f.op("op-future-001", 3, model.MarkPresent, now.Add(2*time.Hour), "t")
	good := f.op("op-good-00001", 4, model.MarkPresent, now, "t")
	badOpID := f.op("x", 5, model.MarkPresent, now, "t")
	wrongCode := f.op("op-qr-bad-001", 6, model.MarkPresent, now, "t")
	wrongCode.Via, wrongCode.Code = model.ViaQR, f.svc.Codes.Code(f.regs[7].ID)
	rightCode := f.op("op-qr-good-01", 8, model.MarkPresent, now, "t")
	rightCode.Via, rightCode.Code = model.ViaQR, f.svc.Codes.Code(f.regs[8].ID)

	// The demo trainer facilitates every demo training, so another trainer
	// stands in for "somebody else's session".
	other := model.User{Email: "other@example.org", Name: "Other", Role: model.RoleTrainer, PasswordHash: "h", Active: true}
	if err := f.env.Store.CreateUser(ctx, &other); err != nil {
		t.Fatal(err)
	}
	s, err := f.svc.Sync(ctx, other, []model.MarkOp{f.op("op-notmine-01", 1, model.MarkPresent, now, "t")})
	if err != nil || s.Results[0].Reason != model.RefuseForbidden {
		t.Fatalf("another trainer's session: %+v %v", s.Results, err)
	}
	s, err = f.svc.Sync(ctx, f.trainer, []model.MarkOp{unknown, otherTraining, future, good, badOpID, wrongCode, rightCode})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{model.RefuseUnknown, model.RefuseUnknown, model.RefuseFuture, "", model.RefuseInvalid, model.RefuseCode, ""}
	for i, r := range s.Results {
		if r.Reason != want[i] {
			t.Errorf("item %d: %+v, want reason %q", i, r, want[i])
		}
	}
	if st, _ := f.mark(t, 4); st != model.MarkPresent {
		t.Error("the good item was not applied next to the refused ones")
	}
	if st, _ := f.mark(t, 8); st != model.MarkPresent {
		t.Error("the genuine QR code was not applied")
	}
	// Outside the marking window (a week after the session) a trainer is refused.
	late := f.op("op-window-001", 9, model.MarkPresent, now, "t")
	f.env.Clock.Advance(8 * 24 * time.Hour)
	late.ClientTime = f.env.Clock.Now().UnixMilli()
	s, _ = f.svc.Sync(ctx, f.trainer, []model.MarkOp{late})
	if s.Results[0].Reason != model.RefuseWindow {
		t.Errorf("a week late: %+v", s.Results[0])
	}
	// A program officer may still correct it.
	s, _ = f.svc.Sync(ctx, f.env.Users[model.RoleProgramOfficer], []model.MarkOp{f.op("op-po-late-01", 9, model.MarkExcused, f.env.Clock.Now(), "office")})
	if s.Results[0].Result != model.OpApplied {
		t.Errorf("a program officer's late correction: %+v", s.Results[0])
	}
}

func TestCodes(t *testing.T) {
	c := attendance.Codes{Key: []byte("k-0123456789abcdef0123456789abcdef")}
	code := c.Code(42)
	if id, ok := c.Parse(code); !ok || id != 42 {
		t.Fatalf("%s parsed to %d %v", code, id, ok)
	}
	if id, ok := c.Parse(" " + lower(code) + " "); !ok || id != 42 {
		t.Error("case and spaces are not forgiven")
	}
	other := attendance.Codes{Key: []byte("another-key-0123456789abcdef01234")}
	for _, bad := range []string{"", "42", "42-", "43" + code[2:], other.Code(42), "42-0000000", "-1-AAAAAAA"} {
		if _, ok := c.Parse(bad); ok {
			t.Errorf("%q accepted", bad)
		}
	}
}

func lower(s string) string {
	b := []byte(s)
	for i, r := range b {
		if r >= 'A' && r <= 'Z' {
			b[i] = r + 32
		}
	}
	return string(b)
}
