package bench_test

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/bench"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// benchDashboardDay is "today" on the benchmark's data set: inside the
// last months of its trainings, so that the dashboard lists sessions of
// the day, coming trainings and the headline figures of a busy year.
var benchDashboardDay = model.MustDate("2025-06-10")

// TestBenchDashboardHistory loads the signed-in dashboard on the
// million-mark data set (40,000 persons, 100,000 participations) against
// the same page on the demo data, in the same run: its cost must not grow
// with the history. It also prints the first load after a write, which
// counts the headline figures again.
func TestBenchDashboardHistory(t *testing.T) {
	bench.Case(t)
	cp := filepath.Join(t.TempDir(), "bench.db")
	if err := copyPath(reportDB(t), cp); err != nil {
		t.Fatal(err)
	}
	big := webtest.New(t, webtest.Options{Path: cp, Today: benchDashboardDay})
	demo := webtest.New(t, webtest.Options{Demo: true, Today: model.MustDate("2026-11-27")})
	bc, dc := big.SignIn(model.RoleManager), demo.SignIn(model.RoleManager)

	// The first load after a write counts the figures again.
	start := time.Now()
	if r := bc.Get("/"); r.StatusCode != 200 {
		t.Fatalf("dashboard on the large data set = %d", r.StatusCode)
	}
	cold := time.Since(start)
	start = time.Now()
	dc.Get("/")
	coldDemo := time.Since(start)

	rounds, loads := bench.N(7, 1), bench.N(100, 3)
	baseNs, subNs, ratio := bench.Interleaved(rounds, loads, func() { get(t, dc.Client, demo.HTTP.URL+"/") }, func() { get(t, bc.Client, big.HTTP.URL+"/") })
	fmt.Printf("\nDashboard: the million-mark data set against the demo data, median of %d interleaved rounds of %d loads\n", rounds, loads)
	fmt.Printf("  GET / on the demo data %s/op | GET / on 1M marks %s/op | ratio %.2fx\n", dur(baseNs), dur(subNs), ratio)
	fmt.Printf("  the first load after a write (the headline figures counted again): %s on 1M marks, %s on the demo\n",
		cold.Round(time.Millisecond), coldDemo.Round(time.Millisecond))
	bench.Record(bench.Row{Case: "signed-in dashboard on 1M marks (100,000 participations)",
		Subject:  dur(subNs) + "; first load after a write " + cold.Round(time.Millisecond).String(),
		Baseline: "the demo data: " + dur(baseNs) + "; first load after a write " + coldDemo.Round(time.Millisecond).String(),
		Ratio:    fmt.Sprintf("%.2f× (median of %d rounds)", ratio, rounds), Aim: "≤ 2×", Met: ratio <= 2})
}
