package attendance_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/attendance"
	"github.com/traindesk/traindesk/internal/model"
)

// pull asks, without operations, for today's marks changed since version v.
func (f *fixture) pull(t *testing.T, u model.User, v int64) attendance.Synced {
	t.Helper()
	s, err := f.svc.Sync(context.Background(), as(u), nil, map[int64]int64{f.today.ID: v})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestSync_DeltaSendsOnlyChanges: each transaction that changes today's
// marks moves its version on by one, and a tablet that saw version V gets
// only the marks changed after it; one that saw nothing, or a version the
// server never reached, gets them all. The roster answers the same way.
func TestSync_DeltaSendsOnlyChanges(t *testing.T) {
	each(t, func(t *testing.T, f *fixture) {
		ctx := context.Background()
		now := f.clock.Now()
		full := f.pull(t, f.trainer, 0)
		v0 := full.Versions[f.today.ID]
		a := f.sync(t, f.trainer, f.op("op-delta-a001", 0, model.MarkPresent, now, "tablet-a"),
			f.op("op-delta-a002", 1, model.MarkPresent, now, "tablet-a"), f.op("op-delta-a003", 2, model.MarkLate, now, "tablet-a"))
		if v := a.Versions[f.today.ID]; v != v0+1 {
			t.Fatalf("a batch of three marks moved the version from %d to %d, want one step", v0, v)
		}
		b, err := f.svc.Sync(ctx, as(f.trainer), []model.MarkOp{f.op("op-delta-b001", 3, model.MarkAbsent, now, "tablet-b"),
			f.op("op-delta-b002", 0, model.MarkAbsent, now.Add(-time.Hour), "tablet-b")}, map[int64]int64{f.today.ID: v0 + 1})
		if err != nil {
			t.Fatal(err)
		}
		if got := regsOf(b.Marks); !reflect.DeepEqual(got, []int64{f.regs[3].ID}) || b.Versions[f.today.ID] != v0+2 {
			t.Errorf("since %d: marks of %v at version %d, want only the one changed (the other lost by client time)", v0+1, got, b.Versions[f.today.ID])
		}
		// A batch whose only mark loses changes nothing, so no new version.
		lost := f.sync(t, f.trainer, f.op("op-delta-c001", 0, model.MarkExcused, now.Add(-2*time.Hour), "tablet-c"))
		if lost.Results[0].Result != model.OpSuperseded || lost.Versions[f.today.ID] != v0+2 {
			t.Errorf("a superseded mark: %+v, version %d", lost.Results, lost.Versions[f.today.ID])
		}
		if s := f.pull(t, f.trainer, v0+1); !reflect.DeepEqual(regsOf(s.Marks), []int64{f.regs[3].ID}) {
			t.Errorf("pull since %d: %v", v0+1, regsOf(s.Marks))
		}
		if s := f.pull(t, f.trainer, v0+2); len(s.Marks) != 0 {
			t.Errorf("pull at the current version sent %d marks", len(s.Marks))
		}
		for _, v := range []int64{0, v0 + 9, -4} {
			if s := f.pull(t, f.trainer, v); len(s.Marks) != len(full.Marks)+4 {
				t.Errorf("pull since %d: %d marks, want all %d", v, len(s.Marks), len(full.Marks)+4)
			}
		}
		for _, c := range []struct {
			since int64
			delta bool
			n     int
		}{{0, false, len(full.Marks) + 4}, {v0 + 1, true, 1}, {v0 + 2, true, 0}, {v0 + 3, false, len(full.Marks) + 4}} {
			rc, err := f.svc.Roll(ctx, as(f.trainer), f.today.ID, c.since)
			if err != nil || rc.Version != v0+2 || rc.Delta != c.delta || len(rc.Changed) != c.n || len(rc.Marks) != len(full.Marks)+4 {
				t.Errorf("roll since %d: %v version %d delta %v, %d changed", c.since, err, rc.Version, rc.Delta, len(rc.Changed))
			}
		}
	})
}

func regsOf(ms []model.MarkState) []int64 {
	var out []int64
	for _, m := range ms {
		out = append(out, m.RegistrationID)
	}
	return out
}

// tablet is a roll-call tablet as the page keeps one: its copy of the
// server's marks for today, the version it last saw, and the operations
// it has not had an answer for.
type tablet struct {
	device string
	skew   time.Duration // its clock against the server's
	marks  map[int64]model.MarkState
	since  int64
	queue  []model.MarkOp
	n      int
}

// send sends the queue and, unless the answer is lost on the way back,
// applies what came back: the delta over its copy, the new version, and
// the queue emptied of every answered operation.
func (tb *tablet) send(t *testing.T, f *fixture, lose bool) attendance.Synced {
	t.Helper()
	ops := append([]model.MarkOp(nil), tb.queue...)
	s, err := f.svc.Sync(context.Background(), as(f.trainer), ops, map[int64]int64{f.today.ID: tb.since})
	if err != nil {
		t.Fatal(err)
	}
	if lose {
		return s
	}
	for _, r := range s.Results {
		if r.Result == model.OpRefused {
			t.Fatalf("%s: %+v refused", tb.device, r)
		}
	}
	for _, m := range s.Marks {
		tb.marks[m.RegistrationID] = m
	}
	tb.since = s.Versions[f.today.ID]
	tb.queue = nil
	return s
}

// TestSync_ThreeTabletsConverge has three tablets mark the same session
// over twelve rounds: each round some tablets tap marks, one is offline
// and keeps its queue for later (a delayed batch), and some answers are
// lost so the batch is sent again (a replay). Each tablet keeps its copy
// only from the deltas it receives. In the end every tablet's copy is the
// server's roster, and a tablet up to date is sent nothing.
func TestSync_ThreeTabletsConverge(t *testing.T) {
	each(t, func(t *testing.T, f *fixture) {
		rnd := rand.New(rand.NewPCG(11, 27))
		tabs := []*tablet{{device: "tab-a"}, {device: "tab-b", skew: -40 * time.Second}, {device: "tab-c", skew: 25 * time.Second}}
		for _, tb := range tabs {
			tb.marks = map[int64]model.MarkState{}
			tb.send(t, f, false) // the roster as first read
		}
		people := min(len(f.regs), 8)
		replays := 0
		for round := 0; round < 12; round++ {
			f.clock.Advance(time.Duration(5+rnd.IntN(20)) * time.Second)
			offline := rnd.IntN(len(tabs))
			for _, i := range rnd.Perm(len(tabs)) {
				tb := tabs[i]
				for k := rnd.IntN(3); k >= 0; k-- {
					tb.n++
					op := f.op(fmt.Sprintf("%s-%03d", tb.device, tb.n), rnd.IntN(people), model.Marks[rnd.IntN(len(model.Marks))],
						f.clock.Now().Add(tb.skew), tb.device)
					op.Note = fmt.Sprintf("round %d", round)
					tb.queue = append(tb.queue, op)
				}
				if i == offline {
					continue
				}
				lose := rnd.IntN(4) == 0
				if lose && len(tb.queue) > 0 {
					replays++
				}
				tb.send(t, f, lose)
			}
		}
		if replays == 0 {
			t.Fatal("no batch was replayed: the script tests less than it says")
		}
		// Everybody comes back: queues first, then one pull each.
		for _, tb := range tabs {
			tb.send(t, f, false)
		}
		for _, tb := range tabs {
			tb.send(t, f, false)
		}
		server, err := f.st.SessionMarks(context.Background(), f.today.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := map[int64]model.MarkState{}
		for _, m := range server {
			want[m.RegistrationID] = m
		}
		for _, tb := range tabs {
			if !reflect.DeepEqual(tb.marks, want) {
				t.Errorf("%s ended with a roster other than the server's:\n%v\n%v", tb.device, tb.marks, want)
			}
			if s := tb.send(t, f, false); len(s.Marks) != 0 {
				t.Errorf("%s, up to date, was sent %d marks", tb.device, len(s.Marks))
			}
		}
	})
}
