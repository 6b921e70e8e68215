package app_test

import (
	"context"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// freeAddr returns a loopback address no one listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// healthy waits up to a minute for addr to answer /healthz with 200.
func healthy(addr string) bool {
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if res, err := http.Get("http://" + addr + "/healthz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return true
			}
		}
	}
	return false
}

// TestServe_ThreeAtOnceOnPostgres starts three instances at the same
// moment on an empty PostgreSQL database with the demo asked for. Each
// runs the whole start-up (the migration table, our migrations, River's,
// the first administrator, the demo) under the advisory lock, so all
// three come up and serve, with one administrator and one demo between
// them.
func TestServe_ThreeAtOnceOnPostgres(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	runs := make([]run, 3)
	addrs := make([]string, 3)
	gate := make(chan struct{})
	for i := range runs {
		addrs[i] = freeAddr(t)
		vars := map[string]string{"TRAINDESK_DB": dsn, "TRAINDESK_ADDR": addrs[i], "TRAINDESK_DEMO": "true",
			"TRAINDESK_SESSION_KEY": strings.Repeat("ab", 32), "TRAINDESK_LOG_LEVEL": "warn"}
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-gate
			runs[i] = main(t, ctx, vars, "serve")
		}()
	}
	close(gate)
	for i, addr := range addrs {
		if !healthy(addr) {
			cancel()
			wg.Wait()
			t.Fatalf("instance %d never answered /healthz: %+v", i, runs[i])
		}
	}
	cancel()
	wg.Wait()
	demos, admins := 0, 0
	for i, r := range runs {
		if r.code != 0 {
			t.Errorf("instance %d exited %d: %s", i, r.code, r.stderr)
		}
		demos += strings.Count(r.stdout, "Loaded the demo course")
		admins += strings.Count(r.stdout, "administrator sign-in")
	}
	if demos != 1 || admins != 1 {
		t.Errorf("the demo was loaded %d times and an administrator created %d times, want once each", demos, admins)
	}
	st, err := store.Open(context.Background(), dsn, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx = context.Background()
	if n := st.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM users WHERE role = 'admin'"); n != "1" {
		t.Errorf("%s administrators, want 1", n)
	}
	twice := "SELECT CAST(COUNT(*) AS TEXT) FROM (SELECT title_en FROM trainings GROUP BY title_en, starts_on HAVING COUNT(*) > 1) d"
	if n := st.MustString(ctx, twice); n != "0" || st.MustCount(ctx, "trainings") < 1 {
		t.Errorf("%s trainings were loaded twice (of %d)", n, st.MustCount(ctx, "trainings"))
	}
}

// TestServe_RefusesEmptyDatabaseFile: a 0-byte database file, such as an
// unfinished copy restored by mistake, stops the start with a message
// that says what it is, instead of becoming a new database with a new
// administrator.
func TestServe_RefusesEmptyDatabaseFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "traindesk.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	vars := map[string]string{"TRAINDESK_DB": path, "TRAINDESK_ADDR": freeAddr(t), "TRAINDESK_LOG_LEVEL": "warn"}
	r := main(t, context.Background(), vars, "serve")
	if r.code != 1 || !strings.Contains(r.stderr, "empty (0 bytes)") || strings.Contains(r.stdout, "password") {
		t.Fatalf("serve on a 0-byte file: %+v", r)
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() != 0 {
		t.Errorf("the file was written to: %v", err)
	}
}

// TestServe_AdminProblemNamed: when the first administrator cannot be
// created, the message names the setting and what is wrong with it,
// not a bare "invalid email".
func TestServe_AdminProblemNamed(t *testing.T) {
	vars := map[string]string{"TRAINDESK_DB": filepath.Join(t.TempDir(), "td.db"), "TRAINDESK_ADDR": freeAddr(t),
		"TRAINDESK_ADMIN_EMAIL": "boss@", "TRAINDESK_LOG_LEVEL": "warn"}
	r := main(t, context.Background(), vars, "serve")
	if r.code != 1 || !strings.Contains(r.stderr, "TRAINDESK_ADMIN_EMAIL is not an email address") || strings.Contains(r.stderr, "invalid email") {
		t.Fatalf("serve with a bad administrator email: %+v", r)
	}
}
