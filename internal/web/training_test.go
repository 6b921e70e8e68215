package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

func trainingForm(over map[string]string) url.Values {
	f := url.Values{
		"title_en": {"Risk profiling at Safaga port"}, "objectives_en": {"Profile risky consignments."},
		"starts_on": {"2023-03-05"}, "ends_on": {"2023-03-07"}, "capacity": {"20"}, "language": {"ar"},
		"governorate_id": {"17"}, "city": {"Safaga"}, "venue_en": {"Port training room"},
		"day_starts": {"09:30"}, "day_ends": {"14:30"}, "completion_rate": {"80"},
		"sdgs": {"16", "17"}, "gcms": {"9", "11"},
	}
	for k, v := range over {
		if v == "" {
			f.Del(k)
		} else {
			f.Set(k, v)
		}
	}
	return f
}

var locationID = regexp.MustCompile(`^/trainings/(\d+)`)

func createdID(t *testing.T, r webtest.Response) string {
	t.Helper()
	m := locationID.FindStringSubmatch(r.Header.Get("Location"))
	if r.StatusCode != http.StatusSeeOther || m == nil {
		t.Fatalf("create = %d to %q", r.StatusCode, r.Header.Get("Location"))
	}
	return m[1]
}

func TestTraining_CreateValidates(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	cases := []struct {
		name  string
		over  map[string]string
		field string
		msg   string
	}{
		{"ErrTitleRequired", map[string]string{"title_en": ""}, "f-title_en", "Give a title in English, in Arabic or in both."},
		{"ErrEndBeforeStart", map[string]string{"ends_on": "2023-03-01"}, "f-ends_on", "The last day cannot be before the first day."},
		{"ErrCapacity", map[string]string{"capacity": "0"}, "f-capacity", "Enter the number of places: at least 1."},
		{"ErrCapacityNotNumber", map[string]string{"capacity": "many"}, "f-capacity", "Enter the number of places: at least 1."},
		{"ErrQuotaOverCapacity", map[string]string{"quota_agency": "1", "quota_places": "25"}, "f-quotas", "A quota cannot have more places than the training."},
		{"ErrOutsideProject", map[string]string{"project_id": "1", "starts_on": "2021-06-01", "ends_on": "2021-06-02"}, "f-starts_on", "Outside the project"},
		{"ErrHours", map[string]string{"day_ends": "08:00"}, "f-day_ends", "The end must be after the start."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := po.Post("/trainings", trainingForm(c.over))
			if r.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", r.StatusCode)
			}
			if !strings.Contains(r.Body, c.field+"-error") || !strings.Contains(r.Body, c.msg) {
				t.Errorf("no message %q beside %s", c.msg, c.field)
			}
			if c.over["title_en"] == "" && c.name != "ErrTitleRequired" && !strings.Contains(r.Body, `value="Risk profiling at Safaga port"`) {
				t.Error("the typed title was lost")
			}
		})
	}
	// Confirming the period check lets the training be saved.
	f := trainingForm(map[string]string{"project_id": "1", "starts_on": "2021-06-01", "ends_on": "2021-06-02", "outside_ok": "1"})
	createdID(t, po.Post("/trainings", f))
}

