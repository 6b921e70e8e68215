// Package bench measures traindesk against baselines in the same run and
// prints ratios. It holds no production code: `make bench` runs its tests
// with TRAINDESK_BENCH=1; plain `make test` skips them. Nothing here asserts
// a wall-clock threshold.
package bench

import (
	"fmt"
	"io"
	"os"
	"testing"
	"time"
)

// Enabled reports whether the benchmarks were asked for.
func Enabled() bool { return os.Getenv("TRAINDESK_BENCH") != "" }

// Skip skips the test unless the benchmarks were asked for.
func Skip(t *testing.T) {
	if !Enabled() {
		t.Skip("benchmarks run with `make bench` (TRAINDESK_BENCH=1)")
	}
}

// Result is one measured subject.
type Result struct {
	Name    string
	NsPerOp float64
	Allocs  int64
	Bytes   int64
}

// Measure runs fn as a Go benchmark.
func Measure(name string, fn func(b *testing.B)) Result {
	r := testing.Benchmark(func(b *testing.B) {
		b.ReportAllocs()
		fn(b)
	})
	return Result{Name: name, NsPerOp: float64(r.NsPerOp()), Allocs: r.AllocsPerOp(), Bytes: r.AllocedBytesPerOp()}
}

// Print writes a subject against its baseline, with the ratio.
func Print(w io.Writer, title string, baseline, subject Result) {
	fmt.Fprintf(w, "\n%s\n", title)
	fmt.Fprintf(w, "  %-44s %12s/op %8d allocs/op\n", baseline.Name, time.Duration(baseline.NsPerOp), baseline.Allocs)
	fmt.Fprintf(w, "  %-44s %12s/op %8d allocs/op\n", subject.Name, time.Duration(subject.NsPerOp), subject.Allocs)
	fmt.Fprintf(w, "  ratio: %.2fx the baseline's time per request\n", subject.NsPerOp/baseline.NsPerOp)
}
