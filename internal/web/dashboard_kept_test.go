package web_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestDashboard_KeptPageIsTheViewers: the dashboard is kept rendered
// between loads, yet every load shows the viewer's own name, figures,
// language and CSRF token: a trainer loading it after a manager sees only
// their own trainings' figures, and the manager's page after the
// trainer's is the manager's; two sessions of one user each get their own
// token; an administrator after a manager sees their own name; a change to the data or to the user's name shows on the next
// load.
func TestDashboard_KeptPageIsTheViewers(t *testing.T) {
	env, _ := reportEnv(t)
	m, tr, m2 := env.SignIn(model.RoleManager), env.SignIn(model.RoleTrainer), env.SignIn(model.RoleManager)
	mName, trName := env.Users[model.RoleManager].Name, env.Users[model.RoleTrainer].Name

	first := m.Get("/").Body
	again := m.Get("/").Body
	if first != again {
		t.Error("two loads of the same page by the same session differ")
	}
	checkOwn(t, "manager", first, m, mName, trName)
	managerFigures := figures(t, first, ".headline")

	adName := env.Users[model.RoleAdmin].Name
	checkOwn(t, "administrator", env.SignIn(model.RoleAdmin).Get("/").Body, nil, adName, mName)

	trPage := tr.Get("/").Body
	checkOwn(t, "trainer", trPage, tr, trName, mName)
	if f := figures(t, trPage, ".headline"); f["trainings_held"] != "1" || f["unique_individuals"] != "16" || f["href"] != "" {
		t.Errorf("the trainer, after the manager, sees %v", f)
	}
	if f := figures(t, m.Get("/").Body, ".headline"); f["trainings_held"] != managerFigures["trainings_held"] || f["href"] == "" {
		t.Errorf("the manager, after the trainer, sees %v, want %v", f, managerFigures)
	}

	other := m2.Get("/").Body
	checkOwn(t, "second session", other, m2, mName, trName)
	if m.Token() == m2.Token() {
		t.Fatal("two sessions share a CSRF token")
	}
	if strings.ReplaceAll(other, m2.Token(), m.Token()) != first {
		t.Error("the second session's page differs from the first's by more than its token")
	}

	if ar := m.Get("/?lang=ar").Body; !strings.Contains(ar, `dir="rtl"`) {
		t.Error("the Arabic dashboard is not right-to-left")
	}
	if !strings.Contains(m.Get("/").Body, `dir="rtl"`) {
		t.Error("the language cookie was not followed")
	}
	if strings.Contains(m2.Get("/").Body, `dir="rtl"`) {
		t.Error("another session got the Arabic page kept for the first")
	}

	// A change to the data shows on the next load.
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(m2.Get("/").Body))
	if err != nil {
		t.Fatal(err)
	}
	href, ok := doc.Find("a.title").First().Attr("href")
	id := regexp.MustCompile(`^/trainings/(\d+)$`).FindStringSubmatch(href)
	if !ok || id == nil {
		t.Fatalf("no training listed on the dashboard (%q)", href)
	}
	ctx := context.Background()
	if err := env.Store.Exec(ctx, "UPDATE trainings SET title_en = 'Kept page check' WHERE id = ?", id[1]); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(m2.Get("/").Body, "Kept page check") {
		t.Error("a changed title does not show on the next load")
	}
	if err := env.Store.Exec(ctx, "UPDATE users SET name = 'Renamed Manager' WHERE id = ?", env.Users[model.RoleManager].ID); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(m2.Get("/").Body, "Renamed Manager") {
		t.Error("a changed name does not show on the next load")
	}
}

// checkOwn fails unless page greets name, not other, and carries c's CSRF
// token in its sign-out form.
func checkOwn(t *testing.T, who, page string, c *webtest.Client, name, other string) {
	t.Helper()
	if !strings.Contains(page, name) || strings.Contains(page, other) {
		t.Errorf("%s: the page does not show %q alone", who, name)
	}
	if c == nil {
		return
	}
	if got := webtest.FormToken(page); got == "" || got != c.Token() {
		t.Errorf("%s: the page's CSRF token %q, the session's %q", who, got, c.Token())
	}
	if !strings.Contains(page, `"X-CSRF-Token": "`+c.Token()+`"`) && !strings.Contains(page, `&#34;X-CSRF-Token&#34;: &#34;`+c.Token()+`&#34;`) {
		t.Errorf("%s: the page's htmx header does not carry the session's token", who)
	}
}
