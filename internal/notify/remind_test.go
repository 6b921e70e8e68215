package notify_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/jobs"
	"github.com/traindesk/traindesk/internal/mail/mailtest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/notify"
)

// TestRemind_ByServerTime: with the course's sessions two and three days
// ahead, nothing is due at 08:30; at 10:05 (the participants' time) each
// confirmed participant with an address gets one reminder, and a second
// run queues nothing; the next day at 16:05 the trainer gets one for
// tomorrow's session with the roster count and the roll-call link.
func TestRemind_ByServerTime(t *testing.T) {
	srv := mailtest.Start(t, nil)
	env := withMail(t, srv)
	ctx := context.Background()
	id := refresher(t, env)
	today := model.DateOf(env.Clock.Now().In(env.Cairo))
	must(t, env.Store.Exec(ctx, "UPDATE trainings SET starts_on = ?, ends_on = ? WHERE id = ?", today.AddDays(2), today.AddDays(3), id))
	first := num(t, env, "SELECT MIN(id) FROM sittings WHERE training_id = ? AND deleted_at IS NULL", id)
	must(t, env.Store.Exec(ctx, "UPDATE sittings SET date = ? WHERE id = ?", today.AddDays(2), first))
	must(t, env.Store.Exec(ctx, "UPDATE sittings SET date = ? WHERE training_id = ? AND id <> ?", today.AddDays(3), id, first))
	n := env.Server.Notify
	remind := func() int {
		t.Helper()
		before := num(t, env, "SELECT COUNT(*) FROM outbox_messages")
		must(t, n.Remind(ctx, jobs.Job{}, notify.RemindArgs{}))
		return int(num(t, env, "SELECT COUNT(*) FROM outbox_messages") - before)
	}
	if got := remind(); got != 0 {
		t.Fatalf("at 08:30 %d reminders were queued", got)
	}
	env.Clock.Advance(95 * time.Minute)
	// The confirmed, less the one whose address is not one.
	want := int(num(t, env, "SELECT COUNT(*) FROM registrations WHERE training_id = ? AND status = 'confirmed'", id)) - 1
	if got := remind(); got != want {
		t.Fatalf("at 10:05 %d reminders, want %d", got, want)
	}
	if got := remind(); got != 0 {
		t.Errorf("a second run queued %d", got)
	}
	env.Clock.Advance(24*time.Hour + 6*time.Hour)
	if got := remind(); got != 1 {
		t.Fatalf("the day before at 16:05, %d reminders, want the trainer's 1", got)
	}
	all := arrived(t, srv, want+1)
	var trainer string
	for _, r := range all {
		if r.To[0] == "trainer@traindesk.local" {
			trainer = string(r.Raw)
		}
	}
	link := "https://traindesk.example/sessions/" + itoa(first) + "/roll"
	if !strings.Contains(trainer, link) || !strings.Contains(trainer, "Participants on the roster: 11") {
		t.Errorf("the trainer's reminder lacks the link or the count:\n%s", trainer)
	}
}
