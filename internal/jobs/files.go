package jobs

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/traindesk/traindesk/internal/model"
)

// Files is the storage of the files jobs write: a row per file with its
// progress, and its bytes in chunks (tables export_files and
// export_file_chunks). *store.Store implements it.
type Files interface {
	Tx(ctx context.Context, fn func(ctx context.Context) error) error
	Now() time.Time
	CreateExportFile(ctx context.Context, f *model.ExportFile) error
	ExportFile(ctx context.Context, id string) (model.ExportFile, error)
	CountUnfinishedExportFiles(ctx context.Context, owner int64) (int64, error)
	UnfinishedExportFiles(ctx context.Context, before time.Time) ([]model.ExportFile, error)
	BeginExportAttempt(ctx context.Context, id string, attempt int) (model.ExportFile, error)
	ExportProgress(ctx context.Context, id string, attempt int, rows int64, seq int, chunk []byte) error
	FinishExportFile(ctx context.Context, f model.ExportFile, last []byte) error
	StopExportAttempt(ctx context.Context, id string, attempt int, state model.ExportState, reason string, expires time.Time) error
	FailExportFile(ctx context.Context, id, reason string, expires time.Time) error
	ExportChunk(ctx context.Context, id string, seq int) ([]byte, error)
	ExpireExportFiles(ctx context.Context, now time.Time) (int64, error)
}

// Errors a caller tells apart.
var (
	// ErrNotFound: no such file, or another user's, or expired. It wraps
	// model.ErrNotFound, so the web layer answers 404.
	ErrNotFound = fmt.Errorf("jobs: no such file: %w", model.ErrNotFound)
	// ErrBusy: the user already has MaxRunning files on their way.
	ErrBusy = errors.New("jobs: too many jobs running")
)

// MaxRunning bounds the files one user has queued or being written.
const MaxRunning = 3

// unfinishedFor is how long a file that is not finished may live before
// it is forgotten, whatever became of its job.
const unfinishedFor = 24 * time.Hour

// NewFileID returns a new file id: 32 random hex digits.
func NewFileID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// File is a file a job is asked to write: f.ID (from NewFileID, also
// carried in the job's arguments), its owner, name, content type and the
// rows expected (for the progress bar; 0 when unknown).
type File struct {
	ID          string
	Owner       int64
	Name        string
	ContentType string
	Total       int64
}

// StartFile records file f as queued and inserts the job args that will
// write it, in the caller's transaction when ctx carries one. An owner who
// already has MaxRunning files on their way gets ErrBusy.
func (q *Queue) StartFile(ctx context.Context, f File, args Args) error {
	return q.store.Tx(ctx, func(ctx context.Context) error {
		n, err := q.store.CountUnfinishedExportFiles(ctx, f.Owner)
		if err != nil {
			return err
		}
		if n >= MaxRunning {
			return ErrBusy
		}
		id, err := q.Insert(ctx, args)
		if err != nil {
			return err
		}
		now := q.store.Now()
		return q.store.CreateExportFile(ctx, &model.ExportFile{ID: f.ID, JobID: id, OwnerID: f.Owner, Name: f.Name,
			ContentType: f.ContentType, State: model.ExportQueued, Total: f.Total,
			CreatedAt: now, UpdatedAt: now, ExpiresAt: now.Add(unfinishedFor)})
	})
}

// WriteFunc writes a file to w, calling progress after each row.
type WriteFunc func(ctx context.Context, w io.Writer, progress func()) error

