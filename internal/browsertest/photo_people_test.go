package browsertest_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/traindesk/traindesk/internal/browsertest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestBrowser_PhotoPeople: an officer opens a photo's "who is in this
// photo", ticks two participants and saves; the photo's row then says it
// names two people. The page with the form open is checked with axe and
// photographed in both languages and three sizes.
func TestBrowser_PhotoPeople(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true})
	r := env.SignIn(model.RoleProgramOfficer).Upload("/trainings/1/evidence", "files", "group.png", picture(t), url.Values{"kind": {"photo"}})
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload = %d", r.StatusCode)
	}
	browsertest.SignIn(t, ctx, env, model.RoleProgramOfficer)
	err := chromedp.Do(ctx,
		chromedp.Navigate(env.HTTP.URL+"/trainings/1/evidence?lang=en"),
		chromedp.Click(chromedp.CSS("details.evidence-people summary")),
		chromedp.Click(chromedp.CSS("details.evidence-people label.checkbox:nth-child(1) input")),
		chromedp.Click(chromedp.CSS("details.evidence-people label.checkbox:nth-child(2) input")),
		chromedp.Click(chromedp.CSS("details.evidence-people button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(`.evidence-people-count[data-people="2"]`)),
	)
	if err != nil {
		t.Fatalf("mark who is in the photo: %v", err)
	}
	for _, lang := range []string{"en", "ar"} {
		for _, size := range sizes {
			browsertest.Viewport(t, ctx, size.w, size.h)
			if err := chromedp.Do(ctx, chromedp.Navigate(env.HTTP.URL+"/trainings/1/evidence?lang="+lang),
				chromedp.WaitVisible(chromedp.CSS("#evidence-checklist")),
				chromedp.Evaluate[chromedp.Void](`document.querySelector("details.evidence-people").open = true; 0`)); err != nil {
				t.Fatal(err)
			}
			browsertest.Screenshot(t, ctx, "photo-people-"+lang+"-"+size.name)
			if size.name == "laptop" {
				browsertest.Axe(t, ctx, "photo people ("+lang+")")
			}
		}
	}
}

// retentionPhotosDue makes the dry run list people and a photo: it waits
// for the run the queue starts with (so that it cannot clear them), gives
// two participants of the demo training a phone, marks a photo as showing
// one of them, and moves the clock seven years on.
func retentionPhotosDue(t *testing.T, env *webtest.Env) {
	t.Helper()
	ctx := context.Background()
	for deadline := time.Now().Add(30 * time.Second); env.Store.MustCount(ctx, "audit_log WHERE action = 'retention_run'") == 0; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the start-up retention run did not happen")
		}
	}
	if err := env.Store.Exec(ctx, `UPDATE persons SET phone = '+20100000' || CAST(id AS TEXT)
WHERE id IN (SELECT person_id FROM registrations WHERE training_id = 1 ORDER BY person_id LIMIT 2)`); err != nil {
		t.Fatal(err)
	}
	officer := env.SignIn(model.RoleProgramOfficer)
	if r := officer.Upload("/trainings/1/evidence", "files", "closing-ceremony.png", picture(t), url.Values{"kind": {"photo"}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload = %d", r.StatusCode)
	}
	photo := env.Store.MustString(ctx, "SELECT CAST(MAX(id) AS TEXT) FROM evidence_files")
	person := env.Store.MustString(ctx, "SELECT CAST(MIN(person_id) AS TEXT) FROM registrations WHERE training_id = 1")
	if r := officer.Post("/trainings/1/evidence/"+photo+"/people", url.Values{"person": {person}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("mark = %d", r.StatusCode)
	}
	env.Clock.Advance(7 * 365 * 24 * time.Hour)
}

// picture is a small photo: bands of colour, so that its thumbnail shows.
func picture(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 240, 160))
	for x := range 240 {
		for y := range 160 {
			img.Set(x, y, color.RGBA{uint8(40 + y), uint8(90 + x/3), 160, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
