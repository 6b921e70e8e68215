// Package browsertest drives Debian's Chromium through chromedp for the
// tests that only a browser can answer: htmx swaps, right-to-left layout,
// accessibility (axe-core), offline behaviour. Without Chromium the tests
// skip, unless TRAINDESK_TEST_REQUIRE names "browser", when they fail.
package browsertest

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/store/storetest"
	"github.com/traindesk/traindesk/internal/webtest"
)

// axe is axe-core 4.14.1 from npm (MPL-2.0), vendored for the tests.
//
//go:embed axe.min.js
var axe string

// ExecPath finds Chromium: TRAINDESK_CHROMIUM, then the usual names.
func ExecPath() string {
	if p := os.Getenv("TRAINDESK_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// New returns a tab of the test's own browser context (a fresh profile:
// no cookies, storage or service workers from other tests) in the test
// process's shared headless Chromium, cancelled with the test or after
// three minutes. Starting Chromium costs seconds of CPU; a browser context
// costs milliseconds and isolates a test as well. Browser tests run on
// SQLite only: what they add to the web tests is what a browser shows,
// which does not depend on the database; the PostgreSQL pass skips them.
func New(t testing.TB) context.Context {
	t.Helper()
	return NewFor(t, 3*time.Minute)
}

// Tab opens another tab of ctx's browser (sharing its cookies), closed with
// the test: tests that walk many pages split them between tabs, which the
// browser runs side by side.
func Tab(t testing.TB, ctx context.Context) context.Context {
	t.Helper()
	tab, cancel := chromedp.NewContext(ctx)
	t.Cleanup(cancel)
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	return tab
}

// NewFor is New with a longer (or shorter) limit on the whole test.
func NewFor(t testing.TB, limit time.Duration) context.Context {
	t.Helper()
	browser := sharedBrowser(t)
	ctx, cancelC := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	ctx, cancelT := context.WithTimeout(ctx, limit)
	t.Cleanup(func() { cancelT(); cancelC() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("open a browser context: %v", err)
	}
	return ctx
}

// NewOwn starts a Chromium process of the test's own, for a test that
// acts on the whole browser: one that lists the browser's targets (its
// service workers) and cuts their network must not reach another test's.
func NewOwn(t testing.TB, limit time.Duration) context.Context {
	t.Helper()
	path := chromium(t)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), allocatorOptions(path, t.TempDir())...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, limit)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	return ctx
}

// chromium returns Chromium's path, or skips the test (fails it when the
// browser is required); browser tests are skipped in the PostgreSQL pass.
func chromium(t testing.TB) string {
	t.Helper()
	storetest.SkipInSecondPass(t)
	path := ExecPath()
	if path == "" {
		if storetest.Required("browser") {
			t.Fatal("TRAINDESK_TEST_REQUIRE names browser but no Chromium was found")
		}
		t.Skip("Chromium is not installed")
	}
	return path
}

func allocatorOptions(path, profile string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("lang", "en-US"),
		chromedp.WindowSize(1280, 800),
	}
}

// shared is the test process's Chromium, started by the first test that
// needs it and stopped by Main.
var shared struct {
	sync.Mutex
	browser context.Context
	stop    func()
	profile string
}

// sharedBrowser returns the shared Chromium's first context, starting it
// if needed (again, if it died).
func sharedBrowser(t testing.TB) context.Context {
	t.Helper()
	path := chromium(t)
	shared.Lock()
	defer shared.Unlock()
	if shared.browser != nil && shared.browser.Err() == nil {
		return shared.browser
	}
	if shared.stop != nil {
		shared.stop()
	}
	profile, err := os.MkdirTemp("", "traindesk-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), allocatorOptions(path, profile)...)
	ctx, cancelC := chromedp.NewContext(actx)
	shared.browser, shared.profile = ctx, profile
	shared.stop = func() { cancelC(); cancelA(); os.RemoveAll(profile) }
	if err := chromedp.Do(ctx); err != nil {
		shared.stop()
		shared.browser = nil
		t.Fatalf("start Chromium: %v", err)
	}
	return ctx
}

// Main runs the tests of a package that uses New and then stops the shared
// Chromium and removes its profile; call it from TestMain.
func Main(m *testing.M) int {
	code := m.Run()
	shared.Lock()
	defer shared.Unlock()
	if shared.stop != nil {
		shared.stop()
	}
	return code
}

// Violation is one axe-core finding.
type Violation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any `json:"target"`
	} `json:"nodes"`
}

// axeRun runs axe-core and returns its violations as JSON. axe leaves as
// "incomplete" the contrast of text of one character, unsure it is text:
// in a calendar's day numbers it is, so a one-character text measured below
// the contrast it needs counts as a serious violation too.
const axeRun = `axe.run(document, {resultTypes: ["violations", "incomplete"]}).then(r => {
	const short = [];
	for (const i of r.incomplete.filter(i => i.id === "color-contrast")) {
		for (const n of i.nodes) {
			const d = (n.any[0] || {}).data || {};
			// A ratio of 0 means axe could not measure it (text in an SVG chart).
			if (d.messageKey === "shortTextContent" && d.fgColor && d.bgColor && d.contrastRatio > 0 &&
				d.contrastRatio < parseFloat(d.expectedContrastRatio)) short.push(n);
		}
	}
	if (short.length) r.violations.push({id: "color-contrast-short-text", impact: "serious",
		help: "Text of one character (a day, a digit, a mark) must have enough colour contrast", nodes: short});
	return JSON.stringify(r.violations);
})`

