package browsertest_test

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/traindesk/traindesk/internal/browsertest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestBrowser_Retention: the retention periods beside the dry run, in
// both languages and every size, pass axe. Seven years on, the
// participants holding contacts (two are given a phone) and a photo
// marked as showing one of them are due.
func TestBrowser_Retention(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true})
	admin := model.Actor{User: env.Users[model.RoleAdmin]}
	if _, err := env.Server.Roster.SaveRetention(context.Background(), admin, model.RetentionSettings{ContactYears: 3, OutboxDays: 90, PhotoYears: 3}); err != nil {
		t.Fatal(err)
	}
	retentionPhotosDue(t, env)
	browsertest.SignIn(t, ctx, env, model.RoleAdmin)
	if err := chromedp.Do(ctx, chromedp.Navigate(env.HTTP.URL+"/admin/retention?lang=en"), chromedp.WaitVisible(chromedp.CSS("#retention-photos"))); err != nil {
		t.Fatal(err)
	}
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("tr[data-photo]").length + 10 * document.querySelectorAll("tr[data-person]").length`))
	if err != nil {
		t.Fatal(err)
	}
	if rows%10 != 1 || rows/10 < 2 {
		t.Errorf("the dry run lists %d photos and %d persons, want 1 and at least 2", rows%10, rows/10)
	}
	shootAll(t, ctx, env.HTTP.URL, "/admin/retention?", "retention")
}
