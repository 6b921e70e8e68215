package web_test

import (
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/app"
	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestCSRF_TiedToTheSession: the token is the session's, not whatever the
// browser's cookie says; it changes at sign-in and at sign-out, and an old
// one is refused. Plain net/http requests send no Sec-Fetch-Site, so the
// token path is what these exercise.
func TestCSRF_TiedToTheSession(t *testing.T) {
	env := webtest.New(t, webtest.Options{})
	post := func(c *webtest.Client, path, token string) int {
		return c.Do("POST", path, url.Values{"_csrf": {token}}, "").StatusCode
	}
	c := env.Client()
	before := c.Token()
	c.SignIn(env.Users[model.RoleAdmin].Email, webtest.Password)
	during := c.Token()
	if during == before || webtest.FormToken(c.Get("/admin/users/new").Body) != during {
		t.Fatal("the token did not change at sign-in, or the page does not carry the session's token")
	}
	if got := post(c, "/admin/users/1/active", before); got != http.StatusForbidden {
		t.Errorf("the token from before sign-in = %d, want 403", got)
	}

	// Another session of the same user has its own token.
	other := env.SignIn(model.RoleAdmin)
	if other.Token() == during {
		t.Fatal("two sessions share a token")
	}
	if got := post(c, "/admin/users/1/active", other.Token()); got != http.StatusForbidden {
		t.Errorf("another session's token = %d, want 403", got)
	}

	// A cookie the attacker managed to plant proves nothing: the token
	// must be the session's.
	planted := strings.Repeat("A", 43)
	c.Jar.SetCookies(mustURL(env.HTTP.URL), []*http.Cookie{{Name: auth.CSRFCookie, Value: planted, Path: "/"}})
	if got := post(c, "/admin/users/1/active", planted); got != http.StatusForbidden {
		t.Errorf("a planted cookie with the same token = %d, want 403", got)
	}
	if got := post(c, "/logout", during); got != http.StatusSeeOther {
		t.Fatalf("sign-out with the session's token = %d", got)
	}
	after := c.Token()
	if after == during || after == before {
		t.Error("the token did not change at sign-out")
	}
	if got := post(c, "/login", during); got != http.StatusForbidden {
		t.Errorf("the signed-out session's token = %d, want 403", got)
	}
	if r := c.Post("/login", url.Values{"email": {"nobody@example.org"}, "password": {"x"}}); r.StatusCode != http.StatusUnauthorized {
		t.Errorf("sign-in form with the new token = %d, want 401", r.StatusCode)
	}
}

// TestCSRF_SecureBehindTrustedProxy: behind a TLS proxy the configuration
// trusts, the CSRF cookie is Secure like the session cookie; over plain
// HTTP neither is.
func TestCSRF_SecureBehindTrustedProxy(t *testing.T) {
	env := webtest.New(t, webtest.Options{Adjust: func(o *app.Options) {
		o.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}
	}})
	for _, proto := range []string{"https", ""} {
		c := env.Client()
		req, _ := http.NewRequest("GET", env.HTTP.URL+"/login", nil)
		req.Header.Set("X-Forwarded-Proto", proto)
		r := c.Send(req)
		token := webtest.FormToken(r.Body)
		req, _ = http.NewRequest("POST", env.HTTP.URL+"/login", strings.NewReader(url.Values{"_csrf": {token},
			"email": {env.Users[model.RoleAdmin].Email}, "password": {webtest.Password}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Forwarded-Proto", proto)
		for _, ck := range r.Cookies() {
			req.AddCookie(ck)
		}
		signIn := c.Send(req)
		if signIn.StatusCode != http.StatusSeeOther {
			t.Fatalf("sign-in behind the proxy (%q) = %d", proto, signIn.StatusCode)
		}
		for _, res := range []webtest.Response{r, signIn} {
			for _, set := range res.Header.Values("Set-Cookie") {
				name := set[:strings.Index(set, "=")]
				if secure := strings.Contains(set, "; Secure"); secure != (proto == "https") {
					t.Errorf("X-Forwarded-Proto %q: cookie %s Secure=%v", proto, name, secure)
				}
			}
		}
	}
}
