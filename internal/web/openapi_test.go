package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// openAPIDoc is the part of the OpenAPI document the tests read.
type openAPIDoc struct {
	OpenAPI  string                   `json:"openapi"`
	Security []map[string][]string    `json:"security"`
	Paths    map[string]map[string]op `json:"paths"`
}

type op struct {
	Security   *[]map[string][]string `json:"security"`
	Parameters []struct {
		Name     string `json:"name"`
		In       string `json:"in"`
		Required bool   `json:"required"`
		Example  any    `json:"example"`
	} `json:"parameters"`
	Responses map[string]any `json:"responses"`
}

// schemes names the security schemes of o ("" when it needs none).
func (d openAPIDoc) schemes(o op) map[string]bool {
	sec := d.Security
	if o.Security != nil {
		sec = *o.Security
	}
	out := map[string]bool{}
	for _, s := range sec {
		for k := range s {
			out[k] = true
		}
	}
	if len(sec) == 0 {
		out[""] = true
	}
	return out
}

// address fills o's path parameters and required query parameters with
// their examples.
func address(path string, o op) string {
	q := url.Values{}
	for _, p := range o.Parameters {
		ex := strings.TrimSuffix(strings.TrimPrefix(mustJSON(p.Example), `"`), `"`)
		switch {
		case p.In == "path":
			path = strings.ReplaceAll(path, "{"+p.Name+"}", ex)
		case p.In == "query" && p.Example != nil:
			q.Set(p.Name, ex)
		}
	}
	if len(q) > 0 {
		path += "?" + q.Encode()
	}
	return path
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestOpenAPI_MatchesRouter reads the served document, checks that every
// /api/v1 route of the router is documented and every documented
// operation is a route, and calls each documented read with a token (or,
// where the document says tokens are not taken, with a session, checking
// that a token is refused there).
func TestOpenAPI_MatchesRouter(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	r := env.Client().Get("/api/v1/openapi.json")
	var doc openAPIDoc
	if r.StatusCode != http.StatusOK || json.Unmarshal([]byte(r.Body), &doc) != nil || !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi.json = %d, not an OpenAPI 3 document", r.StatusCode)
	}
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for method := range ops {
			documented[strings.ToUpper(method)+" "+path] = true
		}
	}
	routed := map[string]bool{}
	for _, rt := range env.Server.Echo().Routes() {
		if !strings.HasPrefix(rt.Path, "/api/v1/") {
			continue
		}
		segs := strings.Split(rt.Path, "/")
		for i, s := range segs {
			if strings.HasPrefix(s, ":") {
				segs[i] = "{" + s[1:] + "}"
			}
		}
		key := rt.Method + " " + strings.Join(segs, "/")
		routed[key] = true
		if !documented[key] {
			t.Errorf("%s is routed but not in openapi.json", key)
		}
	}
	for key := range documented {
		if !routed[key] {
			t.Errorf("%s is in openapi.json but not routed", key)
		}
	}

	manager, trainer := env.SignIn(model.RoleManager), env.SignIn(model.RoleTrainer)
	secret := makeToken(t, manager, "OpenAPI check", true)
	var paths []string
	for p := range doc.Paths {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, path := range paths {
		for method, o := range doc.Paths[path] {
			addr, s := address(path, o), doc.schemes(o)
			switch {
			case method != "get":
				if got := bearerGet(t, env, strings.ToUpper(method), addr, secret); got.StatusCode < 400 {
					t.Errorf("%s %s takes a token: %d", method, addr, got.StatusCode)
				}
			case s["bearerToken"]:
				if got := bearerGet(t, env, "GET", addr, secret); got.StatusCode/100 != 2 {
					t.Errorf("GET %s with a token = %d", addr, got.StatusCode)
				}
			case s["session"]:
				if got := trainer.Get(addr); got.StatusCode/100 != 2 {
					t.Errorf("GET %s with a session = %d", addr, got.StatusCode)
				}
				if got := bearerGet(t, env, "GET", addr, secret); got.StatusCode != http.StatusUnauthorized {
					t.Errorf("GET %s takes a token: %d", addr, got.StatusCode)
				}
			default:
				if got := env.Client().Get(addr); got.StatusCode/100 != 2 {
					t.Errorf("GET %s for anyone = %d", addr, got.StatusCode)
				}
			}
			if len(o.Responses) == 0 {
				t.Errorf("%s %s documents no response", method, path)
			}
		}
	}
}
