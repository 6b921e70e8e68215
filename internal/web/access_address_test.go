package web_test

import (
	"testing"

	"github.com/traindesk/traindesk/internal/webtest"
)

// addressOf turns a route into an address with placeholders
// (webtest.RouteAddress); a parameter no placeholder is known for fails the
// test.
func addressOf(t *testing.T, pattern string) string {
	t.Helper()
	a, err := webtest.RouteAddress(pattern)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestAccessTable_Addresses checks the address derivation on its own.
func TestAccessTable_Addresses(t *testing.T) {
	for pattern, want := range map[string]string{
		"/trainings/:id/attendance/:rid/:sid":          "/trainings/{T}/attendance/{R}/{S}",
		"/reference/projects/:id/indicators/:iid/edit": "/reference/projects/{PROJECT}/indicators/{IND}/edit",
		"/assets/*":                                      "/assets/{ASSET}",
		"/reports/export/:file":                          "/reports/export/{CSV}",
		"/trainings/:id/certificates/:file":              "/trainings/{T}/certificates/{F}",
		"/api/v1/sessions/:id/roster":                    "/api/v1/sessions/{S}/roster",
		"/persons/merges/:mid/undo":                      "/persons/merges/{M}/undo",
		"/verify/:code":                                  "/verify/{CODE}",
		"/admin/users/:id/active":                        "/admin/users/{USER}/active",
		"/reports/jobs/:id/file":                         "/reports/jobs/{J}/file",
		"/reference/thematic/:id/archive":                "/reference/thematic/{THEMATIC}/archive",
		"/trainings/:id/import/:uid/preview":             "/trainings/{T}/import/{U}/preview",
		"/reference/stations/:id/edit":                   "/reference/stations/{STATION}/edit",
		"/reference/agencies/:id/delete":                 "/reference/agencies/{AGENCY}/delete",
		"/reference/donors/:id":                          "/reference/donors/{DONOR}",
		"/sessions/:id/roll":                             "/sessions/{S}/roll",
		"/trainings/:id/registrations/:rid/status":       "/trainings/{T}/registrations/{R}/status",
		"/persons/:id/merge":                             "/persons/{P}/merge",
		"/trainings/:id/sessions/:sid/sheet":             "/trainings/{T}/sessions/{S}/sheet",
		"/reference/projects/:id/indicators/:iid/delete": "/reference/projects/{PROJECT}/indicators/{IND}/delete",
	} {
		if got := addressOf(t, pattern); got != want {
			t.Errorf("%s → %s, want %s", pattern, got, want)
		}
	}
}
