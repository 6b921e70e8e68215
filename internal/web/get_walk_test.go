package web_test

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/model"
)

// What a GET may change. No GET request changes data; the only rows it
// may write are these, and the walk below fails on anything else:
//
//   - audit lines of the kinds in model.ReadKinds, which record that
//     someone downloaded personal data or figures (a certificate, a zip,
//     an attendance sheet, a report export);
//   - logins.last_seen_at, which the signed-in user's requests move on (at
//     most once a minute) so that an idle session ends;
//   - change_counters.n, which triggers bump with any other change, and
//     that change is reported on its own table.
//
// A table added later is covered without a change here.
func getMayChange(table string) (where string, omit []string) {
	switch table {
	case "audit_log":
		kinds := make([]string, len(model.ReadKinds))
		for i, k := range model.ReadKinds {
			kinds[i] = "'" + string(k) + "'"
		}
		return "action NOT IN (" + strings.Join(kinds, ", ") + ")", nil
	case "logins":
		return "", []string{"last_seen_at"}
	case "change_counters":
		return "", []string{"n"}
	}
	return "", nil
}

// dbState is a digest of every table, less what a GET may change.
func (f *accessFixture) dbState(t *testing.T) map[string]string {
	t.Helper()
	ctx := context.Background()
	tables, err := f.env.Store.Tables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, tb := range tables {
		where, omit := getMayChange(tb)
		if out[tb], err = f.env.Store.Digest(ctx, tb, where, omit...); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// getQueries are more addresses for GET routes whose query changes what
// they do: searches, filters and exports with real parameters.
var getQueries = map[string][]string{
	"GET /persons":                           {"/persons?q=Ahmed+Mahmoud", "/persons?q=0100&agency={AGENCY}"},
	"GET /persons/:id/merge":                 {"/persons/{P}/merge?q=Ahmed"},
	"GET /trainings":                         {"/trainings?q=customs&status=completed&sort=title&project={PROJECT}"},
	"GET /trainings/calendar":                {"/trainings/calendar?month=2023-01"},
	"GET /trainings/:id/participants/new":    {"/trainings/{T}/participants/new?q=Mohamed"},
	"GET /reports":                           {"/reports?project={PROJECT}&from=2023-01-01&to=2023-12-31"},
	"GET /reports/export.xlsx":               {"/reports/export.xlsx?project={PROJECT}&from=2023-01-01&to=2023-12-31&contact=1"},
	"GET /reports/export.pdf":                {"/reports/export.pdf?project={PROJECT}&from=2023-01-01&to=2023-12-31"},
	"GET /reports/export/:file":              {"/reports/export/participants.csv?project={PROJECT}&from=2023-01-01&to=2023-12-31"},
	"GET /api/v1/reports/donor":              {"/api/v1/reports/donor?project={PROJECT}&from=2023-01-01&to=2023-12-31"},
	"GET /admin/audit":                       {"/admin/audit?kind=certificate_issue&object=certificate", "/admin/audit?page=2"},
	"GET /verify":                            {"/verify?code={CODE}"},
	"GET /login":                             {"/login?next=/trainings"},
	"GET /trainings/:id/attendance.pdf":      {"/trainings/{T}/attendance.pdf?lang=ar"},
	"GET /trainings/:id/sessions/:sid/sheet": {"/trainings/{T}/sessions/{S}/sheet?lang=ar"},
}

// getAddresses lists the addresses to ask for route: the access table's,
// then getQueries'.
func getAddresses(t *testing.T, route string, lines map[string]access) []string {
	t.Helper()
	_, pattern, _ := strings.Cut(route, " ")
	first := addressOf(t, pattern)
	if a, ok := lines[route]; ok && a.path != "" {
		first = a.path
	}
	return append([]string{first}, getQueries[route]...)
}

// walkGETs asks for every GET route of routes as who, with the Host
// header of an attacker, and lists what went wrong: a change in the
// database, an answer of 500 or more, or the foreign host anywhere in the
// answer.
func (f *accessFixture) walkGETs(t *testing.T, who string, routes []*echo.Route) (problems []string, asked int) {
	t.Helper()
	// The job queue works in the background (exports the fixture started,
	// its own upkeep); stop it first, so that whatever changes during the
	// walk was changed by a request. A GET that queued a job would still
	// show, as a new row in the queue's tables.
	if err := f.env.Jobs.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	lines := map[string]access{}
	for _, a := range accessTable() {
		lines[a.route] = a
	}
	before := f.dbState(t)
	for _, r := range routes {
		if r.Method != http.MethodGet {
			continue
		}
		route := r.Method + " " + r.Path
		for _, addr := range getAddresses(t, route, lines) {
			set := f.own
			if a, ok := lines[route]; ok && a.each != nil {
				set = maps.Clone(set)
				maps.Copy(set, a.each(t, f))
				before = f.dbState(t)
			}
			path := f.fill(t, addr, who, set)
			res := getAs(t, f.clients[who], evilHost, path)
			asked++
			if res.StatusCode >= 500 {
				problems = append(problems, fmt.Sprintf("%s as %s = %d", path, who, res.StatusCode))
			}
			if strings.Contains(res.Body, evilHost) || strings.Contains(fmt.Sprint(res.Header), evilHost) {
				problems = append(problems, fmt.Sprintf("%s as %s: the answer names the request's Host %s", path, who, evilHost))
			}
			after := f.dbState(t)
			for tb, d := range after {
				if before[tb] != d {
					problems = append(problems, fmt.Sprintf("%s as %s changed table %s (%s → %s)", path, who, tb, before[tb], d))
				}
			}
			before = after
		}
	}
	return problems, asked
}

// TestGETRoutes_ChangeNothing walks every GET route of the router, as an
// administrator and as a trainer, with the access table's addresses and
// real searches, filters and exports, and compares the whole database
// before and after each request: no GET may change data (see
// getMayChange). Every request carries "Host: evil.example", which no
// answer may repeat: links are never built from the Host header.
func TestGETRoutes_ChangeNothing(t *testing.T) {
	f := newAccessFixture(t)
	// Leave a completer without a certificate (not the one the addresses
	// name), so that a GET that issued certificates would show.
	if err := f.env.Store.Exec(context.Background(), "DELETE FROM certificates WHERE id = (SELECT MAX(id) FROM certificates)"); err != nil {
		t.Fatal(err)
	}
	routes := f.env.Server.Echo().Routes()
	total := 0
	for _, who := range []string{actAdmin, actTrainer} {
		problems, asked := f.walkGETs(t, who, routes)
		for _, p := range problems {
			t.Error(p)
		}
		total += asked
	}
	if total < 100 {
		t.Errorf("only %d requests made: the walk missed routes", total)
	}
	t.Logf("%d GET requests walked", total)
}

// TestGETRoutes_WalkCatchesAWrite adds GET routes that write and checks
// that the walk reports each write it must, and only those.
func TestGETRoutes_WalkCatchesAWrite(t *testing.T) {
	f := newAccessFixture(t)
	e := f.env.Server.Echo()
	st := f.env.Store
	record := func(kind model.AuditKind) error {
		return st.RecordAudit(context.Background(), model.AuditEvent{Kind: kind, Object: model.AuditObject{Type: "training", ID: 1}})
	}
	writes := map[string]func() error{
		"/zz/donor":    func() error { return st.Exec(context.Background(), "UPDATE donors SET short_name = short_name || 'x'") },
		"/zz/audit":    func() error { return record(model.AuditTrainingUpdate) },
		"/zz/download": func() error { return record(model.AuditCertificateDownload) },
		"/zz/seen": func() error {
			return st.Exec(context.Background(), "UPDATE logins SET last_seen_at = '2030-01-01 00:00:00'")
		},
	}
	var routes []*echo.Route
	for p, w := range writes {
		routes = append(routes, e.GET(p, func(c echo.Context) error {
			if err := w(); err != nil {
				return err
			}
			return c.String(http.StatusOK, "ok")
		}))
	}
	problems, _ := f.walkGETs(t, actAdmin, routes)
	joined := strings.Join(problems, "\n")
	for p, want := range map[string]string{"/zz/donor": "table donors", "/zz/audit": "table audit_log"} {
		if !strings.Contains(joined, p+" as admin changed "+want) {
			t.Errorf("the write of %s is not reported: %v", p, problems)
		}
	}
	if len(problems) != 2 {
		t.Errorf("want exactly the 2 writes reported, got %v", problems)
	}
}
