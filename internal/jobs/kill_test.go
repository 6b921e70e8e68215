package jobs_test

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/jobs"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// onceArgs is fileArgs for a kind with one attempt only.
type onceArgs fileArgs

func (onceArgs) Kind() string { return "test_file_once" }

// rescueAfter is how long the tests let a job look stuck.
const rescueAfter = time.Second

// instance is a queue on its own store, as one server process has.
func instance(t *testing.T, open func() *store.Store, stall chan<- string, before func(*store.Store)) (*store.Store, *jobs.Queue) {
	t.Helper()
	st := open()
	if before != nil {
		before(st)
	}
	q := jobs.New(st, jobs.Options{Log: quiet(), TestOnly: true, RetryDelay: time.Millisecond, RescueAfter: rescueAfter})
	write := func(ctx context.Context, job jobs.Job, a fileArgs) error {
		return q.WriteFile(ctx, job, a.FileID, func(ctx context.Context, w io.Writer, progress func()) error {
			b := content(a.Size)
			if stall == nil {
				return writeRows(ctx, w, progress, b, false)
			}
			// Write more than a chunk, say so, and hang: the instance dies
			// under this attempt.
			if err := writeRows(ctx, w, progress, b[:jobs.ChunkSize+1000], false); err != nil {
				return err
			}
			stall <- a.FileID
			<-ctx.Done()
			return ctx.Err()
		})
	}
	// The instance that dies never times its jobs out (it is dead before);
	// the one that takes over counts them stuck after rescueAfter.
	k := jobs.Kind{Queue: jobs.QueueExports, Timeout: rescueAfter}
	if stall != nil {
		k.Timeout = time.Hour
	}
	jobs.Add(q, k, write)
	k.MaxAttempts = 1
	jobs.Add(q, k, func(ctx context.Context, job jobs.Job, a onceArgs) error { return write(ctx, job, fileArgs(a)) })
	if err := q.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	return st, q
}

// TestQueue_KilledMidWay: an instance dies while two jobs are writing
// their files, each having stored a chunk. When another instance comes
// up, the job with attempts left is tried again and its file is whole,
// with no chunk of the dead attempt; the job on its last attempt fails
// cleanly, its chunk removed.
func TestQueue_KilledMidWay(t *testing.T) {
	ctx := context.Background()
	run := func(t *testing.T, open func() *store.Store) {
		stall := make(chan string, 2)
		dead, q := instance(t, open, stall, nil)
		size := 2*jobs.ChunkSize + 500
		again := start(t, dead, q, 1, fileArgs{Size: size})
		id := jobs.NewFileID()
		err := dead.Tx(ctx, func(ctx context.Context) error {
			return q.StartFile(ctx, jobs.File{ID: id, Owner: 1, Name: "y.csv"}, onceArgs{FileID: id, Size: size})
		})
		if err != nil {
			t.Fatal(err)
		}
		once := id
		for range 2 {
			select {
			case <-stall:
			case <-time.After(30 * time.Second):
				t.Fatal("the jobs never started")
			}
		}
		// The kill: the instance's connections die under it; nothing it
		// does from now on reaches the database. Its leadership would lapse
		// after River's 15 s; the test ends it at once instead.
		dead.Close()
		t.Cleanup(func() {
			c, cancel := context.WithTimeout(ctx, time.Second)
			defer cancel()
			q.Stop(c)
		})

		// The other instance comes up once the jobs look stuck, as a
		// restart after a crash would find them.
		time.Sleep(rescueAfter)
		// What the dead attempt left is counted before the other instance
		// starts: once it runs, its retry may already have rewritten the file.
		look := open()
		for _, f := range []string{again, once} {
			if n, _ := look.CountExportChunks(ctx, f); n != 1 {
				t.Fatalf("the dead attempt left %d chunks of %s, want 1", n, f)
			}
		}
		look.Close()
		st, alive := instance(t, open, nil, func(st *store.Store) {
			if err := st.Exec(ctx, "DELETE FROM river_leader"); err != nil {
				t.Fatal(err)
			}
		})
		defer alive.Stop(ctx)

		f := waitFor(t, alive, again, model.ExportDone)
		if f.Attempt != 2 || f.Size != int64(size) {
			t.Errorf("retried file %+v", f)
		}
		_, r, err := alive.Open(ctx, 1, again)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(r)
		if string(got) != string(content(size)) {
			t.Errorf("the retried file is not whole: %d bytes", len(got))
		}
		if n, _ := st.CountExportChunks(ctx, again); n != int64(f.Chunks) {
			t.Errorf("%d chunks stored for a file of %d", n, f.Chunks)
		}
		waitFor(t, alive, once, model.ExportFailed)
		if n, _ := st.CountExportChunks(ctx, once); n != 0 {
			t.Errorf("the failed file keeps %d chunks", n)
		}
	}
	t.Run("sqlite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "td.db")
		storetest.OpenSQLite(t, path, store.Options{Logger: quiet()})
		first := true
		run(t, func() *store.Store {
			st := storetest.OpenSQLite(t, path, store.Options{Logger: quiet()})
			if first {
				first = false
				migrateAll(t, st)
			}
			return st
		})
	})
	t.Run("postgres", func(t *testing.T) {
		dsn := storetest.PostgresDSN(t)
		first := true
		run(t, func() *store.Store {
			st, err := store.Open(ctx, dsn, store.Options{Logger: quiet()})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			if first {
				first = false
				migrateAll(t, st)
			}
			return st
		})
	})
}

// migrateAll runs both migrations.
func migrateAll(t *testing.T, st *store.Store) {
	t.Helper()
	if _, err := st.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := jobs.Migrate(context.Background(), st); err != nil {
		t.Fatal(err)
	}
}

// waitFor polls file id until it reaches state.
func waitFor(t *testing.T, q *jobs.Queue, id string, state model.ExportState) model.ExportFile {
	t.Helper()
	var f model.ExportFile
	var err error
	for deadline := time.Now().Add(40 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		f, err = q.Status(context.Background(), 1, id)
		if err != nil && !errors.Is(err, jobs.ErrNotStarted) {
			t.Fatal(err)
		}
		if f.State == state {
			return f
		}
	}
	t.Fatalf("file %s is %+v, never %s", id, f, state)
	return f
}
