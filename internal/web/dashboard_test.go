package web_test

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/traindesk/traindesk/internal/model"
)

// TestDashboard_HeadlineIsTheReport: the dashboard's headline tiles show
// the report's figures for the project and the year so far, written as
// the report writes them, and each links to that report; a trainer, who
// may not open reports, sees the figures of their own trainings unlinked.
func TestDashboard_HeadlineIsTheReport(t *testing.T) {
	env, fx := reportEnv(t)
	m := env.SignIn(model.RoleManager)
	dash := figures(t, m.Get("/").Body, ".headline")
	if len(dash) == 0 {
		t.Fatal("the dashboard shows no headline figures")
	}
	page := figures(t, m.Get("/reports?"+period2026(fx)).Body, ".report")
	for k, v := range dash {
		if k == "href" {
			continue
		}
		if page[k] != v || shown2026[k] != v {
			t.Errorf("%s: dashboard %q, report %q, hand count %q", k, v, page[k], shown2026[k])
		}
	}
	if want := "/reports?from=2026-01-01&project=1&to=2026-12-31"; dash["href"] != want {
		t.Errorf("the tiles link to %q, want %q", dash["href"], want)
	}
	// The demo's trainer facilitates the document course only.
	tr := figures(t, env.SignIn(model.RoleTrainer).Get("/").Body, ".headline")
	if tr["href"] != "" || tr["trainings_held"] != "1" || tr["unique_individuals"] != "16" || tr["attendance_rate_percent"] != "100.0%" {
		t.Errorf("the trainer's headline: %v", tr)
	}
}

// figures reads the data-figure values inside scope, and the link of its
// first tile as "href".
func figures(t *testing.T, body, scope string) map[string]string {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	doc.Find(scope + " [data-figure]").Each(func(_ int, s *goquery.Selection) {
		k, _ := s.Attr("data-figure")
		out[k] = strings.TrimSpace(s.Text())
	})
	out["href"], _ = doc.Find(scope + " a.stat").First().Attr("href")
	return out
}
