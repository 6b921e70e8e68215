package auth_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

func TestSessions_SignInAndOutRecordEvents(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2023, 1, 16, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	s := storetest.SQLite(t, store.Options{Now: clock})
	_, admin := bootstrap(t, s)
	limits := auth.DefaultLimits()
	limits.Account = auth.Rule{Limit: 2, Window: time.Minute}
	sess := auth.NewSessions(s, auth.SessionOptions{Secret: []byte("0123456789abcdef0123456789abcdef"), Idle: time.Hour,
		Max: 8 * time.Hour, Now: clock, Cost: auth.MinCost, Limits: &limits})
	signIn := func(email, pw string) (*httptest.ResponseRecorder, model.User, error) {
		w := httptest.NewRecorder()
		u, err := sess.SignIn(w, httptest.NewRequest("POST", "/login", nil), "192.0.2.7", auth.Credentials{Email: email, Password: pw})
		return w, u, err
	}
	if _, _, err := signIn(" ", ""); model.FieldErrors(err)["email"] != "error.required" || model.FieldErrors(err)["password"] != "error.required" {
		t.Errorf("an empty form = %v", err)
	}
	w, u, err := signIn(" ROOT@example.org ", "correct horse")
	if err != nil || u.ID != admin.User.ID {
		t.Fatalf("sign in = %+v, %v", u, err)
	}
	ev := lastEvent(t, s, model.AuditSignIn)
	if ev.EntityID != u.ID || *ev.UserID != u.ID || ev.IP != "192.0.2.7" {
		t.Errorf("sign-in event %+v", ev)
	}
	if got, _ := s.UserByID(ctx, u.ID); got.LastLoginAt == nil {
		t.Error("the last sign-in is not recorded")
	}

	// The cookie leads back to the user; signing out ends the session.
	r := httptest.NewRequest("GET", "/", nil)
	for _, c := range w.Result().Cookies() {
		r.AddCookie(c)
	}
	if cur, _, err := sess.Current(r); err != nil || cur.ID != u.ID {
		t.Fatalf("current = %+v, %v", cur, err)
	}
	if err := sess.SignOut(httptest.NewRecorder(), r, model.Actor{User: u, IP: "192.0.2.7"}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := sess.Current(r); !errors.Is(err, auth.ErrNoSession) {
		t.Errorf("after sign-out: %v", err)
	}
	if ev := lastEvent(t, s, model.AuditSignOut); ev.EntityID != u.ID {
		t.Errorf("sign-out event %+v", ev)
	}

	// Wrong passwords count against the account until it is blocked.
	for i := 0; i < 2; i++ {
		if _, _, err := signIn("root@example.org", "wrong"); !errors.Is(err, auth.ErrBadCredentials) {
			t.Fatalf("a wrong password = %v", err)
		}
	}
	var limited *auth.LimitError
	if _, _, err := signIn("root@example.org", "correct horse"); !errors.As(err, &limited) || limited.Key != "acct:root@example.org" {
		t.Errorf("after two failures = %v", err)
	}
	if n, _, _ := s.AuditLog(ctx, model.AuditFilter{Kind: model.AuditSignIn}); len(n) != 1 {
		t.Errorf("%d sign-in events, want 1", len(n))
	}
}

// TestSessions_Remaining: a session lasts until it has been idle too long
// or reaches its absolute limit, whichever comes first; a request seen
// after a minute restarts the idle time, and the answer says so.
func TestSessions_Remaining(t *testing.T) {
	now := time.Date(2023, 1, 16, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	s := storetest.SQLite(t, store.Options{Now: clock})
	bootstrap(t, s)
	sess := auth.NewSessions(s, auth.SessionOptions{Secret: []byte("0123456789abcdef0123456789abcdef"), Idle: time.Hour,
		Max: 90 * time.Minute, Now: clock})
	w := httptest.NewRecorder()
	if _, err := sess.SignIn(w, httptest.NewRequest("POST", "/login", nil), "192.0.2.7",
		auth.Credentials{Email: "root@example.org", Password: "correct horse"}); err != nil {
		t.Fatal(err)
	}
	r := httptest.NewRequest("GET", "/", nil)
	for _, c := range w.Result().Cookies() {
		r.AddCookie(c)
	}
	remaining := func() time.Duration {
		_, l, err := sess.Current(r)
		if err != nil {
			t.Fatal(err)
		}
		return sess.Remaining(l)
	}
	if got := remaining(); got != time.Hour {
		t.Errorf("just signed in: %v left, want the idle hour", got)
	}
	now = now.Add(30 * time.Second)
	if got := remaining(); got != time.Hour-30*time.Second {
		t.Errorf("30 s later: %v left", got)
	}
	now = now.Add(50 * time.Minute)
	if got := remaining(); got != 40*time.Minute-30*time.Second {
		t.Errorf("seen again after 50 min: %v left, want the absolute limit's 39m30s", got)
	}
}
