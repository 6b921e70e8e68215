package browsertest_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/traindesk/traindesk/internal/browsertest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestBrowser_ProjectPeriod opens the new-training form, in English and
// Arabic, at laptop, tablet and phone width: no period shows until a
// project is chosen; choosing the demo project shows its period, the link
// to it and the "save anyway" box, before any save; dates before the
// project are refused with the period beside the dates.
func TestBrowser_ProjectPeriod(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true, Today: model.MustDate("2026-11-27")})
	browsertest.SignIn(t, ctx, env, model.RoleProgramOfficer)
	defer browsertest.Viewport(t, ctx, 1280, 800)
	want := map[string]string{"en": "SPHERE II runs from 1 January 2022 to 31 December 2027.", "ar": "فترة SPHERE II من ١ يناير ٢٠٢٢ إلى ٣١ ديسمبر ٢٠٢٧."}
	anyway := map[string]string{"en": "Save anyway", "ar": "احفظ على أي حال"}
	for _, lang := range []string{"en", "ar"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(env.HTTP.URL+"/trainings/new?lang="+lang), chromedp.WaitVisible(chromedp.CSS("#f-title_en"))); err != nil {
			t.Fatal(err)
		}
		if got := periodShown(t, ctx); got != "" {
			t.Errorf("%s: with no project chosen the form shows %q", lang, got)
		}
		chooseProject(t, ctx, "1")
		if got := periodShown(t, ctx); !strings.Contains(got, want[lang]) || !strings.Contains(got, anyway[lang]) {
			t.Errorf("%s: with the project chosen the form shows %q, want %q and the save-anyway box", lang, got, want[lang])
		}
		browsertest.Axe(t, ctx, "training form, project chosen ("+lang+")")
		for _, size := range frameSizes {
			browsertest.Viewport(t, ctx, size.w, size.h)
			scrollTo(t, ctx, "[data-project-period]")
			browsertest.ScreenshotView(t, ctx, "period-"+lang+"-"+size.name)
		}
		browsertest.Viewport(t, ctx, 1280, 800)
		chooseProject(t, ctx, "")
		if got := periodShown(t, ctx); got != "" {
			t.Errorf("%s: after clearing the project the form shows %q", lang, got)
		}

		chooseProject(t, ctx, "1")
		err := chromedp.Do(ctx,
			chromedp.SendKeys(chromedp.CSS("#f-title_en"), "Next month's course"),
			chromedp.SetValue(chromedp.CSS("#f-starts_on"), "2021-06-01"),
			chromedp.SetValue(chromedp.CSS("#f-ends_on"), "2021-06-02"),
			chromedp.SetValue(chromedp.CSS("#f-capacity"), "20"),
			chromedp.Click(chromedp.CSS("form.form button[type=submit]")),
			chromedp.WaitVisible(chromedp.CSS(".period-line.alert")),
		)
		if err != nil {
			t.Fatalf("%s: save with dates before the project: %v", lang, err)
		}
		if got := periodShown(t, ctx); !strings.Contains(got, strings.Fields(want[lang])[0]) {
			t.Errorf("%s: the refusal shows %q", lang, got)
		}
		browsertest.Axe(t, ctx, "training form, refused ("+lang+")")
		browsertest.Viewport(t, ctx, 390, 844)
		scrollTo(t, ctx, "[data-project-period]")
		browsertest.ScreenshotView(t, ctx, "period-refused-"+lang+"-phone")
		browsertest.Viewport(t, ctx, 1280, 800)
	}
}

// periodShown is the visible text of the period box under the dates.
func periodShown(t *testing.T, ctx context.Context) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("[data-project-period]").innerText.trim()`))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// chooseProject picks a project as a user does, firing the change event.
func chooseProject(t *testing.T, ctx context.Context, id string) {
	t.Helper()
	js := `(() => { const s = document.querySelector("select[name=project_id]"); s.value = "` + id + `";
		s.dispatchEvent(new Event("change", {bubbles: true})); return 0; })()`
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[int](js)); err != nil {
		t.Fatal(err)
	}
}

// scrollTo puts the element selector matches in the middle of the screen.
func scrollTo(t *testing.T, ctx context.Context, selector string) {
	t.Helper()
	js := `(() => { document.querySelector(` + "`" + selector + "`" + `).scrollIntoView({block: "center"}); return 0; })()`
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[int](js)); err != nil {
		t.Fatal(err)
	}
}
