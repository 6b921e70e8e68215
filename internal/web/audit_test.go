package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestAuditPage_TypedEvents changes a donor and an indicator and reads
// the audit page: each kind translated in both languages, the changed
// fields by their labels, the project as a link, the filter by kind, actor
// and object, and a table that the keyboard can scroll.
func TestAuditPage_TypedEvents(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	ids := loadDemoRefs(t, env)
	po := env.SignIn(model.RoleProgramOfficer)
	admin := env.SignIn(model.RoleAdmin)
	donor := strconvI(ids.donor)
	if r := po.Post("/reference/donors/"+donor, url.Values{"name_en": {"Government of the Kingdom of Denmark"},
		"short_name": {"DK"}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("save donor = %d", r.StatusCode)
	}
	project := strconvI(ids.project)
	if r := po.Post("/reference/projects/"+project+"/indicators", url.Values{"name_en": {"Officers briefed"}, "unit": {"count"},
		"metric": {"manual"}, "target": {"5"}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("add indicator = %d", r.StatusCode)
	}

	page := admin.Get("/admin/audit?kind=reference_update")
	if page.StatusCode != http.StatusOK {
		t.Fatalf("audit page = %d", page.StatusCode)
	}
	for _, want := range []string{"Changed reference data", "Donor #" + donor, `href="/reference/donors/` + donor + `/edit"`,
		"Changed: ", `tabindex="0" role="region" aria-label="Audit log entries"`, `<option value="reference_update" selected`} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("the filtered page lacks %q", want)
		}
	}
	if strings.Contains(page.Body, "Added reference data</td>") || strings.Contains(page.Body, "Signed in</td>") {
		t.Error("the kind filter lets other kinds through")
	}
	if !strings.Contains(page.Body, "Short name") {
		t.Error("the changed field is not named by its label")
	}
	page = admin.Get("/admin/audit?kind=reference_create&object=indicator")
	if !strings.Contains(page.Body, "Added reference data") || !strings.Contains(page.Body, `href="/reference/projects/`+project+`/edit"`) ||
		!strings.Contains(page.Body, "Project #") {
		t.Error("the indicator's event does not link its project")
	}
	officerID := strconvI(env.Users[model.RoleProgramOfficer].ID)
	page = admin.Get("/admin/audit?user=" + officerID)
	if !strings.Contains(page.Body, `<option value="`+officerID+`" selected`) || strings.Contains(page.Body, env.Users[model.RoleAdmin].Name+"</td>") {
		t.Error("the actor filter shows other users' events")
	}
	page = admin.Get("/admin/audit?object=donor&id=" + donor)
	if !strings.Contains(page.Body, "Changed reference data") || strings.Contains(page.Body, "Signed in</td>") {
		t.Error("the object filter shows other objects")
	}
	ar := admin.Get("/admin/audit?lang=ar&kind=reference_update")
	for _, want := range []string{"عدّل بيانات مرجعية", "الاسم المختصر"} {
		if !strings.Contains(ar.Body, want) {
			t.Errorf("the Arabic page lacks %q", want)
		}
	}
	noMissingKeys(t, "/admin/audit", page.Body)
	noMissingKeys(t, "/admin/audit?lang=ar", ar.Body)
}
