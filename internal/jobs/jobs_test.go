package jobs_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/jobs"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// fileArgs asks for a file of Size bytes, written in rows of 1,000 bytes;
// the first Fail attempts fail half-way.
type fileArgs struct {
	FileID string
	Size   int
	Fail   int
}

func (fileArgs) Kind() string { return "test_file" }

// content is the file fileArgs asks for.
func content(size int) []byte {
	b := make([]byte, size)
	for i := range b {
		b[i] = byte('a' + i/1000%26)
	}
	return b
}

// writeRows writes b in rows of 1,000 bytes; fail stops half-way.
func writeRows(ctx context.Context, w io.Writer, progress func(), b []byte, fail bool) error {
	for i := 0; i < len(b); i += 1000 {
		if fail && i >= len(b)/2 {
			return errors.New("disk on fire")
		}
		if _, err := w.Write(b[i:min(i+1000, len(b))]); err != nil {
			return err
		}
		progress()
	}
	return nil
}

func quiet() *slog.Logger { return slog.New(slog.DiscardHandler) }

// startQueue starts a queue over st with the test kind, stopped with the
// test.
func startQueue(t *testing.T, st *store.Store) *jobs.Queue {
	t.Helper()
	q := jobs.New(st, jobs.Options{Log: quiet(), TestOnly: true, RetryDelay: time.Millisecond})
	jobs.Add(q, jobs.Kind{Queue: jobs.QueueExports}, func(ctx context.Context, job jobs.Job, a fileArgs) error {
		return q.WriteFile(ctx, job, a.FileID, func(ctx context.Context, w io.Writer, progress func()) error {
			return writeRows(ctx, w, progress, content(a.Size), job.Attempt <= a.Fail)
		})
	})
	if err := q.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Stop(context.Background()) })
	return q
}

// start asks q for a file of size bytes for owner, inside a transaction.
func start(t *testing.T, st *store.Store, q *jobs.Queue, owner int64, a fileArgs) string {
	t.Helper()
	a.FileID = jobs.NewFileID()
	err := st.Tx(context.Background(), func(ctx context.Context) error {
		return q.StartFile(ctx, jobs.File{ID: a.FileID, Owner: owner, Name: "x.csv", ContentType: "text/csv", Total: int64(a.Size / 1000)}, a)
	})
	if err != nil {
		t.Fatal(err)
	}
	return a.FileID
}

// TestQueue_File: a job writes a file of several chunks; its owner waits
// for it and reads it back whole, another user sees nothing, and the
// chunks are all there is in the database.
func TestQueue_File(t *testing.T) {
	storetest.Each(t, store.Options{Logger: quiet()}, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		q := startQueue(t, st)
		size := 2*jobs.ChunkSize + 12345
		id := start(t, st, q, 7, fileArgs{Size: size})
		f, err := q.Wait(ctx, 7, id, 30*time.Second)
		if err != nil || f.State != model.ExportDone || f.Rows != int64((size+999)/1000) || f.Size != int64(size) || f.Chunks != 3 {
			t.Fatalf("file %+v, %v", f, err)
		}
		_, r, err := q.Open(ctx, 7, id)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(r)
		r.Close()
		if !bytes.Equal(got, content(size)) {
			t.Errorf("read back %d bytes, not the %d written", len(got), size)
		}
		if _, err := q.Status(ctx, 8, id); !errors.Is(err, jobs.ErrNotFound) {
			t.Errorf("another user sees the file: %v", err)
		}
		if n, _ := st.CountExportChunks(ctx, id); n != 3 {
			t.Errorf("%d chunks stored, want 3", n)
		}
	})
}

// TestQueue_Retry: an attempt that fails half-way leaves nothing behind
// and the next attempt writes the whole file; a file that fails on its
// last attempt is failed, with no bytes kept, and not offered.
func TestQueue_Retry(t *testing.T) {
	ctx := context.Background()
	st := storetest.SQLite(t, store.Options{Logger: quiet()})
	q := startQueue(t, st)
	size := jobs.ChunkSize*2 + 1
	again := start(t, st, q, 1, fileArgs{Size: size, Fail: 1})
	never := start(t, st, q, 1, fileArgs{Size: size, Fail: 3})
	f, err := q.Wait(ctx, 1, again, 30*time.Second)
	if err != nil || f.State != model.ExportDone || f.Attempt != 2 || f.Size != int64(size) {
		t.Fatalf("retried file %+v, %v", f, err)
	}
	if n, _ := st.CountExportChunks(ctx, again); n != int64(f.Chunks) {
		t.Errorf("%d chunks stored for a file of %d", n, f.Chunks)
	}
	f, err = q.Wait(ctx, 1, never, 30*time.Second)
	if err != nil || f.State != model.ExportFailed || f.Attempt != 3 || f.Error == "" {
		t.Fatalf("failed file %+v, %v", f, err)
	}
	if n, _ := st.CountExportChunks(ctx, never); n != 0 {
		t.Errorf("a failed file keeps %d chunks", n)
	}
	if _, _, err := q.Open(ctx, 1, never); !errors.Is(err, jobs.ErrNotFound) {
		t.Errorf("a failed file is offered: %v", err)
	}
}

