package browsertest_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/traindesk/traindesk/internal/browsertest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestBrowser_Evidence: a trainer picks a photo of the signed sheet for
// today's session from the file picker and uploads it; the checklist marks
// that session's sheet as there and the photo shows as a thumbnail. The
// page is checked with axe and photographed in both languages and three
// sizes.
func TestBrowser_Evidence(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true})
	browsertest.SignIn(t, ctx, env, model.RoleTrainer)
	sid := env.Store.MustString(context.Background(), "SELECT CAST(MIN(id) AS TEXT) FROM sittings WHERE training_id = 1")

	img := image.NewRGBA(image.Rect(0, 0, 800, 600))
	for x := range 800 {
		for y := 0; y < 600; y += 40 {
			img.Set(x, y, color.RGBA{30, 30, 30, 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "signed-sheet-day1.jpg")
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var done int
	err := chromedp.Do(ctx,
		chromedp.Navigate(env.HTTP.URL+"/trainings/1/evidence?lang=en"),
		chromedp.WaitVisible(chromedp.CSS("#f-files")),
		chromedp.SetValue(chromedp.CSS("#f-sitting_id"), sid),
		chromedp.SetUploadFiles(chromedp.CSS("#f-files"), []string{file}),
		chromedp.Click(chromedp.CSS("form[enctype] button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".evidence-thumb")),
	)
	if err != nil {
		t.Fatalf("upload: %v", err)
	}
	if done, err = chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#evidence-checklist li.is-done").length`)); err != nil || done != 1 {
		t.Errorf("%d lines done after one sheet (%v)", done, err)
	}
	for _, lang := range []string{"en", "ar"} {
		for _, size := range sizes {
			browsertest.Viewport(t, ctx, size.w, size.h)
			if err := chromedp.Do(ctx, chromedp.Navigate(env.HTTP.URL+"/trainings/1/evidence?lang="+lang),
				chromedp.WaitVisible(chromedp.CSS("#evidence-checklist"))); err != nil {
				t.Fatal(err)
			}
			browsertest.Screenshot(t, ctx, "evidence-"+lang+"-"+size.name)
			if size.name == "laptop" {
				browsertest.Axe(t, ctx, "evidence ("+lang+")")
			}
		}
	}
}

// TestBrowser_EraseConfirmation photographs the confirmation an
// administrator sees before erasing a person, in both languages and three
// sizes, and checks it with axe.
func TestBrowser_EraseConfirmation(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true})
	browsertest.SignIn(t, ctx, env, model.RoleAdmin)
	id := env.Store.MustString(context.Background(), "SELECT CAST(MIN(person_id) AS TEXT) FROM registrations WHERE training_id = 1")
	for _, lang := range []string{"en", "ar"} {
		for _, size := range sizes {
			browsertest.Viewport(t, ctx, size.w, size.h)
			if err := chromedp.Do(ctx, chromedp.Navigate(env.HTTP.URL+"/persons/"+id+"/erase?lang="+lang),
				chromedp.WaitVisible(chromedp.CSS("#erase-confirm"))); err != nil {
				t.Fatal(err)
			}
			browsertest.Screenshot(t, ctx, "erase-"+lang+"-"+size.name)
			if size.name == "laptop" {
				browsertest.Axe(t, ctx, "erase ("+lang+")")
			}
		}
	}
}
