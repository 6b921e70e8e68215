// Package storetest builds real databases for tests: a SQLite file in the
// test's temporary folder, and, when TRAINDESK_TEST_PG holds a DSN, a fresh
// PostgreSQL schema that is dropped afterwards.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/jobs"
	"github.com/traindesk/traindesk/internal/store"
)

// Clock is a settable clock for tests. With Real set it follows the
// machine's clock (for browser tests, whose scripts read the real time).
type Clock struct {
	T    time.Time
	Real bool
}

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	if c.Real {
		return time.Now()
	}
	return c.T
}

// Advance moves the clock on.
func (c *Clock) Advance(d time.Duration) { c.T = c.T.Add(d) }

// Required reports whether TRAINDESK_TEST_REQUIRE names what, so that a
// missing dependency fails the test instead of skipping it.
func Required(what string) bool {
	for _, s := range strings.Split(os.Getenv("TRAINDESK_TEST_REQUIRE"), ",") {
		if strings.TrimSpace(s) == what {
			return true
		}
	}
	return false
}

// SQLite opens a migrated SQLite store in t.TempDir().
func SQLite(t testing.TB, opt store.Options) *store.Store {
	t.Helper()
	s := OpenSQLite(t, filepath.Join(t.TempDir(), "test.db"), opt)
	migrate(t, s)
	return s
}

// OpenSQLite opens path without migrating it.
func OpenSQLite(t testing.TB, path string, opt store.Options) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), path, opt)
	if err != nil {
		t.Fatalf("open sqlite: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// PostgresDSN returns a DSN for a new, empty schema on the server named by
// TRAINDESK_TEST_PG, dropped when the test ends. Without the variable the
// test is skipped, or fails when PostgreSQL is required.
func PostgresDSN(t testing.TB) string {
	t.Helper()
	base := os.Getenv("TRAINDESK_TEST_PG")
	if base == "" {
		if Required("postgres") {
			t.Fatal("TRAINDESK_TEST_REQUIRE names postgres but TRAINDESK_TEST_PG is empty")
		}
		t.Skip("TRAINDESK_TEST_PG is not set")
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	admin, err := store.Open(context.Background(), base, store.Options{})
	if err != nil {
		t.Fatalf("open postgres: %v", err)
	}
	if err := admin.Exec(context.Background(), "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		admin.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("TRAINDESK_TEST_PG: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// Postgres opens a migrated store in a fresh PostgreSQL schema.
func Postgres(t testing.TB, opt store.Options) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), PostgresDSN(t), opt)
	if err != nil {
		t.Fatalf("open postgres: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	migrate(t, s)
	return s
}

// migrate runs our migrations and the job queue's, as the migrate step
// does.
func migrate(t testing.TB, s *store.Store) {
	t.Helper()
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatalf("migrate %s: %v", s.Dialect(), err)
	}
	if _, err := jobs.Migrate(context.Background(), s); err != nil {
		t.Fatalf("migrate the job queue on %s: %v", s.Dialect(), err)
	}
}

// Each runs fn against SQLite and, when configured, PostgreSQL.
func Each(t *testing.T, opt store.Options, fn func(t *testing.T, s *store.Store)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t, opt)) })
	t.Run("postgres", func(t *testing.T) { fn(t, Postgres(t, opt)) })
}
