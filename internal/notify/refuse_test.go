package notify_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/mail/mailtest"
	"github.com/traindesk/traindesk/internal/model"
)

// TestSend_Refusals: a server that refuses for now leaves the message
// queued with its reply until the next attempt delivers it; a refusal for
// good fails it with the reply at once, without more attempts; an
// administrator sends the failed one again and it is delivered once; an
// officer may not.
func TestSend_Refusals(t *testing.T) {
	srv := mailtest.Start(t, nil)
	env := withMail(t, srv)
	ctx := context.Background()
	n := env.Server.Notify
	var tries int
	var between [2]string // the message's status and reason at its second attempt
	var later int64
	srv.SetHook(func(r mailtest.Received) error {
		if r.To[0] == "gone@customs.example" {
			return mailtest.Refuse(550, "mailbox unavailable")
		}
		if tries++; tries == 1 {
			return mailtest.Refuse(451, "try again later")
		}
		between[0] = env.Store.MustString(ctx, "SELECT status FROM outbox_messages WHERE id = ?", later)
		between[1] = env.Store.MustString(ctx, "SELECT last_error FROM outbox_messages WHERE id = ?", later)
		return nil
	})
	queue := func(to string) int64 {
		m, _, err := n.Enqueue(ctx, model.System, model.Outgoing{Kind: model.MsgInvitation, Lang: "ar", ToAddr: to,
			Subject: "دعوة", Text: "مرحباً"})
		must(t, err)
		return m.ID
	}
	later = queue("later@customs.example")
	gone := queue("gone@customs.example")
	state := func(id int64) (string, string) {
		return env.Store.MustString(ctx, "SELECT status FROM outbox_messages WHERE id = ?", id),
			env.Store.MustString(ctx, "SELECT last_error FROM outbox_messages WHERE id = ?", id)
	}
	wait := func(id int64, status, reply string) {
		t.Helper()
		var st, why string
		for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if st, why = state(id); st == status && strings.Contains(why, reply) {
				return
			}
		}
		t.Fatalf("message %d is %s (%q), want %s with %q", id, st, why, status, reply)
	}
	wait(later, "sent", "")
	if between[0] != "queued" || !strings.Contains(between[1], "451") || !strings.Contains(between[1], "try again later") {
		t.Errorf("between two attempts the message was %q with %q", between[0], between[1])
	}
	wait(gone, "failed", "mailbox unavailable")
	if a := env.Store.MustString(ctx, "SELECT CAST(attempts AS TEXT) FROM outbox_messages WHERE id = ?", gone); a != "1" {
		t.Errorf("a refusal for good was tried %s times", a)
	}
	officer := model.Actor{User: env.Users[model.RoleProgramOfficer]}
	if err := n.Retry(ctx, officer, gone); err == nil {
		t.Error("an officer sent a message again")
	}
	srv.SetHook(nil)
	must(t, n.Retry(ctx, model.Actor{User: env.Users[model.RoleAdmin]}, gone))
	wait(gone, "sent", "")
	for id, c := range srv.ByMessageID() {
		if c != 1 {
			t.Errorf("%s delivered %d times", id, c)
		}
	}
}
