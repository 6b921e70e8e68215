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

// historyPart cuts the training history out of a person's page.
func historyPart(t *testing.T, body string) string {
	t.Helper()
	i := strings.Index(body, `id="history"`)
	if i < 0 {
		t.Fatal("the person page has no history")
	}
	return body[i:]
}

func TestRegistry_CreateForTraining(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	ctx := context.Background()
	tid := demoTraining(t, env, "Document examination")
	hidden := `<input type="hidden" name="training" value="` + tid + `">`

	if r := po.Get("/persons/new?training=" + tid); r.StatusCode != http.StatusOK || !strings.Contains(r.Body, hidden) ||
		!strings.Contains(r.Body, "Add and nominate") {
		t.Fatalf("new for a training = %d, keeps the training: %v", r.StatusCode, strings.Contains(r.Body, hidden))
	}
	if r := po.Get("/persons/new?training=9999"); r.StatusCode != http.StatusNotFound {
		t.Errorf("unknown training = %d, want 404", r.StatusCode)
	}
	// The training is kept through a validation error and the duplicate step.
	bad := personForm(map[string]string{"sex": "", "training": tid})
	if r := po.Post("/persons", bad); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, hidden) {
		t.Fatalf("422 lost the training (status %d)", r.StatusCode)
	}
	dup := url.Values{"name_latin": {"Hisham Farouk Osman"}, "sex": {"M"}, "training": {tid}, "basis": {"consent"}, "basis_purpose": {"Training"}}
	r := po.Post("/persons", dup)
	if r.StatusCode != http.StatusConflict || strings.Count(r.Body, hidden) != 2 {
		t.Fatalf("duplicate step = %d; training fields %d, want 2", r.StatusCode, strings.Count(r.Body, hidden))
	}
	// Hesham Farouk Osman is on this training already: no button for him.
	if !strings.Contains(r.Body, "On this training") {
		t.Error("the match already on the training is not marked")
	}

	// Someone not on the training yet can be registered instead.
	refresher := demoTraining(t, env, "Counter-smuggling refresher")
	ahmed := itoa(demoPerson(t, env, "Ahmed Mahmoud Abdelrahman").ID)
	r = po.Post("/persons", url.Values{"name_latin": {"Ahmad Mahmoud Abd El-Rahman"}, "sex": {"M"}, "training": {refresher}, "basis": {"consent"}, "basis_purpose": {"Training"}})
	if r.StatusCode != http.StatusConflict || !strings.Contains(r.Body, `action="/trainings/`+refresher+`/registrations"`) ||
		!strings.Contains(r.Body, `name="person_id" value="`+ahmed+`"`) {
		t.Fatalf("no way to register the match instead (status %d)", r.StatusCode)
	}
	if r := po.Post("/trainings/"+refresher+"/registrations", url.Values{"person_id": {ahmed}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("register instead = %d", r.StatusCode)
	}

	// A new person: created and nominated with their agency and station.
	r = po.Post("/persons", personForm(map[string]string{"training": tid}))
	if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/trainings/"+tid+"#participants" {
		t.Fatalf("create for training = %d to %q", r.StatusCode, r.Header.Get("Location"))
	}
	nour := demoPerson(t, env, "Nour Hassan Zaki")
	reg := env.Store.MustString(ctx, "SELECT status || '/' || CAST(duty_station_id AS TEXT) || '/' || position FROM registrations WHERE person_id = ? AND training_id = ?", nour.ID, mustID(tid))
	if reg != "nominated/1/desk" {
		t.Fatalf("registration = %q, want nominated/1/desk", reg)
	}
	if page := po.Get("/trainings/" + tid); !strings.Contains(page.Body, "nominated for this training") {
		t.Error("no confirmation on the training page")
	}
}

// TestRegistry_CreateForFullTraining keeps the person when the training
// they were created for has no place left, and says why.
func TestRegistry_CreateForFullTraining(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	ctx := context.Background()
	tid := demoTraining(t, env, "Document examination")
	// 17 of 18 places are taken: the first new person gets the last one.
	if r := po.Post("/persons", personForm(map[string]string{"training": tid})); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("create for training = %d", r.StatusCode)
	}
	before := env.Store.MustCount(ctx, "registrations")
	r := po.Post("/persons", personForm(map[string]string{"name_latin": "Rania Adel Fouad", "name_arabic": "رانيا عادل فؤاد",
		"phone": "", "email": "", "training": tid}))
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("create for a full training = %d", r.StatusCode)
	}
	if page := po.Get("/trainings/" + tid); !strings.Contains(page.Body, "The training is full") {
		t.Error("the full training was not explained")
	}
	if demoPerson(t, env, "Rania Adel Fouad").ID == 0 || env.Store.MustCount(ctx, "registrations") != before {
		t.Error("a full training changed the registrations, or lost the person")
	}
}