// TestQueue_Busy: one user has at most MaxRunning files on their way;
// another user is not held up by them.
func TestQueue_Busy(t *testing.T) {
	ctx := context.Background()
	st := storetest.SQLite(t, store.Options{Logger: quiet()})
	q := jobs.New(st, jobs.Options{Log: quiet(), TestOnly: true})
	release := make(chan struct{})
	jobs.Add(q, jobs.Kind{}, func(ctx context.Context, job jobs.Job, a fileArgs) error {
		select {
		case <-release:
		case <-ctx.Done():
		}
		return nil
	})
	if err := q.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer q.Stop(ctx)
	defer close(release)
	try := func(owner int64) error {
		id := jobs.NewFileID()
		return q.StartFile(ctx, jobs.File{ID: id, Owner: owner}, fileArgs{FileID: id})
	}
	for i := 0; i < jobs.MaxRunning; i++ {
		if err := try(1); err != nil {
			t.Fatal(err)
		}
	}
	if err := try(1); !errors.Is(err, jobs.ErrBusy) {
		t.Errorf("one too many: %v", err)
	}
	if err := try(2); err != nil {
		t.Errorf("another user is held up by the first: %v", err)
	}
}

// TestMigrate: River's migrations bring its tables to the newest version
// this program knows, on both databases, and running them again applies
// nothing.
func TestMigrate(t *testing.T) {
	storetest.Each(t, store.Options{Logger: quiet()}, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		applied, known, err := jobs.MigrationStatus(ctx, st)
		if err != nil || applied != known || known < 6 {
			t.Fatalf("River's tables at version %d of %d: %v", applied, known, err)
		}
		if again, err := jobs.Migrate(ctx, st); err != nil || len(again) != 0 {
			t.Errorf("a second run applied %v: %v", again, err)
		}
	})
}

// TestQueue_Expiry: a finished file is kept for Options.Keep, then the
// clean-up job's work forgets it and its bytes. A file left half-written
// by a job that will never run again (here: no job at all) is failed and
// its bytes removed.
func TestQueue_Expiry(t *testing.T) {
	ctx := context.Background()
	clock := &storetest.Clock{T: time.Date(2023, 1, 16, 9, 0, 0, 0, time.UTC)}
	st := storetest.SQLite(t, store.Options{Logger: quiet(), Now: clock.Now})
	q := startQueue(t, st)
	id := start(t, st, q, 1, fileArgs{Size: jobs.ChunkSize + 1})
	if f, err := q.Wait(ctx, 1, id, 30*time.Second); err != nil || f.State != model.ExportDone {
		t.Fatalf("file %+v, %v", f, err)
	}
	orphan := jobs.NewFileID()
	if err := st.CreateExportFile(ctx, &model.ExportFile{ID: orphan, JobID: -1, OwnerID: 1, State: model.ExportQueued,
		CreatedAt: clock.T, UpdatedAt: clock.T, ExpiresAt: clock.T.Add(24 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.BeginExportAttempt(ctx, orphan, 1); err != nil {
		t.Fatal(err)
	}
	if err := st.ExportProgress(ctx, orphan, 1, 10, 0, []byte("half a file")); err != nil {
		t.Fatal(err)
	}
	clock.Advance(59 * time.Minute)
	if err := q.Cleanup(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := q.Status(ctx, 1, id); err != nil {
		t.Fatalf("forgotten before its hour: %v", err)
	}
	clock.Advance(2 * time.Minute)
	if err := q.Cleanup(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := q.Status(ctx, 1, id); !errors.Is(err, jobs.ErrNotFound) {
		t.Errorf("kept after its hour: %v", err)
	}
	if n, _ := st.CountExportChunks(ctx, id); n != 0 {
		t.Errorf("%d chunks kept after the file expired", n)
	}
	if f, err := st.ExportFile(ctx, orphan); err != nil || f.State != model.ExportFailed {
		t.Errorf("the orphaned file: %+v, %v", f, err)
	}
	if n, _ := st.CountExportChunks(ctx, orphan); n != 0 {
		t.Errorf("the orphaned file keeps %d chunks", n)
	}
}
