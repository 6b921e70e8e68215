package storetest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/traindesk/traindesk/internal/store"
)

// Dozens of tests start from the same data: a migrated database holding
// the demo and the test users. Migrating a new SQLite file and loading the
// demo costs each of them a second or more of CPU; copying a file costs
// milliseconds. So a test process builds each such database once, keeps
// its bytes, and writes a copy into every test's folder.
var seeds struct {
	sync.Mutex
	m map[string]*seed
}

type seed struct {
	once  sync.Once
	bytes []byte
	err   error
}

// SQLiteSeeded opens, in the test's temporary folder, a copy of the SQLite
// database that fill built over a migrated store (once per key in this
// process: the same key must always mean the same data), migrated again in
// case. It is skipped in the PostgreSQL pass, like SQLite.
func SQLiteSeeded(t testing.TB, key string, opt store.Options, fill func(context.Context, *store.Store) error) *store.Store {
	t.Helper()
	SkipInSecondPass(t)
	seeds.Lock()
	if seeds.m == nil {
		seeds.m = map[string]*seed{}
	}
	s := seeds.m[key]
	if s == nil {
		s = &seed{}
		seeds.m[key] = s
	}
	seeds.Unlock()
	s.once.Do(func() { s.bytes, s.err = buildSeed(opt, fill) })
	if s.err != nil {
		t.Fatalf("build the seeded database %q: %v", key, s.err)
	}
	path := filepath.Join(t.TempDir(), "test.db")
	if err := os.WriteFile(path, s.bytes, 0o600); err != nil {
		t.Fatal(err)
	}
	return SQLiteAt(t, path, opt)
}

// buildSeed migrates a new SQLite file, fills it, closes it (which folds
// the write-ahead log into the file) and returns the file's bytes.
func buildSeed(opt store.Options, fill func(context.Context, *store.Store) error) ([]byte, error) {
	dir, err := os.MkdirTemp("", "traindesk-seed-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "seed.db")
	ctx := context.Background()
	st, err := store.Open(ctx, path, opt)
	if err != nil {
		return nil, err
	}
	err = migrateErr(ctx, st)
	if err == nil {
		err = fill(ctx, st)
	}
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		if fi, _ := os.Stat(path + "-wal"); fi.Size() > 0 {
			return nil, errors.New("the write-ahead log was not folded into the file on close")
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read the seeded database: %w", err)
	}
	return b, nil
}
