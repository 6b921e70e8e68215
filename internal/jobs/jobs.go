// Package jobs is traindesk's job queue: background work kept in the
// database, run by River (github.com/riverqueue/river) on SQLite or on
// PostgreSQL. A job inserted by one instance may run on any instance that
// shares the database; a job whose instance stops mid-way is tried again
// (or, after its last attempt, fails) once River sees that it is stuck.
//
// A kind of job is a struct of arguments with a Kind method (the name
// stored with each job) and a function that does the work, registered with
// Add before Start. Jobs that write a file for a user (report exports) use
// StartFile and WriteFile: the file's bytes go to the database in chunks,
// so that every instance shows its progress and serves it (see files.go).
package jobs

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
)

// Args are a job's arguments: a struct that encodes as JSON, whose Kind
// names its work (lower case and underscores; it is stored with every job,
// so never rename a kind that has shipped).
type Args interface{ Kind() string }

// Job is what a worker learns of the job it runs.
type Job struct {
	ID          int64
	Attempt     int // 1 on the first try
	MaxAttempts int
}

// Last reports whether this is the job's last attempt.
func (j Job) Last() bool { return j.Attempt >= j.MaxAttempts }

// Work does one job of kind T. An error makes the job try again later
// (until its attempts are used up), unless it is wrapped by Permanent.
type Work[T Args] func(ctx context.Context, job Job, args T) error

// Queues, each with its own number of workers per instance.
const (
	// QueueDefault runs short jobs (e-mails, reminders, clean-ups).
	QueueDefault = river.QueueDefault
	// QueueExports runs exports, which take memory and time: few at once.
	QueueExports = "exports"
)

// Kind says how the jobs of one kind run.
type Kind struct {
	Queue       string        // QueueDefault when empty
	MaxAttempts int           // 3 when 0
	Timeout     time.Duration // an attempt's context ends after this; 1 minute when 0
	// Every > 0 makes the queue insert a job of this kind (with the zero
	// value of its arguments) at this interval, and once at start.
	Every time.Duration
}

// errPermanent marks an error that trying again would not cure.
var errPermanent = errors.New("jobs: permanent failure")

// Permanent wraps err so that the job fails at once instead of being
// tried again.
func Permanent(err error) error { return fmt.Errorf("%w: %w", errPermanent, err) }

// Store is what the queue needs from the database; *store.Store has it.
type Store interface {
	Dialect() string
	DSN() string
	QueueDB() (*sql.DB, error)
	SQLTx(ctx context.Context) *sql.Tx
	Files
}

// Options tune the queue; the zero value is right for production.
type Options struct {
	Log *slog.Logger
	// Keep is how long a finished file stays downloadable (1 hour).
	Keep time.Duration
	// RescueAfter is how long a job may look stuck (running, with no
	// answer from its instance) before it is tried again: 2 minutes, or a
	// kind's Timeout when longer. Tests shorten it.
	RescueAfter time.Duration
	// RetryDelay is the wait before a failed job's second attempt; it
	// grows with the square of the attempt (5 s, 20 s, 45 s…).
	RetryDelay time.Duration
	// Workers per instance for each queue (default: 4, exports: 2).
	Workers map[string]int
	// TestOnly starts River without the jittered pauses meant for
	// production, so that tests start and stop quickly.
	TestOnly bool
}

// Queue is the job queue of one instance. Register kinds with Add, then
// Start it; Stop lets running jobs finish.
type Queue struct {
	store   Store
	opt     Options
	workers *river.Workers
	kinds   map[string]Kind

	mu       sync.Mutex
	periodic []*river.PeriodicJob
	client   *river.Client[*sql.Tx]
	listener *pgxpool.Pool
}

// New returns a queue over st, with its own kind that forgets expired
// files (see Cleanup).
func New(st Store, opt Options) *Queue {
	if opt.Log == nil {
		opt.Log = slog.Default()
	}
	opt.Keep = cmpOr(opt.Keep, time.Hour)
	opt.RescueAfter = cmpOr(opt.RescueAfter, 2*time.Minute)
	opt.RetryDelay = cmpOr(opt.RetryDelay, 5*time.Second)
	q := &Queue{store: st, opt: opt, workers: river.NewWorkers(), kinds: map[string]Kind{}}
	Add(q, Kind{Every: 10 * time.Minute}, func(ctx context.Context, _ Job, _ cleanupArgs) error { return q.Cleanup(ctx) })
	return q
}

