package browsertest_test

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/traindesk/traindesk/internal/browsertest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// sizes are the laptop, tablet and phone the screens are looked at in.
var sizes = []struct {
	name string
	w, h int64
}{{"laptop", 1280, 800}, {"tablet", 800, 1280}, {"phone", 390, 844}}

// TestBrowser_AccountToken opens the account page from the user menu, makes
// a token in Arabic and finds its secret shown once, checking the page with
// axe-core and photographing it at three sizes.
func TestBrowser_AccountToken(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true, Today: model.MustDate("2026-11-27")})
	browsertest.SignIn(t, ctx, env, model.RoleManager)
	err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("a.user-chip")),
		chromedp.WaitVisible(chromedp.CSS("#tokens-title")),
	)
	if err != nil {
		t.Fatalf("open the account page from the user menu: %v", err)
	}
	browsertest.Axe(t, ctx, "account")
	err = chromedp.Do(ctx,
		chromedp.Navigate(env.HTTP.URL+"/account?lang=ar"),
		chromedp.WaitVisible(chromedp.CSS("#f-name")),
		chromedp.SendKeys(chromedp.CSS("#f-name"), "بوابة المانح"),
		chromedp.SetValue(chromedp.CSS("#f-days"), "30"),
		chromedp.Click(chromedp.CSS("input[name=personal_data]")),
		chromedp.Click(chromedp.CSS("form[action='/account/tokens'] button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#token-secret")),
	)
	if err != nil {
		t.Fatalf("make a token: %v", err)
	}
	secret, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#token-secret")))
	if err != nil || !regexp.MustCompile(`^td_[A-Za-z0-9_-]{43}$`).MatchString(secret) {
		t.Fatalf("secret shown = %q, %v", secret, err)
	}
	browsertest.Axe(t, ctx, "account with a new token (ar)")
	shootSizes(t, ctx, "account-token-ar")
	listed, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("table")))
	if err != nil || !strings.Contains(listed, "بوابة المانح") || strings.Contains(listed, secret) {
		t.Errorf("token list = %q, %v", listed, err)
	}
}

// TestBrowser_ArabicTraining reads the demo course in Arabic — its Arabic
// title, venue and GCM objectives — and an English-only training on an
// Arabic page, whose title must keep its own direction (its full stop at
// its end), at three sizes in both languages.
func TestBrowser_ArabicTraining(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true, Today: model.MustDate("2026-11-27")})
	po := env.SignIn(model.RoleProgramOfficer)
	r := po.Post("/trainings", url.Values{"title_en": {"Risk profiling at Safaga port."}, "venue_en": {"Port training room."},
		"starts_on": {"2026-12-06"}, "ends_on": {"2026-12-07"}, "capacity": {"20"}, "language": {"en"},
		"day_starts": {"09:00"}, "day_ends": {"15:00"}, "outside_ok": {"1"}})
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("create = %d", r.StatusCode)
	}
	english := r.Header.Get("Location")
	browsertest.SignIn(t, ctx, env, model.RoleProgramOfficer)

	for _, lang := range []string{"ar", "en"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(env.HTTP.URL+"/trainings/1?lang="+lang), chromedp.WaitVisible(chromedp.CSS("h1"))); err != nil {
			t.Fatal(err)
		}
		h1, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1")))
		main, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
		want := map[string][]string{
			"ar": {"مكافحة التهريب لموظفي الجمارك", "قاعة المؤتمرات بالفندق", "تعزيز التصدي عبر الوطني لتهريب المهاجرين"},
			"en": {"Counter-smuggling for customs officers", "Hotel conference hall", "Strengthen the transnational response"},
		}[lang]
		if !strings.HasPrefix(h1, want[0]) {
			t.Errorf("%s: title %q", lang, h1)
		}
		for _, w := range want[1:] {
			if !strings.Contains(main, w) {
				t.Errorf("%s: page lacks %q", lang, w)
			}
		}
		if lang == "ar" {
			browsertest.Axe(t, ctx, "training ("+lang+")")
		}
		shootSizes(t, ctx, "training-demo-"+lang)
	}

	if err := chromedp.Do(ctx, chromedp.Navigate(env.HTTP.URL+english+"?lang=ar"), chromedp.WaitVisible(chromedp.CSS("h1 bdi"))); err != nil {
		t.Fatal(err)
	}
	// The isolated English title runs left to right inside the Arabic page,
	// so its full stop is drawn to the right of its last word.
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]any](`(() => {
		const b = document.querySelector("h1 bdi");
		const r = document.createRange();
		const text = b.firstChild;
		r.setStart(text, text.length - 1); r.setEnd(text, text.length);
		const dot = r.getBoundingClientRect();
		r.setStart(text, text.length - 5); r.setEnd(text, text.length - 1);
		const word = r.getBoundingClientRect();
		return [getComputedStyle(b).direction, document.documentElement.dir, dot.left >= word.right - 1];
	})()`))
	if err != nil || len(got) != 3 || got[0] != "ltr" || got[1] != "rtl" || got[2] != true {
		t.Errorf("English title on the Arabic page: direction, page, full stop after the word = %v, %v", got, err)
	}
	shootSizes(t, ctx, "training-english-only-ar")
}

// shootSizes photographs the page at the three sizes, only when someone
// will look (TRAINDESK_SCREENSHOTS is set): full-page captures of long
// pages are slow.
func shootSizes(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	if os.Getenv("TRAINDESK_SCREENSHOTS") == "" {
		return
	}
	for _, s := range sizes {
		browsertest.Viewport(t, ctx, s.w, s.h)
		browsertest.Screenshot(t, ctx, name+"-"+s.name)
	}
	browsertest.Viewport(t, ctx, 1280, 800)
}
