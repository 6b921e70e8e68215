package bench_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"testing"
)

// profileOf records a CPU profile while fn runs and prints the functions
// that took the most time, with their callees (go tool pprof -top -cum).
// TRAINDESK_BENCH_PROFILE names a file to keep the profile in.
func profileOf(t *testing.T, what string, fn func()) {
	path := os.Getenv("TRAINDESK_BENCH_PROFILE")
	if path == "" {
		path = filepath.Join(t.TempDir(), "cpu.pprof")
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		t.Fatal(err)
	}
	fn()
	pprof.StopCPUProfile()
	f.Close()
	for _, mode := range []string{"-top", "-top -cum"} {
		args := append([]string{"tool", "pprof"}, strings.Fields(mode)...)
		args = append(args, "-nodecount=18", os.Args[0], path)
		out, err := exec.Command("go", args...).CombinedOutput()
		if err != nil {
			fmt.Printf("\n(no profile summary: %v)\n", err)
			return
		}
		fmt.Printf("\nWhere %s's time goes (CPU profile, go tool pprof %s):\n%s", what, mode, out)
	}
}
