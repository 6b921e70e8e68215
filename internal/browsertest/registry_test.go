package browsertest_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/traindesk/traindesk/internal/browsertest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestBrowser_Registry searches the registry for "محمد" as a program
// officer, opens a person, tries to add a duplicate and opens the merge
// screen, in English and in Arabic, photographing each page at laptop and
// tablet size and running axe-core on it.
func TestBrowser_Registry(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true})
	browsertest.SignIn(t, ctx, env, model.RoleProgramOfficer)
	base := env.HTTP.URL
	for _, lang := range []string{"en", "ar"} {
		searchAndOpen(t, ctx, base, lang)
		duplicateAndMerge(t, ctx, base, lang)
	}
	// After a merge: the merged record points to the one kept, which lists it.
	officer := model.Actor{User: env.Users[model.RoleProgramOfficer]}
	if _, err := env.Server.Roster.Merge(context.Background(), officer, 2, 32); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "ar"} {
		for _, id := range []string{"2", "32"} {
			if err := chromedp.Do(ctx, chromedp.Navigate(base+"/persons/"+id+"?lang="+lang), chromedp.WaitVisible(chromedp.CSS("#history"))); err != nil {
				t.Fatal(err)
			}
			shootTablet(t, ctx, "registry-merged-"+id+"-"+lang)
		}
	}
}

// searchAndOpen searches for "محمد" and opens the first person found.
func searchAndOpen(t *testing.T, ctx context.Context, base, lang string) {
	// Search through the form, as an officer would.
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/persons?lang="+lang),
		chromedp.WaitVisible(chromedp.CSS("#f-q")),
		chromedp.SendKeys(chromedp.CSS("#f-q"), "محمد"),
	)
	if err == nil {
		// Wait for the results page itself, not the list still showing.
		_, err = chromedp.RunResponse(ctx, chromedp.Submit(chromedp.CSS("#f-q")))
	}
	if err == nil {
		err = chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(".registry-table")))
	}
	if err != nil {
		t.Fatalf("%s: search: %v", lang, err)
	}
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[int]("document.querySelectorAll('.registry-table tbody tr').length"))
	if err != nil || rows != 3 {
		t.Errorf("%s: محمد found %d people, want 3 (%v)", lang, rows, err)
	}
	shootTablet(t, ctx, "registry-search-"+lang)

	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(".registry-table tbody tr:first-child a.person-name")),
		chromedp.WaitVisible(chromedp.CSS("#history")),
	)
	if err != nil {
		t.Fatalf("%s: open a person: %v", lang, err)
	}
	text, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#history")))
	if !strings.Contains(text, map[string]string{"en": "Safaga seaport", "ar": "ميناء سفاجا"}[lang]) {
		t.Errorf("%s: the history does not show the station at the time", lang)
	}
	shootTablet(t, ctx, "registry-person-"+lang)
}

// duplicateAndMerge stops a duplicate at the matches and shows two merges.
func duplicateAndMerge(t *testing.T, ctx context.Context, base, lang string) {
	// A duplicate typed in Arabic only stops at the matches.
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/persons/new?lang="+lang),
		chromedp.WaitVisible(chromedp.CSS("#f-name_arabic")),
		chromedp.SendKeys(chromedp.CSS("#f-name_arabic"), "احمد محمود عبدالرحمن"),
		chromedp.SetValue(chromedp.CSS("#f-sex"), "M"),
		chromedp.SetValue(chromedp.CSS("#f-basis"), "consent"),
		chromedp.SendKeys(chromedp.CSS("#f-basis_purpose"), "Training"),
		chromedp.Submit(chromedp.CSS("#person-form")),
		chromedp.WaitVisible(chromedp.CSS(".matches-table")),
	)
	if err != nil {
		t.Fatalf("%s: duplicate step: %v", lang, err)
	}
	shootTablet(t, ctx, "registry-duplicates-"+lang)

	// Merging two demo officers: one pair shares no training, the
	// other shares the Hurghada course and is refused.
	for name, into := range map[string]string{"merge": "32", "merge-clash": "23"} {
		err = chromedp.Do(ctx,
			chromedp.Navigate(base+"/persons/2/merge?into="+into+"&lang="+lang+"&q="+url.QueryEscape("Mohamed")),
			chromedp.WaitVisible(chromedp.CSS("#compare")),
		)
		if err != nil {
			t.Fatalf("%s: merge screen: %v", lang, err)
		}
		shootTablet(t, ctx, "registry-"+name+"-"+lang)
	}
}

// shoot photographs the page at tablet and laptop size and checks it with
// axe-core, leaving the window at laptop size.
func shootTablet(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	browsertest.Viewport(t, ctx, 800, 1280)
	browsertest.Screenshot(t, ctx, name+"-tablet")
}
