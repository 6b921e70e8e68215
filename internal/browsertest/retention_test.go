package browsertest_test

import (
	"context"
	"testing"

	"github.com/traindesk/traindesk/internal/browsertest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestBrowser_Retention: the retention periods beside the dry run, in
// both languages and every size, pass axe. The demo's participants hold
// no contacts, so its dry run lists nobody.
func TestBrowser_Retention(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true})
	admin := model.Actor{User: env.Users[model.RoleAdmin]}
	if _, err := env.Server.Roster.SaveRetention(context.Background(), admin, model.RetentionSettings{ContactYears: 3, OutboxDays: 90, PhotoYears: 3}); err != nil {
		t.Fatal(err)
	}
	browsertest.SignIn(t, ctx, env, model.RoleAdmin)
	shootAll(t, ctx, env.HTTP.URL, "/admin/retention?", "retention")
}
