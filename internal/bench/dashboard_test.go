package bench_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/traindesk/traindesk/internal/bench"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestBenchDashboard serves the signed-in dashboard through the whole stack
// (middleware, session lookup, queries, templ) and compares it with bare
// net/http writing the very same bytes over the same loopback.
func TestBenchDashboard(t *testing.T) {
	bench.Skip(t)
	env := webtest.New(t, webtest.Options{Demo: true, Today: model.MustDate("2026-11-27")})
	c := env.SignIn(model.RoleManager)
	page := c.Get("/")
	if page.StatusCode != 200 {
		t.Fatalf("dashboard = %d", page.StatusCode)
	}
	body := []byte(page.Body)
	bare := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(body)
	}))
	defer bare.Close()

	get := func(b *testing.B, client *http.Client, url string) {
		for i := 0; i < b.N; i++ {
			res, err := client.Get(url)
			if err != nil {
				b.Fatal(err)
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode != 200 {
				b.Fatalf("status %d", res.StatusCode)
			}
		}
	}
	base := bench.Measure("bare net/http, same bytes", func(b *testing.B) { get(b, http.DefaultClient, bare.URL) })
	subject := bench.Measure("traindesk GET / (signed in, demo data)", func(b *testing.B) { get(b, c.Client, env.HTTP.URL+"/") })
	bench.Print(os.Stdout, "Dashboard: full stack against bare net/http ("+itoa(len(body))+" bytes)", base, subject)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}
