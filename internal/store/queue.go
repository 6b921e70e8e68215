package store

import (
	"context"
	"database/sql"
	"fmt"

	"gorm.io/gorm"
)

// QueueDB is the connection pool the job queue (internal/jobs) works
// through. On PostgreSQL it is the store's own pool. On SQLite it is a pool
// of one connection of its own, with the store's settings: the queue
// polls and writes on its own schedule, and must neither wait behind the
// store's one writer connection nor make it wait longer than a commit.
// Close closes it.
func (s *Store) QueueDB() (*sql.DB, error) {
	s.queueOnce.Do(func() {
		if s.dialect == "postgres" {
			s.queueDB, s.queueErr = s.w.DB()
			return
		}
		db, err := sql.Open("sqlite3", sqliteDSN(s.dsn, false, s.synchronous))
		if err != nil {
			s.queueErr = fmt.Errorf("store: open the job queue's connection: %w", err)
			return
		}
		db.SetMaxOpenConns(1)
		db.SetMaxIdleConns(1)
		db.SetConnMaxLifetime(0)
		s.queueDB = db
	})
	return s.queueDB, s.queueErr
}

// DSN is the address the store was opened with (a SQLite path or a
// PostgreSQL URL); the job queue opens its PostgreSQL listener with it.
func (s *Store) DSN() string { return s.dsn }

// SQLTx returns the database/sql transaction ctx carries, or nil: the job
// queue inserts a job inside the use case's transaction with it, so that
// the job exists if and only if the use case committed.
func (s *Store) SQLTx(ctx context.Context) *sql.Tx {
	g, ok := ctx.Value(txKey{}).(*gorm.DB)
	if !ok {
		return nil
	}
	tx, _ := g.Statement.ConnPool.(*sql.Tx)
	return tx
}
