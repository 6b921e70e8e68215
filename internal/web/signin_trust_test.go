package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// offSite are values of next that a browser could follow to another host,
// raw or once decoded, or that are no path at all.
var offSite = []string{
	"//evil.example", "//evil.example/x", "///evil.example", "////evil.example/x",
	"/\\evil.example", "\\/evil.example", "\\\\evil.example", "/\\/evil.example",
	"/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", " //evil.example", "/\x00/evil.example", "/\x7f/evil.example",
	"/%09/evil.example", "/%0a/evil.example", "/%0D%0A/evil.example", "/%00/evil.example",
	"/%2F/evil.example", "/%2f/evil.example", "/%2F%2Fevil.example", "%2F%2Fevil.example",
	"/%5Cevil.example", "/%5c%5cevil.example", "/%252F/evil.example", "/%25%32%46/evil.example",
	"https:evil.example", "https://evil.example/", "HTTPS://evil.example", "http:/evil.example",
	"javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "evil.example", "/\u3002evil.example", "/%",
}

// TestSignIn_NextStaysOnSite: after sign-in, next is followed only as a
// path on this site; every other form ends on the dashboard, and the form
// does not carry it on. Every form goes through the redirect a signed-in
// visitor of /login gets; every third also through a real sign-in (each
// costs a bcrypt check).
func TestSignIn_NextStaysOnSite(t *testing.T) {
	env := webtest.New(t, webtest.Options{})
	email := env.Users[model.RoleManager].Email
	signedIn := env.SignIn(model.RoleManager)
	c := env.Client()
	for i, next := range offSite {
		if r := signedIn.Get("/login?next=" + url.QueryEscape(next)); r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/" {
			t.Errorf("GET /login?next=%q signed in = %d to %q, want the dashboard", next, r.StatusCode, r.Header.Get("Location"))
		}
		r := env.Client().Get("/login?next=" + url.QueryEscape(next))
		if doc, _ := goquery.NewDocumentFromReader(strings.NewReader(r.Body)); doc.Find(`input[name="next"]`).AttrOr("value", "?") != "" {
			t.Errorf("the sign-in form carries next=%q on", next)
		}
		if i%3 == 0 {
			c.Get("/login")
			r := c.Post("/login", url.Values{"email": {email}, "password": {webtest.Password}, "next": {next}})
			if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/" {
				t.Errorf("sign-in with next=%q = %d to %q, want the dashboard", next, r.StatusCode, r.Header.Get("Location"))
			}
		}
	}
	for _, next := range []string{"/trainings/3", "/persons?q=Ali&page=2"} {
		c.Get("/login")
		r := c.Post("/login", url.Values{"email": {email}, "password": {webtest.Password}, "next": {next}})
		if r.Header.Get("Location") != next {
			t.Errorf("sign-in with next=%q went to %q", next, r.Header.Get("Location"))
		}
		if r := signedIn.Get("/login?next=" + url.QueryEscape(next)); r.Header.Get("Location") != next {
			t.Errorf("GET /login?next=%q signed in went to %q", next, r.Header.Get("Location"))
		}
	}
}

// TestNotFound_LanguageLinksStayOnSite: the language switch links to the
// page asked for, whatever its path, and never to another host.
func TestNotFound_LanguageLinksStayOnSite(t *testing.T) {
	env := webtest.New(t, webtest.Options{})
	base := mustURL(env.HTTP.URL)
	for _, c := range []*webtest.Client{env.Client(), env.SignIn(model.RoleAdmin)} {
		for _, path := range []string{"//evil.example/x", "///evil.example/x", "/%2F%2Fevil.example/x", "/%5Cevil.example/x", "/no/such/page?q=1"} {
			req, err := http.NewRequest("GET", env.HTTP.URL+path, nil)
			if err != nil {
				t.Fatal(err)
			}
			r := c.Send(req)
			if r.StatusCode != http.StatusNotFound {
				t.Errorf("GET %s = %d, want 404", path, r.StatusCode)
			}
			doc, err := goquery.NewDocumentFromReader(strings.NewReader(r.Body))
			if err != nil {
				t.Fatal(err)
			}
			links := doc.Find(".lang-switch a")
			if links.Length() != 2 {
				t.Fatalf("GET %s: %d language links", path, links.Length())
			}
			links.Each(func(_ int, a *goquery.Selection) {
				href, _ := a.Attr("href")
				ref, err := url.Parse(href)
				if err != nil {
					t.Fatalf("href %q: %v", href, err)
				}
				to := req.URL.ResolveReference(ref)
				if to.Host != base.Host || to.Path != req.URL.Path || to.Query().Get("lang") == "" {
					t.Errorf("GET %s: language link %q leads to %s", path, href, to)
				}
			})
		}
	}
}

// TestSignIn_ParallelWrongPasswords sends forty wrong passwords for one
// account at once through the real router: only as many as the account's
// limit are checked (401); the others are refused before bcrypt (429).
func TestSignIn_ParallelWrongPasswords(t *testing.T) {
	env := webtest.New(t, webtest.Options{})
	email := env.Users[model.RoleAdmin].Email
	clients := make([]*webtest.Client, 40)
	for i := range clients {
		clients[i] = env.Client()
		clients[i].Token()
	}
	statuses := make([]int, len(clients))
	var wg sync.WaitGroup
	for i, c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statuses[i] = c.Post("/login", url.Values{"email": {email}, "password": {"wrong-password"}}).StatusCode
		}()
	}
	wg.Wait()
	count := map[int]int{}
	for _, s := range statuses {
		count[s]++
	}
	if count[http.StatusUnauthorized] != 5 || count[http.StatusTooManyRequests] != 35 {
		t.Errorf("40 parallel wrong passwords answered %v, want 5 checked (401) and 35 refused (429)", count)
	}
}
