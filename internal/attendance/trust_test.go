package attendance_test

import (
	"context"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/model"
)

// otherTrainer adds a trainer who facilitates another demo training than
// today's course, and returns them with a session of theirs that holds
// marks.
func (f *fixture) otherTrainer(t *testing.T) (model.User, int64) {
	t.Helper()
	ctx := context.Background()
	u := model.User{Email: "other@example.org", Name: "Other", Role: model.RoleTrainer, PasswordHash: "h", Active: true}
	if err := f.st.CreateUser(ctx, &u); err != nil {
		t.Fatal(err)
	}
	for tr := int64(1); tr < 20; tr++ {
		sits, _ := f.st.Sittings(ctx, tr)
		if tr == f.course || len(sits) == 0 || sits[0].Marks == 0 {
			continue
		}
		if err := f.st.Exec(ctx, "INSERT INTO training_facilitators (training_id, user_id) VALUES (?, ?)", tr, u.ID); err != nil {
			t.Fatal(err)
		}
		return u, sits[0].ID
	}
	t.Fatal("the demo has no other training with marks")
	return u, 0
}

// TestSync_AnswerHidesForeignSessions sends batches naming today's session
// from users who may not take its roll: their items are refused, and the
// answer carries none of its marks, notes, devices or version, whether
// the session is named by an operation or asked about in since. A session
// the caller does facilitate is answered next to it.
func TestSync_AnswerHidesForeignSessions(t *testing.T) {
	each(t, func(t *testing.T, f *fixture) {
		now := f.clock.Now()
		secret := f.op("op-secret-001", 0, model.MarkExcused, now, "tablet-secret")
		secret.Note = "hospital stay"
		if s := f.sync(t, f.trainer, secret); s.Results[0].Result != model.OpApplied || len(s.Marks) == 0 {
			t.Fatalf("the course's own trainer: %+v", s)
		}
		other, own := f.otherTrainer(t)
		since := map[int64]int64{f.today.ID: 0, own: 0, 999999: 0}
		for _, u := range []model.User{other, f.manager} {
			ops := []model.MarkOp{f.op("op-foreign-"+string(u.Role)[:3], 1, model.MarkAbsent, now, "tablet-x"),
				f.op("op-foreign2-"+string(u.Role)[:3], 2, model.MarkAbsent, now, "tablet-x")}
			s, err := f.svc.Sync(context.Background(), as(u), ops, since)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range s.Results {
				if r.Result != model.OpRefused || r.Reason != model.RefuseForbidden {
					t.Errorf("%s: item %+v, want refused as forbidden", u.Role, r)
				}
			}
			for _, m := range s.Marks {
				if m.SittingID == f.today.ID || m.Note == "hospital stay" || m.DeviceID == "tablet-secret" {
					t.Errorf("%s got a mark of a session they may not read: %+v", u.Role, m)
				}
			}
			if _, ok := s.Versions[f.today.ID]; ok {
				t.Errorf("%s got the version of a session they may not read", u.Role)
			}
			if _, ok := s.Versions[999999]; ok {
				t.Errorf("%s got a version for a session that does not exist", u.Role)
			}
			// The other trainer reads their own course; the manager takes no roll.
			_, got := s.Versions[own]
			if want := u.ID == other.ID; got != want || want && len(s.Marks) == 0 {
				t.Errorf("%s: own session answered %v with %d marks, want %v", u.Role, got, len(s.Marks), want)
			}
		}
		// Even the session's own trainer learns nothing from a refused item.
		stray := f.op("op-stray-0001", 1, model.MarkPresent, now, "tablet-1")
		stray.RegistrationID = 999999
		if s := f.sync(t, f.trainer, stray); len(s.Marks) != 0 || len(s.Versions) != 0 {
			t.Errorf("a refused item was answered with %d marks and versions %v", len(s.Marks), s.Versions)
		}
	})
}