// WriteFile is the work of a job that writes file id: it removes what an
// earlier, interrupted attempt wrote, streams write's output to the
// database in chunks while recording the rows written, and marks the file
// done with its last chunk in one transaction. When write fails, what was
// written is removed and the file waits for the next attempt, or fails
// after the last one. A file already done is left as it is.
func (q *Queue) WriteFile(ctx context.Context, job Job, id string, write WriteFunc) error {
	f, err := q.store.BeginExportAttempt(ctx, id, job.Attempt)
	if errors.Is(err, model.ErrNotFound) {
		return nil // forgotten meanwhile: nobody waits for it
	} else if err != nil {
		return err
	}
	if f.State == model.ExportDone {
		return nil
	}
	w := newChunkWriter(ctx, q.store, f)
	stop := w.beat(heartbeat)
	err = write(ctx, w, w.row)
	stop()
	if err == nil {
		err = w.finish(q.store.Now().Add(q.opt.Keep))
	}
	if err == nil {
		return nil
	}
	state := model.ExportQueued
	if job.Last() || errors.Is(err, errPermanent) {
		state = model.ExportFailed
	}
	// The job's context may have ended (a timeout, a shutdown): the clean-up
	// still runs, briefly.
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if serr := q.store.StopExportAttempt(cctx, id, job.Attempt, state, err.Error(), q.expiry(state)); serr != nil {
		q.opt.Log.Warn("jobs: clean up an export attempt", "file", id, "error", serr)
	}
	return err
}

// expiry is when a file in state is forgotten.
func (q *Queue) expiry(state model.ExportState) time.Time {
	if state == model.ExportQueued {
		return q.store.Now().Add(unfinishedFor)
	}
	return q.store.Now().Add(q.opt.Keep)
}

// Status returns owner's file id. A file whose job will never run again
// (it was given up after its instance stopped on its last attempt) is
// marked failed here, and what it had written removed.
func (q *Queue) Status(ctx context.Context, owner int64, id string) (model.ExportFile, error) {
	f, err := q.store.ExportFile(ctx, id)
	if errors.Is(err, model.ErrNotFound) || err == nil && f.OwnerID != owner {
		return model.ExportFile{}, ErrNotFound
	} else if err != nil {
		return f, err
	}
	if f.Finished() {
		return f, nil
	}
	if ended, err := q.ended(ctx, f.JobID); err == nil && ended {
		if err := q.store.FailExportFile(ctx, f.ID, "the job ended without writing the file", q.expiry(model.ExportFailed)); err != nil {
			return f, err
		}
		return q.store.ExportFile(ctx, id)
	}
	return f, nil
}

// Wait waits up to d (or until ctx ends) for owner's file id to be
// finished, and reports it.
func (q *Queue) Wait(ctx context.Context, owner int64, id string, d time.Duration) (model.ExportFile, error) {
	deadline := time.Now().Add(d)
	for {
		f, err := q.Status(ctx, owner, id)
		if err != nil || f.Finished() || !time.Now().Before(deadline) {
			return f, err
		}
		select {
		case <-ctx.Done():
			return f, nil
		case <-time.After(min(50*time.Millisecond, time.Until(deadline))):
		}
	}
}

// Open returns owner's finished file id and a reader of its bytes, which
// reads one chunk at a time; the caller closes it.
func (q *Queue) Open(ctx context.Context, owner int64, id string) (model.ExportFile, io.ReadCloser, error) {
	f, err := q.Status(ctx, owner, id)
	if err != nil {
		return f, nil, err
	}
	if f.State != model.ExportDone {
		return f, nil, ErrNotFound
	}
	return f, &chunkReader{ctx: ctx, store: q.store, f: f}, nil
}

// Cleanup forgets the files whose time is up, and fails the unfinished
// files whose job will never run again, removing what they had written.
// It runs every ten minutes on one of the instances.
func (q *Queue) Cleanup(ctx context.Context) error {
	if _, err := q.store.ExpireExportFiles(ctx, q.store.Now()); err != nil {
		return err
	}
	stale, err := q.store.UnfinishedExportFiles(ctx, q.store.Now().Add(-time.Minute))
	if err != nil {
		return err
	}
	for _, f := range stale {
		ended, err := q.ended(ctx, f.JobID)
		if err != nil {
			return err
		}
		if ended {
			if err := q.store.FailExportFile(ctx, f.ID, "the job ended without writing the file", q.expiry(model.ExportFailed)); err != nil {
				return err
			}
		}
	}
	return nil
}

// cleanupArgs is the periodic job that runs Cleanup.
type cleanupArgs struct{}

func (cleanupArgs) Kind() string { return "export_files_cleanup" }
