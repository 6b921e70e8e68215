package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestEvidence_WhoIsInThisPhoto marks a photo as showing two participants
// of its training, shows the count on its row and the ticks in its form,
// refuses a person of another training beside the field without saving
// anything, and audits ids and a count, never a name.
func TestEvidence_WhoIsInThisPhoto(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	ctx := context.Background()
	officer := env.SignIn(model.RoleProgramOfficer)
	if r := upload(officer, "group.png", tinyPNG(t), nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload = %d", r.StatusCode)
	}
	photo := env.Store.MustString(ctx, "SELECT CAST(MAX(id) AS TEXT) FROM evidence_files")
	q := `SELECT CAST(person_id AS TEXT) FROM registrations WHERE training_id = 1 AND status <> 'withdrawn' ORDER BY person_id LIMIT 1 OFFSET ?`
	a, b := env.Store.MustString(ctx, q, 0), env.Store.MustString(ctx, q, 1)
	outsider := env.Store.MustString(ctx, `SELECT CAST(MIN(id) AS TEXT) FROM persons
WHERE id NOT IN (SELECT person_id FROM registrations WHERE training_id = 1)`)
	name := env.Store.MustString(ctx, "SELECT name_latin FROM persons WHERE id = ?", a)
	path := "/trainings/1/evidence/" + photo + "/people"

	if r := officer.Post(path, url.Values{"person": {a, b}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("mark = %d", r.StatusCode)
	}
	page := htmlDoc(t, officer.Get("/trainings/1/evidence").Body)
	row := page.Find("#evidence-" + photo)
	if got := row.Find(".evidence-people-count").Text(); got != "Names 2 people" {
		t.Errorf("the row says %q", got)
	}
	if n := row.Find("input[name=person][checked]").Length(); n != 2 {
		t.Errorf("%d boxes ticked, want 2", n)
	}
	if !strings.Contains(row.Find(".evidence-people").Text(), name) {
		t.Errorf("the form does not offer %q", name)
	}

	r := officer.Post(path, url.Values{"person": {a, outsider}})
	if r.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("an outsider = %d, want 422", r.StatusCode)
	}
	doc := htmlDoc(t, r.Body)
	if msg := doc.Find("#people-" + photo + "-error").Text(); !strings.Contains(msg, "registered in this training") {
		t.Errorf("message beside the field: %q", msg)
	}
	if v := doc.Find("#people-" + photo + " input[checked]").Map(func(_ int, s *goquery.Selection) string { return s.AttrOr("value", "") }); len(v) != 1 || v[0] != a {
		t.Errorf("ticked after the refusal: %v, want what was typed [%s] (the outsider is not offered)", v, a)
	}
	if n := env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM evidence_persons WHERE evidence_file_id = ?", photo); n != "2" {
		t.Errorf("%s marks after the refusal, want the 2 saved before", n)
	}

	if r := env.SignIn(model.RoleManager).Post(path, url.Values{"person": {a}}); r.StatusCode != http.StatusForbidden {
		t.Errorf("a manager marking = %d, want 403", r.StatusCode)
	}
	detail := env.Store.MustString(ctx, "SELECT detail FROM audit_log WHERE action = 'evidence_people' AND entity_id = ?", photo)
	if !strings.Contains(detail, `"people":"2"`) || strings.Contains(detail, name) {
		t.Errorf("audit detail %s", detail)
	}
}
