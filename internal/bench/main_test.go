package bench_test

import (
	"context"
	"os"
	"testing"

	"github.com/traindesk/traindesk/internal/app"
	"github.com/traindesk/traindesk/internal/proctest"
)

// TestMain lets the crash benchmark run this test binary as the real
// server: started by proctest with its switch set, it serves instead of
// testing.
func TestMain(m *testing.M) {
	proctest.ServeChild(func(ctx context.Context, args []string) int {
		return app.Main(ctx, app.Env{Args: args, Getenv: os.Getenv, Stdout: os.Stdout, Stderr: os.Stderr})
	})
	os.Exit(m.Run())
}
