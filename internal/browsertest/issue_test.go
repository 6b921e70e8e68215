package browsertest_test

import (
	"context"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/traindesk/traindesk/internal/app"
	"github.com/traindesk/traindesk/internal/browsertest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// screenSizes are the screens every new page is looked at on.
var screenSizes = []struct {
	name string
	w, h int64
}{{"laptop", 1280, 800}, {"tablet", 800, 1280}, {"phone", 390, 844}}

// shootAll photographs the current address in both languages at every size,
// running axe-core on the laptop view. Without a folder for screenshots it
// only loads and checks the laptop view: loading the other sizes would
// assert nothing more.
func shootAll(t *testing.T, ctx context.Context, base, path, name string) {
	t.Helper()
	for _, lang := range []string{"en", "ar"} {
		for _, s := range screenSizes {
			if s.name != "laptop" && os.Getenv("TRAINDESK_SCREENSHOTS") == "" {
				continue
			}
			browsertest.Viewport(t, ctx, s.w, s.h)
			if err := chromedp.Do(ctx, chromedp.Navigate(base+path+"&lang="+lang), chromedp.WaitVisible(chromedp.CSS("main h1"))); err != nil {
				t.Fatalf("open %s: %v", path, err)
			}
			if s.name == "laptop" {
				browsertest.Axe(t, ctx, name+" ("+lang+")")
			}
			browsertest.Screenshot(t, ctx, name+"-"+lang+"-"+s.name)
		}
	}
	browsertest.Viewport(t, ctx, 1280, 800)
}

// TestBrowser_IssueCertificates issues certificates the way an officer
// does, with the certificates page's buttons (forms that POST with their
// CSRF token): one person's first, then everyone's; only then does the page
// offer the downloads.
func TestBrowser_IssueCertificates(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true})
	browsertest.SignIn(t, ctx, env, model.RoleProgramOfficer)
	const page = "/trainings/1/certificates?x=1"
	shootAll(t, ctx, env.HTTP.URL, page, "certificates-to-issue")

	text := certOpen(t, ctx, env.HTTP.URL+page+"&lang=en")
	rows, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("tr form[action='/trainings/1/certificates/issue']").length`))
	zip, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("a[href$='certificates.zip']").length`))
	if !strings.Contains(text, "Issue 23 missing certificates") || rows != 23 || zip != 0 {
		t.Fatalf("before issuing: %d issue buttons in rows, %d zip links", rows, zip)
	}
	// Each click starts from a fresh page, which shows no message yet, so
	// that waiting for the message waits for the answer to the click.
	issue := func(sel, want string) {
		t.Helper()
		certOpen(t, ctx, env.HTTP.URL+page+"&lang=en")
		err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(sel)), chromedp.WaitVisible(chromedp.CSS("main .alert-ok")))
		if err != nil {
			t.Fatalf("click %s: %v", sel, err)
		}
		if got, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main .alert-ok"))); !strings.Contains(got, want) {
			t.Errorf("after %s the page says %q, want %q", sel, got, want)
		}
	}
	issue("tr form[action='/trainings/1/certificates/issue'] button", "Certificates issued: 1.")
	issue(".page-head form[action='/trainings/1/certificates/issue'] button", "Certificates issued: 22.")
	text, _ = chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	if !strings.Contains(text, "23 completed · 23 issued · 0 revoked") || strings.Contains(text, "missing certificates") {
		t.Error("the page does not show every certificate issued")
	}
	browsertest.Screenshot(t, ctx, "certificates-issued-en")

	// Without a public address the page says what to set, and offers nothing.
	bare := webtest.New(t, webtest.Options{Demo: true, Adjust: func(o *app.Options) { o.BaseURL = "" }})
	browsertest.SignIn(t, ctx, bare, model.RoleProgramOfficer)
	text = certOpen(t, ctx, bare.HTTP.URL+page+"&lang=en")
	if !strings.Contains(text, "TRAINDESK_BASE_URL") || strings.Contains(text, "Issue") {
		t.Error("without an address the page does not explain, or offers to issue")
	}
	shootAll(t, ctx, bare.HTTP.URL, page, "certificates-no-address")
}

// TestBrowser_SearchTooLong shows the message beside the registry's search
// box when the search is too long, in both languages and on every screen.
func TestBrowser_SearchTooLong(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true})
	browsertest.SignIn(t, ctx, env, model.RoleProgramOfficer)
	long := url.QueryEscape(strings.Repeat("Ahmed ", 40))
	text := certOpen(t, ctx, env.HTTP.URL+"/persons?q="+long+"&lang=en")
	if !strings.Contains(text, "Search with at most 200 characters and 8 words") {
		t.Error("the registry does not say the search is too long")
	}
	invalid, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("input[name=q]").getAttribute("aria-invalid")`))
	if invalid != "true" {
		t.Errorf("the search box is not marked invalid: %q", invalid)
	}
	shootAll(t, ctx, env.HTTP.URL, "/persons?q="+long, "search-too-long")
}
