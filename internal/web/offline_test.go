package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestOffline_SignInHeaders: every signed-in answer says whose sign-in it
// is and how long it lasts (the tablet keeps both to close its offline
// copy in time), and in which language it is (the copy is kept per
// language).
func TestOffline_SignInHeaders(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true, Today: model.MustDate("2026-11-27")})
	trainer := env.SignIn(model.RoleTrainer)
	r := trainer.Get("/?lang=ar")
	if got := r.Header.Get("X-Signin-User"); got != strconv.FormatInt(env.Users[model.RoleTrainer].ID, 10) {
		t.Errorf("X-Signin-User = %q", got)
	}
	left, _ := strconv.ParseInt(r.Header.Get("X-Signin-Remaining"), 10, 64)
	if time.Duration(left)*time.Millisecond != 8*time.Hour { // the test clock stands still: the whole idle time
		t.Errorf("X-Signin-Remaining = %q, want 8 hours in milliseconds", r.Header.Get("X-Signin-Remaining"))
	}
	if got := r.Header.Get("Content-Language"); got != "ar" {
		t.Errorf("Content-Language = %q, want ar", got)
	}
	anon := env.Client().Get("/login")
	if anon.Header.Get("X-Signin-User") != "" || anon.Header.Get("X-Signin-Remaining") != "" {
		t.Error("a signed-out answer names a sign-in")
	}
}

// TestOffline_CallsForAnotherUser: the tablet's calls name the user whose
// marks they carry; under someone else's sign-in they are refused (409)
// and nothing is recorded, so queued marks are never sent as another user.
func TestOffline_CallsForAnotherUser(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true, Today: model.MustDate("2026-11-27")})
	_, si, regs := todaySession(t, env)
	officer := env.SignIn(model.RoleProgramOfficer)
	trainerID := strconv.FormatInt(env.Users[model.RoleTrainer].ID, 10)
	officerID := strconv.FormatInt(env.Users[model.RoleProgramOfficer].ID, 10)
	now := env.Clock.Now().UnixMilli()
	batch := map[string]any{"device_id": "tab-1", "ops": []map[string]any{
		{"op_id": "other-user-op-1", "registration_id": regs[0].ID, "session_id": si.ID, "status": "present", "client_time": now}}}
	send := func(user string) webtest.Response {
		req := jsonRequest(officer, "/api/v1/sync", batch)
		req.Header.Set("X-Traindesk-User", user)
		return officer.Send(req)
	}
	if r := send(trainerID); r.StatusCode != http.StatusConflict || !strings.Contains(r.Body, `"status":409`) {
		t.Fatalf("the trainer's marks under the officer's sign-in = %d %s", r.StatusCode, r.Body)
	}
	if ms, _ := env.Store.SessionMarks(t.Context(), si.ID); len(ms) != 0 {
		t.Fatalf("a refused call recorded %d marks", len(ms))
	}
	roster, _ := http.NewRequest("GET", officer.Server()+fmt.Sprintf("/api/v1/sessions/%d/roster", si.ID), nil)
	roster.Header.Set("X-Traindesk-User", trainerID)
	if r := officer.Send(roster); r.StatusCode != http.StatusConflict {
		t.Errorf("the trainer's roster under the officer's sign-in = %d", r.StatusCode)
	}
	if r := send(officerID); r.StatusCode != http.StatusOK || !strings.Contains(r.Body, `"result":"applied"`) {
		t.Errorf("the officer's own marks = %d %s", r.StatusCode, r.Body)
	}
}

// TestOffline_ServiceWorker: the worker lists this build's shell, with the
// roll call's scripts, and carries the sign-in notice in both languages.
func TestOffline_ServiceWorker(t *testing.T) {
	env := webtest.New(t, webtest.Options{})
	r := env.Client().Get("/sw.js")
	if r.StatusCode != http.StatusOK || r.Header.Get("Cache-Control") != "no-cache" {
		t.Fatalf("/sw.js = %d %q", r.StatusCode, r.Header.Get("Cache-Control"))
	}
	for _, want := range []string{"/assets/js/tablet.", "/assets/js/roll.", "/assets/js/roll-find.", `"title":"Sign in again"`,
		`"dir":"rtl"`, "سجّل الدخول مرة أخرى"} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("/sw.js lacks %q", want)
		}
	}
	if strings.Contains(r.Body, "__SHELL__") || strings.Contains(r.Body, "__TEXTS__") || strings.Contains(r.Body, "__VERSION__") {
		t.Error("/sw.js has placeholders left")
	}
}

// jsonRequest is a JSON POST with the CSRF token, as the roll call sends it.
func jsonRequest(c *webtest.Client, path string, body any) *http.Request {
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest("POST", c.Server()+path, strings.NewReader(string(b)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-CSRF-Token", c.Token())
	return req
}
