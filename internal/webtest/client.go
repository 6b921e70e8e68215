package webtest

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
)

// Client is a cookie-keeping HTTP client that does not follow redirects.
type Client struct {
	*http.Client
	env *Env
	T   testing.TB
}

// Client returns a fresh client (no cookies).
func (e *Env) Client() *Client {
	jar, _ := cookiejar.New(nil)
	return &Client{
		Client: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }},
		env:    e,
		T:      e.T,
	}
}

// SignIn returns a client signed in as the user of role.
func (e *Env) SignIn(role model.Role) *Client {
	c := e.Client()
	res := c.SignIn(e.Users[role].Email, Password)
	if res.StatusCode != http.StatusSeeOther {
		e.T.Fatalf("sign in as %s: status %d", role, res.StatusCode)
	}
	return c
}

// Response is a read response.
type Response struct {
	*http.Response
	Body string
}

// Get fetches path.
func (c *Client) Get(path string) Response {
	c.T.Helper()
	return c.Do("GET", path, nil, "")
}

// Do sends a request with an optional form body.
func (c *Client) Do(method, path string, form url.Values, contentType string) Response {
	c.T.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
		if contentType == "" {
			contentType = "application/x-www-form-urlencoded"
		}
	}
	req, err := http.NewRequest(method, c.env.HTTP.URL+path, body)
	if err != nil {
		c.T.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	return c.Send(req)
}

// Send sends req and reads the whole body.
func (c *Client) Send(req *http.Request) Response {
	c.T.Helper()
	res, err := c.Client.Do(req)
	if err != nil {
		c.T.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		c.T.Fatal(err)
	}
	checkText(c.T, req, res, b)
	return Response{res, string(b)}
}

// A formatting mistake ("%!(EXTRA string=27)", "%!s(MISSING)") or a key
// the catalogues lack ("[quiz.answered]") in what a page or an answer
// says.
var (
	badFormat  = regexp.MustCompile(`%!\w*\(`)
	missingKey = regexp.MustCompile(`\[[a-z][a-z0-9_]*(\.[a-z0-9_]+)+\]`)
)

// checkText fails the test when a text answer shows a catalogue message
// given the wrong arguments or a key no catalogue has: every request of
// every web test checks the words it reads, not only those it asserts.
func checkText(t testing.TB, req *http.Request, res *http.Response, body []byte) {
	t.Helper()
	ct := res.Header.Get("Content-Type")
	if !strings.HasPrefix(ct, "text/html") && !strings.HasPrefix(ct, "application/json") && !strings.HasPrefix(ct, "text/plain") {
		return
	}
	if m := badFormat.Find(body); m != nil {
		t.Errorf("%s %s shows a formatting mistake near %q", req.Method, req.URL.Path, around(body, m))
	}
	if m := missingKey.Find(body); m != nil {
		t.Errorf("%s %s shows a message key no catalogue has: %s", req.Method, req.URL.Path, m)
	}
}

// around is the text near m in body, for the failure message.
func around(body, m []byte) string {
	i := bytes.Index(body, m)
	return string(body[max(0, i-40):min(len(body), i+len(m)+40)])
}

// Token returns the CSRF token the browser would have: the one in the last
// page's forms, after fetching path if there is none yet.
func (c *Client) Token() string {
	u, _ := url.Parse(c.env.HTTP.URL)
	for _, ck := range c.Jar.Cookies(u) {
		if ck.Name == "_csrf" {
			return ck.Value
		}
	}
	c.Get("/login")
	for _, ck := range c.Jar.Cookies(u) {
		if ck.Name == "_csrf" {
			return ck.Value
		}
	}
	c.T.Fatal("no CSRF cookie")
	return ""
}

// Post submits a form with the CSRF token, as a page's form would.
func (c *Client) Post(path string, form url.Values) Response {
	c.T.Helper()
	if form == nil {
		form = url.Values{}
	}
	form.Set("_csrf", c.Token())
	return c.Do("POST", path, form, "")
}

// SignIn posts the sign-in form.
func (c *Client) SignIn(email, password string) Response {
	c.T.Helper()
	c.Get("/login")
	return c.Post("/login", url.Values{"email": {email}, "password": {password}})
}

var csrfInput = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// FormToken extracts the CSRF token from a rendered page.
func FormToken(html string) string {
	m := csrfInput.FindStringSubmatch(html)
	if m == nil {
		return ""
	}
	return m[1]
}

// Upload posts a multipart form with one file and the CSRF token.
func (c *Client) Upload(path, field, filename string, content []byte, extra url.Values) Response {
	c.T.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	w.WriteField("_csrf", c.Token())
	for k, vs := range extra {
		for _, v := range vs {
			w.WriteField(k, v)
		}
	}
	fw, err := w.CreateFormFile(field, filename)
	if err != nil {
		c.T.Fatal(err)
	}
	fw.Write(content)
	w.Close()
	req, err := http.NewRequest("POST", c.env.HTTP.URL+path, &buf)
	if err != nil {
		c.T.Fatal(err)
	}
	req.Header.Set("Content-Type", w.FormDataContentType())
	return c.Send(req)
}

// On returns a client with c's cookies that sends its requests to e, as a
// load balancer would send the same browser's next request to another
// instance.
func (c *Client) On(e *Env) *Client {
	return &Client{Client: c.Client, env: e, T: c.T}
}

// Server is the test server's base URL.
func (c *Client) Server() string { return c.env.HTTP.URL }
