package web_test

import (
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/webtest"
)

// Expected statuses in the access table.
const (
	ok     = http.StatusOK
	see    = http.StatusSeeOther // after a POST, or "sign in first" for a visitor
	bad    = http.StatusBadRequest
	no     = http.StatusForbidden
	nf     = http.StatusNotFound
	clsh   = http.StatusConflict
	inv    = http.StatusUnprocessableEntity
	unauth = http.StatusUnauthorized // an API asks for a session instead of redirecting
	moved  = http.StatusMovedPermanently
)

// access is one line of the access table: a route and the status each
// actor gets. own is a trainer on a training they facilitate, foreign a
// trainer on one they do not; every other actor uses the ids of the demo
// training. Routes outside a training give the two trainer columns alike.
type access struct {
	route string // "METHOD /echo/path", as the router lists it
	want  codes
	// path overrides the address derived from the route (for a query).
	path string
	// form is the body of a POST; nil sends only the CSRF token.
	form url.Values
	// fresh signs every actor in anew for this line (sign-out ends the
	// session it is sent with).
	fresh bool
	// each makes new objects before every request of the line, for
	// requests that use their object up (a deletion, an import, an undo),
	// and returns the placeholders that name them.
	each func(t *testing.T, f *accessFixture) map[string]string
}

// codes are the statuses for anonymous, admin, program officer, manager,
// trainer on their own training and trainer on a foreign one.
type codes [6]int

// accessTable is the whole table, gathered from the files by area.
func accessTable() []access {
	var all []access
	for _, part := range [][]access{accessPublic, accessAdmin, accessTrainings, accessTrainingParts,
		accessAttendance, accessCertificates, accessPersons, accessReports, accessReference, accessAccount, accessMessages, accessQuestionnaires,
		accessEvidence, accessPrivacy, accessRetention} {
		all = append(all, part...)
	}
	return all
}

// TestAccessTable walks every route the router knows and checks each
// actor's answer against the table. A route missing from the table fails,
// so a new route cannot ship without deciding who may reach it; a line
// whose route is gone fails too.
func TestAccessTable(t *testing.T) {
	f := newAccessFixture(t)
	table := accessTable()
	for _, problem := range uncovered(f.env.Server.Echo().Routes(), table) {
		t.Error(problem)
	}
	if t.Failed() {
		return
	}
	discover := os.Getenv("TRAINDESK_ACCESS_DISCOVER") != ""
	for _, a := range table {
		got := f.probe(t, a)
		if discover {
			fmt.Printf("\t{route: %q, want: codes{%s}},\n", a.route, got.String())
			continue
		}
		for i, who := range columnNames {
			if got[i] != a.want[i] {
				t.Errorf("%s as %s = %d, want %d", a.route, who, got[i], a.want[i])
			}
		}
	}
	t.Logf("%d routes in the access table", len(table))
}

// uncovered lists the routes missing from the table, the lines whose
// route is gone, and the lines that are there twice.
func uncovered(routes []*echo.Route, table []access) []string {
	var out []string
	known := map[string]bool{}
	for _, a := range table {
		if known[a.route] {
			out = append(out, a.route+" is twice in the access table")
		}
		known[a.route] = true
	}
	served := map[string]bool{}
	for _, r := range routes {
		key := r.Method + " " + r.Path
		served[key] = true
		if !known[key] {
			out = append(out, key+" is not in the access table: add who may reach it")
		}
	}
	for _, a := range table {
		if !served[a.route] {
			out = append(out, a.route+" is in the access table but not in the router")
		}
	}
	return out
}

// TestAccessTable_NewRouteFails adds a route the table does not know and
// checks that the table notices.
func TestAccessTable_NewRouteFails(t *testing.T) {
	env := webtest.New(t, webtest.Options{})
	e := env.Server.Echo()
	if got := uncovered(e.Routes(), accessTable()); len(got) != 0 {
		t.Fatalf("before: %v", got)
	}
	e.GET("/trainings/:id/invitations", func(c echo.Context) error { return nil })
	got := uncovered(e.Routes(), accessTable())
	if len(got) != 1 || !strings.Contains(got[0], "GET /trainings/:id/invitations is not in the access table") {
		t.Errorf("a new route gives %v", got)
	}
}

