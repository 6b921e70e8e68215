package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestPrivacyNotice_FollowsRetention: the default notice states the
// retention periods as set (the defaults, then what an administrator
// saves), in both languages, on the page and in its form's placeholder;
// the administrators' menu leads to the notice, an officer's does not.
func TestPrivacyNotice_FollowsRetention(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	anon := env.Client()
	if r := anon.Get("/privacy?lang=en"); !strings.Contains(r.Body, "removed 5 years after your last training, and photos showing you 5 years after it") ||
		!strings.Contains(r.Body, "after 90 days") {
		t.Error("the default notice does not state the default periods")
	}
	admin := env.SignIn(model.RoleAdmin)
	if r := admin.Post("/admin/retention", url.Values{"contact_years": {"3"}, "photo_years": {"1"}, "outbox_days": {"30"}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("save the periods = %d", r.StatusCode)
	}
	en := anon.Get("/privacy?lang=en").Body
	if !strings.Contains(en, "removed 3 years after your last training, and photos showing you one year after it") || !strings.Contains(en, "after 30 days") {
		t.Error("the English notice does not follow the saved periods")
	}
	ar := anon.Get("/privacy?lang=ar").Body
	if !strings.Contains(ar, "بعد ٣ سنوات من آخر تدريب لك") || !strings.Contains(ar, "بعد سنة واحدة منه") || !strings.Contains(ar, "بعد ٣٠ يومًا") {
		t.Error("the Arabic notice does not follow the saved periods")
	}
	form := admin.Get("/admin/privacy?lang=en")
	if form.StatusCode != http.StatusOK || !strings.Contains(form.Body, "photos showing you one year after it") {
		t.Error("the form's placeholder does not follow the saved periods")
	}
	if !strings.Contains(form.Body, `href="/admin/privacy"`) {
		t.Error("the administrators' menu has no privacy entry")
	}
	if r := env.SignIn(model.RoleProgramOfficer).Get("/trainings?lang=en"); strings.Contains(r.Body, `href="/admin/privacy"`) {
		t.Error("an officer's menu leads to the privacy notice's form")
	}
}
