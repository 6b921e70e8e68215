package web_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"
)

// accessAccount is the access table of the account page, personal API
// tokens and the trainings API. {TOKEN} is the administrator's token: only
// its owner may revoke it, everybody else is told it does not exist.
var accessAccount = []access{
	{route: "GET /account", want: codes{see, ok, ok, ok, ok, ok}},
	{route: "POST /account/tokens", want: codes{see, ok, ok, ok, ok, ok}, form: url.Values{"name": {"Access"}, "days": {"7"}}},
	{route: "POST /account/tokens/:id/revoke", want: codes{see, see, nf, nf, nf, nf}},
	{route: "GET /api/v1/openapi.json", want: codes{ok, ok, ok, ok, ok, ok}},
	{route: "GET /api/v1/trainings", want: codes{unauth, ok, ok, ok, ok, ok}},
	{route: "GET /api/v1/trainings/:id", want: codes{unauth, ok, ok, ok, ok, nf}},
}

// adminToken makes a token for the administrator and returns its id.
func (f *accessFixture) adminToken(t *testing.T) string {
	t.Helper()
	r := f.clients[actAdmin].Post("/account/tokens", url.Values{"name": {"Access table"}, "days": {"30"}})
	if r.StatusCode != http.StatusOK {
		t.Fatalf("make a token = %d", r.StatusCode)
	}
	return f.env.Store.MustString(context.Background(), "SELECT CAST(MAX(id) AS TEXT) FROM api_tokens")
}
