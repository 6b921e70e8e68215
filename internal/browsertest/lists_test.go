package browsertest_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/traindesk/traindesk/internal/browsertest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

var importStep = regexp.MustCompile(`^/trainings/\d+/import/\d+$`)

// TestBrowser_ListActionsFit looks at the two screens where an officer
// handles a list, in English and Arabic, at laptop, tablet and phone
// width: the training's participants with the bar that confirms or
// withdraws the ticked rows (its buttons inside the screen, the count of
// ticked rows in the page's digits), and the column mapping of a
// nomination list that warns about a column left out (on the screen).
func TestBrowser_ListActionsFit(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true, Today: model.MustDate("2026-11-27")})
	up := env.SignIn(model.RoleProgramOfficer).Upload("/trainings/4/import", "file", "list.csv",
		[]byte("الاسم,الجهة,المنفذ,جهة العمل\nمنى سالم,مصلحة الجمارك المصرية,ميناء سفاجا البحري,سفاجا\n"), nil)
	mapping := up.Header.Get("Location")
	if up.StatusCode != http.StatusSeeOther || !importStep.MatchString(mapping) {
		t.Fatalf("upload = %d to %q", up.StatusCode, mapping)
	}
	browsertest.SignIn(t, ctx, env, model.RoleProgramOfficer)
	defer browsertest.Viewport(t, ctx, 1280, 800)
	ticked := map[string]string{"en": "2 ticked", "ar": "مشاركان محددان"}
	for _, lang := range []string{"en", "ar"} {
		for _, size := range frameSizes {
			where := lang + " " + size.name
			browsertest.Viewport(t, ctx, size.w, size.h)
			err := chromedp.Do(ctx, chromedp.Navigate(env.HTTP.URL+"/trainings/1?lang="+lang),
				chromedp.WaitVisible(chromedp.CSS(".bulk-bar")),
				chromedp.Click(chromedp.CSS(".roster-table tbody tr:nth-child(1) .pick input")),
				chromedp.Click(chromedp.CSS(".roster-table tbody tr:nth-child(2) .pick input")))
			if err != nil {
				t.Fatalf("%s: tick two participants: %v", where, err)
			}
			checkFits(t, ctx, where, ".bulk-bar button, .bulk-bar input, .bulk-bar [data-pick-count]")
			if got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("[data-pick-count]").textContent`)); got != ticked[lang] {
				t.Errorf("%s: the bar says %q, want %q", where, got, ticked[lang])
			}
			scrollTo(t, ctx, ".bulk-bar")
			browsertest.ScreenshotView(t, ctx, "bulk-"+lang+"-"+size.name)

			if err := chromedp.Do(ctx, chromedp.Navigate(env.HTTP.URL+mapping+"?lang="+lang), chromedp.WaitVisible(chromedp.CSS("#unmapped"))); err != nil {
				t.Fatalf("%s: the mapping step: %v", where, err)
			}
			checkFits(t, ctx, where, "#unmapped, #unmapped a")
			vh, _ := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.innerHeight`))
			if b := browsertest.Boxes(t, ctx, "#unmapped"); len(b) != 1 || b[0].Top > vh {
				t.Errorf("%s: the warning does not start on the first screen: %+v", where, b)
			}
			if text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#unmapped").innerText`)); !strings.Contains(text, "جهة العمل") {
				t.Errorf("%s: the warning says %q, not the column left out", where, text)
			}
			browsertest.ScreenshotView(t, ctx, "unmapped-"+lang+"-"+size.name)
		}
		browsertest.Viewport(t, ctx, 1280, 800)
		browsertest.Axe(t, ctx, "mapping step ("+lang+")")
	}
}
