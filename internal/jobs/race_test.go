package jobs_test

import (
	"context"
	"io"
	"sync"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/jobs"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// slowRead is a store whose first read of an unfinished file returns only
// after meanwhile() has run: what a progress page's poll reads just before
// the job finishes, answered just after.
type slowRead struct {
	*store.Store
	once      sync.Once
	meanwhile func(id string)
}

func (s *slowRead) ExportFile(ctx context.Context, id string) (model.ExportFile, error) {
	f, err := s.Store.ExportFile(ctx, id)
	if err == nil && !f.Finished() {
		s.once.Do(func() { s.meanwhile(id) })
	}
	return f, err
}

// TestQueue_StatusWhileTheJobFinishes: a poll of a file's status reads
// the file unfinished, then finds its job ended, because the job finished
// the file in between. The file is done and whole: the poll must not take
// it for a file whose job ended without writing it and remove its bytes.
// (A report reported done with none of its chunks left was seen under
// load in TestQueue_Retry.)
func TestQueue_StatusWhileTheJobFinishes(t *testing.T) {
	storetest.Each(t, store.Options{Logger: quiet()}, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		release := make(chan struct{})
		slow := &slowRead{Store: st}
		q := jobs.New(slow, jobs.Options{Log: quiet(), TestOnly: true, RetryDelay: time.Millisecond})
		jobs.Add(q, jobs.Kind{Queue: jobs.QueueExports}, func(ctx context.Context, job jobs.Job, a fileArgs) error {
			return q.WriteFile(ctx, job, a.FileID, func(ctx context.Context, w io.Writer, progress func()) error {
				<-release
				return writeRows(ctx, w, progress, content(a.Size), false)
			})
		})
		if err := q.Start(ctx); err != nil {
			t.Fatal(err)
		}
		defer q.Stop(ctx)
		slow.meanwhile = func(id string) {
			close(release)
			f, err := st.ExportFile(ctx, id)
			if err != nil {
				t.Error(err)
				return
			}
			for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
				if st.MustString(ctx, "SELECT state FROM river_job WHERE id = ?", f.JobID) == "completed" {
					return
				}
			}
			t.Error("the job never completed")
		}
		size := 2*jobs.ChunkSize + 1
		id := start(t, st, q, 1, fileArgs{Size: size})
		f, err := q.Status(ctx, 1, id)
		if err != nil {
			t.Fatal(err)
		}
		if f, err = q.Status(ctx, 1, id); err != nil || f.State != model.ExportDone || f.Chunks != 3 {
			t.Fatalf("the file after its job finished: %+v, %v", f, err)
		}
		if n, _ := st.CountExportChunks(ctx, id); n != int64(f.Chunks) {
			t.Errorf("%d chunks stored for a file of %d", n, f.Chunks)
		}
	})
}
