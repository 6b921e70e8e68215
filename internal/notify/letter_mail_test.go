package notify_test

import (
	"bytes"
	"context"
	"errors"
	"net/mail"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/traindesk/traindesk/internal/app"
	tdmail "github.com/traindesk/traindesk/internal/mail"
	"github.com/traindesk/traindesk/internal/mail/mailtest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster/nomination"
	"github.com/traindesk/traindesk/internal/store/storetest"
	"github.com/traindesk/traindesk/internal/webtest"
)

// xlsxType is the XLSX attachment's content type.
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// TestLetter_MailedWithTemplate: a nomination letter e-mailed to the
// agency's focal point arrives at the mail server once, with the letter
// as a PDF that embeds the nomination template and the template as an
// XLSX file that opens with its header row; the letter is recorded as sent
// by e-mail with its message. An agency without an address is refused
// beside the button, and nothing is queued.
func TestLetter_MailedWithTemplate(t *testing.T) {
	srv := mailtest.Start(t, nil)
	env := withMail(t, srv)
	letterMailed(t, env, srv)
}

// TestLetter_MailedWithTemplate_Postgres is the same on PostgreSQL.
func TestLetter_MailedWithTemplate_Postgres(t *testing.T) {
	srv := mailtest.Start(t, nil)
	env := webtest.New(t, webtest.Options{Demo: true, Postgres: true, Adjust: func(o *app.Options) {
		o.Mail = &tdmail.Server{Host: "127.0.0.1", Port: srv.Port(), TLSOptional: true}
	}})
	letterMailed(t, env, srv)
}

func letterMailed(t *testing.T, env *webtest.Env, srv *mailtest.Server) {
	ctx := context.Background()
	n := env.Server.Notify
	officer := model.Actor{User: env.Users[model.RoleProgramOfficer]}
	id := num(t, env, "SELECT id FROM trainings WHERE title_en LIKE 'Counter-smuggling for customs%'")
	agency := num(t, env, "SELECT MIN(id) FROM agencies WHERE focal_email <> ''")
	l, err := n.CreateLetter(ctx, officer, id, model.LetterInput{AgencyID: &agency, Lang: "ar"})
	must(t, err)
	sent, err := n.SendLetter(ctx, officer, l.ID)
	must(t, err)
	if _, err := n.SendLetter(ctx, officer, l.ID); !errors.Is(err, model.ErrConflict) {
		t.Errorf("a letter e-mailed twice: %v", err)
	}
	got := arrived(t, srv, 1)
	focal := env.Store.MustString(ctx, "SELECT focal_email FROM agencies WHERE id = ?", agency)
	if len(got) != 1 || !slices.Equal(got[0].To, []string{focal}) {
		t.Fatalf("arrived %d messages, to %v; want one to %s", len(got), got[0].To, focal)
	}
	m, err := mail.ReadMessage(bytes.NewReader(got[0].Raw))
	must(t, err)
	parts := map[string][]byte{}
	leaves(t, m.Header.Get("Content-Type"), m.Header.Get("Content-Transfer-Encoding"), m.Body, parts)
	if m.Header.Get("Content-Language") != "ar" || !strings.Contains(string(parts["text/plain"]), sent.Reference) {
		t.Errorf("the message is not the Arabic letter %s:\n%s", sent.Reference, parts["text/plain"])
	}
	if rt, err := mail.ParseAddress(m.Header.Get("Reply-To")); err != nil || rt.Address != officer.Email {
		t.Errorf("Reply-To %q, want the officer who sent the letter (%s)", m.Header.Get("Reply-To"), officer.Email)
	}
	checkTemplate(t, parts[xlsxType])
	doc := parts["application/pdf"]
	if !bytes.HasPrefix(doc, []byte("%PDF")) {
		t.Fatalf("no PDF attached (%d bytes)", len(doc))
	}
	checkTemplate(t, embedded(t, doc))
	rec := env.Store.MustString(ctx, `SELECT l.sent_via || ' ' || CAST(l.sent_by_id AS TEXT) || ' ' || o.message_id
		FROM nomination_letters l JOIN outbox_messages o ON o.id = l.outbox_id WHERE l.id = ?`, l.ID)
	if want := "email " + itoa(*officer.UserID()) + " " + got[0].MessageID(); rec != want {
		t.Errorf("recorded %q, want %q", rec, want)
	}

	must(t, env.Store.Exec(ctx, "UPDATE agencies SET focal_email = '' WHERE id = ?", agency))
	l2, err := n.CreateLetter(ctx, officer, id, model.LetterInput{AgencyID: &agency, Lang: "en"})
	must(t, err)
	_, err = n.SendLetter(ctx, officer, l2.ID)
	var ve *model.ValidationError
	if !errors.As(err, &ve) || ve.Fields["email"] != "letter.error.no_email" {
		t.Errorf("a letter to an agency without an address: %v", err)
	}
	if q := num(t, env, "SELECT COUNT(*) FROM outbox_messages WHERE kind = 'nomination_letter'"); q != 1 {
		t.Errorf("%d letters in the outbox, want 1", q)
	}
}

// checkTemplate opens an XLSX file and compares its first row with the
// nomination template's headers.
func checkTemplate(t *testing.T, b []byte) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("the template does not open (%d bytes): %v", len(b), err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	must(t, err)
	if len(rows) == 0 || !slices.Equal(rows[0], nomination.TemplateHeaders()) {
		t.Errorf("the template's first row: %q", rows[:min(1, len(rows))])
	}
}

// embedded lists a PDF's embedded files with poppler's pdfdetach and
// returns the one there must be, the nomination template.
func embedded(t *testing.T, doc []byte) []byte {
	t.Helper()
	tool, err := exec.LookPath("pdfdetach")
	if err != nil {
		if storetest.Required("poppler") {
			t.Fatal("TRAINDESK_TEST_REQUIRE names poppler but pdfdetach is not installed")
		}
		t.Skip("pdfdetach is not installed")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "letter.pdf")
	must(t, os.WriteFile(in, doc, 0o644))
	list, err := exec.Command(tool, "-list", in).CombinedOutput()
	if err != nil || !strings.Contains(string(list), "1 embedded files") || !strings.Contains(string(list), "nomination-list-template.xlsx") {
		t.Fatalf("pdfdetach -list: %v\n%s", err, list)
	}
	out := filepath.Join(dir, "template.xlsx")
	if msg, err := exec.Command(tool, "-save", "1", "-o", out, in).CombinedOutput(); err != nil {
		t.Fatalf("pdfdetach -save: %v\n%s", err, msg)
	}
	b, err := os.ReadFile(out)
	must(t, err)
	return b
}