var columnNames = [6]string{"anonymous", "admin", "officer", "manager", "trainer (own)", "trainer (foreign)"}

func (c codes) String() string {
	names := map[int]string{ok: "ok", see: "see", bad: "bad", no: "no", nf: "nf", clsh: "clsh", inv: "inv", unauth: "unauth", moved: "moved"}
	parts := make([]string, len(c))
	for i, n := range c {
		if s, found := names[n]; found {
			parts[i] = s
		} else {
			parts[i] = fmt.Sprint(n)
		}
	}
	return strings.Join(parts, ", ")
}

// probe sends a's request as every actor. Both trainers are asked about
// both trainings; the two answers of a column must agree.
func (f *accessFixture) probe(t *testing.T, a access) codes {
	t.Helper()
	type ask struct {
		who    string
		set    map[string]string
		column int
	}
	asks := []ask{
		{actAnon, f.own, 0}, {actAdmin, f.own, 1}, {actOfficer, f.own, 2}, {actManager, f.own, 3},
		{actTrainer, f.own, 4}, {actTrainer2, f.foreign, 4}, {actTrainer, f.foreign, 5}, {actTrainer2, f.own, 5},
	}
	var got codes
	seen := [6]bool{}
	for _, k := range asks {
		status := f.send(t, a, k.who, k.set)
		if seen[k.column] && got[k.column] != status {
			t.Errorf("%s: the two trainers disagree as %s: %d and %d", a.route, columnNames[k.column], got[k.column], status)
		}
		got[k.column], seen[k.column] = status, true
	}
	return got
}

// send makes one request of the line as who, with the placeholders of set.
func (f *accessFixture) send(t *testing.T, a access, who string, set map[string]string) int {
	t.Helper()
	method, pattern, _ := strings.Cut(a.route, " ")
	path := a.path
	if path == "" {
		path = addressOf(t, pattern)
	}
	if a.each != nil {
		set = maps.Clone(set)
		maps.Copy(set, a.each(t, f))
	}
	path = f.fill(t, path, who, set)
	c := f.clients[who]
	if a.fresh {
		c = f.freshClient(t, who)
	}
	var r webtest.Response
	switch method {
	case http.MethodGet:
		r = c.Get(path)
	case http.MethodPost:
		form := url.Values{}
		for k, v := range a.form {
			form[k] = append([]string(nil), v...)
		}
		r = c.Post(path, form)
	default:
		t.Fatalf("%s: the access table sends only GET and POST", a.route)
	}
	// A participant answering a questionnaire has no account: their 303 is the thanks page.
	public := strings.HasPrefix(path, "/q/")
	if who == actAnon && r.StatusCode == see && !public && !strings.HasPrefix(r.Header.Get("Location"), "/login") {
		t.Errorf("%s: a visitor is sent to %q, not to the sign-in page", a.route, r.Header.Get("Location"))
	}
	return r.StatusCode
}

// fill replaces the {PLACEHOLDERS} of path with the values of set; {J} is
// the actor's own export job.
func (f *accessFixture) fill(t *testing.T, path, who string, set map[string]string) string {
	t.Helper()
	for {
		i := strings.Index(path, "{")
		if i < 0 {
			return path
		}
		j := strings.Index(path[i:], "}")
		key := path[i+1 : i+j]
		v, found := set[key]
		if key == "J" {
			v, found = f.jobs[who], true
			if v == "" {
				v = f.jobs[actManager]
			}
		}
		if !found {
			t.Fatalf("%s: no value for {%s}", path, key)
		}
		path = path[:i] + v + path[i+j+1:]
	}
}

// freshClient signs who in anew.
func (f *accessFixture) freshClient(t *testing.T, who string) *webtest.Client {
	t.Helper()
	c := f.env.Client()
	email := map[string]string{actAdmin: "admin@traindesk.local", actOfficer: "officer@traindesk.local",
		actManager: "manager@traindesk.local", actTrainer: "trainer@traindesk.local", actTrainer2: "second-trainer@example.org"}[who]
	if email != "" {
		if r := c.SignIn(email, webtest.Password); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("sign in as %s = %d", who, r.StatusCode)
		}
	}
	return c
}
