package web_test

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestRetention_DryRunThenQueuedRun, on SQLite and PostgreSQL: seven years
// after the demo, the dry-run page (the real router) lists by reference
// the two participants given contacts and the photo marked as showing one
// of them, not the untagged photo; the retention job inserted into the
// real queue and run by its worker then clears those contacts, deletes
// that photo's record and bytes, keeps the untagged photo, and records
// one audit line with the counts. The daily run the queue starts with is
// waited for first (it finds nothing and says so), so that it cannot
// clear what the page is to show.
func TestRetention_DryRunThenQueuedRun(t *testing.T) {
	for _, pg := range []bool{false, true} {
		name := map[bool]string{false: "sqlite", true: "postgres"}[pg]
		t.Run(name, func(t *testing.T) { retentionRun(t, webtest.New(t, webtest.Options{Demo: true, Postgres: pg})) })
	}
}

func retentionRun(t *testing.T, env *webtest.Env) {
	ctx := context.Background()
	runs := func() string {
		return env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM audit_log WHERE action = 'retention_run'")
	}
	waitFor(t, "the start-up retention run", func() bool { return runs() == "1" })
	if d := env.Store.MustString(ctx, "SELECT detail FROM audit_log WHERE action = 'retention_run'"); !strings.Contains(d, `"persons":"0"`) ||
		!strings.Contains(d, `"photos":"0"`) {
		t.Errorf("the run with nothing due: %s", d)
	}
	q := `SELECT CAST(person_id AS TEXT) FROM registrations WHERE training_id = 1 AND status <> 'withdrawn' ORDER BY person_id LIMIT 1 OFFSET ?`
	a, b := env.Store.MustString(ctx, q, 0), env.Store.MustString(ctx, q, 1)
	if err := env.Store.Exec(ctx, "UPDATE persons SET phone = '+20100000' || CAST(id AS TEXT) WHERE id IN (?, ?)", a, b); err != nil {
		t.Fatal(err)
	}
	officer := env.SignIn(model.RoleProgramOfficer)
	ids := map[string]string{}
	for i, f := range []string{"tagged.png", "room.png"} {
		if r := upload(officer, f, shade(t, byte(i+1)), nil); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("upload %s = %d", f, r.StatusCode)
		}
		ids[f] = env.Store.MustString(ctx, "SELECT CAST(MAX(id) AS TEXT) FROM evidence_files")
	}
	if r := officer.Post("/trainings/1/evidence/"+ids["tagged.png"]+"/people", url.Values{"person": {a}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("mark = %d", r.StatusCode)
	}
	key := env.Store.MustString(ctx, "SELECT storage_key FROM evidence_files WHERE id = ?", ids["tagged.png"])

	env.Clock.Advance(7 * 365 * 24 * time.Hour)
	page := htmlDoc(t, env.SignIn(model.RoleAdmin).Get("/admin/retention?lang=en").Body)
	for _, id := range []string{a, b} {
		if page.Find(`#retention-due tr[data-person="`+id+`"]`).Text() == "" || !strings.Contains(page.Text(), "P-"+id) {
			t.Errorf("the dry run does not list person %s", id)
		}
	}
	photo := page.Find(`tr[data-photo="` + ids["tagged.png"] + `"]`).Text()
	if !strings.Contains(photo, "tagged.png") || !strings.Contains(photo, "P-"+a) {
		t.Errorf("the dry run's photo row: %q", photo)
	}
	if n := page.Find("tr[data-photo]").Length(); n != 1 {
		t.Errorf("%d photos listed, want only the tagged one", n)
	}
	if name := env.Store.MustString(ctx, "SELECT name_latin FROM persons WHERE id = ?", a); strings.Contains(page.Text(), name) {
		t.Error("the dry run names a person")
	}

	if _, err := env.Jobs.Insert(ctx, roster.RetentionArgs{}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the queued retention run", func() bool { return runs() == "2" })
	if n := env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM persons WHERE id IN (?, ?) AND phone <> ''", a, b); n != "0" {
		t.Errorf("%s of the two keep their phone", n)
	}
	if n := env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM evidence_files WHERE id IN (?, ?)", ids["tagged.png"], ids["room.png"]); n != "1" {
		t.Errorf("%s of the two photos left, want the untagged one", n)
	}
	if _, err := os.Stat(filepath.Join(env.FilesDir(), key)); !os.IsNotExist(err) {
		t.Errorf("the expired photo keeps its bytes: %v", err)
	}
	d := env.Store.MustString(ctx, "SELECT detail FROM audit_log WHERE action = 'retention_run' ORDER BY id DESC LIMIT 1")
	if !strings.Contains(d, `"photos":"1"`) || strings.Contains(d, `"persons":"0"`) {
		t.Errorf("the run's audit line: %s", d)
	}
	if r := env.Store.MustString(ctx, "SELECT detail FROM audit_log WHERE action = 'evidence_delete' AND entity_id = ?", ids["tagged.png"]); !strings.Contains(r, `"reason":"retention"`) {
		t.Errorf("the photo's delete line: %s", r)
	}
}

// waitFor polls done until it holds, failing the test after 30 seconds.
func waitFor(t *testing.T, what string, done func() bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if done() {
			return
		}
	}
	t.Fatalf("waited 30 s for %s", what)
}
