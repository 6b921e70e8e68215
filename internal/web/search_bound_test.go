package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// longInputs are search texts far beyond the bound. The last one answered
// 500 on every search box before the bound: 60 KB of UTF-8 passes SQLite's
// limit on a LIKE pattern's length.
var longInputs = map[string]string{
	"10,000 characters":        strings.Repeat("a", 10000),
	"500 words":                strings.TrimSpace(strings.Repeat("محمد ", 500)),
	"30,000 Arabic characters": strings.Repeat("م", 30000),
}

// TestSearch_LongInput sends 10,000 characters and 500 words to every
// search box, in both languages: the page answers 200 with the message
// beside the box, naming the bound, and never 500.
func TestSearch_LongInput(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	boxes := []string{"/persons", "/trainings", "/trainings/1/participants/new", "/persons/1/merge"}
	msgs := map[string]string{
		"en": fmt.Sprintf("Search with at most %d characters and %d words", model.MaxSearchChars, model.MaxSearchWords),
		"ar": "ابحث بما لا يزيد على ٢٠٠ حرف و٨ كلمات",
	}
	for _, box := range boxes {
		for name, text := range longInputs {
			for lang, msg := range msgs {
				r := po.Get(box + "?q=" + url.QueryEscape(text) + "&lang=" + lang)
				if r.StatusCode != http.StatusOK {
					t.Errorf("%s with %s (%s) = %d", box, name, lang, r.StatusCode)
					continue
				}
				if got := besideSearch(t, r.Body); !strings.Contains(got, msg) {
					t.Errorf("%s with %s (%s): beside the box %q, want %q", box, name, lang, got, msg)
				}
			}
		}
		// Within the bound, no message.
		if r := po.Get(box + "?q=" + url.QueryEscape("Ahmed Mahmoud")); r.StatusCode != http.StatusOK || besideSearch(t, r.Body) != "" {
			t.Errorf("%s with a short search = %d, message %q", box, r.StatusCode, besideSearch(t, r.Body))
		}
	}
}

// besideSearch is the error shown in the search box's field, or "".
func besideSearch(t *testing.T, html string) string {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(html))
	if err != nil {
		t.Fatal(err)
	}
	field := doc.Find(`.field.has-error`).FilterFunction(func(_ int, s *goquery.Selection) bool {
		return s.Find(`input[name="q"]`).Length() == 1
	})
	return strings.TrimSpace(field.Find(`.field-error, .error, [id$="-error"]`).Text())
}

// TestFilters_LongInput sends the same texts to every other free-text
// filter: the report's and the audit log's. Nothing answers 500; the
// report says which filter it cannot read.
func TestFilters_LongInput(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	admin := env.SignIn(model.RoleAdmin)
	for name, text := range longInputs {
		v := url.QueryEscape(text)
		for _, p := range []string{
			"/reports?project=" + v, "/reports?project=1&from=" + v + "&to=" + v,
			"/reports?project=1&agency=" + v + "&governorate=" + v + "&thematic=" + v,
			"/reports/export.xlsx?project=1&from=2023-01-01&to=2023-12-31&agency=" + v,
			"/api/v1/reports/donor?project=" + v,
			"/admin/audit?object=" + v + "&kind=" + v + "&id=" + v + "&user=" + v,
			"/trainings?status=" + v + "&sort=" + v + "&from=" + v + "&project=" + v,
			"/persons?agency=" + v + "&station=" + v,
		} {
			r := admin.Get(p)
			if r.StatusCode >= 500 {
				t.Errorf("%s with %s = %d", strings.SplitN(p, "?", 2)[0], name, r.StatusCode)
			}
			if strings.HasPrefix(p, "/reports?") && !strings.Contains(r.Body, `has-error`) {
				t.Errorf("%s with %s: no message beside a filter", p[:20], name)
			}
		}
	}
}
