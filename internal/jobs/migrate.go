package jobs

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"

	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
)

// DB is the database River's migrations run on.
type DB interface {
	Dialect() string
	QueueDB() (*sql.DB, error)
}

// migrator returns River's migrator for db.
func migrator(db DB) (*rivermigrate.Migrator[*sql.Tx], error) {
	pool, err := db.QueueDB()
	if err != nil {
		return nil, err
	}
	cfg := &rivermigrate.Config{Logger: slog.New(slog.DiscardHandler)}
	if db.Dialect() == "postgres" {
		return rivermigrate.New(riverdatabasesql.New(pool), cfg)
	}
	return rivermigrate.New(riversqlite.New(pool), cfg)
}

// Migrate brings River's own tables (river_job, river_leader, river_queue,
// river_client, river_migration, and on SQLite river_notification) to the
// version this program's River knows, each step in its own transaction,
// and returns the versions it applied. River keeps its history in
// river_migration, beside our schema_migrations: traindesk's migrate step
// runs db/migrations, then this, under the same start-up lock. Our tables
// never refer to River's, so the two histories stay independent.
func Migrate(ctx context.Context, db DB) ([]int, error) {
	m, err := migrator(db)
	if err != nil {
		return nil, err
	}
	res, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil)
	if err != nil {
		return nil, fmt.Errorf("jobs: River's migrations: %w", err)
	}
	var applied []int
	for _, v := range res.Versions {
		applied = append(applied, v.Version)
	}
	return applied, nil
}

// MigrationStatus returns the newest River migration applied to db (0 for
// none) and the newest this program knows.
func MigrationStatus(ctx context.Context, db DB) (applied, known int, err error) {
	m, err := migrator(db)
	if err != nil {
		return 0, 0, err
	}
	all := m.AllVersions()
	if len(all) > 0 {
		known = all[len(all)-1].Version
	}
	existing, err := m.ExistingVersions(ctx)
	if err != nil {
		return 0, known, fmt.Errorf("jobs: River's migrations: %w", err)
	}
	for _, v := range existing {
		applied = max(applied, v.Version)
	}
	return applied, known, nil
}
