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

// TestBrowser_Report signs in as the manager, opens the 2023 report of
// SPHERE II, reads its figures, switches to Arabic, and checks both pages
// with axe-core and at laptop and tablet size.
func TestBrowser_Report(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true, Today: model.MustDate("2026-11-27")})
	browsertest.SignIn(t, ctx, env, model.RoleManager)
	path := "/reports?project=1&from=2023-01-01&to=2023-12-31"
	if err := chromedp.Do(ctx, chromedp.Navigate(env.HTTP.URL+path), chromedp.WaitVisible(chromedp.CSS("[data-figure=unique_individuals]"))); err != nil {
		t.Fatal(err)
	}
	// The demo's 2023: 27 officers in January, 16 in May of whom 12 came
	// in January (43 participations, 31 people), 7 training days.
	want := map[string]string{"trainings_held": "2", "training_days": "7", "unique_individuals": "31", "participations": "43"}
	readFigures(t, ctx, want)
	if n := countSVG(t, ctx); n < 6 {
		t.Errorf("%d charts, want the indicator chart, four disaggregations and the ratings", n)
	}
	browsertest.Axe(t, ctx, path)
	shootReport(t, ctx, "en")

	err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(".lang-switch a[hreflang=ar]")),
		chromedp.WaitVisible(chromedp.CSS("html[dir=rtl] [data-figure=unique_individuals]")),
	)
	if err != nil {
		t.Fatalf("switch to Arabic: %v", err)
	}
	readFigures(t, ctx, map[string]string{"trainings_held": "٢", "training_days": "٧", "unique_individuals": "٣١", "participations": "٤٣"})
	text, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	for _, s := range []string{"تقرير الجهة المانحة", "حسب مقر العمل", "ميناء سفاجا البحري", "كيف تُحتسب هذه الأرقام"} {
		if !strings.Contains(text, s) {
			t.Errorf("the Arabic report lacks %q", s)
		}
	}
	browsertest.Axe(t, ctx, path+" (ar)")
	shootReport(t, ctx, "ar")

	// The download button, asked to show its progress page (async=1)
	// instead of waiting, leads to a page that offers the file once the
	// export is done; htmx polls its status meanwhile.
	err = chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`document.querySelector(".export-form").insertAdjacentHTML("beforeend",
			'<input type="hidden" name="async" value="1">')`),
		chromedp.Click(chromedp.CSS(".export-form button[value=xlsx]")),
		chromedp.WaitVisible(chromedp.CSS("#job-status a[download]")),
	)
	if err != nil {
		t.Fatalf("export job page: %v", err)
	}
	browsertest.Axe(t, ctx, "export job (ar)")
	browsertest.ScreenshotView(t, ctx, "report-job-ar-1280x800")
}

func readFigures(t *testing.T, ctx context.Context, want map[string]string) {
	t.Helper()
	for key, w := range want {
		got, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("[data-figure="+key+"]")))
		if err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		if strings.TrimSpace(got) != w {
			t.Errorf("%s shows %q, want %q", key, got, w)
		}
	}
}

func countSVG(t *testing.T, ctx context.Context) int {
	t.Helper()
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(".chart svg[role=img]").length`))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func shootReport(t *testing.T, ctx context.Context, lang string) {
	t.Helper()
	for _, v := range [][2]int64{{1280, 800}, {800, 1280}} {
		browsertest.Viewport(t, ctx, v[0], v[1])
		browsertest.Screenshot(t, ctx, fmt.Sprintf("report-%s-%dx%d", lang, v[0], v[1]))
	}
	browsertest.Viewport(t, ctx, 1280, 800)
}
