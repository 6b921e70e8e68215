package bench

import (
	"fmt"
	"strings"
	"testing"
)

// errors collects what a case would be failed with.
type errors struct{ got []string }

func (e *errors) Errorf(format string, args ...any) {
	e.got = append(e.got, fmt.Sprintf(format, args...))
}

// within runs fn as if inside a case that reports to e.
func within(e *errors, fn func()) {
	currentMu.Lock()
	current = e
	currentMu.Unlock()
	defer func() {
		currentMu.Lock()
		current = nil
		currentMu.Unlock()
	}()
	fn()
}

// TestMeasure_FailureFailsTheCase: testing.Benchmark swallows b.Fatal, so
// a measured function that fails must still fail the case around it, and
// one that works must not.
func TestMeasure_FailureFailsTheCase(t *testing.T) {
	var e errors
	within(&e, func() {
		r := Measure("works", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				_ = strings.Repeat("x", 8)
			}
		})
		if r.NsPerOp <= 0 {
			t.Errorf("a working function measured %v ns/op", r.NsPerOp)
		}
	})
	if len(e.got) != 0 {
		t.Fatalf("a working function failed the case: %v", e.got)
	}
	within(&e, func() { Measure("broken", func(b *testing.B) { b.Fatal("the query failed") }) })
	if len(e.got) != 1 || !strings.Contains(e.got[0], "broken") {
		t.Fatalf("a failing function reported %v, want one error naming it", e.got)
	}
}

// TestRecord_RowWithoutFiguresFailsTheCase: a row with an empty or
// not-a-number figure means the case did not produce what it prints.
func TestRecord_RowWithoutFiguresFailsTheCase(t *testing.T) {
	defer func(n int) { rowsMu.Lock(); rows = rows[:n]; rowsMu.Unlock() }(len(Recorded()))
	good := Row{Case: "c", Subject: "1 ms", Baseline: "b: 1 ms", Ratio: "1.00×", Aim: "≤ 2×", Met: true}
	for _, tc := range []struct {
		name string
		row  func(Row) Row
		errs int
	}{
		{"complete", func(r Row) Row { return r }, 0},
		{"no subject", func(r Row) Row { r.Subject = ""; return r }, 1},
		{"NaN ratio", func(r Row) Row { r.Ratio = fmt.Sprintf("%.2f×", nan()); return r }, 1},
		{"infinite ratio", func(r Row) Row { r.Ratio = fmt.Sprintf("%.2f×", 1/zero()); return r }, 1},
	} {
		var e errors
		within(&e, func() { Record(tc.row(good)) })
		if len(e.got) != tc.errs {
			t.Errorf("%s: %d errors (%v), want %d", tc.name, len(e.got), e.got, tc.errs)
		}
	}
}

func zero() float64 { return 0 }
func nan() float64  { return zero() / zero() }
