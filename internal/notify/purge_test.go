package notify_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/jobs"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/notify"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestPurge_AfterNinetyDays: the daily purge empties the rendered text of
// a message queued more than 90 days ago by the server's clock, and of no
// younger one; the record of the message (to whom, what, how it went)
// stays. The venues' clock runs two hours ahead of UTC, as in Cairo: the
// cut must not move by the zone.
func TestPurge_AfterNinetyDays(t *testing.T) {
	for name, pg := range map[string]bool{"sqlite": false, "postgres": true} {
		t.Run(name, func(t *testing.T) { purgeAfterNinetyDays(t, webtest.New(t, webtest.Options{Demo: true, Postgres: pg})) })
	}
}

func purgeAfterNinetyDays(t *testing.T, env *webtest.Env) {
	ctx := context.Background()
	n := env.Server.Notify
	officer := model.Actor{User: env.Users[model.RoleProgramOfficer]}
	queue := func(to string) int64 {
		m, added, err := n.Enqueue(ctx, officer, model.Outgoing{Kind: model.MsgNominationLetter, Lang: "en", ToAddr: to,
			Subject: "Request for nominations", Text: "Dear focal point, please nominate."})
		must(t, err)
		if !added {
			t.Fatalf("%s not queued", to)
		}
		return m.ID
	}
	purge := func() { must(t, n.Purge(ctx, jobs.Job{}, notify.PurgeArgs{})) }
	old := queue("old@agency.example")
	env.Clock.Advance(30 * 24 * time.Hour)
	young := queue("young@agency.example")
	state := func(id int64) string {
		return env.Store.MustString(ctx, `SELECT to_addr || ' ' || status || ' ' || CAST(size AS TEXT) || ' ' ||
			CASE WHEN raw IS NULL THEN 'empty' ELSE 'kept' END || ' ' || CASE WHEN purged_at IS NULL THEN '-' ELSE 'purged' END
			FROM outbox_messages WHERE id = ?`, id)
	}
	env.Clock.Advance(60*24*time.Hour - time.Minute) // the old message is a minute short of 90 days
	purge()
	if got := state(old); !strings.HasSuffix(got, " kept -") {
		t.Errorf("before 90 days: %s", got)
	}
	env.Clock.Advance(2 * time.Minute)
	purge()
	size := env.Store.MustString(ctx, "SELECT CAST(size AS TEXT) FROM outbox_messages WHERE id = ?", old)
	if got, want := state(old), "old@agency.example held "+size+" empty purged"; got != want {
		t.Errorf("after 90 days: %q, want %q", got, want)
	}
	if got := state(young); !strings.HasSuffix(got, " kept -") {
		t.Errorf("a 60-day-old message: %s", got)
	}
	admin := model.Actor{User: env.Users[model.RoleAdmin]}
	v, err := n.Message(ctx, admin, old)
	must(t, err)
	if v.Message.Subject != "Request for nominations" || v.Message.ToAddr != "old@agency.example" || v.Text != "" {
		t.Errorf("the purged message: %q to %s, text %q", v.Message.Subject, v.Message.ToAddr, v.Text)
	}
	if y, err := n.Message(ctx, admin, young); err != nil || y.Text == "" {
		t.Errorf("the young message's text is gone: %v", err)
	}
}
