package browsertest_test

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/traindesk/traindesk/internal/browsertest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestBrowser_AuditLog fills the audit log with a few typed events and
// reads it as the administrator on a tablet held upright, where its table
// scrolls sideways: axe-core must find the scrolling region reachable by
// keyboard, in English and in Arabic, and the filter must narrow the log.
func TestBrowser_AuditLog(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	if r := po.Post("/reference/thematic", url.Values{"name_en": {"Maritime search and rescue"}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("add an area = %d", r.StatusCode)
	}
	browsertest.SignIn(t, ctx, env, model.RoleAdmin)
	browsertest.Viewport(t, ctx, 800, 1280)
	defer browsertest.Viewport(t, ctx, 1280, 800)
	for _, lang := range []string{"en", "ar"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(env.HTTP.URL+"/admin/audit?lang="+lang),
			chromedp.WaitVisible(chromedp.CSS("main h1"))); err != nil {
			t.Fatal(err)
		}
		browsertest.Axe(t, ctx, "/admin/audit ("+lang+")")
		browsertest.Screenshot(t, ctx, "audit-"+lang+"-800x1280")
		tab, err := chromedp.Run(ctx, chromedp.Evaluate[int64](`document.querySelector(".table-wrap[role=region]").tabIndex`))
		if err != nil || tab != 0 {
			t.Errorf("%s: the scrolling table's tab index = %d, %v", lang, tab, err)
		}
	}
	officer := strconv.FormatInt(env.Users[model.RoleProgramOfficer].ID, 10)
	err := chromedp.Do(ctx,
		chromedp.Navigate(env.HTTP.URL+"/admin/audit?lang=en"),
		chromedp.WaitVisible(chromedp.CSS("#f-kind")),
		chromedp.SetValue(chromedp.CSS("#f-kind"), string(model.AuditReferenceCreate)),
		chromedp.SetValue(chromedp.CSS("#f-user"), officer),
		chromedp.Click(chromedp.CSS("form[action='/admin/audit'] button[type=submit]")),
	)
	if err != nil {
		t.Fatalf("filter: %v", err)
	}
	// The unfiltered page shows a table too: count the rows only once the
	// filtered page has replaced it.
	filtered := `location.search.includes("kind=` + string(model.AuditReferenceCreate) + `") && document.readyState === "complete"`
	rows := int64(-1)
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		// Evaluating while the page is replaced fails: try again.
		if done, err := chromedp.Run(ctx, chromedp.Evaluate[bool](filtered)); err == nil && done {
			rows, err = chromedp.Run(ctx, chromedp.Evaluate[int64](`document.querySelectorAll("main tbody tr").length`))
			if err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	if rows != 1 {
		t.Errorf("the filtered log has %d rows, want the one new area", rows)
	}
}
