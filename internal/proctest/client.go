package proctest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"time"
)

// Client is a browser's cookies sending requests to one server; On gives
// the same browser talking to another (as a load balancer without sticky
// sessions does). Its requests report failures as errors rather than
// failing the test: a server may be killed under it.
type Client struct {
	Base string
	HTTP *http.Client
}

// NewClient returns a client without cookies for the server at base.
func NewClient(base string) *Client {
	jar, _ := cookiejar.New(nil)
	return &Client{Base: base, HTTP: &http.Client{
		Jar:           jar,
		Timeout:       time.Minute,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

// On returns a client with c's cookies that sends its requests to base.
func (c *Client) On(base string) *Client { return &Client{Base: base, HTTP: c.HTTP} }

// Response is an answer read whole.
type Response struct {
	Status   int
	Location string
	Header   http.Header
	Body     string
}

// Do sends a request with an optional body and its content type.
func (c *Client) Do(method, path string, body []byte, contentType string) (Response, error) {
	req, err := http.NewRequest(method, c.Base+path, bytes.NewReader(body))
	if err != nil {
		return Response{}, err
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if method != "GET" {
		req.Header.Set("X-CSRF-Token", c.token())
	}
	res, err := c.HTTP.Do(req)
	if err != nil {
		return Response{}, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return Response{}, err
	}
	return Response{Status: res.StatusCode, Location: res.Header.Get("Location"), Header: res.Header, Body: string(b)}, nil
}

// Get fetches path.
func (c *Client) Get(path string) (Response, error) { return c.Do("GET", path, nil, "") }

// Post submits a form with the CSRF token, as a page's form does.
func (c *Client) Post(path string, form url.Values) (Response, error) {
	if form == nil {
		form = url.Values{}
	}
	if _, err := c.ensureToken(); err != nil {
		return Response{}, err
	}
	form.Set("_csrf", c.token())
	return c.Do("POST", path, []byte(form.Encode()), "application/x-www-form-urlencoded")
}

// PostJSON sends body as JSON with the CSRF header, as the roll-call
// page's script does.
func (c *Client) PostJSON(path string, body any) (Response, error) {
	b, err := json.Marshal(body)
	if err != nil {
		return Response{}, err
	}
	if _, err := c.ensureToken(); err != nil {
		return Response{}, err
	}
	return c.Do("POST", path, b, "application/json")
}

// Upload posts a multipart form with one file, as a file input does.
func (c *Client) Upload(path, field, filename string, content []byte) (Response, error) {
	if _, err := c.ensureToken(); err != nil {
		return Response{}, err
	}
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	w.WriteField("_csrf", c.token())
	fw, err := w.CreateFormFile(field, filename)
	if err != nil {
		return Response{}, err
	}
	fw.Write(content)
	w.Close()
	return c.Do("POST", path, buf.Bytes(), w.FormDataContentType())
}

// SignIn fills in the sign-in form; it answers the sign-in's response
// (303 when signed in).
func (c *Client) SignIn(email, password string) (Response, error) {
	if _, err := c.Get("/login"); err != nil {
		return Response{}, err
	}
	return c.Post("/login", url.Values{"email": {email}, "password": {password}})
}

// token is the CSRF token the browser holds ("" when none yet).
func (c *Client) token() string {
	u, _ := url.Parse(c.Base)
	for _, ck := range c.HTTP.Jar.Cookies(u) {
		if ck.Name == "_csrf" {
			return ck.Value
		}
	}
	return ""
}

// ensureToken fetches the sign-in page when the browser has no CSRF token
// yet, as it would have loaded a page before posting.
func (c *Client) ensureToken() (string, error) {
	if t := c.token(); t != "" {
		return t, nil
	}
	if _, err := c.Get("/login"); err != nil {
		return "", err
	}
	if t := c.token(); t != "" {
		return t, nil
	}
	return "", fmt.Errorf("no CSRF cookie from %s", c.Base)
}

// IDAfter returns the last path segment of a redirect such as
// /persons/42, or "" when loc is not under prefix.
func IDAfter(loc, prefix string) string {
	rest, ok := strings.CutPrefix(loc, prefix)
	if !ok || rest == "" || strings.ContainsAny(rest, "/?") {
		return ""
	}
	return rest
}
