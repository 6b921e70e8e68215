package browsertest_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"github.com/traindesk/traindesk/internal/browsertest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// setOffline cuts or restores a target's network (a tab's or a service
// worker's) with the browser's emulation, and tells the page
// (navigator.onLine).
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
	emulateOffline(t, ctx, off)
}

// emulateOffline takes the tab and every service worker offline (or back)
// with the browser's network emulation. Coming back, the workers go first,
// so that the page's "online" event finds a network behind its worker.
func emulateOffline(t *testing.T, ctx context.Context, off bool) {
	t.Helper()
	if off {
		if err := chromedp.Do(ctx, setOffline(off)); err != nil {
			t.Fatalf("network offline=%v: %v", off, err)
		}
	}
	infos, err := chromedp.Targets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// In the shared browser, only this test's browser context's workers.
	own := chromedp.FromContext(ctx).BrowserContextID
	for _, info := range infos {
		if info.Type != "service_worker" || (own != "" && info.BrowserContextID != own) {
			continue
		}
		if err := chromedp.Do(workerContext(t, ctx, info.TargetID), setOffline(off)); err != nil {
			t.Fatalf("service worker offline=%v: %v", off, err)
		}
	}
	if !off {
		if err := chromedp.Do(ctx, setOffline(off)); err != nil {
			t.Fatalf("network offline=%v: %v", off, err)
		}
	}
}

// workers holds one attached context per service worker: the emulation
// belongs to the DevTools session that set it, so the session that cut a
// worker's network is the one that must restore it.
var workers = struct {
	sync.Mutex
	ctx map[target.ID]context.Context
}{ctx: map[target.ID]context.Context{}}

func workerContext(t *testing.T, ctx context.Context, id target.ID) context.Context {
	workers.Lock()
	defer workers.Unlock()
	if w, ok := workers.ctx[id]; ok && w.Err() == nil {
		return w
	}
	// The worker stays attached (and emulated) until the test ends;
	// cancelling then only detaches, the worker lives on.
	w, cancel := chromedp.NewContext(ctx, chromedp.WithTargetID(id), chromedp.WithDetachOnCancel())
	t.Cleanup(cancel)
	workers.ctx[id] = w
	return w
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

// waitSee waits until value() is want, and says what it saw last if not.
func waitSee[T comparable](t *testing.T, what string, want T, value func() T) {
	t.Helper()
	var last T
	deadline := time.Now().Add(20 * time.Second)
	for last = value(); last != want; last = value() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s: got %v, want %v", what, last, want)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	waitUpTo(t, 20*time.Second, what, cond)
}

func waitUpTo(t *testing.T, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// rollReady is a roll call whose script has read the tablet's queue and
// copy.
const rollReady = "#roll[data-ready] .roll-row"

// tablet is one browser at tablet size (800×1280) on a link of its own to
// the test server, so that its network can be cut alone: with the
// browser's offline emulation and a server that drops its connections
// (down), or by a server that stops answering while connected (hang).
type tablet struct {
	t        *testing.T
	ctx      context.Context
	env      *webtest.Env
	link     *webtest.Link
	emulated bool
}

func newTablet(t *testing.T, env *webtest.Env, role model.Role) *tablet {
	t.Helper()
	tb := &tablet{t: t, ctx: browsertest.NewOwn(t, 3*time.Minute), env: env, link: env.NewLink()}
	browsertest.Viewport(t, tb.ctx, 800, 1280)
	tb.signIn(role)
	return tb
}

// tab opens a second tab in the same browser (same cookies, same service
// worker).
func (tb *tablet) tab() *tablet {
	tb.t.Helper()
	ctx, cancel := chromedp.NewContext(tb.ctx)
	tb.t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		tb.t.Fatal(err)
	}
	browsertest.Viewport(tb.t, ctx, 800, 1280)
	return &tablet{t: tb.t, ctx: ctx, env: tb.env, link: tb.link}
}

// signIn signs in as role and waits for the service worker.
func (tb *tablet) signIn(role model.Role) {
	tb.t.Helper()
	browsertest.SignInAt(tb.t, tb.ctx, tb.link.URL, tb.env.Users[role].Email)
	if !evalT[bool](tb, `navigator.serviceWorker.ready.then(() => true)`) {
		tb.t.Fatal("service worker not ready")
	}
}

// todayRoll is the roll call the dashboard offers to take today.
func (tb *tablet) todayRoll() string {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.AttributeValue(chromedp.CSS("a[data-precache]"), "href"))
	if err != nil || !v.Exists {
		tb.t.Fatalf("no take-attendance button on the dashboard: %v", err)
	}
	return v.Value
}

