// Package storetest builds real databases for tests: a SQLite file in the
// test's temporary folder, and, when TRAINDESK_TEST_PG holds a DSN, a fresh
// PostgreSQL database (a copy of a migrated template) or empty schema that
// is dropped afterwards.
//
// `make test` runs the tests twice when PostgreSQL is at hand: first with
// SQLite as the database of every test that does not choose one (Open,
// and so webtest.New), then, with TRAINDESK_TEST_DB=postgres, on
// PostgreSQL. Tests that choose their database themselves (Each, SQLite,
// webtest's Options.Postgres) run in the first pass only: the second pass
// skips them, since running them again would test nothing new.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
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

// SecondPass reports whether this is the PostgreSQL pass of the tests
// (TRAINDESK_TEST_DB=postgres): Open gives PostgreSQL, and tests that
// chose their database ran in the first pass.
func SecondPass() bool { return os.Getenv("TRAINDESK_TEST_DB") == "postgres" }

// SkipInSecondPass skips a test that chose its own database (or holds to
// SQLite for a reason of its own) during the PostgreSQL pass: it ran in
// the first.
func SkipInSecondPass(t testing.TB) {
	t.Helper()
	if SecondPass() {
		t.Skip("chooses its own database: ran in the first pass (TRAINDESK_TEST_DB=postgres runs the others on PostgreSQL)")
	}
}

// Open opens a migrated store on this pass's database: SQLite, or
// PostgreSQL in the second pass. Tests whose subject is not one database's
// own behaviour open their store with it, so that they run on both.
func Open(t testing.TB, opt store.Options) *store.Store {
	t.Helper()
	if SecondPass() {
		return postgres(t, opt)
	}
	return SQLite(t, opt)
}

// SQLite opens a migrated SQLite store in t.TempDir(), for a test about
// SQLite itself (a file, a backup, a pragma); other tests use Open. It is
// skipped in the PostgreSQL pass.
func SQLite(t testing.TB, opt store.Options) *store.Store {
	t.Helper()
	SkipInSecondPass(t)
	s := OpenSQLite(t, filepath.Join(t.TempDir(), "test.db"), opt)
	migrate(t, s)
	return s
}

// SQLiteAt opens the SQLite file at path, which may hold data already,
// and migrates it.
func SQLiteAt(t testing.TB, path string, opt store.Options) *store.Store {
	t.Helper()
	s := OpenSQLite(t, path, opt)
	migrate(t, s)
	return s
}

// OpenSQLite opens path without migrating it (skipped in the PostgreSQL
// pass).
func OpenSQLite(t testing.TB, path string, opt store.Options) *store.Store {
	t.Helper()
	SkipInSecondPass(t)
	s, err := store.Open(context.Background(), path, opt)
	if err != nil {
		t.Fatalf("open sqlite: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// PostgresDSN returns a DSN for a new, empty schema on the server named by
// TRAINDESK_TEST_PG, dropped when the test ends. Without the variable the
// test is skipped, or fails when PostgreSQL is required. A test that asks
// for PostgreSQL itself runs in the first pass only.
func PostgresDSN(t testing.TB) string {
	t.Helper()
	SkipInSecondPass(t)
	return postgresDSN(t)
}

func postgresDSN(t testing.TB) string {
	t.Helper()
	base := testPG(t)
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

// Postgres opens a migrated store in a fresh PostgreSQL schema, for a test
// that asks for PostgreSQL itself (it runs in the first pass only).
func Postgres(t testing.TB, opt store.Options) *store.Store {
	t.Helper()
	SkipInSecondPass(t)
	return postgres(t, opt)
}

// postgres opens a store on a copy of the migrated template database
// (see pgtemplate.go).
func postgres(t testing.TB, opt store.Options) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), migratedPostgresDSN(t, testPG(t)), opt)
	if err != nil {
		t.Fatalf("open postgres: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// migrate runs our migrations and the job queue's, as the migrate step
// does.
func migrate(t testing.TB, s *store.Store) {
	t.Helper()
	if err := migrateErr(context.Background(), s); err != nil {
		t.Fatalf("%s: %v", s.Dialect(), err)
	}
}

func migrateErr(ctx context.Context, s *store.Store) error {
	if _, err := s.Migrate(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if _, err := jobs.Migrate(ctx, s); err != nil {
		return fmt.Errorf("migrate the job queue: %w", err)
	}
	return nil
}

// Each runs fn against SQLite and, when configured, PostgreSQL; both in
// the first pass, and neither in the second.
func Each(t *testing.T, opt store.Options, fn func(t *testing.T, s *store.Store)) {
	SkipInSecondPass(t)
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t, opt)) })
	t.Run("postgres", func(t *testing.T) { fn(t, postgres(t, opt)) })
}
