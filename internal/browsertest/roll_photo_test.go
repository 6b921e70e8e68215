package browsertest_test

import (
	"bytes"
	"context"
	"fmt"
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

// TestBrowser_RollPhotoOffline: a trainer on the tablet, with the network
// cut, adds a photo of the signed sheet to today's roll call; it shows as
// waiting and nothing reaches the server. When the network is back it is
// sent by itself, shows as sent, and the session's sheet is ticked in the
// evidence checklist. Done in English and then in Arabic, each photographed
// at three sizes while the photo waits.
func TestBrowser_RollPhotoOffline(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	tb := newTablet(t, env, model.RoleTrainer)
	roll := tb.todayRoll()
	sid := sessionOf(roll)
	bg := context.Background()
	training := env.Store.MustString(bg, "SELECT CAST(training_id AS TEXT) FROM sittings WHERE id = ?", sid)
	sheets := func() string {
		return env.Store.MustString(bg, "SELECT CAST(COUNT(*) AS TEXT) FROM evidence_files WHERE sitting_id = ? AND kind = 'signed_sheet'", sid)
	}
	for i, lang := range []string{"en", "ar"} {
		photo := sheetPhoto(t, i) // another photo each time: the same one is kept once
		browsertest.Viewport(t, tb.ctx, 800, 1280)
		tb.open(roll + "?lang=" + lang)
		tb.cut(webtest.NetworkDown)
		if err := chromedp.Do(tb.ctx, chromedp.SetUploadFiles(chromedp.CSS("#roll-photo-input"), []string{photo}),
			chromedp.WaitVisible(chromedp.CSS(`#roll-photo-list li[data-state="waiting"]`))); err != nil {
			t.Fatalf("%s: queue a photo offline: %v", lang, err)
		}
		if got, want := sheets(), string(rune('0'+i)); got != want {
			t.Fatalf("%s: %s sheets on the server while offline, want %s", lang, got, want)
		}
		for _, size := range sizes {
			browsertest.Viewport(t, tb.ctx, size.w, size.h)
			_ = chromedp.Do(tb.ctx, chromedp.ScrollIntoView(chromedp.CSS("#roll-photos")))
			browsertest.ScreenshotView(t, tb.ctx, "roll-photo-queued-"+lang+"-"+size.name)
		}
		tb.restore()
		waitFor(t, "the queued photo sent", func() bool {
			return evalT[bool](tb, `!!document.querySelector('#roll-photo-list li[data-state="sent"]') && !document.querySelector('#roll-photo-list li[data-state="waiting"]')`)
		})
		waitSee(t, "sheets on the server", string(rune('1'+i)), sheets)
	}
	tb.navigate("/trainings/"+training+"/evidence?lang=en", "#evidence-checklist")
	if done := evalT[int](tb, `document.querySelectorAll("#evidence-checklist li.is-done").length`); done < 1 {
		t.Errorf("checklist has no line done after the tablet's sheet")
	}
}

// TestBrowser_EvidenceDrop: files dropped on the evidence form are sent
// with it, as if picked.
func TestBrowser_EvidenceDrop(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true})
	browsertest.SignIn(t, ctx, env, model.RoleTrainer)
	// A minimal PDF, made in the page and dropped as a browser drops a file.
	drop := `(() => {
		const pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
		const dt = new DataTransfer();
		dt.items.add(new File([pdf], "agenda.pdf", {type: "application/pdf"}));
		const form = document.querySelector("form[data-drop]");
		form.dispatchEvent(new DragEvent("dragenter", {dataTransfer: dt, bubbles: true, cancelable: true}));
		form.dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
		return document.getElementById("f-files").files.length;
	})()`
	if err := chromedp.Do(ctx, chromedp.Navigate(env.HTTP.URL+"/trainings/1/evidence?lang=en"),
		chromedp.WaitVisible(chromedp.CSS("form[data-drop]"))); err != nil {
		t.Fatal(err)
	}
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](drop)); err != nil || n != 1 {
		t.Fatalf("drop: %d files in the field (%v)", n, err)
	}
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS("#f-kind"), string(model.EvidenceAgenda)),
		chromedp.Click(chromedp.CSS("form[data-drop] button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".evidence-table"))); err != nil {
		t.Fatalf("send the dropped file: %v", err)
	}
	if got := env.Store.MustString(context.Background(), "SELECT file_name FROM evidence_files WHERE training_id = 1"); got != "agenda.pdf" {
		t.Errorf("stored %q, want agenda.pdf", got)
	}
}

// sheetPhoto writes a JPEG that looks like a ruled sheet, its rules
// shifted by n.
func sheetPhoto(t *testing.T, n int) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 640, 480))
	for x := range 640 {
		for y := 0; y < 480; y++ {
			c := color.RGBA{250, 250, 245, 255}
			if (y+n)%32 == 0 {
				c = color.RGBA{40, 40, 40, 255}
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), fmt.Sprintf("sheet-%d.jpg", n+1))
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// TestBrowser_ReportEvidence photographs the report's count of trainings
// with incomplete evidence, in both languages and three sizes, and checks
// the page with axe.
func TestBrowser_ReportEvidence(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true})
	browsertest.SignIn(t, ctx, env, model.RoleManager)
	for _, lang := range []string{"en", "ar"} {
		for _, size := range sizes {
			browsertest.Viewport(t, ctx, size.w, size.h)
			if err := chromedp.Do(ctx, chromedp.Navigate(env.HTTP.URL+"/reports?project=1&from=2023-01-01&to=2023-12-31&lang="+lang),
				chromedp.WaitVisible(chromedp.CSS("#report-evidence [data-incomplete]")),
				chromedp.ScrollIntoView(chromedp.CSS("#report-evidence"))); err != nil {
				t.Fatal(err)
			}
			browsertest.ScreenshotView(t, ctx, "report-evidence-"+lang+"-"+size.name)
			if size.name == "laptop" {
				browsertest.Axe(t, ctx, "report with its evidence count ("+lang+")")
			}
		}
	}
}