func TestRegistry_EditKeepsHistory(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	ahmed := demoPerson(t, env, "Ahmed Mahmoud Abdelrahman")
	path := "/persons/" + itoa(ahmed.ID)

	edit := po.Get(path + "/edit")
	if edit.StatusCode != http.StatusOK || !strings.Contains(edit.Body, `value="Ahmed Mahmoud Abdelrahman"`) {
		t.Fatalf("edit form = %d", edit.StatusCode)
	}
	f := url.Values{"name_latin": {ahmed.NameLatin}, "name_arabic": {ahmed.NameArabic}, "sex": {"M"}, "birth_year": {"1986"},
		"agency_id": {"1"}, "duty_station_id": {"2"}, "position": {"front_line"}, "rank": {"Major"}, "phone": {ahmed.Phone}}
	if r := po.Post(path, url.Values{"name_latin": {"أحمد"}, "sex": {"M"}}); r.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("invalid edit = %d, want 422", r.StatusCode)
	}
	// Moving to Hurghada airport changes nothing the duplicate check looks at.
	if r := po.Post(path, f); r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != path {
		t.Fatalf("edit = %d to %q", r.StatusCode, r.Header.Get("Location"))
	}
	page := po.Get(path)
	if !strings.Contains(page.Body, "details were saved.") || !strings.Contains(page.Body, "Major") {
		t.Error("the edit did not show")
	}
	hist := historyPart(t, page.Body)
	profile := page.Body[:strings.Index(page.Body, `id="history"`)]
	if !strings.Contains(profile, "Hurghada International Airport") {
		t.Error("the profile does not show the new station")
	}
	// The Hurghada course and the victims course were at Safaga; the
	// document course today too: all three keep Safaga seaport.
	if n := strings.Count(hist, "Safaga seaport"); n != 3 || strings.Contains(hist, "Hurghada International Airport") {
		t.Errorf("history shows Safaga %d times (want 3) or the new station", n)
	}
	if !strings.Contains(hist, "Counter-smuggling for customs officers") || !strings.Contains(hist, "4 / 4") {
		t.Error("the history lacks the Hurghada course or its attendance")
	}

	// Renaming him to another officer's name asks about the duplicate first.
	f.Set("name_latin", "Mostafa Kamal Hassan")
	f.Set("name_arabic", "مصطفى كمال حسن")
	r := po.Post(path, f)
	if r.StatusCode != http.StatusConflict || !strings.Contains(r.Body, "None of these: save the changes") {
		t.Fatalf("renaming onto a duplicate = %d", r.StatusCode)
	}
	if p, _ := env.Store.Person(context.Background(), ahmed.ID); p.NameLatin != ahmed.NameLatin {
		t.Fatal("the rename was saved before the officer confirmed")
	}
	f.Set("confirm_new", "1")
	if r := po.Post(path, f); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("save anyway = %d", r.StatusCode)
	}
}

func TestRegistry_Roles(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	ahmed := itoa(demoPerson(t, env, "Ahmed Mahmoud Abdelrahman").ID)
	routes := []struct {
		method, path string
		write        bool
		editorStatus int // what an editor gets for this request with an empty form
	}{
		{"GET", "/persons", false, 200},
		{"GET", "/persons/" + ahmed, false, 200},
		{"GET", "/persons/new", true, 200},
		{"POST", "/persons", true, 422},
		{"GET", "/persons/" + ahmed + "/edit", true, 200},
		{"POST", "/persons/" + ahmed, true, 422},
		{"GET", "/persons/" + ahmed + "/merge", true, 200},
		{"POST", "/persons/" + ahmed + "/merge", true, 400},
		{"POST", "/persons/merges/1/undo", true, 404},
	}
	clients := map[string]*webtest.Client{"signed_out": env.Client()}
	for _, role := range []model.Role{model.RoleAdmin, model.RoleProgramOfficer, model.RoleManager, model.RoleTrainer} {
		clients[string(role)] = env.SignIn(role)
	}
	for name, c := range clients {
		for _, rt := range routes {
			want := rt.editorStatus
			switch {
			case name == "signed_out":
				want = http.StatusSeeOther
			case name == string(model.RoleTrainer), name == string(model.RoleManager) && rt.write:
				want = http.StatusForbidden
			}
			var r webtest.Response
			if rt.method == "GET" {
				r = c.Get(rt.path)
			} else {
				r = c.Post(rt.path, nil)
			}
			if r.StatusCode != want {
				t.Errorf("%s %s as %s = %d, want %d", rt.method, rt.path, name, r.StatusCode, want)
			}
		}
	}
}
