package browsertest_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/traindesk/traindesk/internal/browsertest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// network cuts or restores the tab's network, for the page and its service
// worker alike, and tells the page (navigator.onLine).
func setOffline(off bool) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		cond := []*network.Conditions{{Offline: off, DownloadThroughput: -1, UploadThroughput: -1}}
		if _, err := cdp.Call(ctx, t, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			EmulateOfflineServiceWorker: &off, MatchedNetworkConditions: cond}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, t, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: off,
			DownloadThroughput: -1, UploadThroughput: -1})
		return err
	})
}

// cutNetwork takes the page and every service worker offline (or back)
// with the browser's network emulation. A service worker is a target of its
// own, whose fetches the page's emulation does not touch, and Chromium may
// restart it as a new target at any moment; so the test server also stops
// answering, which makes the cut certain whatever process sends a request.
func cutNetwork(t *testing.T, ctx context.Context, env *webtest.Env, off bool) {
	t.Helper()
	env.SetNetworkDown(off)
	if err := chromedp.Do(ctx, setOffline(off)); err != nil {
		t.Fatalf("network offline=%v: %v", off, err)
	}
	infos, err := chromedp.Targets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, info := range infos {
		if info.Type != "service_worker" {
			continue
		}
		// The worker stays attached (and emulated) until the test ends;
		// cancelling then only detaches, the worker lives on.
		wctx, cancel := chromedp.NewContext(ctx, chromedp.WithTargetID(info.TargetID), chromedp.WithDetachOnCancel())
		t.Cleanup(cancel)
		if err := chromedp.Do(wctx, setOffline(off)); err != nil {
			t.Fatalf("service worker offline=%v: %v", off, err)
		}
	}
}

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

func marksOf(t *testing.T, env *webtest.Env, rollPath string) int {
	var id int64
	fmt.Sscanf(rollPath, "/sessions/%d/roll", &id)
	ms, err := env.Store.SessionMarks(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return len(ms)
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(200 * time.Millisecond)
	}
}
