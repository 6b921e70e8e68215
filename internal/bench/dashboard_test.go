package bench_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/bench"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// dashboardClients is how many browsers load the dashboard at once in the
// throughput measurements.
const dashboardClients = 16

// TestBenchDashboard serves the signed-in dashboard through the whole stack
// (middleware, session lookup, queries, templ) and compares it with bare
// net/http writing the very same bytes over the same loopback: time per
// request from one client, then throughput and p99 at 16 concurrent
// clients (median of 3 interleaved rounds), then where the time goes.
func TestBenchDashboard(t *testing.T) {
	bench.Case(t)
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

	subject := bench.Measure("traindesk GET / (signed in, demo data)", func(b *testing.B) { getN(b, c.Client, env.HTTP.URL+"/", b.N) })
	rounds, n := bench.N(7, 1), bench.N(200, 5)
	baseNs, subNs, ratio := bench.Interleaved(rounds, n, func() { get(t, http.DefaultClient, bare.URL) }, func() { get(t, c.Client, env.HTTP.URL+"/") })
	fmt.Printf("\nDashboard: full stack against bare net/http (%d bytes), one client, median of %d interleaved rounds of %d requests\n", len(body), rounds, n)
	fmt.Printf("  bare net/http, same bytes %s/op | traindesk GET / %s/op (%d allocs/op) | ratio %.2fx\n", dur(baseNs), dur(subNs), subject.Allocs, ratio)
	bench.Record(bench.Row{Case: "signed-in dashboard, one client, time per request", Subject: dur(subNs) + fmt.Sprintf(" (%d allocs)", subject.Allocs),
		Baseline: "bare net/http, same bytes: " + dur(baseNs), Ratio: fmt.Sprintf("%.1f× (median of %d rounds)", ratio, rounds), Aim: "≤ 3.3×", Met: ratio <= 3.3})

	client := &http.Client{Jar: c.Jar, Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	mk := func(url string) func(int, int) *http.Request {
		return func(int, int) *http.Request { req, _ := http.NewRequest("GET", url, nil); return req }
	}
	thr, p99, subP99 := concurrentRatio(t, "Dashboard", client, mk(bare.URL), mk(env.HTTP.URL+"/"), nil)
	bench.Record(bench.Row{Case: fmt.Sprintf("signed-in dashboard, %d concurrent clients, throughput", dashboardClients),
		Subject: fmt.Sprintf("p99 %s", subP99), Baseline: "bare net/http, same bytes, same clients", Ratio: fmt.Sprintf("%.2f× of bare (p99 %.1f×)", thr, p99),
		Aim: "≥ 0.30× of bare, p99 < 60 ms", Met: thr >= 0.30 && subP99 < 60*time.Millisecond})

	profileTop(t, func() { hammer(dashboardClients, bench.N(150, 5), mk(env.HTTP.URL+"/"), client, nil) })
}

// concurrentRatio loads the baseline and the subject from
// dashboardClients clients in 3 interleaved rounds; while the subject
// runs, alongside (when set) is started and then stopped. It returns the median
// throughput ratio, the median p99 ratio and the subject's median p99.
func concurrentRatio(t *testing.T, title string, client *http.Client, base, subject func(int, int) *http.Request,
	alongside func() (stop func())) (float64, float64, time.Duration) {
	return concurrentRatioN(t, title, bench.N(100, 5), client, base, subject, alongside)
}

// concurrentRatioN is concurrentRatio with per requests from each client
// in each run.
func concurrentRatioN(t *testing.T, title string, per int, client *http.Client, base, subject func(int, int) *http.Request,
	alongside func() (stop func())) (float64, float64, time.Duration) {
	rounds := bench.N(3, 1)
	hammer(4, 10, base, client, nil)
	hammer(4, 10, subject, client, nil)
	fmt.Printf("\n%s: %d concurrent clients × %d requests, %d interleaved rounds\n", title, dashboardClients, per, rounds)
	var ratios, p99s, subP99 []float64
	for r := 0; r < rounds; r++ {
		var m round
		runBase := func() *load { return hammer(dashboardClients, per, base, client, nil) }
		runSubject := func() *load {
			if alongside != nil {
				defer alongside()()
			}
			return hammer(dashboardClients, per, subject, client, nil)
		}
		if r%2 == 0 {
			m.raw, m.sync = runBase(), runSubject()
		} else {
			m.sync, m.raw = runSubject(), runBase()
		}
		ratios, p99s = append(ratios, m.ratio()), append(p99s, m.p99Ratio())
		subP99 = append(subP99, float64(m.sync.p99()))
		fmt.Printf("  round %d: baseline %6.0f req/s p99 %8s | traindesk %6.0f req/s p99 %8s | ratio %.2fx | failures %d/%d\n",
			r+1, m.raw.perSecond(), m.raw.p99(), m.sync.perSecond(), m.sync.p99(), m.ratio(), m.raw.failures, m.sync.failures)
		if m.raw.failures+m.sync.failures > 0 {
			t.Errorf("%s: requests failed", title)
		}
	}
	fmt.Printf("  median throughput ratio %.2fx, median p99 ratio %.2fx\n", median(ratios), median(p99s))
	return median(ratios), median(p99s), time.Duration(median(subP99))
}

// get fetches url once and fails on an error or a status other than 200.
func get(t *testing.T, client *http.Client, url string) {
	res, err := client.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
}

// getN fetches url n times and fails on an error or a status other than 200.
func getN(b *testing.B, client *http.Client, url string, n int) {
	for i := 0; i < n; i++ {
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

// profileTop prints where the dashboard's time goes while fn runs (see
// profileOf).
func profileTop(t *testing.T, fn func()) { profileOf(t, "the dashboard", fn) }

// dur writes nanoseconds as a rounded duration.
func dur(ns float64) string {
	d := time.Duration(ns)
	switch {
	case d >= time.Second:
		return d.Round(time.Millisecond).String()
	case d >= time.Millisecond:
		return d.Round(10 * time.Microsecond).String()
	}
	return d.Round(100 * time.Nanosecond).String()
}