// TestSync_WindowByServerClock judges the marking window on the server's
// clock when the mark arrives. The attack from the field: a month after
// the session, a trainer sends a mark whose client time lies inside the
// window; it is refused. A mark taken offline on the day and brought in
// within the grace (DaysAfter = 3) is applied, even with a device clock
// far behind; a device clock more than MaxFuture ahead is refused.
func TestSync_WindowByServerClock(t *testing.T) {
	each(t, func(t *testing.T, f *fixture) {
		day := f.clock.Now() // 27 November, 08:30 in Cairo: the session's day
		start := f.clock.T
		at := func(d time.Duration) { f.clock.T = start.Add(d) }
		cases := []struct {
			name    string
			arrives time.Duration // after the session day's morning
			taken   time.Time     // the device's clock
			want    string        // "" for applied
		}{
			{"backdated a month later", 30 * 24 * time.Hour, day.Add(time.Hour), model.RefuseWindow},
			{"backdated a day past the grace", 4 * 24 * time.Hour, day.Add(time.Hour), model.RefuseWindow},
			{"offline, in on the last day of grace", 3*24*time.Hour + 14*time.Hour, day.Add(time.Hour), ""},
			{"offline with a clock a year behind", 2 * 24 * time.Hour, day.AddDate(-1, 0, 0), ""},
			{"the day before the session", -24 * time.Hour, day.Add(-24 * time.Hour), ""},
			{"two days before the session", -48 * time.Hour, day.Add(-48 * time.Hour), model.RefuseWindow},
			{"a clock four minutes ahead", 0, day.Add(4 * time.Minute), ""},
			{"a clock six minutes ahead", 0, day.Add(6 * time.Minute), model.RefuseFuture},
		}
		for i, c := range cases {
			at(c.arrives)
			op := f.op("op-window-"+string(rune('a'+i))+"00", i, model.MarkPresent, c.taken, "tablet-1")
			r := f.sync(t, f.trainer, op).Results[0]
			if c.want == "" && r.Result != model.OpApplied || c.want != "" && r.Reason != c.want {
				t.Errorf("%s: %+v, want %q", c.name, r, c.want)
			}
			st, _ := f.mark(t, i)
			if applied := st == model.MarkPresent; applied != (c.want == "") {
				t.Errorf("%s: mark is %q", c.name, st)
			}
		}
		// A program officer corrects at any time, whatever the device says.
		at(30 * 24 * time.Hour)
		if r := f.sync(t, f.officer, f.op("op-window-po0", 9, model.MarkExcused, day, "office")).Results[0]; r.Result != model.OpApplied {
			t.Errorf("officer a month later: %+v", r)
		}
	})
}

// TestSync_OpIDBelongsToItsSender: an operation id is the user's and the
// device's that first sent it. Another user replaying it, or the same
// user from another device, is refused for that item and never told
// "applied"; the mark and its history stay as they were.
func TestSync_OpIDBelongsToItsSender(t *testing.T) {
	each(t, func(t *testing.T, f *fixture) {
		ctx := context.Background()
		now := f.clock.Now()
		mine := f.op("op-owned-0001", 0, model.MarkPresent, now, "tablet-1")
		if r := f.sync(t, f.trainer, mine).Results[0]; r.Result != model.OpApplied {
			t.Fatalf("first send: %+v", r)
		}
		history := f.st.MustCount(ctx, "attendance_history")
		stolen := mine
		stolen.Status = model.MarkAbsent
		good := f.op("op-officer-01", 1, model.MarkLate, now, "office")
		s := f.sync(t, f.officer, stolen, good)
		if r := s.Results[0]; r.Result != model.OpRefused || r.Reason != model.RefuseOpTaken {
			t.Errorf("another user's replay: %+v, want refused as taken", r)
		}
		if r := s.Results[1]; r.Result != model.OpApplied {
			t.Errorf("the good item next to it: %+v", r)
		}
		moved := mine
		moved.DeviceID = "tablet-2"
		if r := f.sync(t, f.trainer, moved).Results[0]; r.Result != model.OpRefused || r.Reason != model.RefuseOpTaken {
			t.Errorf("the same user from another device: %+v, want refused as taken", r)
		}
		if r := f.sync(t, f.trainer, mine).Results[0]; r.Result != model.OpApplied {
			t.Errorf("the owner's own replay: %+v, want the stored answer", r)
		}
		if st, n := f.mark(t, 0); st != model.MarkPresent || n != 1 {
			t.Errorf("mark %s (%d), want present", st, n)
		}
		if got := f.st.MustCount(ctx, "attendance_history"); got != history+1 {
			t.Errorf("%d history lines added, want 1 (the officer's good item)", got-history)
		}
	})
}