func cmpOr[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// Add registers the work of kind T on q. It must be called before Start,
// once per kind.
func Add[T Args](q *Queue, k Kind, work Work[T]) {
	var args T
	k.Queue = cmpOr(k.Queue, QueueDefault)
	k.MaxAttempts = cmpOr(k.MaxAttempts, 3)
	k.Timeout = cmpOr(k.Timeout, time.Minute)
	q.kinds[args.Kind()] = k
	river.AddWorker(q.workers, &worker[T]{kind: k, work: work, delay: q.opt.RetryDelay})
	if k.Every > 0 {
		q.periodic = append(q.periodic, river.NewPeriodicJob(river.PeriodicInterval(k.Every),
			func() (river.JobArgs, *river.InsertOpts) { return args, q.insertOpts(args) },
			&river.PeriodicJobOpts{ID: args.Kind(), RunOnStart: true}))
	}
}

// worker runs a kind's Work as a River worker.
type worker[T Args] struct {
	river.WorkerDefaults[T]
	kind  Kind
	work  Work[T]
	delay time.Duration
}

func (w *worker[T]) Work(ctx context.Context, j *river.Job[T]) error {
	err := w.work(ctx, Job{ID: j.ID, Attempt: j.Attempt, MaxAttempts: j.MaxAttempts}, j.Args)
	if errors.Is(err, errPermanent) {
		return river.JobCancel(err)
	}
	return err
}

func (w *worker[T]) Timeout(*river.Job[T]) time.Duration { return w.kind.Timeout }

func (w *worker[T]) NextRetry(j *river.Job[T]) time.Time {
	return time.Now().Add(time.Duration(j.Attempt*j.Attempt) * w.delay)
}

func (q *Queue) insertOpts(args Args) *river.InsertOpts {
	k := q.kinds[args.Kind()]
	return &river.InsertOpts{Queue: k.Queue, MaxAttempts: k.MaxAttempts}
}

// ErrNotStarted: a job was inserted before Start.
var ErrNotStarted = errors.New("jobs: the queue has not been started")

// Start connects the queue and starts working jobs until Stop. River's
// tables must exist (Migrate).
func (q *Queue) Start(ctx context.Context) error {
	db, err := q.store.QueueDB()
	if err != nil {
		return err
	}
	var driver riverdriver.Driver[*sql.Tx]
	var listener *pgxpool.Pool
	if q.store.Dialect() == "postgres" {
		// Jobs are inserted and worked through database/sql, inside the
		// store's own transactions; a pgx pool of one connection only
		// listens, so that every instance hears of a new job at once.
		cfg, err := pgxpool.ParseConfig(q.store.DSN())
		if err != nil {
			return fmt.Errorf("jobs: %w", err)
		}
		cfg.MaxConns, cfg.MinConns = 1, 0
		if listener, err = pgxpool.NewWithConfig(ctx, cfg); err != nil {
			return fmt.Errorf("jobs: listener: %w", err)
		}
		driver = riverdatabasesql.NewWithPgxListener(db, listener)
	} else {
		driver = riversqlite.New(db)
	}
	workers := map[string]int{QueueDefault: 4, QueueExports: 2}
	for name, n := range q.opt.Workers {
		workers[name] = n
	}
	queues := map[string]river.QueueConfig{}
	for name, n := range workers {
		queues[name] = river.QueueConfig{MaxWorkers: n}
	}
	client, err := river.NewClient(driver, &river.Config{
		Queues:               queues,
		Workers:              q.workers,
		PeriodicJobs:         q.periodic,
		RescueStuckJobsAfter: q.opt.RescueAfter,
		JobTimeout:           min(time.Minute, q.opt.RescueAfter),
		SoftStopTimeout:      15 * time.Second,
		Logger:               slog.New(warnOnly{q.opt.Log.Handler()}),
		TestOnly:             q.opt.TestOnly,
	})
	if err == nil {
		err = client.Start(context.WithoutCancel(ctx))
	}
	if err != nil {
		if listener != nil {
			listener.Close()
		}
		return fmt.Errorf("jobs: start: %w", err)
	}
	q.mu.Lock()
	q.client, q.listener = client, listener
	q.mu.Unlock()
	return nil
}

// Stop stops taking jobs and waits for running ones to finish; after 15
// seconds (or when ctx ends) their contexts are cancelled, and a job cut
// short is tried again later, here or on another instance.
func (q *Queue) Stop(ctx context.Context) error {
	q.mu.Lock()
	client, listener := q.client, q.listener
	q.client, q.listener = nil, nil
	q.mu.Unlock()
	if client == nil {
		return nil
	}
	err := client.Stop(ctx)
	if listener != nil {
		listener.Close()
	}
	return err
}

func (q *Queue) started() (*river.Client[*sql.Tx], error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.client == nil {
		return nil, ErrNotStarted
	}
	return q.client, nil
}

// Insert adds a job with args and returns its id. When ctx carries the
// store's transaction the job is part of it: it exists only if the
// transaction commits.
func (q *Queue) Insert(ctx context.Context, args Args) (int64, error) {
	client, err := q.started()
	if err != nil {
		return 0, err
	}
	if _, ok := q.kinds[args.Kind()]; !ok {
		return 0, fmt.Errorf("jobs: no work registered for kind %q", args.Kind())
	}
	if tx := q.store.SQLTx(ctx); tx != nil {
		r, err := client.InsertTx(ctx, tx, args, q.insertOpts(args))
		if err != nil {
			return 0, fmt.Errorf("jobs: insert %s: %w", args.Kind(), err)
		}
		return r.Job.ID, nil
	}
	r, err := client.Insert(ctx, args, q.insertOpts(args))
	if err != nil {
		return 0, fmt.Errorf("jobs: insert %s: %w", args.Kind(), err)
	}
	return r.Job.ID, nil
}

// ended reports whether job id will never run again (completed, failed
// for good, cancelled, or gone).
func (q *Queue) ended(ctx context.Context, id int64) (bool, error) {
	client, err := q.started()
	if err != nil {
		return false, err
	}
	j, err := client.JobGet(ctx, id)
	if errors.Is(err, river.ErrNotFound) {
		return true, nil
	} else if err != nil {
		return false, err
	}
	return j.FinalizedAt != nil, nil
}

// warnOnly passes on River's warnings and errors, not its chatter.
type warnOnly struct{ slog.Handler }

func (h warnOnly) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= slog.LevelWarn && h.Handler.Enabled(ctx, l)
}

func (h warnOnly) WithAttrs(as []slog.Attr) slog.Handler { return warnOnly{h.Handler.WithAttrs(as)} }
func (h warnOnly) WithGroup(n string) slog.Handler       { return warnOnly{h.Handler.WithGroup(n)} }
