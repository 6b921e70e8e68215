// Package store is traindesk's only door to the database: it opens SQLite or
// PostgreSQL through GORM, runs the migrations, and answers the queries the
// rest of the application needs. No other package imports gorm.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	gormlogger "gorm.io/gorm/logger"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/vcache"
)

// Store reads through a small pool and writes through one connection. On
// SQLite a single writer avoids "database is locked" between our own
// connections; every write transaction starts IMMEDIATE so that a reader
// upgrading to a writer never deadlocks. On PostgreSQL both point at one pool.
type Store struct {
	w, r        *gorm.DB
	dialect     string
	now         func() time.Time
	dsn         string
	synchronous string

	queueOnce sync.Once
	queueDB   *sql.DB // the job queue's pool; see QueueDB
	queueErr  error

	countersOnce sync.Once
	countersStmt *sql.Stmt // the per-request read of the change counters, prepared once
	countersErr  error
}

// Options tune Open; the zero value is right for production.
type Options struct {
	Logger *slog.Logger
	Now    func() time.Time // clock for timestamps; time.Now by default
	// Synchronous is SQLite's synchronous setting: "FULL" (the default)
	// makes every acknowledged commit survive a power cut; "NORMAL" is
	// there for the benchmark that measures what FULL costs.
	Synchronous string
}

// SQLiteDSN returns the DSN that gives every connection traindesk's
// settings. mattn/go-sqlite3 reads them from underscore parameters; the
// _pragma= form is silently ignored by this driver.
//
// synchronous=FULL: in WAL mode SQLite then syncs the log at every commit,
// so a commit the server has acknowledged (a tablet's mark) survives a
// power cut or an OS crash; NORMAL may lose the last commits there.
func SQLiteDSN(path string, readOnly bool) string { return sqliteDSN(path, readOnly, "FULL") }

func sqliteDSN(path string, readOnly bool, synchronous string) string {
	q := "_journal_mode=WAL&_synchronous=" + synchronous + "&_busy_timeout=5000&_foreign_keys=on"
	if readOnly {
		q += "&_query_only=true"
	} else {
		q += "&_txlock=immediate"
	}
	return "file:" + path + "?" + q
}

// Open connects to dsn: a postgres:// URL, or else a SQLite file path whose
// folder is created when missing.
func Open(ctx context.Context, dsn string, opt Options) (*Store, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	switch opt.Synchronous {
	case "":
		opt.Synchronous = "FULL"
	case "FULL", "NORMAL":
	default:
		return nil, fmt.Errorf("store: synchronous must be FULL or NORMAL, not %q", opt.Synchronous)
	}
	gcfg := func() *gorm.Config {
		return &gorm.Config{
			Logger:                 slowLogger{opt.Logger, 500 * time.Millisecond},
			NowFunc:                func() time.Time { return opt.Now().UTC() },
			TranslateError:         true,
			SkipDefaultTransaction: true,
		}
	}
	s := &Store{now: opt.Now, dsn: dsn, synchronous: opt.Synchronous}
	if IsPostgres(dsn) {
		db, err := gorm.Open(postgres.Open(dsn), gcfg())
		if err != nil {
			return nil, fmt.Errorf("store: open postgres: %w", err)
		}
		sqlDB, _ := db.DB()
		sqlDB.SetMaxOpenConns(16)
		sqlDB.SetMaxIdleConns(4)
		sqlDB.SetConnMaxIdleTime(5 * time.Minute)
		s.w, s.r, s.dialect = db, db, "postgres"
	} else {
		if err := checkSQLiteFile(dsn); err != nil {
			return nil, err
		}
		w, err := gorm.Open(sqlite.Open(sqliteDSN(dsn, false, opt.Synchronous)), gcfg())
		if err != nil {
			return nil, fmt.Errorf("store: open sqlite writer: %w", err)
		}
		wdb, _ := w.DB()
		wdb.SetMaxOpenConns(1)
		wdb.SetMaxIdleConns(1)
		wdb.SetConnMaxLifetime(0)
		// The writer creates the file and switches it to WAL before any
		// reader opens it read-only.
		if err := wdb.PingContext(ctx); err != nil {
			return nil, fmt.Errorf("store: open sqlite %s: %w", dsn, err)
		}
		r, err := gorm.Open(sqlite.Open(sqliteDSN(dsn, true, opt.Synchronous)), gcfg())
		if err != nil {
			wdb.Close()
			return nil, fmt.Errorf("store: open sqlite reader: %w", err)
		}
		rdb, _ := r.DB()
		rdb.SetMaxOpenConns(4)
		rdb.SetMaxIdleConns(4)
		s.w, s.r, s.dialect = w, r, "sqlite"
	}
	return s, nil
}

// IsPostgres reports whether dsn names a PostgreSQL database rather than a
// SQLite file.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// checkSQLiteFile creates the folder of a new database file, and refuses a
// file of 0 bytes: SQLite would take it for a new, empty database, and
// the first start would create a new administrator in it. Such a file is
// what a backup that never finished, or a copy that went wrong, leaves.
func checkSQLiteFile(path string) error {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return fmt.Errorf("store: create folder for %s: %w", path, err)
		}
	}
	fi, err := os.Stat(path)
	if err == nil && fi.Mode().IsRegular() && fi.Size() == 0 {
		return fmt.Errorf("store: %s is empty (0 bytes), so it holds no traindesk database: "+
			"if it was restored from a backup, that copy is incomplete; restore a good backup, "+
			"or delete the file to start a new, empty database", path)
	}
	return nil
}

