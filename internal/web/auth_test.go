package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

func sessionCookie(t *testing.T, c *webtest.Client, env *webtest.Env) *http.Cookie {
	t.Helper()
	u, _ := url.Parse(env.HTTP.URL)
	for _, ck := range c.Jar.Cookies(u) {
		if ck.Name == auth.CookieName {
			return ck
		}
	}
	return nil
}

func TestSignIn(t *testing.T) {
	env := webtest.New(t, webtest.Options{})
	c := env.Client()

	res := c.Get("/login")
	if res.StatusCode != 200 || !strings.Contains(res.Body, `name="email"`) || !strings.Contains(res.Body, `name="password"`) {
		t.Fatalf("GET /login = %d, form fields missing", res.StatusCode)
	}
	res = c.SignIn(env.Users[model.RoleProgramOfficer].Email, webtest.Password)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/" {
		t.Fatalf("sign-in = %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	var set string
	for _, h := range res.Header.Values("Set-Cookie") {
		if strings.HasPrefix(h, auth.CookieName+"=") {
			set = h
		}
	}
	for _, want := range []string{"HttpOnly", "SameSite=Lax", "Path=/"} {
		if !strings.Contains(set, want) {
			t.Errorf("session cookie %q lacks %s", set, want)
		}
	}
	if strings.Contains(set, "Secure") {
		t.Errorf("session cookie over plain HTTP is marked Secure: %q", set)
	}
	res = c.Get("/")
	if res.StatusCode != 200 || !strings.Contains(res.Body, env.Users[model.RoleProgramOfficer].Name) {
		t.Fatalf("dashboard after sign-in = %d", res.StatusCode)
	}

	t.Run("ErrSameMessageForUnknownEmailAndWrongPassword", func(t *testing.T) {
		a := env.Client().SignIn("nobody@example.org", webtest.Password)
		b := env.Client().SignIn(env.Users[model.RoleManager].Email, "wrong-password-here")
		if a.StatusCode != http.StatusUnauthorized || b.StatusCode != http.StatusUnauthorized {
			t.Fatalf("statuses %d and %d, want 401", a.StatusCode, b.StatusCode)
		}
		msg := "The email address or password is not correct."
		if !strings.Contains(a.Body, msg) || !strings.Contains(b.Body, msg) {
			t.Error("the two failures do not show the same message")
		}
		if !strings.Contains(b.Body, `value="`+env.Users[model.RoleManager].Email+`"`) {
			t.Error("the typed email is not kept")
		}
	})
	t.Run("ErrEmptyFields", func(t *testing.T) {
		r := env.Client().SignIn("", "")
		if r.StatusCode != http.StatusUnprocessableEntity || strings.Count(r.Body, "This field is required.") != 2 {
			t.Fatalf("empty sign-in = %d", r.StatusCode)
		}
	})
	t.Run("NewSessionIDAtSignIn", func(t *testing.T) {
		c := env.Client()
		c.SignIn(env.Users[model.RoleTrainer].Email, webtest.Password)
		first := sessionCookie(t, c, env)
		c.SignIn(env.Users[model.RoleTrainer].Email, webtest.Password)
		second := sessionCookie(t, c, env)
		if first == nil || second == nil || first.Value == second.Value {
			t.Fatal("the session cookie did not change at sign-in")
		}
		old := env.Client()
		old.Jar.SetCookies(mustURL(env.HTTP.URL), []*http.Cookie{first})
		if r := old.Get("/"); r.StatusCode != http.StatusSeeOther {
			t.Errorf("the previous session still works after a new sign-in: %d", r.StatusCode)
		}
	})
	t.Run("NextStaysOnSite", func(t *testing.T) {
		c := env.Client()
		c.Get("/login")
		r := c.Post("/login", url.Values{"email": {env.Users[model.RoleAdmin].Email}, "password": {webtest.Password}, "next": {"//evil.example/"}})
		if r.Header.Get("Location") != "/" {
			t.Errorf("next=//evil.example/ redirected to %q", r.Header.Get("Location"))
		}
	})
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

func TestSignOut_EndsTheSession(t *testing.T) {
	env := webtest.New(t, webtest.Options{})
	c := env.SignIn(model.RoleAdmin)
	old := sessionCookie(t, c, env)
	res := c.Post("/logout", nil)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/login" {
		t.Fatalf("logout = %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	replay := env.Client()
	replay.Jar.SetCookies(mustURL(env.HTTP.URL), []*http.Cookie{old})
	if r := replay.Get("/"); r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/login") {
		t.Fatalf("replaying the old cookie = %d to %q, want a redirect to sign in", r.StatusCode, r.Header.Get("Location"))
	}
	if r := replay.Get("/admin/users"); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("replayed cookie reached the users page: %d", r.StatusCode)
	}
}

func TestDisabledUser_IsSignedOut(t *testing.T) {
	env := webtest.New(t, webtest.Options{})
	trainer := env.SignIn(model.RoleTrainer)
	if r := trainer.Get("/"); r.StatusCode != 200 {
		t.Fatalf("trainer dashboard = %d", r.StatusCode)
	}
	admin := env.SignIn(model.RoleAdmin)
	id := env.Users[model.RoleTrainer].ID
	r := admin.Post("/admin/users/"+itoa(id)+"/active", url.Values{"active": {"false"}})
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("disable = %d", r.StatusCode)
	}
	if r := trainer.Get("/"); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("disabled trainer still reaches the dashboard: %d", r.StatusCode)
	}
	if r := env.Client().SignIn(env.Users[model.RoleTrainer].Email, webtest.Password); r.StatusCode != http.StatusUnauthorized {
		t.Fatalf("disabled trainer can sign in again: %d", r.StatusCode)
	}
}

