package web_test

import (
	"bytes"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

func strconvI(n int64) string { return strconv.FormatInt(n, 10) }

func TestCSRF(t *testing.T) {
	env := webtest.New(t, webtest.Options{})
	c := env.SignIn(model.RoleAdmin)
	form := url.Values{"email": {"x@example.org"}, "name": {"X"}, "role": {"manager"}}

	r := c.Do("POST", "/admin/users", form, "")
	if r.StatusCode != http.StatusBadRequest {
		t.Errorf("POST without a token = %d, want 400", r.StatusCode)
	}
	bad := url.Values{"_csrf": {"not-the-token"}}
	for k, v := range form {
		bad[k] = v
	}
	if r := c.Do("POST", "/admin/users", bad, ""); r.StatusCode != http.StatusForbidden {
		t.Errorf("POST with a wrong token = %d, want 403", r.StatusCode)
	}
	if r := c.Do("POST", "/logout", url.Values{}, ""); r.StatusCode != http.StatusBadRequest {
		t.Errorf("sign-out without a token = %d, want 400", r.StatusCode)
	}
	// htmx sends the token in a header.
	req, _ := http.NewRequest("POST", env.HTTP.URL+"/admin/users", strings.NewReader(form.Encode()+"&password=long-enough-pw"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-CSRF-Token", c.Token())
	req.Header.Set("HX-Request", "true")
	if r := c.Send(req); r.StatusCode != http.StatusSeeOther {
		t.Errorf("POST with the token in X-CSRF-Token = %d, want 303", r.StatusCode)
	}
	// A cross-site browser request is refused even with a token.
	req, _ = http.NewRequest("POST", env.HTTP.URL+"/logout", strings.NewReader("_csrf="+c.Token()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if r := c.Send(req); r.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site POST = %d, want 403", r.StatusCode)
	}
	// The page carries the token for htmx and for forms.
	page := c.Get("/admin/users/new")
	if tok := webtest.FormToken(page.Body); tok == "" || !strings.Contains(page.Body, "X-CSRF-Token") {
		t.Error("the page lacks the form token or the hx-headers token")
	}
}

func TestSecurityHeaders(t *testing.T) {
	env := webtest.New(t, webtest.Options{})
	c := env.SignIn(model.RoleAdmin)
	for _, p := range []string{"/login", "/", "/admin/users", "/nope", "/healthz", "/assets/css/app.css"} {
		r := c.Get(p)
		h := r.Header
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-inline") ||
			!strings.Contains(csp, "script-src 'self' 'nonce-") {
			t.Errorf("%s: CSP = %q", p, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" || h.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s: missing nosniff, referrer policy or frame options", p)
		}
	}
	// No inline script anywhere in a page.
	body := c.Get("/").Body
	if strings.Contains(body, "<script>") || strings.Contains(body, " onclick=") || strings.Contains(body, " style=") {
		t.Error("the dashboard has an inline script, handler or style")
	}
}

func TestErrorPages(t *testing.T) {
	env := webtest.New(t, webtest.Options{})
	trainer := env.SignIn(model.RoleTrainer)
	r := trainer.Get("/admin/users")
	if r.StatusCode != http.StatusForbidden || !strings.Contains(r.Body, "Not allowed") || !strings.Contains(r.Body, `class="sidebar"`) {
		t.Errorf("trainer on users page = %d; want the 403 page in the layout", r.StatusCode)
	}
	r = trainer.Get("/no/such/page")
	if r.StatusCode != http.StatusNotFound || !strings.Contains(r.Body, "Page not found") || !strings.Contains(r.Body, `class="sidebar"`) {
		t.Errorf("unknown page = %d; want the 404 page in the layout", r.StatusCode)
	}
	r = env.Client().Get("/no/such/page")
	if r.StatusCode != http.StatusNotFound || !strings.Contains(r.Body, "Page not found") {
		t.Errorf("unknown page signed out = %d", r.StatusCode)
	}
	r = trainer.Get("/admin/users/abc/edit")
	if r.StatusCode != http.StatusForbidden {
		t.Errorf("trainer on a user edit page = %d", r.StatusCode)
	}
	admin := env.SignIn(model.RoleAdmin)
	if r := admin.Get("/admin/users/99999/edit"); r.StatusCode != http.StatusNotFound {
		t.Errorf("unknown user = %d, want 404", r.StatusCode)
	}
	if r := admin.Get("/admin/users/abc/edit"); r.StatusCode != http.StatusNotFound {
		t.Errorf("malformed id = %d, want 404", r.StatusCode)
	}
}

func TestBodyLimit(t *testing.T) {
	env := webtest.New(t, webtest.Options{})
	c := env.SignIn(model.RoleAdmin)
	big := bytes.Repeat([]byte("a"), 2<<20)
	req, _ := http.NewRequest("POST", env.HTTP.URL+"/admin/users", bytes.NewReader(append([]byte("_csrf="+c.Token()+"&name="), big...)))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r := c.Send(req)
	if r.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(r.Body, "Too large") {
		t.Errorf("2 MB body = %d, want 413 with a page", r.StatusCode)
	}
	// Without a length header the limit still holds.
	req, _ = http.NewRequest("POST", env.HTTP.URL+"/admin/users", &chunked{bytes.NewReader(big)})
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-CSRF-Token", c.Token())
	r = c.Send(req)
	if r.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("2 MB chunked body = %d, want 413", r.StatusCode)
	}
}

// chunked hides the length so the client streams the body.
type chunked struct{ r *bytes.Reader }

func (c *chunked) Read(p []byte) (int, error) { return c.r.Read(p) }

func TestHealth(t *testing.T) {
	env := webtest.New(t, webtest.Options{})
	r := env.Client().Get("/healthz")
	if r.StatusCode != 200 || !strings.Contains(r.Body, `"ok"`) {
		t.Fatalf("healthz = %d %s", r.StatusCode, r.Body)
	}
	env.Store.Close()
	if r := env.Client().Get("/healthz"); r.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("healthz with the database closed = %d, want 503", r.StatusCode)
	}
}

func TestLanguage(t *testing.T) {
	env := webtest.New(t, webtest.Options{})
	c := env.SignIn(model.RoleManager)
	r := c.Get("/?lang=ar")
	if !strings.Contains(r.Body, `<html lang="ar" dir="rtl">`) || !strings.Contains(r.Body, "لوحة المتابعة") {
		t.Fatal("?lang=ar did not give an Arabic right-to-left page")
	}
	if r := c.Get("/"); !strings.Contains(r.Body, `dir="rtl"`) {
		t.Error("the language choice was not remembered")
	}
	if r := c.Get("/?lang=en"); !strings.Contains(r.Body, `<html lang="en" dir="ltr">`) {
		t.Error("?lang=en did not switch back")
	}
	req, _ := http.NewRequest("GET", env.HTTP.URL+"/login", nil)
	req.Header.Set("Accept-Language", "ar-EG,ar;q=0.9,en;q=0.8")
	if r := env.Client().Send(req); !strings.Contains(r.Body, `dir="rtl"`) {
		t.Error("Accept-Language ar-EG did not give Arabic")
	}
}
