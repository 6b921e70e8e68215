package bench_test

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"runtime/metrics"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/bench"
	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/report"
	"github.com/traindesk/traindesk/internal/store"
)

// benchAsOf is the day the benchmark's figures are counted as of: after
// its last training, so that every session has taken place.
var benchAsOf = model.MustDate("2026-01-01")

// TestBenchReport times report.Compute over about a million attendance
// marks against the same aggregate statements run as raw SQL through
// database/sql on the same file, prints their query plans, and measures
// the peak memory of streaming the 100,000-row participant list as CSV and
// as a workbook.
func TestBenchReport(t *testing.T) {
	bench.Case(t)
	path := reportDB(t)
	ctx := context.Background()
	st, err := store.Open(ctx, path, store.Options{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	raw, err := sql.Open("sqlite3", store.SQLiteDSN(path, true))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	f := report.Filter{ProjectID: 1, From: model.MustDate("2019-01-01"), To: model.MustDate("2025-12-31"), AsOf: benchAsOf}

	fig, err := report.Compute(ctx, st, f)
	if err != nil {
		t.Fatal(err)
	}
	a := fig.Attendance
	fmt.Printf("\nReport data: %d trainings, %d training days, %d participations, %d unique individuals, %d marks (%d cells unmarked)\n",
		fig.Summary.TrainingsHeld, fig.Summary.TrainingDays, fig.Summary.Participations, fig.Summary.Individuals,
		a.Expected-a.Unmarked, a.Unmarked)

	whole := compare(ctx, t, st, raw, f, "Donor report over the whole benchmark project")
	floor(t, raw, whole, a.Expected-a.Unmarked)
	statementTimes(t, raw, f)
	profileOf(t, "the whole-project report", func() {
		for i := 0; i < bench.N(3, 1); i++ {
			if _, err := report.Compute(ctx, st, f); err != nil {
				t.Error(err)
			}
		}
	})
	q2from, q2to := model.QuarterPeriod(2022, 2)
	compare(ctx, t, st, raw, report.Filter{ProjectID: 1, From: q2from, To: q2to, AsOf: benchAsOf}, "Donor report for one quarter (2022 Q2)")
	printPlans(t, ctx, st, f)
	for _, format := range []string{"csv", "xlsx", "workbook"} {
		measureExport(t, ctx, st, fig, format)
	}
	measureQueuedExport(t, ctx, path, f)
}

// compare times report.Compute for f against the statements it reads
// run as raw SQL through database/sql on the same file, in interleaved
// rounds (the median ratio of 5 full-size, so that one round slowed by the
// shared machine's other work does not decide it), and returns the
// report's time.
func compare(ctx context.Context, t *testing.T, st *store.Store, raw *sql.DB, f report.Filter, title string) bench.Result {
	stmts := store.ReportStatements(model.ReportFilter{ProjectID: f.ProjectID, From: f.From, To: f.To, AsOf: f.AsOf, Mastery: 70})
	runRaw := func() {
		for _, s := range stmts {
			if err := drain(raw, s); err != nil {
				t.Fatal(err)
			}
		}
	}
	runReport := func() {
		if _, err := report.Compute(ctx, st, f); err != nil {
			t.Fatal(err)
		}
	}
	rounds := bench.N(5, 1)
	baseNs, subNs, ratio := bench.Interleaved(rounds, 1, runRaw, runReport)
	base := bench.Result{Name: fmt.Sprintf("raw SQL: the same %d statements (no aggregation in Go)", len(stmts)), NsPerOp: baseNs,
		Allocs: int64(testing.AllocsPerRun(1, runRaw))}
	subject := bench.Result{Name: "report.Compute (store, GORM, assembly)", NsPerOp: subNs, Allocs: int64(testing.AllocsPerRun(1, runReport))}
	bench.Print(os.Stdout, title, base, subject)
	fmt.Printf("  median ratio of %d interleaved rounds: %.2fx\n", rounds, ratio)
	bench.Record(bench.Row{Case: title, Subject: dur(subject.NsPerOp), Baseline: base.Name + ": " + dur(base.NsPerOp),
		Ratio: fmt.Sprintf("%.2f× (median of %d rounds)", ratio, rounds), Aim: "≤ 1.1×", Met: ratio <= 1.1})
	return subject
}

// floor times one full scan of the attendance table, reading every mark's
// status, which an exact count over every mark cannot beat, and prints
// how far the whole-project report is from it.
func floor(t *testing.T, raw *sql.DB, whole bench.Result, marks int) {
	var n int64
	scan := bench.Measure("one scan of the attendance table", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if err := raw.QueryRow("SELECT COUNT(status) FROM attendance NOT INDEXED").Scan(&n); err != nil {
				b.Fatal(err)
			}
		}
	})
	bench.Print(os.Stdout, fmt.Sprintf("The floor: one sequential scan of the %d marks against the whole-project report", n), scan, whole)
	fmt.Printf("  (the report counts %d marks in its period)\n", marks)
	bench.Record(bench.Row{Case: "whole-project report against one sequential scan of attendance", Subject: dur(whole.NsPerOp),
		Baseline: fmt.Sprintf("SELECT COUNT(status) FROM attendance NOT INDEXED (%d rows): %s", n, dur(scan.NsPerOp)),
		Ratio:    fmt.Sprintf("%.1f×", whole.NsPerOp/scan.NsPerOp), Aim: "reported (the floor of an exact count)", Met: true})
}

