package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/store"
)

// Migrating a PostgreSQL database takes seconds (dozens of migrations,
// each its own transaction, then the job queue's); a web test that runs
// on PostgreSQL needs a fresh one each time. So a test process migrates
// one template database once, and every test gets a copy of it made by
// CREATE DATABASE … TEMPLATE, which copies the files (STRATEGY FILE_COPY:
// the checkpoint it costs is cheap on a test server) in a fraction of the
// time. The names carry their creation time, so that what a killed test
// process left behind is dropped by a later one.
const (
	templatePrefix = "traindesk_tpl_"
	copyPrefix     = "traindesk_t_"
	leftoverAge    = 2 * time.Hour
)

// quiet keeps the administrative connections' slow-query warnings (a
// copy takes a while) out of the test output.
var quiet = slog.New(slog.DiscardHandler)

var template struct {
	once sync.Once
	name string
	err  error
}

// migratedPostgresDSN returns a DSN for a new PostgreSQL database holding
// every migration, dropped when the test ends.
func migratedPostgresDSN(t testing.TB, base string) string {
	t.Helper()
	ctx := context.Background()
	admin, err := store.Open(ctx, base, store.Options{Logger: quiet})
	if err != nil {
		t.Fatalf("open postgres: %v", err)
	}
	defer admin.Close()
	template.once.Do(func() { template.name, template.err = makeTemplate(ctx, admin, base) })
	if template.err != nil {
		t.Fatalf("the migrated template database: %v", template.err)
	}
	name := dbName(copyPrefix)
	if err := admin.Exec(ctx, "CREATE DATABASE "+name+" TEMPLATE "+template.name+" STRATEGY FILE_COPY"); err != nil {
		t.Fatalf("copy the template database: %v", err)
	}
	t.Cleanup(func() {
		if a, err := store.Open(context.Background(), base, store.Options{Logger: quiet}); err == nil {
			a.Exec(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
			a.Close()
		}
	})
	return withDatabase(t, base, name)
}

// makeTemplate drops what earlier test processes left behind, then
// creates and migrates this process's template database and closes every
// connection to it (a template being copied must have none).
func makeTemplate(ctx context.Context, admin *store.Store, base string) (string, error) {
	dropLeftovers(ctx, admin)
	name := dbName(templatePrefix)
	if err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		return "", err
	}
	u, err := url.Parse(base)
	if err != nil {
		return "", err
	}
	u.Path = "/" + name
	st, err := store.Open(ctx, u.String(), store.Options{Logger: quiet})
	if err != nil {
		return "", err
	}
	defer st.Close()
	if err := migrateErr(ctx, st); err != nil {
		return "", err
	}
	return name, st.Close()
}

// dropLeftovers drops the test databases older than leftoverAge: no test
// process lives that long, so theirs was killed before it could.
func dropLeftovers(ctx context.Context, admin *store.Store) {
	var names []string
	list := admin.MustString(ctx, "SELECT COALESCE(string_agg(datname, ','), '') FROM pg_database WHERE datname LIKE 'traindesk\\_t%'")
	if list != "" {
		names = strings.Split(list, ",")
	}
	for _, n := range names {
		rest, ok := strings.CutPrefix(n, templatePrefix)
		if !ok {
			rest, ok = strings.CutPrefix(n, copyPrefix)
		}
		stamp, _, _ := strings.Cut(rest, "_")
		sec, err := strconv.ParseInt(stamp, 10, 64)
		if ok && err == nil && time.Since(time.Unix(sec, 0)) > leftoverAge {
			admin.Exec(ctx, "DROP DATABASE IF EXISTS "+n+" WITH (FORCE)")
		}
	}
}

// dbName is a new database name: prefix, the time in seconds, and a
// random part.
func dbName(prefix string) string {
	b := make([]byte, 5)
	rand.Read(b)
	return fmt.Sprintf("%s%d_%s", prefix, time.Now().Unix(), hex.EncodeToString(b))
}

// withDatabase returns base naming the database name instead of its own.
func withDatabase(t testing.TB, base, name string) string {
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("TRAINDESK_TEST_PG: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}

// testPG returns the server named by TRAINDESK_TEST_PG; without it the
// test is skipped, or fails when PostgreSQL is required.
func testPG(t testing.TB) string {
	t.Helper()
	base := os.Getenv("TRAINDESK_TEST_PG")
	if base == "" {
		if Required("postgres") {
			t.Fatal("TRAINDESK_TEST_REQUIRE names postgres but TRAINDESK_TEST_PG is empty")
		}
		t.Skip("TRAINDESK_TEST_PG is not set")
	}
	return base
}
