package auth_test

import (
	"context"
	"io"
	"log/slog"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"sync/atomic"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/store"
)

var testSecret = []byte("0123456789abcdef0123456789abcdef")

// quietStore opens stores that log nothing.
var quietStore = store.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}

// loginURL is where the test browsers post the sign-in form.
var loginURL = &url.URL{Scheme: "http", Host: "traindesk.test", Path: "/login"}

// browser keeps cookies between sign-ins, as a real one does, and comes
// from one client address.
type browser struct {
	jar *cookiejar.Jar
	ip  string
}

func newBrowser(ip string) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{jar: jar, ip: ip}
}

// signIn posts the form through s with the browser's cookies and keeps
// the cookies the answer sets.
func (b *browser) signIn(s *auth.Sessions, email, password string) error {
	r := httptest.NewRequest("POST", loginURL.String(), nil)
	for _, c := range b.jar.Cookies(loginURL) {
		r.AddCookie(c)
	}
	w := httptest.NewRecorder()
	_, err := s.SignIn(w, r, b.ip, auth.Credentials{Email: email, Password: password})
	b.jar.SetCookies(loginURL, w.Result().Cookies())
	return err
}

// cheapSessions builds a session manager whose password check is a plain
// comparison (hashes are "pw:" + the password) that counts every check
// reaching it, so that tests can count and stay fast.
func cheapSessions(st auth.Store, now func() time.Time, limits *auth.Limits) (*auth.Sessions, *atomic.Int64) {
	s := auth.NewSessions(st, auth.SessionOptions{Secret: testSecret, Idle: time.Hour, Max: 8 * time.Hour,
		Now: now, Cost: auth.MinCost, Limits: limits})
	var checks atomic.Int64
	auth.SetCompare(s, func(hash, password string) bool {
		checks.Add(1)
		return hash == "pw:"+password
	})
	return s, &checks
}

// addUser stores an active user whose password is password (for
// cheapSessions).
func addUser(t *testing.T, s *store.Store, email, password string) model.User {
	t.Helper()
	u := model.User{Email: email, Name: "Test", Role: model.RoleManager, PasswordHash: "pw:" + password, Active: true}
	if err := s.CreateUser(context.Background(), &u); err != nil {
		t.Fatal(err)
	}
	return u
}

// limitWait returns the wait of a *auth.LimitError, or -1 for any other
// answer.
func limitWait(err error) time.Duration {
	if le, ok := err.(*auth.LimitError); ok {
		return le.Wait
	}
	return -1
}
