package bench_test

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/app"
	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/bench"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// floodRate is how many wrong passwords a second the flood sends.
const floodRate = 50

// TestBenchDashboardFlood loads the dashboard from 16 clients while
// another goroutine sends 50 wrong passwords a second, against the same
// load without the flood. The production bcrypt cost is used and the
// sign-in limits are lifted, so that every guess reaches bcrypt: what is
// measured is the bound on concurrent hashing, not the throttle.
func TestBenchDashboardFlood(t *testing.T) {
	bench.Case(t)
	open := auth.Rule{Limit: 1 << 30, Window: time.Minute}
	env := webtest.New(t, webtest.Options{Demo: true, Today: model.MustDate("2026-11-27"),
		Limits: &auth.Limits{Account: open, Address: open, Device: open},
		Adjust: func(o *app.Options) { o.BcryptCost = auth.DefaultCost }})
	c := env.SignIn(model.RoleManager)
	client := &http.Client{Jar: c.Jar, Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	dash := func(int, int) *http.Request { req, _ := http.NewRequest("GET", env.HTTP.URL+"/", nil); return req }

	attacker := env.Client()
	token := attacker.Token()
	var sent, refused, other atomic.Int64
	flood := func() func() {
		done := make(chan struct{})
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			tick := time.NewTicker(time.Second / floodRate)
			defer tick.Stop()
			for i := 0; ; i++ {
				select {
				case <-done:
					return
				case <-tick.C:
				}
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					form := url.Values{"_csrf": {token}, "email": {fmt.Sprintf("nobody-%d@example.org", i)}, "password": {"wrong-password-guess"}}
					res, err := attacker.Client.PostForm(env.HTTP.URL+"/login", form)
					sent.Add(1)
					if err != nil {
						other.Add(1)
						return
					}
					io.Copy(io.Discard, res.Body)
					res.Body.Close()
					switch res.StatusCode {
					case http.StatusUnauthorized, http.StatusUnprocessableEntity:
					case http.StatusTooManyRequests, http.StatusServiceUnavailable:
						refused.Add(1)
					default:
						other.Add(1)
					}
				}(i)
			}
		}()
		return func() { close(done); wg.Wait() }
	}
	// Each run lasts seconds, not a fraction of one: a password check at
	// this cost takes about a quarter of a second of one core, and the
	// gate's duty cycle (a check, then a rest twice as long) bounds the
	// hashing's share only over several of its periods.
	ratio, p99, subP99 := concurrentRatioN(t, fmt.Sprintf("Dashboard while %d wrong passwords a second arrive (bcrypt cost %d), against without", floodRate, auth.DefaultCost),
		bench.N(2000, 5), client, dash, dash, flood)
	fmt.Printf("  the flood sent %d guesses: %d refused as busy, %d answered otherwise\n", sent.Load(), refused.Load(), other.Load())
	if other.Load() > 0 {
		t.Errorf("%d guesses got an unexpected answer", other.Load())
	}
	bench.Record(bench.Row{Case: fmt.Sprintf("dashboard, %d clients, under %d wrong passwords/s", dashboardClients, floodRate),
		Subject:  fmt.Sprintf("p99 %s; %d of %d guesses refused as busy", subP99, refused.Load(), sent.Load()),
		Baseline: "the same load without the flood", Ratio: fmt.Sprintf("%.2f× throughput (p99 %.1f×)", ratio, p99),
		Aim: "≥ 0.70×", Met: ratio >= 0.70})
}
