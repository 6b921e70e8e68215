package browsertest_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/traindesk/traindesk/internal/browsertest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// visit opens path, waits for the page's heading, runs axe-core, and saves
// a screenshot at each viewport.
func visit(t *testing.T, ctx context.Context, base, path, name string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(base+path), chromedp.WaitVisible(chromedp.CSS("main h1"))); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	browsertest.Axe(t, ctx, path)
	shoot(t, ctx, name)
}

// shoot saves the page on a laptop and on a 10-inch tablet held upright,
// then goes back to the laptop.
func shoot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	for _, v := range [][2]int64{{1280, 800}, {800, 1280}} {
		browsertest.Viewport(t, ctx, v[0], v[1])
		browsertest.Screenshot(t, ctx, fmt.Sprintf("ref-%s-%dx%d", name, v[0], v[1]))
	}
	browsertest.Viewport(t, ctx, 1280, 800)
}

// TestBrowser_ReferenceAgencies signs in as the program officer, adds an
// agency through the form (after a first try with mistakes), finds it in
// the list, and looks at the reference pages in English and in Arabic.
func TestBrowser_ReferenceAgencies(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true, Today: model.MustDate("2026-11-27")})
	base := env.HTTP.URL

	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#f-email")),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "officer@traindesk.local"),
		chromedp.SendKeys(chromedp.CSS("#f-password"), webtest.Password),
		chromedp.Click(chromedp.CSS("form[action='/login'] button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".headline")),
	)
	if err != nil {
		t.Fatalf("sign in: %v", err)
	}
	visit(t, ctx, base, "/reference", "overview-en")
	visit(t, ctx, base, "/reference/agencies", "agencies-en")

	// The form, sent empty, says what is missing beside each field.
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(".page-head a[href='/reference/agencies/new']")),
		chromedp.WaitVisible(chromedp.CSS("#f-name_en")),
		chromedp.SendKeys(chromedp.CSS("#f-focal_email"), "not an address"),
		chromedp.Click(chromedp.CSS("form.form-grid button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".field.has-error #f-name_en")),
	)
	if err != nil {
		t.Fatalf("invalid form: %v", err)
	}
	browsertest.Axe(t, ctx, "agency form with mistakes")
	shoot(t, ctx, "agency-errors-en")

	err = chromedp.Do(ctx,
		chromedp.Clear(chromedp.CSS("#f-focal_email")),
		chromedp.SendKeys(chromedp.CSS("#f-name_en"), "Port Said Port Authority"),
		chromedp.SetValue(chromedp.CSS("#f-name_ar"), "هيئة ميناء بورسعيد"),
		chromedp.SendKeys(chromedp.CSS("#f-short_name"), "PSPA"),
		chromedp.SetValue(chromedp.CSS("#f-kind"), "other"),
		chromedp.SendKeys(chromedp.CSS("#f-parent_ministry_en"), "Ministry of Transport"),
		chromedp.SetValue(chromedp.CSS("#f-parent_ministry_ar"), "وزارة النقل"),
		chromedp.SendKeys(chromedp.CSS("#f-focal_name"), "Hany Lotfy"),
		chromedp.SendKeys(chromedp.CSS("#f-focal_phone"), "+20 66 322 1100"),
		chromedp.SendKeys(chromedp.CSS("#f-focal_email"), "training@port.example.gov.eg"),
		chromedp.Click(chromedp.CSS("form.form-grid button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".alert-ok")),
	)
	if err != nil {
		t.Fatalf("create agency: %v", err)
	}
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main table")))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Port Said Port Authority", "هيئة ميناء بورسعيد", "Egyptian Customs Authority", "training@port.example.gov.eg"} {
		if !strings.Contains(text, want) {
			t.Errorf("the agency list lacks %q", want)
		}
	}
	browsertest.Axe(t, ctx, "agencies after create")
	shoot(t, ctx, "agencies-created-en")

	ids := demoIDs(t, env)
	visit(t, ctx, base, "/reference/agencies/"+ids[0]+"/edit", "agency-in-use-en")
	visit(t, ctx, base, "/reference/stations", "stations-en")
	visit(t, ctx, base, "/reference/projects/"+ids[1]+"/edit", "project-en")

	// Arabic: the same pages read right to left.
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/reference/agencies"),
		chromedp.WaitVisible(chromedp.CSS("main h1")),
		chromedp.Click(chromedp.CSS(".lang-switch a[hreflang=ar]")),
		chromedp.WaitVisible(chromedp.CSS("html[dir=rtl] main h1")),
	)
	if err != nil {
		t.Fatalf("switch to Arabic: %v", err)
	}
	text, _ = chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	for _, want := range []string{"الجهات الشريكة", "هيئة ميناء بورسعيد", "مصلحة الجمارك المصرية"} {
		if !strings.Contains(text, want) {
			t.Errorf("the Arabic agency list lacks %q", want)
		}
	}
	browsertest.Axe(t, ctx, "agencies (ar)")
	shoot(t, ctx, "agencies-ar")
	visit(t, ctx, base, "/reference", "overview-ar")
	visit(t, ctx, base, "/reference/agencies/new", "agency-new-ar")
	visit(t, ctx, base, "/reference/agencies/"+ids[0]+"/edit", "agency-in-use-ar")
	visit(t, ctx, base, "/reference/stations", "stations-ar")
	visit(t, ctx, base, "/reference/projects/"+ids[1]+"/edit", "project-ar")
	visit(t, ctx, base, "/reference/projects/"+ids[1]+"/indicators/new", "indicator-new-ar")
	dir, _ := chromedp.Run(ctx, chromedp.Evaluate[string]("document.documentElement.dir"))
	if dir != "rtl" {
		t.Errorf("dir = %q after switching to Arabic", dir)
	}
}

// demoIDs returns the demo agency's and project's ids as text.
func demoIDs(t *testing.T, env *webtest.Env) [2]string {
	t.Helper()
	p, err := env.Store.ProjectByCode(context.Background(), "SPHERE II")
	if err != nil {
		t.Fatal(err)
	}
	as, _ := env.Store.Agencies(context.Background(), false)
	for _, a := range as {
		if a.NameEn == "Egyptian Customs Authority" {
			return [2]string{fmt.Sprint(a.ID), fmt.Sprint(p.ID)}
		}
	}
	t.Fatal("no Egyptian Customs Authority in the demo")
	return [2]string{}
}
