package web_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestRegistration_BulkConfirm ticks three people of a full training of two
// places and confirms them in one post: the two nominated are confirmed,
// and the one coming back from withdrawn is refused by name, with the
// reason, inside the participants section the officer is sent back to, in
// English and in Arabic.
func TestRegistration_BulkConfirm(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	ctx := context.Background()
	id := createdID(t, po.Post("/trainings", trainingForm(map[string]string{"capacity": "2"})))
	reg := func(person string) string {
		t.Helper()
		if r := po.Post("/trainings/"+id+"/registrations", url.Values{"person_id": {person}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("register %s = %d", person, r.StatusCode)
		}
		return env.Store.MustString(ctx, "SELECT CAST(id AS TEXT) FROM registrations WHERE training_id = ? AND person_id = ?", id, person)
	}
	ahmed, mohamed := reg("1"), reg("2")
	if r := po.Post("/trainings/"+id+"/registrations/"+ahmed+"/status", url.Values{"status": {"withdrawn"}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("withdraw = %d", r.StatusCode)
	}
	mostafa := reg("3")

	for _, lang := range []string{"en", "ar"} {
		po.Get("/?lang=" + lang)
		r := po.Post("/trainings/"+id+"/registrations/bulk", url.Values{"reg": {ahmed, mohamed, mostafa}, "to": {"confirmed"}})
		if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/trainings/"+id+"#participants" {
			t.Fatalf("%s: bulk = %d to %q", lang, r.StatusCode, r.Header.Get("Location"))
		}
		page := po.Get("/trainings/" + id)
		section := html.UnescapeString(page.Body[strings.Index(page.Body, `id="participants"`):])
		section = section[:strings.Index(section, "</section>")]
		want := map[string][]string{
			"en": {"“Confirmed”: 2 of the 3 ticked participants changed", "Not set to “Confirmed”: Ahmed Mahmoud Abdelrahman أحمد محمود عبد الرحمن. Why: The training is full."},
			"ar": {"«مؤكد»: تغيّرت حالة ٠ من أصل ٣ مشاركين محددين", "لم تُضبط الحالة «مؤكد» لـ: Ahmed Mahmoud Abdelrahman أحمد محمود عبد الرحمن. السبب:"},
		}[lang]
		for _, w := range want {
			if !strings.Contains(section, w) {
				t.Errorf("%s: the participants section lacks %q", lang, w)
			}
		}
	}
	got := env.Store.MustString(ctx, "SELECT "+joinStatus(env)+" FROM (SELECT status FROM registrations WHERE training_id = ? ORDER BY person_id) r", id)
	if got != "withdrawn,confirmed,confirmed" {
		t.Errorf("statuses = %s, want withdrawn,confirmed,confirmed", got)
	}
	if n := env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM registration_history h JOIN registrations r ON r.id = h.registration_id WHERE r.training_id = ? AND h.new_status = 'confirmed'", id); n != "2" {
		t.Errorf("%s confirmations in the history, want 2", n)
	}

	// Nothing ticked: a message, and nothing changes.
	if r := po.Post("/trainings/"+id+"/registrations/bulk", url.Values{"to": {"withdrawn"}}); r.StatusCode != http.StatusSeeOther {
		t.Errorf("nothing ticked = %d", r.StatusCode)
	}
	// A registration of another training is not found, and nothing changes.
	if r := po.Post("/trainings/"+id+"/registrations/bulk", url.Values{"reg": {mohamed, "1"}, "to": {"withdrawn"}}); r.StatusCode != http.StatusNotFound {
		t.Errorf("a foreign registration = %d, want 404", r.StatusCode)
	}
	if n := env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM registrations WHERE training_id = ? AND status = 'withdrawn'", id); n != "1" {
		t.Errorf("%s withdrawn after refused posts, want 1", n)
	}
}

// TestImport_AsConfirmed imports a list "as confirmed": the people are
// registered confirmed, with their history; on a training with too few
// places nothing is saved and the row that did not fit is named.
func TestImport_AsConfirmed(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	ctx := context.Background()
	list := []byte("Name,الاسم,Sex\nNew Officer One,ضابط جديد أول,M\nNew Officer Two,ضابطة جديدة ثانية,F\n")
	importAs := func(capacity string) (string, webtest.Response) {
		t.Helper()
		id := createdID(t, po.Post("/trainings", trainingForm(map[string]string{"capacity": capacity})))
		r := po.Upload("/trainings/"+id+"/import", "file", "list.csv", list, nil)
		m := uploadPath.FindStringSubmatch(r.Header.Get("Location"))
		if m == nil {
			t.Fatalf("upload = %d", r.StatusCode)
		}
		base := "/trainings/" + id + "/import/" + m[1]
		if p := po.Get(base + "/preview"); !strings.Contains(p.Body, `name="as" value="confirmed"`) {
			t.Fatalf("the preview offers no choice of status")
		}
		return id, po.Post(base+"/confirm", url.Values{"as": {"confirmed"}, "basis": {"consent"}, "basis_purpose": {"Training"}})
	}
	id, r := importAs("5")
	if r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "2 people registered as confirmed") {
		t.Fatalf("confirm = %d", r.StatusCode)
	}
	if got := env.Store.MustString(ctx, "SELECT "+joinStatus(env)+" FROM (SELECT status FROM registrations WHERE training_id = ? ORDER BY id) r", id); got != "confirmed,confirmed" {
		t.Errorf("statuses = %q", got)
	}
	if n := env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM registration_history h JOIN registrations r ON r.id = h.registration_id WHERE r.training_id = ? AND h.new_status = 'confirmed'", id); n != "2" {
		t.Errorf("%s history lines, want 2", n)
	}

	full, r := importAs("1")
	if r.StatusCode != http.StatusConflict || !strings.Contains(r.Body, "Row 3 stopped the import.") || !strings.Contains(r.Body, "The training is full") {
		t.Errorf("over capacity = %d", r.StatusCode)
	}
	if n := env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM registrations WHERE training_id = ?", full); n != "0" {
		t.Errorf("%s registrations saved from a refused import", n)
	}
}

// joinStatus joins the statuses of a subquery with commas, in the
// database's own words.
func joinStatus(env *webtest.Env) string {
	if env.Store.Dialect() == "postgres" {
		return "COALESCE(string_agg(status, ','), '')"
	}
	return "COALESCE(GROUP_CONCAT(status, ','), '')"
}