func TestSession_TimesOut(t *testing.T) {
	env := webtest.New(t, webtest.Options{})
	c := env.SignIn(model.RoleManager)
	env.Clock.Advance(7 * time.Hour)
	if r := c.Get("/"); r.StatusCode != 200 {
		t.Fatalf("after 7 idle hours = %d, want 200", r.StatusCode)
	}
	env.Clock.Advance(8*time.Hour + time.Minute)
	if r := c.Get("/"); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("after 8 idle hours = %d, want a redirect to sign in", r.StatusCode)
	}

	// An active session still ends after 7 days.
	c = env.SignIn(model.RoleManager)
	for i := 0; i < 30; i++ {
		env.Clock.Advance(7 * time.Hour)
		if r := c.Get("/"); r.StatusCode != 200 {
			if i < 24 {
				t.Fatalf("active session ended after %d hours", (i+1)*7)
			}
			return
		}
	}
	t.Fatal("an active session outlived the absolute limit of 7 days")
}

func TestSignIn_RateLimited(t *testing.T) {
	env := webtest.New(t, webtest.Options{})
	email := env.Users[model.RoleManager].Email
	for i := 0; i < 5; i++ {
		if r := env.Client().SignIn(email, "wrong-password-"+itoa(int64(i))); r.StatusCode != http.StatusUnauthorized {
			t.Fatalf("attempt %d = %d", i, r.StatusCode)
		}
	}
	r := env.Client().SignIn(email, webtest.Password)
	if r.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("6th attempt on the account = %d, want 429", r.StatusCode)
	}
	if r.Header.Get("Retry-After") == "" || !strings.Contains(r.Body, "Too many attempts") {
		t.Error("429 lacks Retry-After or a readable page")
	}
	// Other accounts from the same address are not blocked yet.
	if r := env.Client().SignIn(env.Users[model.RoleAdmin].Email, webtest.Password); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("another account = %d", r.StatusCode)
	}
	// Per address: twenty failures across accounts block the address (the
	// default is higher, for offices behind one address; see the README).
	limits := auth.DefaultLimits()
	limits.Address.Limit = 20
	env2 := webtest.New(t, webtest.Options{Limits: &limits})
	for i := 0; i < 20; i++ {
		env2.Client().SignIn("nobody"+itoa(int64(i))+"@example.org", "x-wrong-password")
	}
	if r := env2.Client().SignIn(env2.Users[model.RoleAdmin].Email, webtest.Password); r.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("after 20 failures from one address = %d, want 429", r.StatusCode)
	}
	// The window passes.
	env2.Clock.Advance(16 * time.Minute)
	if r := env2.Client().SignIn(env2.Users[model.RoleAdmin].Email, webtest.Password); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("after the window = %d", r.StatusCode)
	}
}

func itoa(n int64) string { return strconvI(n) }
