package attendance_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/model"
)

func TestSync_RefusesPerItem(t *testing.T) {
	each(t, func(t *testing.T, f *fixture) {
		ctx := context.Background()
		now := f.clock.Now()
		unknown := f.op("op-unknown-01", 1, model.MarkPresent, now, "t")
		unknown.RegistrationID = 999999
		otherTraining := f.op("op-other-0001", 2, model.MarkPresent, now, "t")
		otherTraining.SittingID = 1 // a session of the 2023 course
		future := f.op("op-future-001", 3, model.MarkPresent, now.Add(2*time.Hour), "t")
		good := f.op("op-good-00001", 4, model.MarkPresent, now, "t")
		badOpID := f.op("x", 5, model.MarkPresent, now, "t")
		wrongCode := f.op("op-qr-bad-001", 6, model.MarkPresent, now, "t")
		wrongCode.Via, wrongCode.Code = model.ViaQR, f.codes.Code(f.regs[7].ID)
		rightCode := f.op("op-qr-good-01", 8, model.MarkPresent, now, "t")
		rightCode.Via, rightCode.Code = model.ViaQR, f.codes.Code(f.regs[8].ID)
		badStatus := f.op("op-status-001", 9, "sideways", now, "t")

		// The demo trainer facilitates every demo training, so another
		// trainer stands in for "somebody else's session".
		other := model.User{Email: "other@example.org", Name: "Other", Role: model.RoleTrainer, PasswordHash: "h", Active: true}
		if err := f.st.CreateUser(ctx, &other); err != nil {
			t.Fatal(err)
		}
		if s := f.sync(t, other, f.op("op-notmine-01", 1, model.MarkPresent, now, "t")); s.Results[0].Reason != model.RefuseForbidden {
			t.Fatalf("another trainer's session: %+v", s.Results)
		}
		if s := f.sync(t, f.manager, f.op("op-manager-01", 1, model.MarkPresent, now, "t")); s.Results[0].Reason != model.RefuseForbidden {
			t.Fatalf("a manager's mark: %+v", s.Results)
		}
		s := f.sync(t, f.trainer, unknown, otherTraining, future, good, badOpID, wrongCode, rightCode, badStatus)
		want := []string{model.RefuseUnknown, model.RefuseUnknown, model.RefuseFuture, "", model.RefuseInvalid,
			model.RefuseCode, "", model.RefuseInvalid}
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
		f.clock.Advance(8 * 24 * time.Hour)
		late := f.op("op-window-001", 10, model.MarkPresent, f.clock.Now(), "t")
		if s := f.sync(t, f.trainer, late); s.Results[0].Reason != model.RefuseWindow {
			t.Errorf("a week late: %+v", s.Results[0])
		}
		// A program officer may still mark it.
		if s := f.sync(t, f.officer, f.op("op-po-late-01", 10, model.MarkExcused, f.clock.Now(), "office")); s.Results[0].Result != model.OpApplied {
			t.Errorf("a program officer's late mark: %+v", s.Results[0])
		}
	})
}

// TestSync_RefusesWithdrawn refuses a mark for a registration that was
// withdrawn, and keeps the answer for a replay.
func TestSync_RefusesWithdrawn(t *testing.T) {
	each(t, func(t *testing.T, f *fixture) {
		gone := f.withdraw(t, 3)
		op := f.op("op-withdrawn1", gone, model.MarkPresent, f.clock.Now(), "t")
		for i := 0; i < 2; i++ {
			if s := f.sync(t, f.trainer, op); s.Results[0].Reason != model.RefuseWithdrawn {
				t.Fatalf("send %d: %+v", i, s.Results[0])
			}
		}
	})
}

func TestRoll(t *testing.T) {
	each(t, func(t *testing.T, f *fixture) {
		ctx := context.Background()
		rc, err := f.svc.Roll(ctx, as(f.trainer), f.today.ID, 0)
		if err != nil || !rc.CanMark || len(rc.People) != 17 || len(rc.Codes) != 17 {
			t.Fatalf("trainer's roll: %v can mark %v, %d people", err, rc.CanMark, len(rc.People))
		}
		for _, p := range rc.People {
			if p.Status == model.RegWithdrawn {
				t.Errorf("%d is withdrawn and on the roll", p.ID)
			}
		}
		if _, err := f.svc.Roll(ctx, as(f.manager), f.today.ID, 0); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("manager's roll: %v, want forbidden", err)
		}
		if _, err := f.svc.Roll(ctx, as(f.trainer), 999999, 0); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("unknown session: %v, want not found", err)
		}
		// A week later the trainer reads the roll but may not mark any more.
		f.clock.Advance(8 * 24 * time.Hour)
		if rc, err := f.svc.Roll(ctx, as(f.trainer), f.today.ID, 0); err != nil || rc.CanMark {
			t.Errorf("a week late: %v can mark %v", err, rc.CanMark)
		}
		if rc, err := f.svc.Roll(ctx, as(f.officer), f.today.ID, 0); err != nil || !rc.CanMark {
			t.Errorf("officer a week late: %v can mark %v", err, rc.CanMark)
		}
	})
}