func TestTraining_Lifecycle(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	ctx := context.Background()
	trainer := env.Users[model.RoleTrainer]
	id := createdID(t, po.Post("/trainings", trainingForm(map[string]string{"facilitators": itoa(trainer.ID),
		"quota_agency": "1", "quota_places": "10"})))

	page := po.Get("/trainings/" + id)
	for _, want := range []string{"Risk profiling at Safaga port", "Sunday 5 March 2023", "Tuesday 7 March 2023", "09:30–14:30",
		"SDG 16", "GCM 9", "Draft", "0 of 20 places taken"} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("training page lacks %q", want)
		}
	}
	var d model.TrainingDetail
	var err error
	if d, err = env.Store.TrainingDetail(ctx, mustID(id)); err != nil || len(d.Quotas) != 1 || !slices.Contains(d.FacilitatorIDs(), trainer.ID) {
		t.Fatalf("stored training: %+v, %v", d, err)
	}
	sits, _ := env.Store.Sittings(ctx, d.ID)
	if len(sits) != 3 || sits[0].StartsAt != "09:30" {
		t.Fatalf("sessions = %+v", sits)
	}

	// Status: draft → planned → ongoing; cancelling needs a reason.
	for _, st := range []string{"planned", "ongoing"} {
		if r := po.Post("/trainings/"+id+"/status", url.Values{"status": {st}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("status %s = %d", st, r.StatusCode)
		}
	}
	po.Post("/trainings/"+id+"/status", url.Values{"status": {"draft"}})
	if d, _ := env.Store.TrainingDetail(ctx, mustID(id)); d.Status != model.StatusOngoing {
		t.Fatalf("ongoing went back to draft: %s", d.Status)
	}
	po.Post("/trainings/"+id+"/status", url.Values{"status": {"cancelled"}})
	if d, _ := env.Store.TrainingDetail(ctx, mustID(id)); d.Status != model.StatusOngoing {
		t.Fatal("cancelled without a reason")
	}
	po.Post("/trainings/"+id+"/status", url.Values{"status": {"cancelled"}, "reason": {"Port closed by weather"}})
	if r := po.Get("/trainings/" + id); !strings.Contains(r.Body, "Cancelled: \u2068Port closed by weather\u2069") {
		t.Error("the cancellation reason is not shown")
	}

	// Edit: longer dates add a session; the title changes.
	r := po.Post("/trainings/"+id, trainingForm(map[string]string{"title_en": "Risk profiling (2 cohorts)", "ends_on": "2023-03-08"}))
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("update = %d", r.StatusCode)
	}
	if sits, _ := env.Store.Sittings(ctx, mustID(id)); len(sits) != 4 {
		t.Fatalf("after extending the dates: %d sessions, want 4", len(sits))
	}

	// Copy as a new draft.
	r = po.Post("/trainings/"+id+"/copy", nil)
	if r.StatusCode != http.StatusSeeOther || !strings.HasSuffix(r.Header.Get("Location"), "/edit") {
		t.Fatalf("copy = %d to %q", r.StatusCode, r.Header.Get("Location"))
	}
	copyID := locationID.FindStringSubmatch(r.Header.Get("Location"))[1]
	c, _ := env.Store.TrainingDetail(ctx, mustID(copyID))
	if c.Status != model.StatusDraft || c.TitleEn != "Risk profiling (2 cohorts)" || c.CopiedFromID == nil || len(c.SDGs) != 2 {
		t.Fatalf("copy = %+v", c)
	}
}

func mustID(s string) int64 {
	var n int64
	for _, r := range s {
		n = n*10 + int64(r-'0')
	}
	return n
}

func TestTraining_ListFilters(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true, Today: model.MustDate("2026-11-27")})
	m := env.SignIn(model.RoleManager)
	cases := []struct {
		query string
		want  []string
		not   []string
	}{
		{"", []string{"Counter-smuggling for customs officers", "Document examination", "refresher"}, nil},
		{"?status=completed", []string{"Counter-smuggling for customs officers", "Identifying and referring"}, []string{"Document examination for front-line"}},
		{"?q=document", []string{"Document examination for front-line"}, []string{"Identifying and referring"}},
		{"?from=2023-01-01&to=2023-01-31", []string{"Counter-smuggling for customs officers"}, []string{"Identifying and referring"}},
		{"?project=1&agency=1&governorate=17", []string{"Document examination for front-line"}, nil},
		{"?governorate=1", nil, []string{"Document examination for front-line"}},
		{"?thematic=2", []string{"Identifying and referring"}, []string{"Document examination for front-line"}},
	}
	for _, c := range cases {
		r := m.Get("/trainings" + c.query)
		if r.StatusCode != 200 {
			t.Fatalf("%s = %d", c.query, r.StatusCode)
		}
		for _, w := range c.want {
			if !strings.Contains(r.Body, w) {
				t.Errorf("%s: lacks %q", c.query, w)
			}
		}
		for _, w := range c.not {
			if strings.Contains(r.Body, w) {
				t.Errorf("%s: shows %q", c.query, w)
			}
		}
	}
	r := m.Get("/trainings?sort=title")
	if strings.Index(r.Body, "Counter-smuggling for customs") > strings.Index(r.Body, "Identifying and referring") {
		t.Error("sort=title is not alphabetical")
	}
	r = m.Get("/trainings/calendar?month=2023-01")
	if r.StatusCode != 200 || !strings.Contains(r.Body, "Counter-smuggling for customs officers") || strings.Contains(r.Body, "Identifying and referring") {
		t.Error("the January 2023 calendar is wrong")
	}
}

