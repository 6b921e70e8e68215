package browsertest_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/traindesk/traindesk/internal/browsertest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestBrowser_SignInDashboardArabic signs in through the form, sees the
// dashboard, switches to Arabic and finds a right-to-left page, and runs
// axe-core on every page on the way.
func TestBrowser_SignInDashboardArabic(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true, Today: model.MustDate("2026-11-27")})
	base := env.HTTP.URL

	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/login"), chromedp.WaitVisible(chromedp.CSS("#f-email"))); err != nil {
		t.Fatal(err)
	}
	browsertest.Axe(t, ctx, "sign-in")
	err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS("#f-email"), env.Users[model.RoleAdmin].Email),
		chromedp.SendKeys(chromedp.CSS("#f-password"), webtest.Password),
		chromedp.Click(chromedp.CSS("form[action='/login'] button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".headline")),
	)
	if err != nil {
		t.Fatalf("sign in: %v", err)
	}
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Today's sessions", "Document examination for front-line officers", "Unique individuals trained"} {
		if !strings.Contains(text, want) {
			t.Errorf("dashboard lacks %q", want)
		}
	}
	browsertest.Axe(t, ctx, "dashboard")
	browsertest.Screenshot(t, ctx, "dashboard-en")

	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(".lang-switch a[hreflang=ar]")),
		chromedp.WaitVisible(chromedp.CSS("html[dir=rtl] .headline")),
	)
	if err != nil {
		t.Fatalf("switch to Arabic: %v", err)
	}
	dir, err := chromedp.Run(ctx, chromedp.Evaluate[string]("document.documentElement.dir + ' ' + document.documentElement.lang"))
	if err != nil || dir != "rtl ar" {
		t.Fatalf("html dir and lang = %q, %v; want rtl ar", dir, err)
	}
	browsertest.Axe(t, ctx, "dashboard (ar)")
	browsertest.Screenshot(t, ctx, "dashboard-ar")

	// The choice is remembered on the next page.
	for _, p := range []string{"/admin/users", "/admin/audit", "/no/such/page"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+p), chromedp.WaitVisible(chromedp.CSS("main h1"))); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		d, _ := chromedp.Run(ctx, chromedp.Evaluate[string]("document.documentElement.dir"))
		if d != "rtl" {
			t.Errorf("%s: dir = %q after switching to Arabic", p, d)
		}
		browsertest.Axe(t, ctx, p+" (ar)")
	}
}
