package browsertest_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/traindesk/traindesk/internal/browsertest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// frameSizes are the widths the frame must fit: a tablet held upright, a
// phone, and a laptop (where the menu is the sidebar).
var frameSizes = []struct {
	name   string
	w, h   int64
	narrow bool
}{{"tablet", 800, 1280, true}, {"phone", 390, 844, true}, {"laptop", 1280, 800, false}}

// TestBrowser_NarrowMenu signs in as the administrator, who has the most
// menu entries, and checks at tablet and phone width, in English and
// Arabic, that the top bar fits the screen and that the menu folds behind
// a button whose expanded state the browser reports; opened, every entry
// lies inside the screen and is the element found at its own centre. On a
// laptop the entries show without the button.
func TestBrowser_NarrowMenu(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true})
	browsertest.SignIn(t, ctx, env, model.RoleAdmin)
	defer browsertest.Viewport(t, ctx, 1280, 800)
	for _, lang := range []string{"en", "ar"} {
		for _, size := range frameSizes {
			browsertest.Viewport(t, ctx, size.w, size.h)
			if err := chromedp.Do(ctx, chromedp.Navigate(env.HTTP.URL+"/trainings?lang="+lang), chromedp.WaitVisible(chromedp.CSS("main h1"))); err != nil {
				t.Fatal(err)
			}
			where := lang + " " + size.name
			if size.narrow {
				openMenu(t, ctx, where)
			} else if toggle := browsertest.Boxes(t, ctx, ".nav-toggle"); toggle[0].Right-toggle[0].Left != 0 {
				t.Errorf("%s: the menu button shows on a wide screen", where)
			}
			checkMenuEntries(t, ctx, where, 11) // the administrator's entries in internal/web/nav.go
			checkFits(t, ctx, where, ".topbar > *")
			browsertest.ScreenshotView(t, ctx, "menu-"+lang+"-"+size.name)
			if size.narrow {
				if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
					t.Fatal(err)
				}
				if got := browsertest.Expanded(t, ctx, ".nav-toggle"); got != "false" {
					t.Errorf("%s: after Escape the menu's expanded state is %q", where, got)
				}
			}
		}
	}
}

