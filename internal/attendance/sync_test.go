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
)

func (f *fixture) batch() []model.MarkOp {
	now := f.clock.Now()
	var ops []model.MarkOp
	for i := 0; i < 5; i++ {
		ops = append(ops, f.op(fmt.Sprintf("op-batch-%04d", i), i, model.MarkPresent, now.Add(time.Duration(i)*time.Second), "tablet-1"))
	}
	return ops
}

func TestSync_ReplayedBatchAppliesOnce(t *testing.T) {
	each(t, func(t *testing.T, f *fixture) {
		ctx := context.Background()
		first := f.sync(t, f.trainer, f.batch()...)
		for _, r := range first.Results {
			if r.Result != model.OpApplied {
				t.Fatalf("first send: %+v", r)
			}
		}
		history := f.st.MustCount(ctx, "attendance_history")
		for i := 0; i < 2; i++ {
			again := f.sync(t, f.trainer, f.batch()...)
			if !reflect.DeepEqual(again.Results, first.Results) {
				t.Fatalf("replay %d answered %+v, first %+v", i, again.Results, first.Results)
			}
		}
		for i := 0; i < 5; i++ {
			if st, n := f.mark(t, i); n != 1 || st != model.MarkPresent {
				t.Errorf("participant %d: %d marks, %s", i, n, st)
			}
		}
		if got := f.st.MustCount(ctx, "attendance_history"); got != history {
			t.Errorf("replays wrote %d history lines", got-history)
		}
	})
}

