package store

import (
	"context"
	"errors"
	"fmt"
	"os"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
)

// Backup writes a consistent copy of a live SQLite database to path with
// VACUUM INTO (readers and the writer carry on meanwhile), then opens the
// copy and runs PRAGMA integrity_check on it. It refuses to overwrite.
func (s *Store) Backup(ctx context.Context, path string) (int64, error) {
	if s.dialect != "sqlite" {
		return 0, errors.New("store: backup of PostgreSQL is pg_dump's job; see the README")
	}
	if _, err := os.Stat(path); err == nil {
		return 0, fmt.Errorf("store: %s already exists; choose a new file", path)
	}
	// The reader pool is query-only, which SQLite extends to VACUUM INTO.
	if err := s.write(ctx).Exec("VACUUM INTO ?", path).Error; err != nil {
		return 0, fmt.Errorf("store: backup: %w", err)
	}
	db, err := gorm.Open(sqlite.Open("file:"+path+"?_query_only=true"), &gorm.Config{Logger: slowLogger{slogDiscard(), 0}})
	if err != nil {
		return 0, fmt.Errorf("store: open backup: %w", err)
	}
	sqlDB, _ := db.DB()
	defer sqlDB.Close()
	if err := integrity(ctx, db, "integrity_check"); err != nil {
		return 0, fmt.Errorf("store: backup %s is damaged: %w", path, err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return 0, err
	}
	return fi.Size(), nil
}
