package web_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

var secretPattern = regexp.MustCompile(`td_[A-Za-z0-9_-]{43}`)

// makeToken makes a token on c's account page and returns its secret.
func makeToken(t *testing.T, c *webtest.Client, name string, personal bool) string {
	t.Helper()
	form := url.Values{"name": {name}, "days": {"30"}}
	if personal {
		form.Set("personal_data", "1")
	}
	r := c.Post("/account/tokens", form)
	secret := secretPattern.FindString(r.Body)
	if r.StatusCode != http.StatusOK || secret == "" {
		t.Fatalf("make a token = %d, secret %q", r.StatusCode, secret)
	}
	return secret
}

// bearerGet sends a GET (or a POST with a form) with only a token: no
// cookie, no CSRF token.
func bearerGet(t *testing.T, env *webtest.Env, method, path, secret string) webtest.Response {
	t.Helper()
	req, err := http.NewRequest(method, env.HTTP.URL+path, strings.NewReader("title_en=Made+with+a+token"))
	if err != nil {
		t.Fatal(err)
	}
	if method == http.MethodPost {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	req.Header.Set("Authorization", "Bearer "+secret)
	return env.Client().Send(req)
}

// TestAPIToken_Access is the access table of tokens: each kind of token
// on read routes, pages, the roll call's API and a state-changing route.
func TestAPIToken_Access(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	manager, trainer := env.SignIn(model.RoleManager), env.SignIn(model.RoleTrainer)
	plain := makeToken(t, manager, "Portal", false)
	personal := makeToken(t, manager, "Portal with names", true)
	revoked := makeToken(t, manager, "Old script", false)
	trainerTok := makeToken(t, trainer, "My tablet export", false)
	id := env.Store.MustString(context.Background(), "SELECT CAST(id AS TEXT) FROM api_tokens WHERE name = 'Old script'")
	if r := manager.Post("/account/tokens/"+id+"/revoke", nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("revoke = %d", r.StatusCode)
	}
	foreign := env.Store.MustString(context.Background(), "SELECT CAST(MAX(id) AS TEXT) FROM trainings")
	env.Store.Exec(context.Background(), "DELETE FROM training_facilitators WHERE training_id = ?", foreign)
	report := "/api/v1/reports/donor?project=SPHERE%20II&from=2023-01-01&to=2023-12-31"
	cases := []struct {
		name, method, path, secret string
		want                       int
	}{
		{"ValidList", "GET", "/api/v1/trainings", plain, 200},
		{"ValidOne", "GET", "/api/v1/trainings/1", plain, 200},
		{"ValidReport", "GET", report, plain, 200},
		{"ErrUnknown", "GET", "/api/v1/trainings", "td_" + strings.Repeat("A", 43), 401},
		{"ErrNotAToken", "GET", "/api/v1/trainings", "hello", 401},
		{"ErrRevoked", "GET", "/api/v1/trainings", revoked, 401},
		{"ErrRoleScope", "GET", report, trainerTok, 403},
		{"ErrForeignTraining", "GET", "/api/v1/trainings/" + foreign, trainerTok, 404},
		{"ErrPage", "GET", "/trainings", plain, 303},
		{"ErrRollRoster", "GET", "/api/v1/sessions/1/roster", trainerTok, 401},
		{"ErrPostRoute", "POST", "/trainings", personal, 400},
		{"ErrPostSync", "POST", "/api/v1/sync", trainerTok, 400},
	}
	before := env.Store.MustCount(context.Background(), "trainings")
	for _, c := range cases {
		if r := bearerGet(t, env, c.method, c.path, c.secret); r.StatusCode != c.want {
			t.Errorf("%s: %s %s = %d, want %d", c.name, c.method, c.path, r.StatusCode, c.want)
		}
	}
	if env.Store.MustCount(context.Background(), "trainings") != before {
		t.Error("a token changed data")
	}

	// Personal data only with the scope that allows it.
	var one map[string]any
	json.Unmarshal([]byte(bearerGet(t, env, "GET", "/api/v1/trainings/1", plain).Body), &one)
	if _, has := one["participants"]; has || one["counts"] == nil || one["sessions"] == nil {
		t.Errorf("a read-only token got %v", keysOf(one))
	}
	var full struct {
		Participants []model.APIPerson `json:"participants"`
		Counts       model.APICounts   `json:"counts"`
	}
	json.Unmarshal([]byte(bearerGet(t, env, "GET", "/api/v1/trainings/1", personal).Body), &full)
	if len(full.Participants) != full.Counts.Participants+full.Counts.Withdrawn || full.Counts.Participants == 0 || full.Participants[0].NameLatin == "" {
		t.Errorf("the personal-data token got %d participants for counts %+v", len(full.Participants), full.Counts)
	}

	// A trainer's token lists only the trainings they facilitate.
	var list model.APITrainingList
	json.Unmarshal([]byte(bearerGet(t, env, "GET", "/api/v1/trainings?per_page=100", trainerTok).Body), &list)
	for _, it := range list.Items {
		if itoa(it.ID) == foreign {
			t.Error("the trainer's token lists a training they do not facilitate")
		}
	}
	if list.Total == 0 || int(list.Total) != len(list.Items) {
		t.Errorf("trainer's list: %d items of %d", len(list.Items), list.Total)
	}

	// An expired token stops working.
	env.Clock.Advance(31 * 24 * time.Hour)
	if r := bearerGet(t, env, "GET", "/api/v1/trainings", plain); r.StatusCode != http.StatusUnauthorized {
		t.Errorf("expired token = %d, want 401", r.StatusCode)
	}
}

func keysOf(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestAPIToken_ShownOnceHashedAudited makes a token, finds only its
// SHA-256 in the database, uses it, and finds the use on the account page
// and in the audit log; the secret is never shown again.
func TestAPIToken_ShownOnceHashedAudited(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	officer := env.SignIn(model.RoleProgramOfficer)
	secret := makeToken(t, officer, "Nightly script", false)
	sum := sha256.Sum256([]byte(secret))
	ctx := context.Background()
	if got := env.Store.MustString(ctx, "SELECT hash FROM api_tokens WHERE name = 'Nightly script'"); got != hex.EncodeToString(sum[:]) {
		t.Errorf("stored %q, want the SHA-256 of the secret", got)
	}
	if n := env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM api_tokens WHERE hash = ? OR prefix = ? OR name = ?", secret, secret, secret); n != "0" {
		t.Error("the secret is stored")
	}
	page := officer.Get("/account").Body
	if strings.Contains(page, secret) || !strings.Contains(page, "Nightly script") || !strings.Contains(page, "Never used") {
		t.Error("the account page shows the secret again, or not the token")
	}
	if r := bearerGet(t, env, "GET", "/api/v1/trainings?status=completed", secret); r.StatusCode != http.StatusOK {
		t.Fatalf("use = %d", r.StatusCode)
	}
	if strings.Contains(officer.Get("/account").Body, "Never used") {
		t.Error("the last use is not shown")
	}
	uses := env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM audit_log WHERE action = 'api_token_use'")
	if uses != "1" {
		t.Errorf("%s audited uses, want 1", uses)
	}
	if r := bearerGet(t, env, "GET", "/api/v1/trainings?status=nonsense&from=2023-13-01", secret); r.StatusCode != http.StatusBadRequest ||
		!strings.Contains(r.Body, `"status"`) || !strings.Contains(r.Body, `"from"`) {
		t.Errorf("bad filters = %d %s", r.StatusCode, r.Body)
	}
	bad := officer.Post("/account/tokens", url.Values{"name": {" "}, "days": {"1000"}})
	if bad.StatusCode != http.StatusUnprocessableEntity || secretPattern.MatchString(bad.Body) {
		t.Errorf("an invalid token form = %d", bad.StatusCode)
	}
}

// TestAPIToken_RateLimit allows 60 requests a minute per token, answers
// the 61st with 429 and Retry-After, and allows again the next minute.
func TestAPIToken_RateLimit(t *testing.T) {
	env := webtest.New(t, webtest.Options{})
	secret := makeToken(t, env.SignIn(model.RoleManager), "Busy", false)
	for i := 1; i <= 60; i++ {
		if r := bearerGet(t, env, "GET", "/api/v1/trainings", secret); r.StatusCode != http.StatusOK {
			t.Fatalf("request %d = %d", i, r.StatusCode)
		}
	}
	r := bearerGet(t, env, "GET", "/api/v1/trainings", secret)
	if r.StatusCode != http.StatusTooManyRequests || r.Header.Get("Retry-After") == "" {
		t.Fatalf("request 61 = %d, Retry-After %q", r.StatusCode, r.Header.Get("Retry-After"))
	}
	env.Clock.Advance(time.Minute)
	if r := bearerGet(t, env, "GET", "/api/v1/trainings", secret); r.StatusCode != http.StatusOK {
		t.Errorf("next minute = %d", r.StatusCode)
	}
}
