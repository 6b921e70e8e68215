package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/qr"
	"github.com/traindesk/traindesk/internal/webtest"
)

var messageLink = regexp.MustCompile(`href="/messages/(\d+)"`)

// TestMessages_NoServerHeld: without a mail server, confirming sends
// queues each participant's invitation as "not sent"; the training page
// and the messages page show it; the message opens in the participant's
// language and downloads as an .eml file; the address that is not one is
// shown beside the person; a wrong reminder time is refused beside its
// field with what was typed kept.
func TestMessages_NoServerHeld(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	ctx := context.Background()
	id := demoTraining(t, env, "Counter-smuggling refresher")
	if err := env.Store.Exec(ctx, `UPDATE persons SET email = 'officer' || id || '@customs.example'
		WHERE id IN (SELECT person_id FROM registrations WHERE training_id = ?)`, id); err != nil {
		t.Fatal(err)
	}
	if err := env.Store.Exec(ctx, `UPDATE persons SET email = 'officer at customs' WHERE id =
		(SELECT MIN(person_id) FROM registrations WHERE training_id = ? AND status = 'confirmed')`, id); err != nil {
		t.Fatal(err)
	}
	po := env.SignIn(model.RoleProgramOfficer)
	page := po.Get("/trainings/" + id + "/messages")
	if page.StatusCode != http.StatusOK || !strings.Contains(page.Body, `id="send-invitations"`) ||
		!strings.Contains(page.Body, "Not a valid e-mail address") || !strings.Contains(page.Body, "No mail server is configured") {
		t.Fatalf("messages page = %d", page.StatusCode)
	}
	if r := po.Post("/trainings/"+id+"/invitations", nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("send = %d", r.StatusCode)
	}
	held := env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM outbox_messages WHERE status = 'held' AND training_id = ?", id)
	want := env.Store.MustString(ctx, "SELECT CAST(COUNT(*) - 1 AS TEXT) FROM registrations WHERE training_id = ? AND status = 'confirmed'", id)
	if held != want {
		t.Fatalf("%s messages held, want %s", held, want)
	}
	page = po.Get("/trainings/" + id + "/messages")
	if strings.Contains(page.Body, `id="send-invitations"`) || !strings.Contains(page.Body, "Nothing to send") {
		t.Error("after sending, the page still offers to send")
	}
	// The result counts each kind in its own plural form.
	if !strings.Contains(page.Body, want+" invitations queued.") || !strings.Contains(page.Body, "1 participant skipped for want of an address.") {
		t.Errorf("the page after sending does not say what was queued and skipped")
	}
	summary := po.Get("/trainings/" + id + "/messages/summary")
	if !strings.Contains(summary.Body, "Not sent "+held) {
		t.Errorf("the training page's summary does not count %s held: %s", held, summary.Body)
	}
	m := messageLink.FindStringSubmatch(page.Body)
	if m == nil {
		t.Fatal("no link to a message")
	}
	msg := po.Get("/messages/" + m[1])
	if msg.StatusCode != http.StatusOK || !strings.Contains(msg.Body, `dir="rtl"`) || !strings.Contains(msg.Body, "invite.ics") {
		t.Errorf("message page = %d", msg.StatusCode)
	}
	eml := po.Get("/messages/" + m[1] + "/eml")
	if eml.StatusCode != http.StatusOK || !strings.Contains(eml.Header.Get("Content-Disposition"), ".eml") ||
		!strings.Contains(strings.ToLower(eml.Body), "message-id:") {
		t.Errorf("eml = %d %q", eml.StatusCode, eml.Header.Get("Content-Disposition"))
	}
	bad := po.Post("/trainings/"+id+"/reminders", url.Values{"trainers_on": {"1"}, "trainers_at": {"25:99"}, "participants_at": {"10:00"}})
	if bad.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(bad.Body, `value="25:99"`) ||
		!strings.Contains(bad.Body, "Enter a time such as 09:00.") {
		t.Errorf("a wrong time = %d", bad.StatusCode)
	}
	if r := po.Post("/trainings/"+id+"/reminders", url.Values{"trainers_at": {"17:30"}, "participants_at": {"09:00"}}); r.StatusCode != http.StatusSeeOther {
		t.Errorf("save reminders = %d", r.StatusCode)
	}
	if got := env.Store.MustString(ctx, "SELECT trainers_at FROM training_reminders WHERE training_id = ?", id); got != "17:30" {
		t.Errorf("saved %q", got)
	}
}

var feedURL = regexp.MustCompile(`https://traindesk\.example(/calendar/[A-Za-z0-9_-]+\.ics)`)

