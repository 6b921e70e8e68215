package store

import (
	"context"
	"database/sql/driver"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/traindesk/traindesk/db/migrations"
)

// appliedMigration is a row of schema_migrations.
type appliedMigration struct {
	Version     int       `gorm:"primaryKey;autoIncrement:false"`
	Description string    `gorm:"size:300;not null"`
	AppliedAt   time.Time `gorm:"not null"`
}

func (appliedMigration) TableName() string { return "schema_migrations" }

// MigrationStatus is one migration and whether it has run.
type MigrationStatus struct {
	Version     int
	Description string
	AppliedAt   *time.Time
}

// Migrate applies every pending migration.
func (s *Store) Migrate(ctx context.Context) (applied []int, err error) {
	return s.MigrateTo(ctx, 0)
}

// MigrateTo applies pending migrations up to version (0: all). Each runs in
// its own transaction together with its schema_migrations row, so a failed
// migration leaves the database at the previous version.
func (s *Store) MigrateTo(ctx context.Context, version int) ([]int, error) {
	all := migrations.All()
	for i, m := range all {
		if m.Version != i+1 {
			return nil, fmt.Errorf("store: migration list has a gap before version %d", m.Version)
		}
	}
	db := s.write(ctx)
	if err := db.Migrator().AutoMigrate(&appliedMigration{}); err != nil {
		return nil, mapErr("create schema_migrations", err)
	}
	var latest int
	if err := db.Model(&appliedMigration{}).Select("COALESCE(MAX(version), 0)").Scan(&latest).Error; err != nil {
		return nil, mapErr("read schema_migrations", err)
	}
	if latest > len(all) {
		return nil, fmt.Errorf("store: the database is at version %d, newer than this program knows (%d); use a newer traindesk", latest, len(all))
	}
	var applied []int
	for _, m := range all {
		if version > 0 && m.Version > version {
			break
		}
		ran := false
		err := db.Transaction(func(tx *gorm.DB) error {
			if s.dialect == "postgres" {
				// Several instances may start at once: the lock makes the
				// others wait, and the check below makes them skip.
				if err := tx.Exec("SELECT pg_advisory_xact_lock(7261)").Error; err != nil {
					return err
				}
			}
			var n int64
			if err := tx.Model(&appliedMigration{}).Where("version = ?", m.Version).Count(&n).Error; err != nil {
				return err
			}
			if n > 0 {
				return nil
			}
			ran = true
			if err := m.Up(tx); err != nil {
				return err
			}
			return tx.Create(&appliedMigration{Version: m.Version, Description: m.Description, AppliedAt: s.Now()}).Error
		})
		if err != nil {
			return applied, fmt.Errorf("store: migration %d (%s): %w", m.Version, m.Description, err)
		}
		if ran {
			applied = append(applied, m.Version)
		}
	}
	return applied, nil
}

// Migrations lists every known migration and when it was applied.
func (s *Store) Migrations(ctx context.Context) ([]MigrationStatus, error) {
	var rows []appliedMigration
	if s.read(ctx).Migrator().HasTable(&appliedMigration{}) {
		if err := s.read(ctx).Find(&rows).Error; err != nil {
			return nil, mapErr("read schema_migrations", err)
		}
	}
	at := map[int]time.Time{}
	for _, r := range rows {
		at[r.Version] = r.AppliedAt
	}
	var out []MigrationStatus
	for _, m := range migrations.All() {
		st := MigrationStatus{Version: m.Version, Description: m.Description}
		if t, ok := at[m.Version]; ok {
			st.AppliedAt = &t
		}
		out = append(out, st)
	}
	return out, nil
}

// SchemaVersion is the highest applied migration.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v *int
	if err := s.read(ctx).Model(&appliedMigration{}).Select("MAX(version)").Scan(&v).Error; err != nil {
		return 0, mapErr("schema version", err)
	}
	if v == nil {
		return 0, nil
	}
	return *v, nil
}

// startupLockKey is the PostgreSQL advisory lock that start-up holds; it
// differs from the one each migration takes inside its transaction, which
// runs on another connection of the same instance.
const startupLockKey = 7262

// Startup runs fn, the whole start-up (our migrations, the job queue's,
// the first administrator, the demo), while holding a PostgreSQL advisory
// lock: instances that start together on one database run it one after
// another, and each finds what the first one did. The lock is a session
// lock on a connection of its own, released when fn returns (or when the
// connection dies with the process). On SQLite, which one instance serves,
// fn simply runs.
func (s *Store) Startup(ctx context.Context, fn func(ctx context.Context) error) error {
	if s.dialect != "postgres" {
		return fn(ctx)
	}
	db, err := s.w.DB()
	if err != nil {
		return mapErr("start-up lock", err)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return mapErr("start-up lock", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", startupLockKey); err != nil {
		return mapErr("start-up lock", err)
	}
	defer func() {
		// A connection that could not unlock must not go back to the
		// pool still holding the lock: closing it as broken ends its
		// session, which releases the lock.
		if _, err := conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", startupLockKey); err != nil {
			conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	return fn(ctx)
}
