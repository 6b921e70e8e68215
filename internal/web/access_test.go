package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestAccess is the table of who may do what on the trainings screens:
// route × role × expected status. Trainers facilitate every demo training,
// so "another trainer" stands for a trainer who does not.
func TestAccess(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	other := model.User{Email: "other-trainer@example.org", Name: "Other Trainer", Role: model.RoleTrainer, Active: true}
	hash := env.Users[model.RoleTrainer].PasswordHash
	other.PasswordHash = hash
	if err := env.Store.CreateUser(t.Context(), &other); err != nil {
		t.Fatal(err)
	}
	clients := map[string]*webtest.Client{
		"admin": env.SignIn(model.RoleAdmin), "officer": env.SignIn(model.RoleProgramOfficer),
		"manager": env.SignIn(model.RoleManager), "trainer": env.SignIn(model.RoleTrainer), "anon": env.Client(),
	}
	oc := env.Client()
	if r := oc.SignIn(other.Email, webtest.Password); r.StatusCode != http.StatusSeeOther {
		t.Fatal("other trainer cannot sign in")
	}
	clients["other"] = oc
	sits := mustSittings(t, env, 1)
	s1 := fmt.Sprint(sits[0].ID)
	const (
		ok    = 200
		see   = http.StatusSeeOther
		deny  = http.StatusForbidden
		gone  = http.StatusNotFound
		wrong = http.StatusUnprocessableEntity
	)
	cases := []struct {
		method, path string
		want         map[string]int // admin, officer, manager, trainer, other, anon
	}{
		{"GET", "/trainings", map[string]int{"admin": ok, "officer": ok, "manager": ok, "trainer": ok, "other": ok, "anon": see}},
		{"GET", "/trainings/calendar", map[string]int{"admin": ok, "officer": ok, "manager": ok, "trainer": ok, "other": ok, "anon": see}},
		{"GET", "/trainings/1", map[string]int{"admin": ok, "officer": ok, "manager": ok, "trainer": ok, "other": gone, "anon": see}},
		{"GET", "/trainings/new", map[string]int{"admin": ok, "officer": ok, "manager": deny, "trainer": deny, "other": deny, "anon": see}},
		{"POST", "/trainings", map[string]int{"admin": wrong, "officer": wrong, "manager": deny, "trainer": deny, "other": deny, "anon": see}},
		{"GET", "/trainings/1/edit", map[string]int{"admin": ok, "officer": ok, "manager": deny, "trainer": deny, "other": deny, "anon": see}},
		{"POST", "/trainings/1", map[string]int{"admin": wrong, "officer": wrong, "manager": deny, "trainer": deny, "other": deny, "anon": see}},
		{"POST", "/trainings/1/status", map[string]int{"admin": see, "officer": see, "manager": deny, "trainer": deny, "other": deny, "anon": see}},
		{"GET", "/trainings/1/sessions/" + s1 + "/edit", map[string]int{"admin": ok, "officer": ok, "manager": deny, "trainer": deny, "other": deny, "anon": see}},
		{"GET", "/trainings/1/sessions/" + s1 + "/sheet", map[string]int{"admin": ok, "officer": ok, "manager": ok, "trainer": ok, "other": gone, "anon": see}},
		{"GET", "/trainings/1/participants/new", map[string]int{"admin": ok, "officer": ok, "manager": deny, "trainer": deny, "other": deny, "anon": see}},
		{"POST", "/trainings/1/registrations", map[string]int{"admin": http.StatusBadRequest, "officer": http.StatusBadRequest, "manager": deny, "trainer": deny, "other": deny, "anon": see}},
		{"GET", "/trainings/1/import", map[string]int{"admin": ok, "officer": ok, "manager": deny, "trainer": deny, "other": deny, "anon": see}},
		{"GET", "/import/template.csv", map[string]int{"admin": ok, "officer": ok, "manager": deny, "trainer": deny, "other": deny, "anon": see}},
		{"GET", "/sessions/" + s1 + "/roll", map[string]int{"admin": ok, "officer": ok, "manager": deny, "trainer": ok, "other": gone, "anon": see}},
		{"GET", "/trainings/1/badges", map[string]int{"admin": ok, "officer": ok, "manager": ok, "trainer": ok, "other": gone, "anon": see}},
		{"GET", "/trainings/1/assessments", map[string]int{"admin": ok, "officer": ok, "manager": deny, "trainer": ok, "other": gone, "anon": see}},
		{"GET", "/admin/users", map[string]int{"admin": ok, "officer": deny, "manager": deny, "trainer": deny, "other": deny, "anon": see}},
		{"GET", "/admin/audit", map[string]int{"admin": ok, "officer": deny, "manager": deny, "trainer": deny, "other": deny, "anon": see}},
	}
	for _, c := range cases {
		for who, want := range c.want {
			var r webtest.Response
			if c.method == "GET" {
				r = clients[who].Get(c.path)
			} else {
				r = clients[who].Post(c.path, url.Values{})
			}
			if r.StatusCode != want {
				t.Errorf("%s %s as %s = %d, want %d", c.method, c.path, who, r.StatusCode, want)
			}
		}
	}
}
