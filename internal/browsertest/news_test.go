package browsertest_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/traindesk/traindesk/internal/browsertest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestBrowser_NewsItem: a programme officer opens the demo course's news
// item; the page shows both drafts, the Arabic one right to left, with
// the contact left blank, and passes axe-core in English and Arabic at
// laptop, tablet and phone sizes. The officer copies the text, saves an
// edit, drafts again from the record (asked first), and downloads the
// item as a Word file in both languages.
func TestBrowser_NewsItem(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true})
	id := env.Store.MustString(context.Background(), "SELECT CAST(id AS TEXT) FROM trainings WHERE title_en LIKE 'Counter-smuggling for customs%'")
	browsertest.SignIn(t, ctx, env, model.RoleProgramOfficer)
	for _, lang := range []string{"en", "ar"} {
		text := msgOpen(t, ctx, env.HTTP.URL+"/trainings/"+id+"/news?lang="+lang)
		if !strings.Contains(text, "Download .docx") && !strings.Contains(text, ".docx") {
			t.Errorf("%s: no .docx download on the page:\n%s", lang, text)
		}
		screens(t, ctx, "news-"+lang)
	}

	// Copy: the browser's clipboard is stood in for, so that the test
	// sees what the button hands it without a permission prompt.
	err := chromedp.Do(ctx, chromedp.Navigate(env.HTTP.URL+"/trainings/"+id+"/news?lang=en"),
		chromedp.WaitVisible(chromedp.CSS(`#news-en [data-copy]`)),
		chromedp.Evaluate[chromedp.Void](`window.__copied = null; Object.defineProperty(navigator, "clipboard",
			{value: {writeText: s => { window.__copied = s; return Promise.resolve(); }}}); 0`),
		chromedp.Click(chromedp.CSS(`#news-en [data-copy]`)))
	if err != nil {
		t.Fatal(err)
	}
	status := waitText(t, ctx, "#news-status-en")
	copied, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__copied === document.getElementById("f-body-en").value && window.__copied.length > 100`))
	if err != nil || !copied || status != "Text copied." {
		t.Errorf("copy: the clipboard got the text: %v (%v); status %q", copied, err, status)
	}

	// Save an edit; the saved page offers to draft again, and asks first.
	err = chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS("#f-body-en"), "An edited news item."),
		chromedp.Click(chromedp.CSS(`#news-en button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`#news-en [data-redraft]`)),
		chromedp.Evaluate[chromedp.Void](`window.__asked = 0; window.confirm = () => { window.__asked++; return true; }; 0`),
		chromedp.Click(chromedp.CSS(`#news-en [data-redraft]`)))
	if err != nil {
		t.Fatal(err)
	}
	status = waitText(t, ctx, "#news-status-en")
	redrafted, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__asked === 1 &&
		document.getElementById("f-body-en").value === document.getElementById("draft-f-body-en").content.textContent &&
		document.getElementById("f-body-en").value.includes("officers")`))
	if err != nil || !redrafted || !strings.Contains(status, "save to keep it") {
		t.Errorf("draft again: asked once and replaced: %v (%v); status %q", redrafted, err, status)
	}
	screens(t, ctx, "news-redrafted-en")

	for _, lang := range []string{"en", "ar"} {
		got := fetchHead(t, ctx, "/trainings/"+id+"/news/file?lang="+lang+"&format=docx")
		if !strings.HasPrefix(got, "application/vnd.openxmlformats-officedocument.wordprocessingml.document PK") {
			t.Errorf("the %s .docx download: %q", lang, got)
		}
	}
}

// waitText waits until the element's text is not empty and returns it.
func waitText(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector("`+sel+`") || {}).textContent || ""`))
		if err != nil {
			t.Fatal(err)
		}
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	t.Fatalf("%s stays empty", sel)
	return ""
}

// fetchHead downloads path with the page's session and returns its
// content type and the first bytes of its body, as the browser got them.
func fetchHead(t *testing.T, ctx context.Context, path string) string {
	t.Helper()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch("`+path+`").then(async r =>
		r.headers.get("Content-Type") + " " + new TextDecoder("latin1").decode((await r.arrayBuffer()).slice(0, 2048)))`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("fetch %s: %v", path, err)
	}
	return got
}