// statementTimes prints the time of each of the report's statements, run
// once as raw SQL: which of them bounds the report.
func statementTimes(t *testing.T, raw *sql.DB, f report.Filter) {
	fmt.Printf("\nThe whole-project report's statements, each run once as raw SQL:\n")
	for _, s := range store.ReportStatements(model.ReportFilter{ProjectID: f.ProjectID, From: f.From, To: f.To, AsOf: f.AsOf, Mastery: 70}) {
		start := time.Now()
		if err := drain(raw, s); err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		fmt.Printf("  %-12s %s\n", s.Name, time.Since(start).Round(10*time.Microsecond))
	}
}

// drain runs a statement and reads every row without converting it.
func drain(db *sql.DB, s store.Statement) error {
	rows, err := db.Query(s.SQL, s.Args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	vals := make([]any, len(cols))
	for i := range vals {
		vals[i] = new(sql.RawBytes)
	}
	for rows.Next() {
		if err := rows.Scan(vals...); err != nil {
			return err
		}
	}
	return rows.Err()
}

// printPlans prints SQLite's plan for each statement.
func printPlans(t *testing.T, ctx context.Context, st *store.Store, f report.Filter) {
	plans, err := st.ExplainReport(ctx, model.ReportFilter{ProjectID: f.ProjectID, From: f.From, To: f.To, AsOf: f.AsOf, Mastery: 70})
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(plans))
	for n := range plans {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Println("\nEXPLAIN QUERY PLAN")
	for _, n := range names {
		fmt.Printf("  %s:\n", n)
		for _, l := range plans[n] {
			fmt.Printf("    %s\n", l)
		}
	}
}

// measureExport streams the participant list (without contact data) to
// nowhere while a sampler records the peak of the heap in use.
func measureExport(t *testing.T, ctx context.Context, st *store.Store, fig model.Figures, format string) {
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	stop := sampleHeap()
	ex := report.Export{Ctx: ctx, Fig: fig, Src: st, Loc: i18n.New(i18n.EN)}
	tb, err := ex.Table("participants")
	if err != nil {
		t.Fatal(err)
	}
	tables := []report.Table{tb}
	if format == "workbook" {
		if tables, err = ex.Tables(); err != nil {
			t.Fatal(err)
		}
	}
	rows := 0
	start := time.Now()
	count := func() { rows++ }
	if format == "csv" {
		err = report.WriteCSV(io.Discard, tb, count)
	} else {
		err = report.WriteXLSX(io.Discard, tables, ex.WorkbookOptions(count))
	}
	elapsed := time.Since(start)
	peak, live := stop()
	if err != nil {
		t.Fatal(err)
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	mb := func(n uint64) float64 { return float64(n) / (1 << 20) }
	fmt.Printf("\nParticipant export, %s, %d rows in %s: peak heap in use %.1f MB (%.1f MB before), peak live heap %.1f MB; %.0f MB allocated in all\n",
		format, rows, elapsed.Round(time.Millisecond), mb(peak), mb(before.HeapInuse), mb(live),
		mb(after.TotalAlloc-before.TotalAlloc))
	bench.Record(bench.Row{Case: fmt.Sprintf("participant export, %s, %d rows, peak heap", format, rows), Subject: fmt.Sprintf("%.1f MB", mb(peak)),
		Baseline: fmt.Sprintf("heap before: %.1f MB", mb(before.HeapInuse)), Ratio: "—", Aim: "≤ 64 MB", Met: mb(peak) <= 64})
}

// sampleHeap samples the heap in use and the live heap every few
// milliseconds until the returned function is called, which reports the
// peaks.
func sampleHeap() func() (peak, live uint64) {
	var peak, live atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m runtime.MemStats
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		for {
			runtime.ReadMemStats(&m)
			peak.Store(max(peak.Load(), m.HeapInuse))
			metrics.Read(sample)
			live.Store(max(live.Load(), sample[0].Value.Uint64()))
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	return func() (uint64, uint64) {
		close(done)
		wg.Wait()
		return peak.Load(), live.Load()
	}
}