// Dialect is "sqlite" or "postgres".
func (s *Store) Dialect() string { return s.dialect }

// Now is the store's clock.
func (s *Store) Now() time.Time { return s.now().UTC() }

// Close closes both pools, and the job queue's.
func (s *Store) Close() error {
	var errs []error
	if s.countersStmt != nil {
		errs = append(errs, s.countersStmt.Close())
	}
	if s.queueDB != nil && s.dialect == "sqlite" {
		errs = append(errs, s.queueDB.Close())
	}
	if db, err := s.w.DB(); err == nil {
		errs = append(errs, db.Close())
	}
	if s.r != s.w {
		if db, err := s.r.DB(); err == nil {
			errs = append(errs, db.Close())
		}
	}
	return errors.Join(errs...)
}

// Ping checks that the database answers a query.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	if err := s.r.WithContext(ctx).Raw("SELECT 1").Scan(&one).Error; err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	return nil
}

// QuickCheck runs SQLite's PRAGMA quick_check (a no-op on PostgreSQL).
func (s *Store) QuickCheck(ctx context.Context) error {
	if s.dialect != "sqlite" {
		return nil
	}
	return integrity(ctx, s.w, "quick_check")
}

func integrity(ctx context.Context, db *gorm.DB, pragma string) error {
	var rows []string
	if err := db.WithContext(ctx).Raw("PRAGMA " + pragma).Scan(&rows).Error; err != nil {
		return fmt.Errorf("store: %s: %w", pragma, err)
	}
	if len(rows) != 1 || rows[0] != "ok" {
		return fmt.Errorf("store: %s found problems: %s", pragma, strings.Join(rows, "; "))
	}
	return nil
}

// txKey marks a context that carries an open write transaction.
type txKey struct{}

// Tx runs fn in one write transaction: everything or nothing is saved. The
// context passed to fn carries the transaction, so every store method called
// with it reads and writes inside it; a Tx inside a Tx joins the outer one.
// Services use it to make one use case one transaction.
func (s *Store) Tx(ctx context.Context, fn func(ctx context.Context) error) error {
	if _, ok := ctx.Value(txKey{}).(*gorm.DB); ok {
		return fn(ctx)
	}
	// Counters read for this request before the transaction may be older
	// than what it wrote: read them again afterwards.
	if m := vcache.CountersFrom(ctx); m != nil {
		defer m.Forget()
	}
	return s.w.WithContext(ctx).Transaction(func(g *gorm.DB) error {
		return fn(context.WithValue(ctx, txKey{}, g))
	})
}

// InTx reports whether ctx carries an open transaction.
func InTx(ctx context.Context) bool {
	_, ok := ctx.Value(txKey{}).(*gorm.DB)
	return ok
}

// read returns the pool for queries bound to ctx, or the transaction ctx
// carries (so that a use case reads its own writes).
func (s *Store) read(ctx context.Context) *gorm.DB {
	if g, ok := ctx.Value(txKey{}).(*gorm.DB); ok {
		return g
	}
	return s.r.WithContext(ctx)
}

// write returns the writer bound to ctx, or the transaction ctx carries.
func (s *Store) write(ctx context.Context) *gorm.DB {
	if g, ok := ctx.Value(txKey{}).(*gorm.DB); ok {
		return g
	}
	if m := vcache.CountersFrom(ctx); m != nil {
		m.Forget() // a write of its own outdates what the request read
	}
	return s.w.WithContext(ctx)
}

// mapErr turns driver errors into domain errors so that callers never see
// GORM's.
func mapErr(op string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gorm.ErrRecordNotFound), errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("store: %s: %w", op, model.ErrNotFound)
	case errors.Is(err, gorm.ErrDuplicatedKey), errors.Is(err, gorm.ErrForeignKeyViolated):
		return fmt.Errorf("store: %s: %w: %v", op, model.ErrConflict, err)
	}
	return fmt.Errorf("store: %s: %w", op, err)
}

// slowLogger reports only slow statements; errors are returned to callers,
// which decide whether they matter.
type slowLogger struct {
	log  *slog.Logger
	slow time.Duration
}

func (l slowLogger) LogMode(gormlogger.LogLevel) gormlogger.Interface { return l }
func (l slowLogger) Info(context.Context, string, ...any)             {}
func (l slowLogger) Warn(context.Context, string, ...any)             {}
func (l slowLogger) Error(context.Context, string, ...any)            {}
func (l slowLogger) Trace(ctx context.Context, begin time.Time, fc func() (string, int64), err error) {
	if d := time.Since(begin); d > l.slow {
		sql, rows := fc()
		l.log.WarnContext(ctx, "slow query", "duration", d, "rows", rows, "sql", sql)
	}
}

// Exec runs a statement outside any model, for administration and tests.
func (s *Store) Exec(ctx context.Context, sql string, args ...any) error {
	return mapErr("exec", s.write(ctx).Exec(sql, args...).Error)
}

func slogDiscard() *slog.Logger { return slog.New(slog.DiscardHandler) }
