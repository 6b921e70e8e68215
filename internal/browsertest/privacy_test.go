package browsertest_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/traindesk/traindesk/internal/browsertest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestBrowser_PrivacyBasis opens the person form with its lawful-basis
// fields, sends it without a basis (the message shows beside the field),
// and opens the public privacy notice and its form, in both languages at
// every size, running axe-core on each.
func TestBrowser_PrivacyBasis(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true})
	browsertest.SignIn(t, ctx, env, model.RoleAdmin)
	base := env.HTTP.URL
	shootAll(t, ctx, base, "/persons/new?", "privacy-person-form")
	for _, lang := range []string{"en", "ar"} {
		err := chromedp.Do(ctx,
			chromedp.Navigate(base+"/persons/new?lang="+lang),
			chromedp.WaitVisible(chromedp.CSS("#f-basis")),
			chromedp.SendKeys(chromedp.CSS("#f-name_latin"), "Nadia Fathy Lotfy"),
			chromedp.SetValue(chromedp.CSS("#f-sex"), "F"),
		)
		if err == nil {
			_, err = chromedp.RunResponse(ctx, chromedp.Submit(chromedp.CSS("#person-form")))
		}
		if err == nil {
			err = chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("#f-basis-error")))
		}
		if err != nil {
			t.Fatalf("%s: a new person without a basis: %v", lang, err)
		}
		msg, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#f-basis-error")))
		if want := map[string]string{"en": "Choose the basis", "ar": "اختر الأساس"}[lang]; !strings.Contains(msg, want) {
			t.Errorf("%s: message beside the basis %q", lang, msg)
		}
		browsertest.Axe(t, ctx, "person form refused ("+lang+")")
		shootSizes(t, ctx, "privacy-person-form-refused-"+lang)
	}
	shootAll(t, ctx, base, "/privacy?", "privacy-notice")
	shootAll(t, ctx, base, "/admin/privacy?", "privacy-notice-form")
}
