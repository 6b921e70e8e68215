package browsertest_test

import (
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/traindesk/traindesk/internal/browsertest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestScreens photographs pages for people to look at: set
// TRAINDESK_SCREENSHOTS to a folder and TRAINDESK_SCREENS to a
// comma-separated list of paths (TRAINDESK_SCREENS_ROLE picks the user,
// program_officer by default). Each page is taken in English and Arabic, at
// laptop (1280×800), tablet (800×1280) and phone (390×844) size, and
// checked with axe-core.
func TestScreens(t *testing.T) {
	pages := os.Getenv("TRAINDESK_SCREENS")
	if os.Getenv("TRAINDESK_SCREENSHOTS") == "" || pages == "" {
		t.Skip("set TRAINDESK_SCREENSHOTS and TRAINDESK_SCREENS to take screenshots")
	}
	role := model.Role(os.Getenv("TRAINDESK_SCREENS_ROLE"))
	if role == "" {
		role = model.RoleProgramOfficer
	}
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true, Today: model.MustDate("2026-11-27")})
	browsertest.SignIn(t, ctx, env, role)
	for _, p := range strings.Split(pages, ",") {
		for _, lang := range []string{"en", "ar"} {
			for _, size := range []struct {
				name string
				w, h int64
			}{{"laptop", 1280, 800}, {"tablet", 800, 1280}, {"phone", 390, 844}} {
				browsertest.Viewport(t, ctx, size.w, size.h)
				sep := "?"
				if strings.Contains(p, "?") {
					sep = "&"
				}
				if err := chromedp.Do(ctx, chromedp.Navigate(env.HTTP.URL+p+sep+"lang="+lang), chromedp.WaitVisible(chromedp.CSS("main"))); err != nil {
					t.Fatalf("%s: %v", p, err)
				}
				name := strings.NewReplacer("/", "_", "?", "_", "=", "-", "&", "_").Replace(strings.TrimPrefix(p, "/"))
				browsertest.Screenshot(t, ctx, name+"-"+lang+"-"+size.name)
				if size.name == "laptop" {
					browsertest.Axe(t, ctx, p+" ("+lang+")")
				}
			}
		}
	}
}