// open shows a roll call, under the service worker's control.
func (tb *tablet) open(path string) {
	tb.t.Helper()
	tb.navigate(path, rollReady)
	if !evalT[bool](tb, `!!navigator.serviceWorker.controller`) {
		tb.reload(rollReady)
	}
}

func (tb *tablet) navigate(path, wait string) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(tb.link.URL+path), chromedp.WaitVisible(chromedp.CSS(wait))); err != nil {
		tb.t.Fatalf("open %s: %v", path, err)
	}
}

func (tb *tablet) reload(wait string) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(wait))); err != nil {
		tb.t.Fatalf("reload: %v", err)
	}
}

// cut takes the tablet's network away: down (the browser offline and the
// server dropping connections) or hang (connected, nothing answers).
func (tb *tablet) cut(n webtest.Network) {
	tb.t.Helper()
	tb.link.Set(n)
	if n == webtest.NetworkDown {
		emulateOffline(tb.t, tb.ctx, true)
		tb.emulated = true
	}
}

// restore gives the network back.
func (tb *tablet) restore() {
	tb.t.Helper()
	tb.link.Set(webtest.NetworkUp)
	if tb.emulated {
		emulateOffline(tb.t, tb.ctx, false)
		tb.emulated = false
	}
}

func evalT[T any](tb *tablet, js string) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("%s: %v", js, err)
	}
	return v
}

func (tb *tablet) row(i int) string { return fmt.Sprintf("#roll-list .roll-row:nth-child(%d)", i) }

func (tb *tablet) tap(i int, mark string) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(tb.row(i)+" .mk-"+mark))); err != nil {
		tb.t.Fatalf("tap %s on row %d: %v", mark, i, err)
	}
}

// rowState is a row's status, with "*" when it is lit as changed by
// another device.
func (tb *tablet) rowState(i int) string {
	return evalT[string](tb, fmt.Sprintf(`(r => r ? r.dataset.status + (r.classList.contains("is-changed") ? "*" : "") : "none")(document.querySelector(%q))`, tb.row(i)))
}

// reg is the registration of the row.
func (tb *tablet) reg(i int) int64 {
	return evalT[int64](tb, fmt.Sprintf(`+document.querySelector(%q).dataset.reg`, tb.row(i)))
}

func (tb *tablet) pending() int { return evalT[int](tb, `window.traindeskRoll.pending()`) }

// state is the sync status: its data-state and its text.
func (tb *tablet) state() (string, string) {
	v := evalT[[]string](tb, `(s => [s.dataset.state, s.textContent.trim()])(document.getElementById("sync-status"))`)
	return v[0], v[1]
}

func (tb *tablet) click(sel string) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(sel))); err != nil {
		tb.t.Fatalf("click %s: %v", sel, err)
	}
}

// signOut presses "Sign out" and waits for the sign-in form.
func (tb *tablet) signOut() {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("form[action='/logout'] button")),
		chromedp.WaitVisible(chromedp.CSS("#f-email"))); err != nil {
		tb.t.Fatalf("sign out: %v", err)
	}
}

func sessionOf(rollPath string) int64 {
	var sid int64
	fmt.Sscanf(rollPath, "/sessions/%d/roll", &sid)
	return sid
}

func (tb *tablet) text(sel string) string {
	// Without the marks that isolate names inside a sentence.
	return evalT[string](tb, fmt.Sprintf(`(e => e ? e.textContent.replace(/[\u2068\u2069]/g, "").trim() : "")(document.querySelector(%q))`, sel))
}

// mark is the database's current mark of a registration at the session of
// the roll path.
func mark(t *testing.T, env *webtest.Env, rollPath string, reg int64) model.Attendance {
	t.Helper()
	var sid int64
	fmt.Sscanf(rollPath, "/sessions/%d/roll", &sid)
	k := model.MarkKey{RegistrationID: reg, SittingID: sid}
	m, err := env.Store.CurrentMarks(context.Background(), []model.MarkKey{k})
	if err != nil {
		t.Fatal(err)
	}
	return m[k]
}