// Axe runs axe-core on the page and fails the test on any serious or
// critical finding; it returns every finding.
func Axe(t testing.TB, ctx context.Context, page string) []Violation {
	t.Helper()
	checkWords(t, ctx, page)
	// Load axe once per document: a page checked at a second size keeps it.
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof window.axe === "object"`))
	if err != nil {
		t.Fatalf("axe on %s: %v", page, err)
	}
	if !loaded {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](axe+";0")); err != nil {
			t.Fatalf("load axe on %s: %v", page, err)
		}
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](axeRun, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("run axe on %s: %v", page, err)
	}
	var vs []Violation
	if err := json.Unmarshal([]byte(raw), &vs); err != nil {
		t.Fatalf("axe result on %s: %v", page, err)
	}
	for _, v := range vs {
		if v.Impact == "serious" || v.Impact == "critical" {
			var where []string
			for _, n := range v.Nodes {
				where = append(where, fmt.Sprint(n.Target...))
			}
			t.Errorf("axe on %s: %s (%s): %s at %s", page, v.ID, v.Impact, v.Help, strings.Join(where, ", "))
		}
	}
	return vs
}

// Screenshot saves a full-page PNG as name in TRAINDESK_SCREENSHOTS and
// returns its path. Without that folder it takes none: screenshots are
// for people to look at, and a test asserts what it needs on the page.
func Screenshot(t testing.TB, ctx context.Context, name string) string {
	t.Helper()
	if os.Getenv("TRAINDESK_SCREENSHOTS") == "" {
		return ""
	}
	// Grow the viewport to the page's height and capture it, instead of
	// capturing beyond the viewport, which shifts right-to-left pages.
	size, err := chromedp.Run(ctx, chromedp.Evaluate[[]int64](
		`[window.innerWidth, window.innerHeight, Math.max(document.documentElement.scrollHeight, window.innerHeight)]`))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(size[0], size[2])); err != nil {
		t.Fatal(err)
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(size[0], size[1])); err != nil {
		t.Fatal(err)
	}
	return savePNG(t, name, png)
}

// ScreenshotView saves what the screen shows now, scrolled as it is, as
// name (see Screenshot): for what must be in view where the user lands.
func ScreenshotView(t testing.TB, ctx context.Context, name string) string {
	t.Helper()
	if os.Getenv("TRAINDESK_SCREENSHOTS") == "" {
		return ""
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	return savePNG(t, name, png)
}

// savePNG writes png as name.png in TRAINDESK_SCREENSHOTS (or the test's
// temporary folder, for a caller that took its own) and returns its path.
func savePNG(t testing.TB, name string, png []byte) string {
	t.Helper()
	dir := os.Getenv("TRAINDESK_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// Viewport sets the window's size: 1280×800 is a laptop, 800×1280 a
// 10-inch tablet held upright.
func Viewport(t testing.TB, ctx context.Context, w, h int64) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, h)); err != nil {
		t.Fatal(err)
	}
}

// SignIn signs in through the form as the test user of role.
func SignIn(t testing.TB, ctx context.Context, env *webtest.Env, role model.Role) {
	t.Helper()
	SignInAt(t, ctx, env.HTTP.URL, env.Users[role].Email)
}

// SignInAt signs in through the form of the server at base (a link of its
// own, for instance) as email.
func SignInAt(t testing.TB, ctx context.Context, base, email string) {
	t.Helper()
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#f-email")),
		chromedp.SendKeys(chromedp.CSS("#f-email"), email),
		chromedp.SendKeys(chromedp.CSS("#f-password"), webtest.Password),
		chromedp.Click(chromedp.CSS("form[action='/login'] button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".sidebar")),
	)
	if err != nil {
		t.Fatalf("sign in as %s: %v", email, err)
	}
}

// badWords finds, in what a page shows, a catalogue message given the
// wrong arguments ("%!(EXTRA string=27)"), a verb the script left unfilled
// ("%s waiting") or a key no catalogue has ("[quiz.answered]").
const badWords = `(() => { const m = document.body.innerText.match(/%!\w*\(|%s|%d\b|\[[a-z][a-z0-9_]*(\.[a-z0-9_]+)+\]/);
	return m ? document.body.innerText.slice(Math.max(0, m.index - 40), m.index + 60) : ""; })()`

// checkWords fails the test when the page shows a broken message: every
// page checked for accessibility is read for them too.
func checkWords(t testing.TB, ctx context.Context, page string) {
	t.Helper()
	near, err := chromedp.Run(ctx, chromedp.Evaluate[string](badWords))
	if err != nil {
		t.Fatalf("read the words of %s: %v", page, err)
	}
	if near != "" {
		t.Errorf("%s shows a broken message near %q", page, near)
	}
}
