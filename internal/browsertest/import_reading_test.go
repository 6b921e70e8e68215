package browsertest_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/traindesk/traindesk/internal/browsertest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestBrowser_ImportReading uploads a list whose separator was guessed
// wrong, reads it again with the semicolon chosen on the columns step, and
// photographs that step in both languages at laptop, tablet and phone
// sizes.
func TestBrowser_ImportReading(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true})
	browsertest.SignIn(t, ctx, env, model.RoleProgramOfficer)
	file := filepath.Join(t.TempDir(), "nominations.csv")
	list := "Name;Sex,Agency\nAlpha One;M,Customs\nBravo Two;F,Police\n"
	if err := os.WriteFile(file, []byte(list), 0o644); err != nil {
		t.Fatal(err)
	}
	err := chromedp.Do(ctx,
		chromedp.Navigate(env.HTTP.URL+"/trainings/1/import"),
		chromedp.WaitVisible(chromedp.CSS("#f-file")),
		chromedp.SetUploadFiles(chromedp.CSS("#f-file"), []string{file}),
		chromedp.Click(chromedp.CSS("form[enctype] button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#f-separator")),
		chromedp.SetValue(chromedp.CSS("#f-separator"), "semicolon"),
		// The step before the choice has the same fields: mark its page,
		// so that the wait is for the field of the page that follows.
		chromedp.Evaluate[chromedp.Void](`document.body.dataset.stale = "1"`),
		chromedp.Click(chromedp.CSS(".import-reading button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("body:not([data-stale]) #f-col-1")),
	)
	if err != nil {
		t.Fatalf("upload and choose the semicolon: %v", err)
	}
	head, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("label[for=f-col-1]")))
	if err != nil || !strings.Contains(head, "Sex,Agency") {
		t.Fatalf("the second column after the choice: %q, %v", head, err)
	}
	browsertest.Axe(t, ctx, "import: columns with the reading chosen")
	page, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "ar"} {
		for _, size := range []struct {
			name string
			w, h int64
		}{{"laptop", 1280, 800}, {"tablet", 800, 1280}, {"phone", 390, 844}} {
			browsertest.Viewport(t, ctx, size.w, size.h)
			if err := chromedp.Do(ctx, chromedp.Navigate(page+"?lang="+lang), chromedp.WaitVisible(chromedp.CSS(".import-reading"))); err != nil {
				t.Fatal(err)
			}
			browsertest.Screenshot(t, ctx, "import-reading-"+lang+"-"+size.name)
		}
	}
}
