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

func projectForm(donor int64, code string) url.Values {
	return url.Values{"code": {code}, "title_en": {"Border management capacity building"},
		"title_ar": {"بناء القدرات في إدارة الحدود"}, "donor_id": {strconvI(donor)},
		"starts_on": {"2024-01-01"}, "ends_on": {"2025-12-31"}, "mastery_threshold": {"75"}}
}

func TestReference_ProjectForm(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	ids := loadDemoRefs(t, env)
	c := env.SignIn(model.RoleProgramOfficer)

	cases := []struct {
		name   string
		change url.Values
		errs   map[string]string
	}{
		{"ErrRequired", url.Values{"code": {""}, "title_en": {""}, "title_ar": {""}, "donor_id": {""}, "starts_on": {""}, "mastery_threshold": {""}},
			map[string]string{"code": "This field is required.", "title_en": "Give it in English, in Arabic or in both.",
				"donor_id": "Choose one of the options.", "starts_on": "This field is required.", "mastery_threshold": "This field is required."}},
		{"ErrEndBeforeStart", url.Values{"starts_on": {"2025-01-01"}, "ends_on": {"2024-12-31"}},
			map[string]string{"ends_on": "The end date cannot be before the start date."}},
		{"ErrBadValues", url.Values{"starts_on": {"1 Jan 2024"}, "mastery_threshold": {"150"}, "donor_id": {"9999"}},
			map[string]string{"starts_on": "Enter a date such as 2023-01-16.", "mastery_threshold": "Enter a whole number from 0 to 100.",
				"donor_id": "Choose one of the options."}},
		{"ErrCodeTaken", url.Values{"code": {"sphere ii"}},
			map[string]string{"code": "Another project already has this code."}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			form := projectForm(ids.donor, "BRIDGE")
			for k, v := range tc.change {
				form[k] = v
			}
			r := c.Post("/reference/projects", form)
			if r.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", r.StatusCode)
			}
			for f, want := range tc.errs {
				if _, msg := field(t, r.Body, f); msg != want {
					t.Errorf("%s: message %q, want %q", f, msg, want)
				}
			}
			for _, f := range []string{"code", "title_en", "title_ar", "starts_on", "ends_on", "mastery_threshold"} {
				if v, _ := field(t, r.Body, f); v != strings.TrimSpace(form.Get(f)) {
					t.Errorf("%s: kept %q, want %q", f, v, form.Get(f))
				}
			}
		})
	}

	// A valid project goes to its own page, ready for indicators.
	r := c.Post("/reference/projects", projectForm(ids.donor, "BRIDGE"))
	p, err := env.Store.ProjectByCode(context.Background(), "BRIDGE")
	if err != nil || r.Header.Get("Location") != "/reference/projects/"+strconvI(p.ID)+"/edit" {
		t.Fatalf("create = %d to %q, %v", r.StatusCode, r.Header.Get("Location"), err)
	}
	if p.MasteryThreshold != 75 || p.EndsOn != model.MustDate("2025-12-31") || p.TitleAr == "" {
		t.Errorf("stored %+v", p)
	}
	page := follow(t, c, r)
	if !strings.Contains(page.Body, "No indicators yet") || !strings.Contains(page.Body, "“BRIDGE” has been added.") {
		t.Error("the new project's page lacks its empty indicator table or the message")
	}
	// Renaming a project to another's code is refused; keeping its own is not.
	path := "/reference/projects/" + strconvI(p.ID)
	if r := c.Post(path, projectForm(ids.donor, "SPHERE II")); r.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("taking another project's code = %d", r.StatusCode)
	}
	form := projectForm(ids.donor, "BRIDGE")
	form.Set("ends_on", "2026-06-30")
	follow(t, c, c.Post(path, form))
	if p, _ := env.Store.ProjectByID(context.Background(), p.ID); p.EndsOn != model.MustDate("2026-06-30") {
		t.Errorf("end date = %s", p.EndsOn)
	}
	list := c.Get("/reference/projects")
	if !strings.Contains(list.Body, "BRIDGE") || !strings.Contains(list.Body, "SPHERE II") || !strings.Contains(list.Body, "Denmark") {
		t.Error("the project list lacks a project or its donor")
	}
}

func TestReference_ArchivedDonorNotOffered(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	ids := loadDemoRefs(t, env)
	c := env.SignIn(model.RoleAdmin)
	follow(t, c, c.Post("/reference/donors/"+strconvI(ids.donor)+"/archive", url.Values{"archived": {"true"}}))
	if r := c.Get("/reference/projects/new"); strings.Contains(r.Body, `value="`+strconvI(ids.donor)+`"`) {
		t.Error("a new project is offered an archived donor")
	}
	// SPHERE II keeps its archived donor and can still be saved.
	edit := c.Get("/reference/projects/" + strconvI(ids.project) + "/edit")
	if v, _ := field(t, edit.Body, "donor_id"); v != strconvI(ids.donor) {
		t.Errorf("SPHERE II's donor shows as %q", v)
	}
	p, _ := env.Store.ProjectByID(context.Background(), ids.project)
	in := model.ProjectInputOf(p)
	form := url.Values{"code": {in.Code}, "title_en": {in.TitleEn}, "title_ar": {in.TitleAr}, "donor_id": {in.DonorID},
		"starts_on": {in.StartsOn}, "ends_on": {in.EndsOn}, "mastery_threshold": {"80"}}
	if r := c.Post("/reference/projects/"+strconvI(ids.project), form); r.StatusCode != http.StatusSeeOther {
		t.Errorf("saving a project whose donor is archived = %d", r.StatusCode)
	}
}

