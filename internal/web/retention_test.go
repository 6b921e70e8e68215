package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestRetentionPage_RefusedBesideFieldAndSaved: the page shows the
// defaults and the dry run without a contact; a period out of range is
// refused with the message beside its field and what was typed kept,
// nothing saved; a good one is saved and audited with the periods.
func TestRetentionPage_RefusedBesideFieldAndSaved(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	ctx := context.Background()
	admin := env.SignIn(model.RoleAdmin)
	r := admin.Get("/admin/retention?lang=en")
	if r.StatusCode != http.StatusOK || !strings.Contains(r.Body, `name="contact_years"`) || !strings.Contains(r.Body, `value="5"`) ||
		!strings.Contains(r.Body, `value="90"`) || !strings.Contains(r.Body, `id="retention-due"`) {
		t.Fatalf("page = %d", r.StatusCode)
	}
	if strings.Contains(r.Body, "@") {
		t.Error("the dry run shows an e-mail address")
	}
	bad := url.Values{"contact_years": {"abc"}, "outbox_days": {"90"}}
	if r := admin.Post("/admin/retention", bad); r.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, `id="f-contact_years-error"`) || !strings.Contains(r.Body, `value="abc"`) {
		t.Fatalf("bad years = %d", r.StatusCode)
	}
	if n := env.Store.MustCount(ctx, "retention_settings"); n != 0 {
		t.Fatal("a refused period was saved")
	}
	if r := admin.Post("/admin/retention", url.Values{"contact_years": {"3"}, "outbox_days": {"30"}, "photo_years": {"4"}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("save = %d", r.StatusCode)
	}
	if d := env.Store.MustString(ctx, "SELECT detail FROM audit_log WHERE action = ?", string(model.AuditRetentionSave)); !strings.Contains(d, "30") {
		t.Errorf("audit line: %q", d)
	}
	if r := admin.Get("/admin/retention?lang=ar"); !strings.Contains(r.Body, `dir="rtl"`) || !strings.Contains(r.Body, `value="3"`) {
		t.Error("the saved period is not shown in Arabic")
	}
}
