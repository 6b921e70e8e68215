package app_test

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/traindesk/traindesk/db/migrations"
	"github.com/traindesk/traindesk/internal/app"
)

type run struct {
	code           int
	stdout, stderr string
}

func main(t *testing.T, ctx context.Context, vars map[string]string, args ...string) run {
	t.Helper()
	var out, errb bytes.Buffer
	code := app.Main(ctx, app.Env{Args: args, Getenv: func(k string) string { return vars[k] }, Stdout: &out, Stderr: &errb})
	return run{code, out.String(), errb.String()}
}

func TestCommands(t *testing.T) {
	dir := t.TempDir()
	vars := map[string]string{"TRAINDESK_DB": filepath.Join(dir, "td.db"), "TRAINDESK_LOG_LEVEL": "warn"}
	ctx := context.Background()

	r := main(t, ctx, vars, "migrate")
	n := len(migrations.All())
	if r.code != 0 || !strings.Contains(r.stdout, fmt.Sprintf("database is at version %d of %d", n, n)) {
		t.Fatalf("migrate: %+v", r)
	}
	if m := regexp.MustCompile(`job queue \(River\) tables are at version (\d+) of (\d+)`).FindStringSubmatch(r.stdout); m == nil || m[1] != m[2] {
		t.Fatalf("migrate did not bring the job queue's tables up to date: %q", r.stdout)
	}
	r = main(t, ctx, vars, "migrate", "--status")
	if r.code != 0 || strings.Contains(r.stdout, "pending") || !strings.Contains(r.stdout, "governorates") {
		t.Fatalf("migrate --status: %+v", r)
	}
	r = main(t, ctx, vars, "user", "add", "--email", "po@example.org", "--name", "Salma Okasha", "--role", "program_officer")
	if r.code != 0 || !strings.Contains(r.stdout, "added Salma Okasha") || !strings.Contains(r.stdout, "password: ") {
		t.Fatalf("user add: %+v", r)
	}
	r = main(t, ctx, vars, "user", "add", "--email", "po@example.org", "--name", "Again", "--role", "program_officer")
	if r.code != 2 || !strings.Contains(r.stderr, "--email is already used") {
		t.Fatalf("duplicate user add: %+v", r)
	}
	r = main(t, ctx, vars, "user", "add", "--email", "x@example.org", "--name", "X", "--role", "boss")
	if r.code != 2 || !strings.Contains(r.stderr, "--role must be") {
		t.Fatalf("bad role: %+v", r)
	}
	r = main(t, ctx, vars, "user", "list")
	if r.code != 0 || !strings.Contains(r.stdout, "po@example.org") {
		t.Fatalf("user list: %+v", r)
	}
	r = main(t, ctx, vars, "seed", "--demo")
	if r.code != 0 || !strings.Contains(r.stdout, "loaded the demo data") || !strings.Contains(r.stdout, "trainer@traindesk.local") {
		t.Fatalf("seed --demo: %+v", r)
	}
	r = main(t, ctx, vars, "seed", "--demo")
	if r.code != 1 || !strings.Contains(r.stderr, "already holds trainings") {
		t.Fatalf("second seed: %+v", r)
	}
	backup := filepath.Join(dir, "copy.db")
	r = main(t, ctx, vars, "backup", backup)
	if r.code != 0 || !strings.Contains(r.stdout, "integrity check: ok") {
		t.Fatalf("backup: %+v", r)
	}
	if fi, err := os.Stat(backup); err != nil || fi.Size() == 0 {
		t.Fatalf("backup file: %v", err)
	}
	r = main(t, ctx, map[string]string{"TRAINDESK_ADDR": "nonsense"}, "serve")
	if r.code != 1 || !strings.Contains(r.stderr, "TRAINDESK_ADDR") {
		t.Fatalf("bad config: %+v", r)
	}
	if r := main(t, ctx, vars, "help"); r.code != 0 || !strings.Contains(r.stdout, "TRAINDESK_BASE_URL") {
		t.Fatalf("help does not document the base URL: %+v", r)
	}
	r = main(t, ctx, map[string]string{"TRAINDESK_BASE_URL": "https://evil.example/?x=1"}, "serve")
	if r.code != 1 || !strings.Contains(r.stderr, "TRAINDESK_BASE_URL") {
		t.Fatalf("bad base URL: %+v", r)
	}
	if r := main(t, ctx, vars, "frobnicate"); r.code != 2 {
		t.Fatalf("unknown command: %+v", r)
	}
}

// TestServe_StartsAndDrains starts the server on a free port, waits for
// /healthz, cancels the context as SIGTERM does, and expects a clean stop.
func TestServe_StartsAndDrains(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	dir := t.TempDir()
	vars := map[string]string{"TRAINDESK_DB": filepath.Join(dir, "td.db"), "TRAINDESK_ADDR": addr,
		"TRAINDESK_ADMIN_EMAIL": "boss@example.org", "TRAINDESK_LOG_LEVEL": "warn"}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan run, 1)
	go func() { done <- main(t, ctx, vars, "serve") }()
	var ok bool
	// Up to 20 s: start-up migrates a new database, and the machine may be
	// busy with other tests.
	for i := 0; i < 400 && !ok; i++ {
		time.Sleep(50 * time.Millisecond)
		if res, err := http.Get("http://" + addr + "/healthz"); err == nil {
			ok = res.StatusCode == 200
			res.Body.Close()
		}
	}
	cancel()
	r := <-done
	if !ok {
		t.Fatalf("the server never answered /healthz: %+v", r)
	}
	if r.code != 0 {
		t.Fatalf("serve exited %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "boss@example.org") || !strings.Contains(r.stdout, "password: ") {
		t.Errorf("the first administrator's password was not printed: %q", r.stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "session.key")); err != nil {
		t.Errorf("no session key was stored: %v", err)
	}
}
