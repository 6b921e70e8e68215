package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// demoRefs are the ids of the demo data's reference entries.
type demoRefs struct {
	agency, station, donor, project, indicator, thematic int64
}

func loadDemoRefs(t *testing.T, env *webtest.Env) demoRefs {
	t.Helper()
	ctx := context.Background()
	p, err := env.Store.ProjectByCode(ctx, "SPHERE II")
	if err != nil {
		t.Fatal(err)
	}
	is, _ := env.Store.Indicators(ctx, p.ID)
	as, _ := env.Store.Agencies(ctx, false)
	ds, _ := env.Store.DutyStations(ctx, false)
	th, _ := env.Store.ThematicAreas(ctx, false)
	r := demoRefs{agency: as[0].ID, donor: p.DonorID, project: p.ID, indicator: is[0].ID}
	for _, d := range ds {
		if d.NameEn == "Safaga seaport" {
			r.station = d.ID
		}
	}
	for _, a := range th {
		if a.NameEn == "Counter-smuggling" {
			r.thematic = a.ID
		}
	}
	return r
}

// field returns the rendered value of a form field and the message shown
// beside it, read from the page's HTML.
func field(t *testing.T, body, name string) (value, msg string) {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	in := doc.Find("#f-" + name)
	if in.Length() == 0 {
		t.Fatalf("no field %q on the page", name)
	}
	switch goquery.NodeName(in) {
	case "textarea":
		value = in.Text()
	case "select":
		value = in.Find("option[selected]").AttrOr("value", "")
	default:
		value = in.AttrOr("value", "")
	}
	msg = strings.TrimSpace(in.Closest(".field").Find(".field-error").Text())
	return value, msg
}

// follow fetches the page a redirect points at.
func follow(t *testing.T, c *webtest.Client, r webtest.Response) webtest.Response {
	t.Helper()
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("status %d, want 303; body: %.300s", r.StatusCode, r.Body)
	}
	return c.Get(r.Header.Get("Location"))
}

// noMissingKeys fails when a page shows a catalogue key instead of text.
func noMissingKeys(t *testing.T, path string, body string) {
	t.Helper()
	for _, p := range []string{"[ref.", "[error.", "[field.", "[common.", "[audit."} {
		if strings.Contains(body, p) {
			t.Errorf("%s shows a missing catalogue key (%s…)", path, p)
		}
	}
}

func TestReference_Roles(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	ids := loadDemoRefs(t, env)
	id := strconvI
	gets := []string{
		"/reference",
		"/reference/agencies", "/reference/agencies/new", "/reference/agencies/" + id(ids.agency) + "/edit",
		"/reference/stations", "/reference/stations/new", "/reference/stations/" + id(ids.station) + "/edit",
		"/reference/donors", "/reference/donors/new", "/reference/donors/" + id(ids.donor) + "/edit",
		"/reference/projects", "/reference/projects/new", "/reference/projects/" + id(ids.project) + "/edit",
		"/reference/projects/" + id(ids.project) + "/indicators/new",
		"/reference/projects/" + id(ids.project) + "/indicators/" + id(ids.indicator) + "/edit",
		"/reference/thematic", "/reference/thematic/new", "/reference/thematic/" + id(ids.thematic) + "/edit",
	}
	// Posts that change nothing lasting: a refused delete, a restore of an
	// active entry, and an invalid form would be 422; these are all 303.
	posts := []struct {
		path string
		form url.Values
	}{
		{"/reference/agencies/" + id(ids.agency) + "/delete", nil},
		{"/reference/stations/" + id(ids.station) + "/archive", url.Values{"archived": {"false"}}},
		{"/reference/donors/" + id(ids.donor) + "/delete", nil},
		{"/reference/projects/" + id(ids.project) + "/delete", nil},
		{"/reference/thematic/" + id(ids.thematic) + "/archive", url.Values{"archived": {"false"}}},
		{"/reference/thematic", url.Values{"name_en": {"Maritime search and rescue"}}},
	}
	roles := []struct {
		name             string
		client           *webtest.Client
		wantGet, wantPos int
	}{
		{"admin", env.SignIn(model.RoleAdmin), 200, 303},
		{"program_officer", env.SignIn(model.RoleProgramOfficer), 200, 303},
		{"manager", env.SignIn(model.RoleManager), 403, 403},
		{"trainer", env.SignIn(model.RoleTrainer), 403, 403},
		{"signed_out", env.Client(), 303, 303},
	}
	for _, r := range roles {
		t.Run(r.name, func(t *testing.T) {
			for _, p := range gets {
				res := r.client.Get(p)
				if res.StatusCode != r.wantGet {
					t.Errorf("GET %s = %d, want %d", p, res.StatusCode, r.wantGet)
				}
				if r.name == "signed_out" && !strings.HasPrefix(res.Header.Get("Location"), "/login") {
					t.Errorf("GET %s signed out goes to %q", p, res.Header.Get("Location"))
				}
				noMissingKeys(t, p, res.Body)
			}
			for _, p := range posts {
				res := r.client.Post(p.path, p.form)
				if res.StatusCode != r.wantPos {
					t.Errorf("POST %s = %d, want %d", p.path, res.StatusCode, r.wantPos)
				}
				if r.name == "signed_out" && res.Header.Get("Location") != "/login" {
					t.Errorf("POST %s signed out goes to %q", p.path, res.Header.Get("Location"))
				}
			}
		})
	}
	// The referenced entries are all still there.
	if _, err := env.Store.AgencyByID(context.Background(), ids.agency); err != nil {
		t.Errorf("the Egyptian Customs Authority is gone: %v", err)
	}
}