func TestSessions_EditAndRemove(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	ctx := context.Background()
	sits, _ := env.Store.Sittings(ctx, 1)
	marked := itoa(sits[0].ID)

	r := po.Post("/trainings/1/sessions/"+marked, url.Values{"date": {"2023-02-20"}, "starts_at": {"09:00"}, "ends_at": {"15:00"}})
	if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "between the training") {
		t.Fatalf("session outside the dates = %d", r.StatusCode)
	}
	r = po.Post("/trainings/1/sessions/"+marked, url.Values{"date": {"2023-01-16"}, "starts_at": {"10:00"}, "ends_at": {"14:00"}, "topic": {"Opening"}})
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("edit = %d", r.StatusCode)
	}
	// Removing a session with marks asks first and keeps the marks.
	r = po.Post("/trainings/1/sessions/"+marked+"/delete", nil)
	if r.StatusCode != http.StatusConflict || !strings.Contains(r.Body, "This session holds 27 attendance marks.") {
		t.Fatalf("remove without confirmation = %d", r.StatusCode)
	}
	if n := len(mustSittings(t, env, 1)); n != 4 {
		t.Fatalf("the session went without confirmation: %d left", n)
	}
	r = po.Post("/trainings/1/sessions/"+marked+"/delete", url.Values{"confirm": {"yes"}})
	if r.StatusCode != http.StatusSeeOther || len(mustSittings(t, env, 1)) != 3 {
		t.Fatalf("confirmed remove = %d", r.StatusCode)
	}
	if n := env.Store.MustCount(ctx, "attendance"); n == 0 || env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM attendance WHERE sitting_id = ?", sits[0].ID) != "27" {
		t.Error("the removed session's marks were deleted")
	}
	// Add one back.
	r = po.Post("/trainings/1/sessions", url.Values{"date": {"2023-01-16"}, "starts_at": {"09:00"}, "ends_at": {"15:00"}, "topic": {"Again"}})
	if r.StatusCode != http.StatusSeeOther || len(mustSittings(t, env, 1)) != 4 {
		t.Fatalf("add session = %d", r.StatusCode)
	}
	// The sign-in sheet lists the 27 officers in both scripts.
	r = po.Get("/trainings/1/sessions/" + itoa(sits[1].ID) + "/sheet")
	if r.StatusCode != 200 || !strings.Contains(r.Body, "Mona Abdelhalim Salem") || !strings.Contains(r.Body, "منى عبد الحليم سالم") ||
		strings.Count(r.Body, `class="sign"`) != 1+27+3 {
		t.Errorf("sign-in sheet = %d", r.StatusCode)
	}
}

func mustSittings(t *testing.T, env *webtest.Env, id int64) []model.SittingRow {
	t.Helper()
	s, err := env.Store.Sittings(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestRegistration_FindsByPhone searches the add-participant page with a
// phone typed differently from the record, as the registry does.
func TestRegistration_FindsByPhone(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	id := createdID(t, po.Post("/trainings", trainingForm(nil)))
	// The demo's first officer has the phone +20 10 1200 3100.
	r := po.Get("/trainings/" + id + "/participants/new?q=" + url.QueryEscape("0101-200-3100"))
	if r.StatusCode != 200 || !strings.Contains(r.Body, "Ahmed Mahmoud Abdelrahman") {
		t.Fatalf("search by phone = %d, officer not found", r.StatusCode)
	}
}
