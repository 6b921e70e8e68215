package jobs_test

import (
	"context"
	"errors"
	"io"
	"os"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/jobs"
)

// clock is a settable clock.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// TestJob_Progress follows a job that writes one row each time the test
// lets it: the owner sees the rows grow, cannot download before the end,
// then gets the file; another user sees nothing.
func TestJob_Progress(t *testing.T) {
	clk := &clock{time.Date(2023, 1, 16, 9, 0, 0, 0, time.UTC)}
	r := jobs.New(t.TempDir(), time.Hour, time.Minute, clk.now)
	step := make(chan bool)
	id, err := r.Start(7, "SPHERE-II.csv", "text/csv", 3, func(ctx context.Context, w io.Writer, progress func()) error {
		for range step {
			io.WriteString(w, "row\n")
			progress()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for want := int64(1); want <= 2; want++ {
		step <- true
		st, err := r.Wait(context.Background(), 7, id, 20*time.Millisecond)
		if err != nil || st.State != jobs.Running || st.Total != 3 {
			t.Fatalf("status %+v, %v", st, err)
		}
		for st.Rows < want { // the write and the count race the poll
			st, _ = r.Status(7, id)
		}
	}
	if _, _, err := r.Open(7, id); !errors.Is(err, jobs.ErrNotFound) {
		t.Errorf("download before the end: %v", err)
	}
	if _, err := r.Status(8, id); !errors.Is(err, jobs.ErrNotFound) {
		t.Errorf("another user sees the job: %v", err)
	}
	step <- true
	close(step)
	st, err := r.Wait(context.Background(), 7, id, 5*time.Second)
	if err != nil || st.State != jobs.Done || st.Rows != 3 {
		t.Fatalf("finished status %+v, %v", st, err)
	}
	f, st, err := r.Open(7, id)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(f)
	f.Close()
	if string(b) != "row\nrow\nrow\n" || st.FileName != "SPHERE-II.csv" {
		t.Errorf("file %q named %s", b, st.FileName)
	}
	// After the keeping time the job and its file are gone.
	clk.t = clk.t.Add(2 * time.Hour)
	r.Prune()
	if _, err := r.Status(7, id); !errors.Is(err, jobs.ErrNotFound) {
		t.Errorf("expired job still there: %v", err)
	}
	if _, err := os.Stat(f.Name()); !os.IsNotExist(err) {
		t.Errorf("expired file still there: %v", err)
	}
}

// TestJob_Failure: a failed export reports its error and leaves no file.
func TestJob_Failure(t *testing.T) {
	r := jobs.New(t.TempDir(), time.Hour, time.Minute, nil)
	boom := errors.New("boom")
	id, _ := r.Start(1, "x.xlsx", "", 0, func(context.Context, io.Writer, func()) error { return boom })
	st, err := r.Wait(context.Background(), 1, id, 5*time.Second)
	if err != nil || st.State != jobs.Failed || !errors.Is(st.Err, boom) {
		t.Fatalf("status %+v, %v", st, err)
	}
	if _, _, err := r.Open(1, id); !errors.Is(err, jobs.ErrNotFound) {
		t.Errorf("failed export offered for download: %v", err)
	}
}

// TestJob_Busy: one user runs at most MaxRunning exports at once.
func TestJob_Busy(t *testing.T) {
	r := jobs.New(t.TempDir(), time.Hour, time.Minute, nil)
	release := make(chan struct{})
	defer close(release)
	wait := func(ctx context.Context, w io.Writer, p func()) error { <-release; return nil }
	for i := 0; i < jobs.MaxRunning; i++ {
		if _, err := r.Start(1, "x", "", 0, wait); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := r.Start(1, "x", "", 0, wait); !errors.Is(err, jobs.ErrBusy) {
		t.Errorf("one too many: %v", err)
	}
	if _, err := r.Start(2, "x", "", 0, wait); err != nil {
		t.Errorf("another user is not limited by the first: %v", err)
	}
}
