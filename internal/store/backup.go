package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
)

// Backup writes a consistent copy of a live SQLite database to path and
// returns its size. The copy is made beside path under a temporary name
// (SQLite's VACUUM INTO: readers and the writer carry on meanwhile),
// flushed to disk, opened and checked with PRAGMA integrity_check, and only
// then put in place under path, which it never overwrites. So a backup
// that fails, is interrupted or is killed leaves nothing at path: a file
// there is always a whole, checked copy. The temporary file is removed
// whenever the process lives to do it; one left by a killed backup is
// named PATH.incomplete-* and may be deleted.
func (s *Store) Backup(ctx context.Context, path string) (int64, error) {
	if s.dialect != "sqlite" {
		return 0, errors.New("store: backup of PostgreSQL is pg_dump's job; see the README")
	}
	if err := refuseExisting(path); err != nil {
		return 0, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".incomplete-*")
	if err != nil {
		return 0, fmt.Errorf("store: backup: %w", err)
	}
	tmp.Close()
	defer removeCopy(tmp.Name())
	// VACUUM INTO writes into an empty file. The reader pool is query-only,
	// which SQLite extends to VACUUM INTO, so the writer makes the copy.
	if err := s.write(ctx).Exec("VACUUM INTO ?", tmp.Name()).Error; err != nil {
		return 0, fmt.Errorf("store: backup: %w", err)
	}
	if err := syncFile(tmp.Name()); err != nil {
		return 0, fmt.Errorf("store: backup: %w", err)
	}
	if err := checkCopy(ctx, tmp.Name()); err != nil {
		return 0, fmt.Errorf("store: the backup copy is damaged, nothing was written to %s: %w", path, err)
	}
	if err := putInPlace(tmp.Name(), path); err != nil {
		return 0, err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return 0, err
	}
	return fi.Size(), nil
}

// refuseExisting refuses a path that exists: a backup never replaces a
// file, which might be the only good copy.
func refuseExisting(path string) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("store: %s already exists; a backup never overwrites a file: choose a new name (with the date, for example)", path)
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("store: backup: %w", err)
	}
	return nil
}

// checkCopy opens a copy read-only and runs the full integrity check.
func checkCopy(ctx context.Context, path string) error {
	db, err := gorm.Open(sqlite.Open("file:"+path+"?_query_only=true"), &gorm.Config{Logger: slowLogger{slogDiscard(), 0}})
	if err != nil {
		return err
	}
	sqlDB, _ := db.DB()
	defer sqlDB.Close()
	return integrity(ctx, db, "integrity_check")
}

// putInPlace gives the checked copy its name. A hard link fails if path
// appeared meanwhile, so even then nothing is overwritten; where links are
// not possible (some network or FAT file systems), a rename after one more
// look does.
func putInPlace(tmp, path string) error {
	err := os.Link(tmp, path)
	if errors.Is(err, os.ErrExist) {
		return refuseExisting(path)
	} else if err != nil {
		if err := refuseExisting(path); err != nil {
			return err
		}
		if err := os.Rename(tmp, path); err != nil {
			return fmt.Errorf("store: backup: %w", err)
		}
	}
	return syncDir(filepath.Dir(path))
}

// removeCopy removes the temporary copy and what SQLite may have made
// beside it.
func removeCopy(tmp string) {
	for _, p := range []string{tmp, tmp + "-journal", tmp + "-wal", tmp + "-shm"} {
		os.Remove(p)
	}
}

// syncFile flushes a file to disk.
func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// syncDir flushes a folder's entries, so that the new name survives a
// power cut.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return fmt.Errorf("store: backup: sync %s: %w", dir, err)
	}
	return nil
}