// TestSync_ConcurrentReplays sends one batch three times at once and
// expects one mark per person and identical answers. The batch carries a
// second, later mark for the first person from another tablet.
func TestSync_ConcurrentReplays(t *testing.T) {
	each(t, func(t *testing.T, f *fixture) {
		ops := f.batch()
		ops = append(ops, f.op("op-batch-late", 0, model.MarkLate, f.clock.Now().Add(time.Minute), "tablet-2"))
		var wg sync.WaitGroup
		answers := make([][]model.OpResult, 3)
		errs := make([]error, 3)
		for i := range answers {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				s, err := f.svc.Sync(context.Background(), as(f.trainer), append([]model.MarkOp(nil), ops...), nil)
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
		if st, _ := f.mark(t, 0); st != model.MarkLate {
			t.Errorf("the later mark lost: %s", st)
		}
	})
}

// TestSync_ConcurrentTabletsOnOneSession has two tablets send marks for
// the same people at the same time; the later marks must win however the
// two batches interleave, and the history must end with them.
func TestSync_ConcurrentTabletsOnOneSession(t *testing.T) {
	each(t, func(t *testing.T, f *fixture) {
		ctx := context.Background()
		now := f.clock.Now()
		for round := 0; round < 3; round++ {
			var early, late []model.MarkOp
			for i := 0; i < 8; i++ {
				at := now.Add(time.Duration(round) * time.Minute)
				early = append(early, f.op(fmt.Sprintf("early-%d-%02d", round, i), i, model.MarkAbsent, at, "tablet-a"))
				late = append(late, f.op(fmt.Sprintf("late-%d-%02d", round, i), i, model.MarkPresent, at.Add(time.Second), "tablet-b"))
			}
			var wg sync.WaitGroup
			errs := make([]error, 2)
			for j, ops := range [][]model.MarkOp{early, late} {
				wg.Add(1)
				go func(j int, ops []model.MarkOp) {
					defer wg.Done()
					_, errs[j] = f.svc.Sync(ctx, as(f.trainer), ops, nil)
				}(j, ops)
			}
			wg.Wait()
			if errs[0] != nil || errs[1] != nil {
				t.Fatalf("round %d: %v %v", round, errs[0], errs[1])
			}
			for i := 0; i < 8; i++ {
				if st, n := f.mark(t, i); n != 1 || st != model.MarkPresent {
					t.Fatalf("round %d, participant %d: %d marks, %s", round, i, n, st)
				}
				h, err := f.st.MarkHistory(ctx, f.regs[i].ID, f.today.ID)
				if err != nil || len(h) == 0 || h[0].NewStatus != string(model.MarkPresent) {
					t.Fatalf("round %d, participant %d: history %+v %v", round, i, h, err)
				}
			}
		}
	})
}

func TestSync_LaterClientTimeWins(t *testing.T) {
	each(t, func(t *testing.T, f *fixture) {
		now := f.clock.Now()
		early := f.op("op-early-0001", 0, model.MarkAbsent, now.Add(-10*time.Minute), "tablet-a")
		late := f.op("op-late-00001", 0, model.MarkPresent, now.Add(-2*time.Minute), "tablet-b")
		f.sync(t, f.trainer, late)
		if s := f.sync(t, f.trainer, early); s.Results[0].Result != model.OpSuperseded {
			t.Errorf("the earlier mark arriving later: %+v, want superseded", s.Results[0])
		}
		if st, _ := f.mark(t, 0); st != model.MarkPresent {
			t.Errorf("mark = %s, want the later one (present)", st)
		}
	})
}

// TestSync_OneBatchMarksACellTwice sends, in one batch, three marks for one
// person: each is decided as if it came alone, against the one before.
func TestSync_OneBatchMarksACellTwice(t *testing.T) {
	each(t, func(t *testing.T, f *fixture) {
		ctx := context.Background()
		now := f.clock.Now()
		ops := []model.MarkOp{
			f.op("op-twice-0001", 0, model.MarkAbsent, now.Add(-3*time.Minute), "tablet-a"),
			f.op("op-twice-0002", 0, model.MarkLate, now.Add(-1*time.Minute), "tablet-a"),
			f.op("op-twice-0003", 0, model.MarkExcused, now.Add(-2*time.Minute), "tablet-b"),
			f.op("op-twice-0001", 0, model.MarkAbsent, now.Add(-3*time.Minute), "tablet-a"), // a repeat
		}
		s := f.sync(t, f.trainer, ops...)
		want := []string{model.OpApplied, model.OpApplied, model.OpSuperseded, model.OpApplied}
		for i, r := range s.Results {
			if r.Result != want[i] || r.OpID != ops[i].OpID {
				t.Errorf("item %d: %+v, want %s", i, r, want[i])
			}
		}
		if st, n := f.mark(t, 0); n != 1 || st != model.MarkLate {
			t.Errorf("%d marks, %s; want late", n, st)
		}
		h, _ := f.st.MarkHistory(ctx, f.regs[0].ID, f.today.ID)
		if len(h) != 2 || h[0].OldStatus != "absent" || h[0].NewStatus != "late" || h[1].OldStatus != "" {
			t.Errorf("history %+v", h)
		}
	})
}

// TestSync_TiesResolveTheSameInBothOrders sends two marks with the same
// client time in both orders to two databases and expects the same roster.
func TestSync_TiesResolveTheSameInBothOrders(t *testing.T) {
	each(t, func(t *testing.T, f *fixture) {
		at := f.clock.Now().Add(-time.Minute)
		a := f.op("op-tie-aaaa1", 0, model.MarkLate, at, "tablet-a")
		b := f.op("op-tie-bbbb1", 0, model.MarkAbsent, at, "tablet-b")
		// The same two marks for another person, sent the other way round.
		c, d := b, a
		c.OpID, d.OpID = "op-tie-cccc1", "op-tie-dddd1"
		c.RegistrationID, d.RegistrationID = f.regs[1].ID, f.regs[1].ID
		for _, op := range []model.MarkOp{a, b, c, d} {
			f.sync(t, f.trainer, op)
		}
		first, _ := f.mark(t, 0)
		second, _ := f.mark(t, 1)
		if first != second || first != model.MarkAbsent {
			t.Fatalf("order a,b gave %s; order b,a gave %s; want absent (tablet-b) both times", first, second)
		}
	})
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
