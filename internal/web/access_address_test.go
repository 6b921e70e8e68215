package web_test

import (
	"strings"
	"testing"
)

// addressOf turns a route into an address with placeholders: each path
// parameter is named after the object it stands for, by the segment before
// it. A parameter the table does not know fails the test.
func addressOf(t *testing.T, pattern string) string {
	t.Helper()
	segs := strings.Split(pattern, "/")
	for i, s := range segs {
		prev := ""
		if i > 0 {
			prev = segs[i-1]
		}
		switch {
		case s == "*":
			segs[i] = "{ASSET}"
		case strings.HasPrefix(s, ":"):
			key := paramObject(prev, s[1:])
			if key == "" {
				t.Fatalf("%s: the access table does not know what :%s after %q stands for", pattern, s[1:], prev)
			}
			segs[i] = "{" + key + "}"
		}
	}
	return strings.Join(segs, "/")
}

// paramObject names the placeholder of parameter name after segment prev.
func paramObject(prev, name string) string {
	byName := map[string]string{"sid": "S", "rid": "R", "cid": "C", "uid": "U", "mid": "M", "iid": "IND", "code": "CODE", "qid": "QZ", "eid": "E"}
	if k, found := byName[name]; found {
		return k
	}
	byPrev := map[string]map[string]string{
		"id": {"trainings": "T", "sessions": "S", "users": "USER", "persons": "P", "jobs": "J", "donors": "DONOR",
			"projects": "PROJECT", "agencies": "AGENCY", "stations": "STATION", "thematic": "THEMATIC",
			"tokens": "TOKEN", "messages": "MSG", "letters": "LTR"},
		"file":  {"certificates": "F", "export": "CSV"},
		"token": {"calendar": "FEED", "q": "QT"},
	}
	return byPrev[name][prev]
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
