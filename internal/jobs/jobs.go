// Package jobs runs long work, such as a report export, in the background,
// so that it shows its progress instead of keeping a request hanging. A job
// writes its file to a temporary folder and counts the rows it has written;
// its owner polls the count and then downloads the file.
//
// Jobs live in the memory of the instance that started them. With several
// instances behind a load balancer, the status and the download must reach
// the same instance (sticky sessions); a restart forgets running jobs, and
// their owners start them again. A queue kept in the database will replace
// this runner; its API is kept small (Start, Status, Wait, Open) for that.
package jobs

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/traindesk/traindesk/internal/model"
)

// State is where a job is in its life.
type State string

// Job states.
const (
	Running State = "running"
	Done    State = "done"
	Failed  State = "failed"
)

// Errors a caller tells apart.
var (
	// ErrNotFound: no such job, or another user's, or expired. It wraps
	// model.ErrNotFound, so the web layer answers 404.
	ErrNotFound = fmt.Errorf("jobs: no such job: %w", model.ErrNotFound)
	// ErrBusy: the user already has MaxRunning jobs running.
	ErrBusy = errors.New("jobs: too many jobs running")
)

// MaxRunning bounds the jobs one user runs at once.
const MaxRunning = 3

// WriteFunc writes a job's file to w, calling progress after each row.
type WriteFunc func(ctx context.Context, w io.Writer, progress func()) error

// Status is what the owner sees of a job.
type Status struct {
	ID          string
	FileName    string
	ContentType string
	State       State
	Rows        int64 // rows written so far
	Total       int64 // rows expected, 0 when unknown
	Err         error
}

type job struct {
	owner      int64
	status     Status // guarded by Runner.mu, except Rows
	rows       atomic.Int64
	path       string
	done       chan struct{}
	finishedAt time.Time
	cancel     context.CancelFunc
}

// Runner holds the jobs of one instance.
type Runner struct {
	mu      sync.Mutex
	jobs    map[string]*job
	dir     string
	keep    time.Duration
	timeout time.Duration
	now     func() time.Time
}

// New returns a runner that writes files under dir (the system's
// temporary folder when empty), keeps finished jobs for keep, and stops a
// job that runs longer than timeout.
func New(dir string, keep, timeout time.Duration, now func() time.Time) *Runner {
	if now == nil {
		now = time.Now
	}
	return &Runner{jobs: map[string]*job{}, dir: dir, keep: keep, timeout: timeout, now: now}
}

// Start runs write in the background for owner and returns the job's id.
// The file will be offered as fileName with contentType; total is the
// number of rows expected, for the progress bar.
func (r *Runner) Start(owner int64, fileName, contentType string, total int64, write WriteFunc) (string, error) {
	r.Prune()
	f, err := os.CreateTemp(r.dir, "traindesk-job-*")
	if err != nil {
		return "", fmt.Errorf("jobs: %w", err)
	}
	b := make([]byte, 16)
	rand.Read(b)
	id := hex.EncodeToString(b)
	ctx, cancel := context.WithTimeout(context.Background(), r.timeout)
	j := &job{owner: owner, path: f.Name(), done: make(chan struct{}), cancel: cancel,
		status: Status{ID: id, FileName: fileName, ContentType: contentType, State: Running, Total: total}}
	r.mu.Lock()
	running := 0
	for _, o := range r.jobs {
		if o.owner == owner && o.status.State == Running {
			running++
		}
	}
	if running >= MaxRunning {
		r.mu.Unlock()
		cancel()
		f.Close()
		os.Remove(f.Name())
		return "", ErrBusy
	}
	r.jobs[id] = j
	r.mu.Unlock()
	go r.run(ctx, j, f, write)
	return id, nil
}

// run writes the file and records the outcome.
func (r *Runner) run(ctx context.Context, j *job, f *os.File, write WriteFunc) {
	defer j.cancel()
	err := write(ctx, f, func() { j.rows.Add(1) })
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	r.mu.Lock()
	j.status.State, j.finishedAt = Done, r.now()
	if err != nil {
		j.status.State, j.status.Err = Failed, err
		os.Remove(j.path)
	}
	r.mu.Unlock()
	close(j.done)
}

// get returns owner's job id.
func (r *Runner) get(owner int64, id string) (*job, Status, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	j, ok := r.jobs[id]
	if !ok || j.owner != owner {
		return nil, Status{}, ErrNotFound
	}
	st := j.status
	st.Rows = j.rows.Load()
	return j, st, nil
}

// Status reports owner's job id.
func (r *Runner) Status(owner int64, id string) (Status, error) {
	_, st, err := r.get(owner, id)
	return st, err
}

// Wait waits up to d (or until ctx ends) for owner's job to finish and
// reports it.
func (r *Runner) Wait(ctx context.Context, owner int64, id string, d time.Duration) (Status, error) {
	j, _, err := r.get(owner, id)
	if err != nil {
		return Status{}, err
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-j.done:
	case <-t.C:
	case <-ctx.Done():
	}
	return r.Status(owner, id)
}

// Open opens the file of owner's finished job.
func (r *Runner) Open(owner int64, id string) (*os.File, Status, error) {
	j, st, err := r.get(owner, id)
	if err != nil {
		return nil, st, err
	}
	if st.State != Done {
		return nil, st, ErrNotFound
	}
	f, err := os.Open(j.path)
	if err != nil {
		return nil, st, ErrNotFound
	}
	return f, st, nil
}

// Prune forgets finished jobs older than the runner's keep and removes
// their files.
func (r *Runner) Prune() {
	r.mu.Lock()
	defer r.mu.Unlock()
	cut := r.now().Add(-r.keep)
	for id, j := range r.jobs {
		if j.status.State != Running && j.finishedAt.Before(cut) {
			os.Remove(j.path)
			delete(r.jobs, id)
		}
	}
}
