package bench_test

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/traindesk/traindesk/internal/app"
	"github.com/traindesk/traindesk/internal/bench"
	"github.com/traindesk/traindesk/internal/proctest"
)

// TestMain lets the crash benchmark run this test binary as the real
// server: started by proctest with its switch set, it serves instead of
// testing. After a successful run it writes the results table when
// TRAINDESK_BENCH_RESULTS names the file (`make bench` does).
func TestMain(m *testing.M) {
	proctest.ServeChild(func(ctx context.Context, args []string) int {
		return app.Main(ctx, app.Env{Args: args, Getenv: os.Getenv, Stdout: os.Stdout, Stderr: os.Stderr})
	})
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