// openMenu checks that the menu starts folded and opens with its button.
func openMenu(t *testing.T, ctx context.Context, where string) {
	t.Helper()
	if got := browsertest.Expanded(t, ctx, ".nav-toggle"); got != "false" {
		t.Errorf("%s: the closed menu's expanded state is %q, want false", where, got)
	}
	if shown, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector(".nav a").checkVisibility()`)); shown {
		t.Errorf("%s: the menu's entries show before it is opened", where)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".nav-toggle"))); err != nil {
		t.Fatal(err)
	}
	if got := browsertest.Expanded(t, ctx, ".nav-toggle"); got != "true" {
		t.Errorf("%s: the open menu's expanded state is %q, want true", where, got)
	}
}

// checkMenuEntries checks that each of the want entries is inside the
// screen and not covered by anything.
func checkMenuEntries(t *testing.T, ctx context.Context, where string, want int) {
	t.Helper()
	links := browsertest.Boxes(t, ctx, ".nav a")
	if len(links) != want {
		t.Fatalf("%s: %d menu entries, want %d", where, len(links), want)
	}
	checkFits(t, ctx, where, ".nav a, .sidebar nav")
	for i, l := range links {
		if l.Right-l.Left < 1 {
			t.Errorf("%s: menu entry %d is not shown", where, i+1)
			continue
		}
		on, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(
			`(() => { const a = document.querySelectorAll(".nav a")[%d]; const e = document.elementFromPoint(%f, %f); return !!e && a.contains(e); })()`,
			i, (l.Left+l.Right)/2, (l.Top+l.Bottom)/2)))
		if err != nil || !on {
			t.Errorf("%s: menu entry %d cannot be reached at its centre (%v)", where, i+1, err)
		}
	}
}

// checkFits checks that what selector matches lies within the screen's
// width and that the page does not scroll sideways.
func checkFits(t *testing.T, ctx context.Context, where, selector string) {
	t.Helper()
	vw, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.documentElement.clientWidth`))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range browsertest.Boxes(t, ctx, selector) {
		if b.Right-b.Left > 0 && (b.Left < -0.5 || b.Right > vw+0.5) {
			t.Errorf("%s: %s %s runs from %.0f to %.0f, outside the screen's 0–%.0f", where, selector, b.Selector, b.Left, b.Right, vw)
		}
	}
	if wide, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > document.documentElement.clientWidth`)); wide {
		t.Errorf("%s: the page scrolls sideways", where)
	}
}

// TestBrowser_ConfirmationInView adds people to the planned demo training
// on a phone, in English and Arabic, once from the registry (a new person
// for the training, which returns to the training's participants) and once
// from the add-participant page, and checks that the confirmation is on
// the screen where the officer lands.
func TestBrowser_ConfirmationInView(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true})
	browsertest.SignIn(t, ctx, env, model.RoleProgramOfficer)
	browsertest.Viewport(t, ctx, 390, 844)
	defer browsertest.Viewport(t, ctx, 1280, 800)
	base := env.HTTP.URL
	names := map[string][2]string{"en": {"Nadia Fathy Lotfy", "نادية فتحي لطفي"}, "ar": {"Hany Samy Wahba", "هاني سامي وهبة"}}
	existing := map[string]string{"en": "Ahmed Mahmoud", "ar": "مصطفى كمال"}
	for _, lang := range []string{"en", "ar"} {
		err := chromedp.Do(ctx,
			chromedp.Navigate(base+"/persons/new?training=4&lang="+lang),
			chromedp.WaitVisible(chromedp.CSS("#f-name_latin")),
			chromedp.SendKeys(chromedp.CSS("#f-name_latin"), names[lang][0]),
			chromedp.SendKeys(chromedp.CSS("#f-name_arabic"), names[lang][1]),
			chromedp.SetValue(chromedp.CSS("#f-sex"), "F"),
			chromedp.SetValue(chromedp.CSS("#f-basis"), "consent"),
			chromedp.SendKeys(chromedp.CSS("#f-basis_purpose"), "Training"),
		)
		if err == nil {
			_, err = chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS("#person-form button[type=submit]")))
		}
		if err != nil {
			t.Fatalf("%s: add a new person: %v", lang, err)
		}
		inView(t, ctx, lang+" registry", ".alert-ok")
		browsertest.ScreenshotView(t, ctx, "added-registry-"+lang+"-phone")

		err = chromedp.Do(ctx,
			chromedp.Navigate(base+"/trainings/4/participants/new?lang="+lang+"&q="+existing[lang]),
			chromedp.WaitVisible(chromedp.CSS("main table .row-actions button")),
		)
		if err == nil {
			_, err = chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS("main table .row-actions button")))
		}
		if err != nil {
			t.Fatalf("%s: add an existing person: %v", lang, err)
		}
		inView(t, ctx, lang+" add page", ".alert-ok")
		browsertest.ScreenshotView(t, ctx, "added-page-"+lang+"-phone")
	}
}

// inView checks that the element selector matches is wholly on the screen.
func inView(t *testing.T, ctx context.Context, where, selector string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.WaitReady(chromedp.CSS("main h1"))); err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	vh, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.innerHeight`))
	if err != nil {
		t.Fatal(err)
	}
	boxes := browsertest.Boxes(t, ctx, selector)
	if len(boxes) != 1 {
		t.Fatalf("%s: %d confirmations (%s), want 1", where, len(boxes), selector)
	}
	b := boxes[0]
	if b.Top < 0 || b.Bottom > vh {
		t.Errorf("%s: the confirmation runs from %.0f to %.0f, outside the screen's 0–%.0f", where, b.Top, b.Bottom, vh)
	}
}
