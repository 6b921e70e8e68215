// Package bench measures traindesk against baselines in the same run and
// prints ratios. It holds no production code: `make bench` runs its tests
// with TRAINDESK_BENCH=1; plain `make test` runs each case once, small (on
// tiny data, one round), to prove it completes with 0 errors and produces
// its figures. Nothing here asserts a wall-clock threshold.
package bench

import (
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"sync"
	"testing"
	"time"
)

// Enabled reports whether the benchmarks were asked for.
func Enabled() bool { return os.Getenv("TRAINDESK_BENCH") != "" }

// Small reports whether the cases run small, as `make test` runs them.
func Small() bool { return !Enabled() }

// N returns full when the benchmarks were asked for and small otherwise:
// the size of a data set, a round count or a request count.
func N(full, small int) int {
	if Enabled() {
		return full
	}
	return small
}

// errorer is what a failed measurement reports to: the running case.
type errorer interface {
	Errorf(format string, args ...any)
}

var (
	currentMu sync.Mutex
	current   errorer
)

// Case starts a benchmark case in t: a measured function that fails
// (b.Fatal inside testing.Benchmark is otherwise silent) and a recorded
// row without figures fail t, so that a case with an error fails `make
// test`. Cases must not run in parallel.
func Case(t *testing.T) {
	t.Helper()
	currentMu.Lock()
	current = t
	currentMu.Unlock()
	t.Cleanup(func() {
		currentMu.Lock()
		current = nil
		currentMu.Unlock()
	})
}

// fail fails the running case, if any, or else stops the process: an
// error in a measurement must never pass unseen.
func fail(format string, args ...any) {
	currentMu.Lock()
	e := current
	currentMu.Unlock()
	if e == nil {
		panic(fmt.Sprintf(format, args...))
	}
	e.Errorf(format, args...)
}

// Result is one measured subject.
type Result struct {
	Name    string
	NsPerOp float64
	Allocs  int64
	Bytes   int64
}

// Measure runs fn as a Go benchmark; small, once (b.N = 1).
func Measure(name string, fn func(b *testing.B)) Result {
	if Small() {
		// testing.Benchmark reads the flag at each call.
		if err := flag.Set("test.benchtime", "1x"); err != nil {
			fail("%s: %v", name, err)
		}
	}
	r := testing.Benchmark(func(b *testing.B) {
		b.ReportAllocs()
		fn(b)
	})
	if r.N == 0 || r.T <= 0 {
		fail("%s: the measured function failed or did not run", name)
	}
	return Result{Name: name, NsPerOp: float64(r.NsPerOp()), Allocs: r.AllocsPerOp(), Bytes: r.AllocedBytesPerOp()}
}

// Print writes a subject against its baseline, with the ratio.
func Print(w io.Writer, title string, baseline, subject Result) {
	fmt.Fprintf(w, "\n%s\n", title)
	fmt.Fprintf(w, "  %-44s %12s/op %8d allocs/op\n", baseline.Name, time.Duration(baseline.NsPerOp), baseline.Allocs)
	fmt.Fprintf(w, "  %-44s %12s/op %8d allocs/op\n", subject.Name, time.Duration(subject.NsPerOp), subject.Allocs)
	fmt.Fprintf(w, "  ratio: %.2fx the baseline's time per request\n", subject.NsPerOp/baseline.NsPerOp)
}

// Interleaved times n calls of base and then n of subject, in rounds that
// alternate which goes first, so that a shared machine's other work
// weighs on both alike; it returns each one's median time per call and
// the median of the rounds' ratios (subject over base).
func Interleaved(rounds, n int, base, subject func()) (baseNs, subjectNs, ratio float64) {
	var bs, ss, rs []float64
	timeOf := func(fn func()) float64 {
		start := time.Now()
		for i := 0; i < n; i++ {
			fn()
		}
		return float64(time.Since(start).Nanoseconds()) / float64(n)
	}
	for r := 0; r < rounds; r++ {
		var b, s float64
		if r%2 == 0 {
			b, s = timeOf(base), timeOf(subject)
		} else {
			s, b = timeOf(subject), timeOf(base)
		}
		bs, ss, rs = append(bs, b), append(ss, s), append(rs, s/b)
	}
	return median(bs), median(ss), median(rs)
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}
