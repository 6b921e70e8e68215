package bench

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
)

// Row is one line of the results table: a case, what it measured against
// its baseline in the same run, the ratio, the aim and whether it was met.
type Row struct {
	Case     string
	Subject  string
	Baseline string
	Ratio    string
	Aim      string
	Met      bool
}

var (
	rowsMu sync.Mutex
	rows   []Row
)

// Record adds a row to the results table that WriteResults writes. A row
// without its figures (empty, or a ratio that is not a number) fails the
// running case.
func Record(r Row) {
	for _, v := range []string{r.Case, r.Subject, r.Baseline, r.Ratio, r.Aim} {
		if strings.TrimSpace(v) == "" || strings.Contains(v, "NaN") || strings.Contains(v, "Inf") {
			fail("bench row %q lacks a figure: %+v", r.Case, r)
			break
		}
	}
	rowsMu.Lock()
	defer rowsMu.Unlock()
	rows = append(rows, r)
}

// Recorded returns the rows recorded so far.
func Recorded() []Row {
	rowsMu.Lock()
	defer rowsMu.Unlock()
	return append([]Row(nil), rows...)
}

// WriteResults writes the results table as Markdown to path, headed by the
// machine it ran on, the Go version, the date and the machine's load when
// it ended (the figures of a shared machine vary with its other work;
// the ratios, taken in the same run, much less).
func WriteResults(path string, notes []string) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Benchmark results\n\nWritten by `make bench`; the latest full run. Each case is measured against its baseline in the same run.\n\n")
	fmt.Fprintf(&b, "- Date: %s\n- Machine: %s, %d logical CPUs, %s/%s\n- Go: %s\n- Load average at the end (1, 5, 15 min): %s\n",
		time.Now().UTC().Format("2006-01-02 15:04 UTC"), cpuModel(), runtime.NumCPU(), runtime.GOOS, runtime.GOARCH,
		runtime.Version(), loadAverage())
	for _, n := range notes {
		fmt.Fprintf(&b, "- %s\n", n)
	}
	fmt.Fprintf(&b, "\n| case | traindesk | baseline | ratio | aim | met |\n|---|---|---|---|---|---|\n")
	for _, r := range Recorded() {
		met := "no"
		if r.Met {
			met = "yes"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", cell(r.Case), cell(r.Subject), cell(r.Baseline), cell(r.Ratio), cell(r.Aim), met)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

func cell(s string) string { return strings.ReplaceAll(s, "|", "\\|") }

// cpuModel is the processor's name as Linux reports it.
func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown processor"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown processor"
}

// loadAverage is the machine's load average as Linux reports it.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], ", ")
}
