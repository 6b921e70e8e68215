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

// TestBrowser_RollCallOffline takes the roll on a tablet-sized window: the
// network goes, five people are marked, the page is reloaded still offline
// and shows the five pending, the network comes back and the five reach the
// database without anybody doing anything.
func TestBrowser_RollCallOffline(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true, RealClock: true})
	browsertest.Viewport(t, ctx, 800, 1280)
	browsertest.SignIn(t, ctx, env, model.RoleTrainer)

	dash, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("a[data-precache]"), "href"))
	if err != nil || !dash.Exists {
		t.Fatalf("no take-attendance button on the dashboard: %v", err)
	}
	ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`navigator.serviceWorker.ready.then(() => true)`, chromedp.EvalAwaitPromise))
	if err != nil || !ok {
		t.Fatalf("service worker not ready: %v", err)
	}
	url := env.HTTP.URL + dash.Value
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("#roll-list .roll-row"))); err != nil {
		t.Fatal(err)
	}
	controlled, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!navigator.serviceWorker.controller`))
	if !controlled {
		if err := chromedp.Do(ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#roll-list .roll-row"))); err != nil {
			t.Fatal(err)
		}
	}
	browsertest.Axe(t, ctx, "roll call")

	cutNetwork(t, ctx, env, true)
	for i := 1; i <= 5; i++ {
		sel := fmt.Sprintf("#roll-list .roll-row:nth-child(%d) .mk-present", i)
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(sel))); err != nil {
			t.Fatalf("tap %d: %v", i, err)
		}
	}
	pending := func() int {
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`window.traindeskRoll.pending()`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("pending: %v", err)
		}
		return n
	}
	waitFor(t, "five pending", func() bool { return pending() == 5 })
	browsertest.Screenshot(t, ctx, "roll-offline-tablet")

	before := env.Hits("GET", dash.Value)
	if err := chromedp.Do(ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#roll-list .roll-row"))); err != nil {
		t.Fatalf("reload offline: %v", err)
	}
	if env.Hits("GET", dash.Value) != before {
		t.Fatal("the offline reload reached the server: the network was not cut")
	}
	waitFor(t, "five pending rows after the offline reload", func() bool {
		n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(".roll-row.is-pending").length`))
		return n == 5 && pending() == 5
	})
	waitFor(t, "the status to say five are waiting", func() bool {
		text, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#sync-status")))
		return strings.Contains(text, "5 waiting")
	})
	if n := marksOf(t, env, dash.Value); n != 0 {
		t.Fatalf("%d marks reached the server while offline", n)
	}

	// The trainer's session ends while the tablet is offline (signed out
	// elsewhere, or timed out). When the network returns, the marks wait on
	// the tablet and the page asks to sign in again.
	if err := env.Store.RevokeUserLogins(context.Background(), env.Users[model.RoleTrainer].ID); err != nil {
		t.Fatal(err)
	}
	cutNetwork(t, ctx, env, false)
	waitFor(t, "the sign-in request", func() bool {
		st, _ := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("#sync-status"), "data-state"))
		return st.Value == "signin"
	})
	if pending() != 5 || marksOf(t, env, dash.Value) != 0 {
		t.Fatal("marks were dropped or sent while signed out")
	}
	browsertest.Screenshot(t, ctx, "roll-signin-tablet")
	browsertest.SignIn(t, ctx, env, model.RoleTrainer)
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("#roll-list .roll-row"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the five marks in the database", func() bool { return marksOf(t, env, dash.Value) == 5 })
	waitFor(t, "nothing pending", func() bool { return pending() == 0 })
	browsertest.Screenshot(t, ctx, "roll-synced-tablet")
}
