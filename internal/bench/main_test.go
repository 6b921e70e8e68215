package bench_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/traindesk/traindesk/internal/bench"
)

// TestMain writes the results table after a successful run when
// TRAINDESK_BENCH_RESULTS names the file (`make bench` does).
func TestMain(m *testing.M) {
	code := m.Run()
	if p := os.Getenv("TRAINDESK_BENCH_RESULTS"); code == 0 && bench.Enabled() && p != "" && len(bench.Recorded()) > 0 {
		notes := []string{"The machine is shared with other work: absolute times vary from run to run; compare the ratios."}
		if err := bench.WriteResults(p, notes); err != nil {
			fmt.Fprintln(os.Stderr, "write the results:", err)
			code = 1
		} else {
			fmt.Println("\nresults written to", p)
		}
	}
	os.Exit(code)
}
