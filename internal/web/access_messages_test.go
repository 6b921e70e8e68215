package web_test

import (
	"context"
	"testing"
)

// accessMessages is the access table of e-mail: a training's invitations
// and reminders for those who edit it, the outbox for administrators, and
// a message for both; to anyone else a message does not exist.
var accessMessages = []access{
	{route: "GET /trainings/:id/messages", want: codes{see, ok, ok, no, no, no}},
	{route: "GET /trainings/:id/messages/summary", want: codes{see, ok, ok, no, no, no}},
	{route: "POST /trainings/:id/invitations", want: codes{see, see, see, no, no, no}},
	// Without the times of day the form is refused beside its fields.
	{route: "POST /trainings/:id/reminders", want: codes{see, inv, inv, no, no, no}},
	{route: "GET /admin/outbox", want: codes{see, ok, no, no, no, no}},
	// Without a mail server a message cannot be sent again.
	{route: "POST /messages/:id/retry", want: codes{see, clsh, no, no, no, no}},
	{route: "POST /messages/:id/cancel", want: codes{see, see, no, no, no, no}, each: func(t *testing.T, f *accessFixture) map[string]string {
		return map[string]string{"MSG": f.message(t, f.own["T"])}
	}},
	{route: "GET /messages/:id", want: codes{see, ok, ok, nf, nf, nf}},
	{route: "GET /messages/:id/eml", want: codes{see, ok, ok, nf, nf, nf}},
	{route: "GET /admin/letterhead", want: codes{see, ok, no, no, no, no}},
	{route: "POST /admin/letterhead", want: codes{see, see, no, no, no, no}},
	// Every signed-in user may have a private calendar address; the
	// address itself opens with its token only (an unknown one is 404).
	{route: "GET /calendar", want: codes{see, ok, ok, ok, ok, ok}},
	{route: "POST /calendar", want: codes{see, ok, ok, ok, ok, ok}},
	{route: "POST /calendar/revoke", want: codes{see, see, see, see, see, see}},
	{route: "GET /calendar/:token", want: codes{nf, nf, nf, nf, nf, nf}},
	// Without an agency the new letter is refused beside the field.
	{route: "POST /trainings/:id/letters", want: codes{see, inv, inv, no, no, no}},
	{route: "GET /letters/:id/pdf", want: codes{see, ok, ok, nf, nf, nf}},
	// A training's news item: read by whoever sees the training, saved by
	// those who edit it (an empty text is refused beside the field).
	{route: "GET /trainings/:id/news", want: codes{see, ok, ok, ok, ok, nf}},
	{route: "GET /trainings/:id/news/file", path: "/trainings/{T}/news/file?lang=ar&format=docx", want: codes{see, ok, ok, ok, ok, nf}},
	{route: "POST /trainings/:id/news", want: codes{see, inv, inv, no, no, no}},
	// E-mailing a letter queues it once; the line makes a letter per ask.
	{route: "POST /letters/:id/email", want: codes{see, see, see, no, no, no}, each: func(t *testing.T, f *accessFixture) map[string]string {
		return map[string]string{"LTR": f.letter(t, f.own["T"])}
	}},
	{route: "POST /letters/:id/sent", want: codes{see, see, see, no, no, no}, each: func(t *testing.T, f *accessFixture) map[string]string {
		return map[string]string{"LTR": f.letter(t, f.own["T"])}
	}},
}

// letter adds a nomination letter for training a and returns its id.
func (f *accessFixture) letter(t *testing.T, a string) string {
	t.Helper()
	ctx := context.Background()
	st := f.env.Store
	n := st.MustString(ctx, "SELECT CAST(COUNT(*) + 1 AS TEXT) FROM nomination_letters")
	err := st.Exec(ctx, `INSERT INTO nomination_letters (training_id, agency_id, reference, lang, issued_on, reply_by, created_at, sent_via)
		VALUES (`+a+`, (SELECT MIN(id) FROM agencies), ?, 'ar', '2023-01-10', '2023-01-24', CURRENT_TIMESTAMP, '')`, "ACCESS-"+n)
	if err != nil {
		t.Fatal(err)
	}
	return st.MustString(ctx, "SELECT CAST(MAX(id) AS TEXT) FROM nomination_letters")
}

// message puts a message about training a in the outbox, held as a
// message is without a mail server, and returns its id.
func (f *accessFixture) message(t *testing.T, a string) string {
	t.Helper()
	ctx := context.Background()
	st := f.env.Store
	n := st.MustString(ctx, "SELECT CAST(COUNT(*) + 1 AS TEXT) FROM outbox_messages")
	err := st.Exec(ctx, `INSERT INTO outbox_messages (message_id, kind, lang, to_addr, to_name, subject, training_id, version,
		raw, size, status, attempts, last_error, queued_at, updated_at)
		VALUES (?, 'invitation', 'en', 'access@example.org', 'Access', 'Invitation', `+a+`, '',
		?, 40, 'held', 0, 'outbox.reason.no_server', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
		"access-"+n+"@traindesk.example", []byte("Subject: Invitation\r\n\r\nYou are invited.\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	return st.MustString(ctx, "SELECT CAST(MAX(id) AS TEXT) FROM outbox_messages")
}