// TestCalendarFeed: a trainer makes a private address, shown once; a
// calendar reading it gets the sessions they facilitate, one event each
// with the venue; a new address stops the old one; revoking stops both.
func TestCalendarFeed(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	tr := env.SignIn(model.RoleTrainer)
	r := tr.Post("/calendar", nil)
	m := feedURL.FindStringSubmatch(r.Body)
	if r.StatusCode != http.StatusOK || m == nil {
		t.Fatalf("make a feed = %d", r.StatusCode)
	}
	if !strings.Contains(r.Body, `href="webcal://traindesk.example`+m[1]+`"`) {
		t.Error("no webcal:// link beside the https address")
	}
	if again := tr.Get("/calendar"); strings.Contains(again.Body, m[1]) {
		t.Error("the address is shown again")
	}
	anon := env.Client()
	ics := anon.Get(m[1])
	want := env.Store.MustString(context.Background(), `SELECT CAST(COUNT(*) AS TEXT) FROM sittings s
		JOIN trainings t ON t.id = s.training_id JOIN training_facilitators f ON f.training_id = t.id
		JOIN users u ON u.id = f.user_id WHERE u.email = 'trainer@traindesk.local' AND s.deleted_at IS NULL
		AND t.status NOT IN ('draft', 'cancelled')`)
	if ics.StatusCode != http.StatusOK || !strings.HasPrefix(ics.Header.Get("Content-Type"), "text/calendar") ||
		strings.Count(ics.Body, "BEGIN:VEVENT") != atoi(t, want) || !strings.Contains(ics.Body, "LOCATION:") {
		t.Errorf("feed = %d, %d events, want %s", ics.StatusCode, strings.Count(ics.Body, "BEGIN:VEVENT"), want)
	}
	m2 := feedURL.FindStringSubmatch(tr.Post("/calendar", nil).Body)
	if anon.Get(m[1]).StatusCode != http.StatusNotFound || anon.Get(m2[1]).StatusCode != http.StatusOK {
		t.Error("a new address does not replace the old one")
	}
	tr.Post("/calendar/revoke", nil)
	if anon.Get(m2[1]).StatusCode != http.StatusNotFound {
		t.Error("a revoked address still works")
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestLetterhead_RefusesWhatIsNotAnImage: a logo that is not a PNG or
// JPEG is refused beside its field with nothing saved; a PNG is saved and
// printed on the letter.
func TestLetterhead_RefusesWhatIsNotAnImage(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	admin := env.SignIn(model.RoleAdmin)
	bad := admin.Upload("/admin/letterhead", "logo", "logo.png", []byte("not an image"), url.Values{"org_en": {"Training unit"}})
	if bad.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(bad.Body, "Choose a valid PNG, JPEG or SVG image under 2 MB") ||
		!strings.Contains(bad.Body, `value="Training unit"`) {
		t.Fatalf("a text file as logo = %d", bad.StatusCode)
	}
	broken := admin.Upload("/admin/letterhead", "footer", "band.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10`), url.Values{"org_en": {"Training unit"}})
	if broken.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(broken.Body, `id="f-footer-error"`) {
		t.Fatalf("a broken SVG footer = %d, not refused beside its field", broken.StatusCode)
	}
	if n := env.Store.MustCount(context.Background(), "letterheads"); n != 0 {
		t.Errorf("a refused letterhead was saved")
	}
	logo, err := qr.PNG("logo", 120)
	if err != nil {
		t.Fatal(err)
	}
	if r := admin.Upload("/admin/letterhead", "logo", "logo.png", logo, url.Values{"org_en": {"Training unit"}, "org_ar": {"وحدة التدريب"}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("a PNG logo = %d", r.StatusCode)
	}
	po := env.SignIn(model.RoleProgramOfficer)
	if r := po.Post("/trainings/1/letters", url.Values{"agency_id": {"1"}, "lang": {"ar"}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("make a letter = %d", r.StatusCode)
	}
	id := env.Store.MustString(context.Background(), "SELECT CAST(MAX(id) AS TEXT) FROM nomination_letters")
	pdf := po.Get("/letters/" + id + "/pdf")
	if pdf.StatusCode != http.StatusOK || !strings.Contains(pdf.Body, "/Subtype /Image") {
		t.Errorf("letter = %d, with the logo: %v", pdf.StatusCode, strings.Contains(pdf.Body, "/Subtype /Image"))
	}
}

// TestPerson_MessageLanguage: the person form records the language a
// person's messages are written in, and refuses one it does not know.
func TestPerson_MessageLanguage(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	id := env.Store.MustString(context.Background(), "SELECT CAST(MIN(id) AS TEXT) FROM persons")
	if r := po.Post("/persons/"+id, personForm(map[string]string{"lang": "fr"})); r.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("an unknown language = %d", r.StatusCode)
	}
	if r := po.Post("/persons/"+id, personForm(map[string]string{"lang": "en"})); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("save = %d", r.StatusCode)
	}
	if got := env.Store.MustString(context.Background(), "SELECT lang FROM persons WHERE id = ?", id); got != "en" {
		t.Errorf("language saved as %q", got)
	}
}
