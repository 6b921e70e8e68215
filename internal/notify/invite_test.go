package notify_test

import (
	"bytes"
	"context"
	"image/png"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"strconv"
	"strings"
	"testing"
	"time"

	ical "github.com/emersion/go-ical"
	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"github.com/traindesk/traindesk/internal/app"
	tdmail "github.com/traindesk/traindesk/internal/mail"
	"github.com/traindesk/traindesk/internal/mail/mailtest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// withMail builds the demo application sending to srv.
func withMail(t *testing.T, srv *mailtest.Server) *webtest.Env {
	return webtest.New(t, webtest.Options{Demo: true, Adjust: func(o *app.Options) {
		o.Mail = &tdmail.Server{Host: "127.0.0.1", Port: srv.Port(), TLSOptional: true}
		o.MailFrom = tdmail.Address{Name: "Training unit", Addr: "training@traindesk.example"}
	}})
}

// refresher is the demo's planned course, its confirmed participants
// given addresses: one a wrong one, one who reads English.
func refresher(t *testing.T, env *webtest.Env) int64 {
	t.Helper()
	ctx := context.Background()
	id := num(t, env, "SELECT id FROM trainings WHERE title_en LIKE 'Counter-smuggling refresher%'")
	must(t, env.Store.Exec(ctx, `UPDATE persons SET email = 'officer' || id || '@customs.example'
		WHERE id IN (SELECT person_id FROM registrations WHERE training_id = ?)`, id))
	first := num(t, env, "SELECT MIN(person_id) FROM registrations WHERE training_id = ? AND status = 'confirmed'", id)
	must(t, env.Store.Exec(ctx, "UPDATE persons SET email = 'not an address' WHERE id = ?", first))
	must(t, env.Store.Exec(ctx, "UPDATE persons SET lang = 'en' WHERE id = (SELECT MAX(person_id) FROM registrations WHERE training_id = ? AND status = 'confirmed')", id))
	return id
}

// num runs a query that answers one number.
func num(t *testing.T, env *webtest.Env, q string, args ...any) int64 {
	t.Helper()
	n, err := strconv.ParseInt(env.Store.MustString(context.Background(), "SELECT CAST(("+q+") AS TEXT)", args...), 10, 64)
	must(t, err)
	return n
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// arrived waits until srv has accepted n messages in all.
func arrived(t *testing.T, srv *mailtest.Server, n int) []mailtest.Received {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if got := srv.Messages(); len(got) >= n {
			return got
		}
	}
	t.Fatalf("%d messages arrived, want %d", len(srv.Messages()), n)
	return nil
}

// TestInvitations_OncePerVersion: confirming sends each confirmed
// participant with a usable address one invitation in their language,
// skips the wrong address, sends nothing the second time, an update
// after the venue changes and a cancellation after a withdrawal; every
// message arrives once at the SMTP server, with its calendar and badge.
func TestInvitations_OncePerVersion(t *testing.T) {
	srv := mailtest.Start(t, nil)
	env := withMail(t, srv)
	ctx := context.Background()
	id := refresher(t, env)
	officer := model.Actor{User: env.Users[model.RoleProgramOfficer]}
	n := env.Server.Notify

	confirmed := int(num(t, env, "SELECT COUNT(*) FROM registrations WHERE training_id = ? AND status = 'confirmed'", id))
	plan, err := n.Invitations(ctx, officer, id)
	must(t, err)
	if plan.Counts[model.ActInvite] != confirmed-1 || plan.Skipped != 1 {
		t.Fatalf("plan: %v invitations, %d skipped; %d confirmed", plan.Counts, plan.Skipped, confirmed)
	}
	res, err := n.SendInvitations(ctx, officer, id)
	must(t, err)
	if res.Queued[model.ActInvite] != confirmed-1 || len(res.Skipped) != 1 || res.Skipped[0].Problem != model.ProblemInvalidEmail {
		t.Fatalf("first send: %+v", res)
	}
	got := arrived(t, srv, confirmed-1)
	checkInvitation(t, got, "en", "REQUEST")
	checkInvitation(t, got, "ar", "REQUEST")

	again, err := n.SendInvitations(ctx, officer, id)
	must(t, err)
	if len(again.Queued) != 0 {
		t.Errorf("the second send queued %v", again.Queued)
	}

	must(t, env.Store.Exec(ctx, "UPDATE trainings SET venue_en = 'Hurghada Customs Club' WHERE id = ?", id))
	upd, err := n.SendInvitations(ctx, officer, id)
	must(t, err)
	if upd.Queued[model.ActUpdate] != confirmed-1 || upd.Queued[model.ActInvite] != 0 {
		t.Errorf("after the venue changed: %v", upd.Queued)
	}
	reg := num(t, env, "SELECT MAX(id) FROM registrations WHERE training_id = ? AND status = 'confirmed'", id)
	must(t, env.Store.Exec(ctx, "UPDATE registrations SET status = 'withdrawn' WHERE id = ?", reg))
	cancel, err := n.SendInvitations(ctx, officer, id)
	must(t, err)
	if cancel.Queued[model.ActCancel] != 1 || len(cancel.Queued) != 1 {
		t.Errorf("after a withdrawal: %v", cancel.Queued)
	}
	all := arrived(t, srv, 2*(confirmed-1)+1)
	checkInvitation(t, all, "", "CANCEL")
	for mid, count := range srv.ByMessageID() {
		if count != 1 {
			t.Errorf("message %s arrived %d times", mid, count)
		}
	}
	if len(all) != 2*(confirmed-1)+1 {
		t.Errorf("%d messages arrived", len(all))
	}
	page, err := n.Invitations(ctx, officer, id)
	must(t, err)
	if page.Due() != 0 || page.Outbox[model.MsgSent] != int64(len(all)) {
		t.Errorf("after sending: %d due, outbox %v", page.Due(), page.Outbox)
	}
}

// checkInvitation finds a message in lang (any when "") among got and checks its parts:
// the HTML's direction, the calendar's events, and the badge,
// decoded back to the code the text shows.
func checkInvitation(t *testing.T, got []mailtest.Received, lang, method string) {
	t.Helper()
	for _, r := range got {
		m, err := mail.ReadMessage(bytes.NewReader(r.Raw))
		must(t, err)
		p := map[string][]byte{}
		leaves(t, m.Header.Get("Content-Type"), m.Header.Get("Content-Transfer-Encoding"), m.Body, p)
		cal, err := ical.NewDecoder(bytes.NewReader(p["text/calendar"])).Decode()
		must(t, err)
		if got, _ := cal.Props.Text(ical.PropMethod); got != method || (lang != "" && m.Header.Get("Content-Language") != lang) {
			continue
		}
		lang = m.Header.Get("Content-Language")
		dir := map[string]string{"ar": `dir="rtl"`, "en": `dir="ltr"`}[lang]
		if !strings.Contains(string(p["text/html"]), dir) {
			t.Errorf("%s HTML without %s", lang, dir)
		}
		// The privacy notice is a link away, in the reader's language.
		notice := webtest.BaseURL + "/privacy?lang=" + lang
		if !strings.Contains(string(p["text/html"]), `href="`+notice+`"`) || !strings.Contains(string(p["text/plain"]), notice) {
			t.Errorf("%s invitation without the privacy notice's link", lang)
		}
		events := cal.Events()
		if len(events) != 2 {
			t.Errorf("%d events, want one per session (2)", len(events))
		}
		for _, e := range events {
			if loc, _ := e.Props.Text(ical.PropLocation); !strings.Contains(loc, "Hurghada") {
				t.Errorf("event location %q", loc)
			}
		}
		if method == "CANCEL" {
			return
		}
		img, err := png.Decode(bytes.NewReader(p["image/png"]))
		must(t, err)
		bmp, err := gozxing.NewBinaryBitmapFromImage(img)
		must(t, err)
		code, err := qrcode.NewQRCodeReader().Decode(bmp, nil)
		must(t, err)
		if !strings.Contains(string(p["text/plain"]), code.GetText()) || !strings.Contains(code.GetText(), "-") {
			t.Errorf("the badge says %q; the text does not show it", code.GetText())
		}
		return
	}
	t.Errorf("no %s message with method %s", lang, method)
}

// leaves collects a MIME tree's leaves by content type, decoded.
func leaves(t *testing.T, ct, enc string, body io.Reader, out map[string][]byte) {
	t.Helper()
	mt, params, err := mime.ParseMediaType(ct)
	must(t, err)
	if !strings.HasPrefix(mt, "multipart/") {
		if strings.EqualFold(enc, "base64") {
			body = base64Reader(body)
		}
		b, err := io.ReadAll(body)
		must(t, err)
		out[mt] = b
		return
	}
	mr := multipart.NewReader(body, params["boundary"])
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return
		}
		must(t, err)
		leaves(t, part.Header.Get("Content-Type"), part.Header.Get("Content-Transfer-Encoding"), part, out)
	}
}
