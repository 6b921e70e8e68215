package bench_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/bench"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestBenchFootprint runs the real server binary as a child process on a
// copy of the million-mark data set and reads its resident memory from
// the child's /proc status: idle after start-up and a dashboard load, and
// at the peak of a whole-project report and of a whole-workbook export
// (through the job queue, then downloaded).
func TestBenchFootprint(t *testing.T) {
	bench.Case(t)
	dir := t.TempDir()
	bin := filepath.Join(dir, "traindesk")
	if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/traindesk").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "bench.db")
	if err := copyPath(reportDB(t), db); err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)
	const email, password = "bench@example.org", "bench-password-0123"
	cmd := exec.Command(bin, "serve")
	cmd.Env = append(withoutTraindesk(os.Environ()), "TRAINDESK_DB="+db, "TRAINDESK_ADDR="+addr, "TRAINDESK_DEMO=false",
		"TRAINDESK_ADMIN_EMAIL="+email, "TRAINDESK_ADMIN_PASSWORD="+password, "TRAINDESK_LOG_LEVEL=error")
	cmd.Stdout, cmd.Stderr = io.Discard, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
	}()
	base := "http://" + addr
	waitHealthy(t, base)
	c := (&webtest.Env{T: t, HTTP: &httptest.Server{URL: base}}).Client()
	if r := c.SignIn(email, password); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign in to the child = %d", r.StatusCode)
	}
	if r := c.Get("/"); r.StatusCode != http.StatusOK {
		t.Fatalf("dashboard = %d", r.StatusCode)
	}
	time.Sleep(time.Duration(bench.N(2000, 200)) * time.Millisecond)
	pid := cmd.Process.Pid
	idle := rss(t, pid, "VmRSS")

	period := url.Values{"project": {"1"}, "from": {"2019-01-01"}, "to": {"2025-12-31"}}
	reportPeak := peakRSS(t, pid, func() {
		if r := c.Get("/reports?" + period.Encode()); r.StatusCode != http.StatusOK {
			t.Fatalf("report = %d", r.StatusCode)
		}
	})
	var size int
	exportPeak := peakRSS(t, pid, func() { size = workbook(t, c, period) })
	hwm := rss(t, pid, "VmHWM")
	mb := func(kb int64) float64 { return float64(kb) / 1024 }
	fmt.Printf("\nServer resident memory on 1M marks (child process, /proc/<pid>/status): idle %.1f MB; whole-project report peak %.1f MB; "+
		"whole-workbook export (%d bytes) peak %.1f MB; high-water mark %.1f MB\n", mb(idle), mb(reportPeak), size, mb(exportPeak), mb(hwm))
	bench.Record(bench.Row{Case: "server resident memory on 1M marks, idle", Subject: fmt.Sprintf("%.1f MB", mb(idle)),
		Baseline: "—", Ratio: "—", Aim: "≤ 60 MB", Met: mb(idle) <= 60})
	peak := max(reportPeak, exportPeak)
	bench.Record(bench.Row{Case: "server resident memory on 1M marks, peak", Subject: fmt.Sprintf("report %.1f MB, workbook export %.1f MB",
		mb(reportPeak), mb(exportPeak)), Baseline: "—", Ratio: "—", Aim: "≤ 150 MB", Met: mb(peak) <= 150})
}

// workbook exports the whole-project workbook through the job queue,
// waits for it and downloads it; it returns its size.
func workbook(t *testing.T, c *webtest.Client, period url.Values) int {
	form := url.Values{"format": {"xlsx"}, "table": {""}, "async": {"1"}}
	for k, v := range period {
		form[k] = v
	}
	res := c.Post("/reports/export", form)
	job := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(job, "/reports/jobs/") {
		t.Fatalf("start the export = %d to %q", res.StatusCode, job)
	}
	deadline := time.Now().Add(10 * time.Minute)
	for time.Now().Before(deadline) {
		if f := c.Get(job + "/file"); f.StatusCode == http.StatusOK && len(f.Body) > 0 {
			return len(f.Body)
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatal("the export did not finish in 10 minutes")
	return 0
}

// peakRSS samples the child's resident memory every 5 ms while fn runs
// and returns the largest sample, in kB.
func peakRSS(t *testing.T, pid int, fn func()) int64 {
	var peak atomic.Int64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			if v, err := readStatus(pid, "VmRSS"); err == nil && v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	fn()
	close(done)
	wg.Wait()
	return peak.Load()
}

// rss reads one field (in kB) of the child's status.
func rss(t *testing.T, pid int, field string) int64 {
	v, err := readStatus(pid, field)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func readStatus(pid int, field string) (int64, error) {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ":"); ok && k == field {
			return strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
		}
	}
	return 0, fmt.Errorf("no %s in the status of %d", field, pid)
}

// freeAddr returns a loopback address with a port free at the moment.
func freeAddr(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// waitHealthy waits for the child to answer its health check.
func waitHealthy(t *testing.T, base string) {
	deadline := time.Now().Add(3 * time.Minute)
	for time.Now().Before(deadline) {
		if res, err := http.Get(base + "/healthz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatal("the server did not become healthy")
}

// withoutTraindesk drops the TRAINDESK_ settings of the test's own
// environment, so that only the child's own reach it.
func withoutTraindesk(env []string) []string {
	var out []string
	for _, e := range env {
		if !strings.HasPrefix(e, "TRAINDESK_") {
			out = append(out, e)
		}
	}
	return out
}