func TestReference_NotFound(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	ids := loadDemoRefs(t, env)
	c := env.SignIn(model.RoleProgramOfficer)
	for _, p := range []string{
		"/reference/agencies/9999/edit", "/reference/stations/abc/edit", "/reference/donors/0/edit",
		"/reference/projects/9999/indicators/new",
		"/reference/projects/" + strconvI(ids.project) + "/indicators/9999/edit",
	} {
		if r := c.Get(p); r.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", p, r.StatusCode)
		}
	}
	for _, p := range []string{"/reference/thematic/9999/archive", "/reference/agencies/9999/delete", "/reference/donors/9999",
		"/reference/projects/" + strconvI(ids.project) + "/indicators/9999/delete"} {
		if r := c.Post(p, url.Values{"name_en": {"X"}}); r.StatusCode != http.StatusNotFound {
			t.Errorf("POST %s = %d, want 404", p, r.StatusCode)
		}
	}
}

func TestReference_Overview(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	c := env.SignIn(model.RoleProgramOfficer)
	r := c.Get("/reference")
	for _, want := range []string{"Partner agencies", "Duty stations", "Donors", "Projects", "Thematic areas",
		`href="/reference/agencies"`, "Active: 3", "Active: 5"} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("overview lacks %q", want)
		}
	}
	if strings.Contains(r.Body, " style=") || strings.Contains(r.Body, "<script>") {
		t.Error("the overview has an inline style or script")
	}
	ar := c.Get("/reference?lang=ar")
	if !strings.Contains(ar.Body, "الجهات الشريكة") || !strings.Contains(ar.Body, `dir="rtl"`) {
		t.Error("the Arabic overview is not in Arabic")
	}
	noMissingKeys(t, "/reference?lang=ar", ar.Body)
}

// TestReference_CatalogueCoversKinds checks the keys that code builds from
// enumerations, which the catalogue test cannot see.
func TestReference_CatalogueCoversKinds(t *testing.T) {
	var keys []string
	for _, k := range model.RefKinds {
		for _, s := range []string{"plural", "lead", "new", "edit", "empty", "empty_text"} {
			keys = append(keys, "ref.kind."+string(k)+"."+s)
		}
	}
	for _, k := range model.AgencyKinds {
		keys = append(keys, "ref.agency_kind."+string(k))
	}
	for _, k := range model.StationKinds {
		keys = append(keys, "ref.station_kind."+string(k))
	}
	for _, m := range model.Metrics {
		keys = append(keys, "ref.metric."+string(m))
	}
	for _, u := range model.Units {
		keys = append(keys, "ref.unit."+u)
	}
	for _, w := range []string{"trainings", "persons", "registrations", "duty_stations", "training_quotas", "projects"} {
		keys = append(keys, "ref.use."+w)
	}
	for _, a := range []string{"create", "update", "archive", "unarchive", "delete"} {
		keys = append(keys, "audit.a.reference_"+a)
	}
	for _, lang := range i18n.Langs {
		l := i18n.New(lang)
		for _, k := range keys {
			if !l.Has(k) {
				t.Errorf("%s lacks %s", lang, k)
			}
		}
	}
}