func TestReference_Indicators(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	ids := loadDemoRefs(t, env)
	c := env.SignIn(model.RoleProgramOfficer)
	ctx := context.Background()
	base := "/reference/projects/" + strconvI(ids.project)
	good := url.Values{"code": {"2.1"}, "name_en": {"Border officials who apply the referral procedure"},
		"name_ar": {"موظفو الحدود الذين يطبقون إجراءات الإحالة"}, "metric": {"manual"}, "unit": {"percent"},
		"baseline": {"5"}, "target": {"60"}, "actual": {"12.5"}, "position": {"5"}}

	if r := c.Get(base + "/indicators/new"); r.StatusCode != http.StatusOK {
		t.Fatalf("new indicator form = %d", r.StatusCode)
	} else if v, _ := field(t, r.Body, "position"); v != "5" {
		t.Errorf("the new indicator's position is %q, want 5 (after the demo's four)", v)
	}
	cases := []struct {
		name   string
		change url.Values
		errs   map[string]string
	}{
		{"ErrRequired", url.Values{"name_en": {""}, "metric": {""}, "target": {""}},
			map[string]string{"name_en": "This field is required.", "metric": "Choose one of the options.", "target": "This field is required."}},
		{"ErrNumbers", url.Values{"baseline": {"-1"}, "target": {"lots"}, "actual": {"140"}, "position": {"1.5"}},
			map[string]string{"baseline": "The value cannot be negative.", "target": "Enter a number, such as 120 or 12.5.",
				"actual": "A percentage cannot be more than 100.", "position": "Enter a whole number from 0 to 999."}},
		{"ErrUnitAndActual", url.Values{"metric": {"women_share"}, "unit": {"count"}},
			map[string]string{"unit": "This measure is a percentage: choose “Percent”.",
				"actual": "traindesk computes this measure: leave the actual value empty, or choose “Entered by hand”."}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			form := url.Values{}
			for k, v := range good {
				form[k] = v
			}
			for k, v := range tc.change {
				form[k] = v
			}
			r := c.Post(base+"/indicators", form)
			if r.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", r.StatusCode)
			}
			for f, want := range tc.errs {
				if v, msg := field(t, r.Body, f); msg != want || v != form.Get(f) {
					t.Errorf("%s: %q beside %q; want %q beside %q", f, msg, v, want, form.Get(f))
				}
			}
		})
	}

	page := follow(t, c, c.Post(base+"/indicators", good))
	if !strings.Contains(page.Body, "Border officials who apply the referral procedure") || !strings.Contains(page.Body, "Actual: 12.5%") {
		t.Fatal("the project page lacks the new indicator")
	}
	is, _ := env.Store.Indicators(ctx, ids.project)
	added := is[len(is)-1]
	if len(is) != 5 || added.Actual == nil || *added.Actual != 12.5 || added.Unit != "percent" {
		t.Fatalf("stored %+v", added)
	}
	ind := base + "/indicators/" + strconvI(added.ID)
	edit := c.Get(ind + "/edit")
	if v, _ := field(t, edit.Body, "actual"); v != "12.5" {
		t.Errorf("the edit form shows actual %q", v)
	}
	good.Set("target", "٧٠") // typed on an Arabic keyboard
	good.Set("actual", "")
	follow(t, c, c.Post(ind, good))
	if got, _ := env.Store.IndicatorByID(ctx, ids.project, added.ID); got.Target != 70 || got.Actual != nil {
		t.Errorf("after the change: target %v, actual %v", got.Target, got.Actual)
	}
	// Another project's address does not reach this indicator.
	if r := c.Post("/reference/projects/9999/indicators/"+strconvI(added.ID)+"/delete", nil); r.StatusCode != http.StatusNotFound {
		t.Errorf("deleting through another project = %d", r.StatusCode)
	}
	page = follow(t, c, c.Post(ind+"/delete", nil))
	if !strings.Contains(page.Body, "has been removed") || strings.Contains(page.Body, `href="`+ind+`/edit"`) {
		t.Error("the indicator is still listed after removing it")
	}
	if is, _ := env.Store.Indicators(ctx, ids.project); len(is) != 4 {
		t.Errorf("%d indicators, want the demo's four", len(is))
	}
}

func TestReference_DeleteProjectWithIndicators(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	ids := loadDemoRefs(t, env)
	c := env.SignIn(model.RoleAdmin)
	c.Post("/reference/projects", projectForm(ids.donor, "PILOT"))
	p, err := env.Store.ProjectByCode(context.Background(), "PILOT")
	if err != nil {
		t.Fatal(err)
	}
	base := "/reference/projects/" + strconvI(p.ID)
	c.Post(base+"/indicators", url.Values{"name_en": {"Trainings held"}, "metric": {"trainings_held"}, "unit": {"count"}, "target": {"4"}})
	if edit := c.Get(base + "/edit"); !strings.Contains(edit.Body, `action="`+base+`/delete"`) {
		t.Fatal("a project no training uses offers no delete button")
	}
	page := follow(t, c, c.Post(base+"/delete", nil))
	if !strings.Contains(page.Body, "“PILOT” has been deleted.") {
		t.Error("no message after deleting the project")
	}
	if n := env.Store.MustCount(context.Background(), "indicators"); n != 4 {
		t.Errorf("%d indicators left, want the demo's four", n)
	}
}
