package bench_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/jobs"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/report"
	"github.com/traindesk/traindesk/internal/store"
)

// measureQueuedExport runs the whole workbook export as the application
// does: a job on the queue streams it into the database in chunks. It
// prints the peak heap while the job runs, and the download's. It works on
// a copy of the benchmark's database (path), which it migrates: the
// seeded file is shared by every checkout's benchmarks.
func measureQueuedExport(t *testing.T, ctx context.Context, path string, f report.Filter) {
	cp := filepath.Join(t.TempDir(), "bench.db")
	if err := copyPath(path, cp); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, cp, store.Options{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := jobs.Migrate(ctx, st); err != nil {
		t.Fatal(err)
	}
	q := jobs.New(st, jobs.Options{Log: slog.New(slog.DiscardHandler), TestOnly: true})
	svc := report.New(st, q, report.Options{})
	jobs.Add(q, report.ExportKind, svc.RunExport)
	if err := q.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer q.Stop(ctx)

	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	stop := sampleHeap()
	start := time.Now()
	id := jobs.NewFileID()
	args := report.ExportArgs{FileID: id, Filter: f, Format: "xlsx", Lang: i18n.EN}
	if err := q.StartFile(ctx, jobs.File{ID: id, Owner: 1, Name: "bench.xlsx"}, args); err != nil {
		t.Fatal(err)
	}
	file, err := q.Wait(ctx, 1, id, 10*time.Minute)
	elapsed := time.Since(start)
	peak, live := stop()
	if err != nil || file.State != model.ExportDone {
		t.Fatalf("queued export: %+v, %v", file, err)
	}
	mb := func(n uint64) float64 { return float64(n) / (1 << 20) }
	fmt.Printf("\nWorkbook export through the job queue into the database, %d rows, %.1f MB in %d chunks, in %s: peak heap in use %.1f MB (%.1f MB before), peak live heap %.1f MB\n",
		file.Rows, float64(file.Size)/(1<<20), file.Chunks, elapsed.Round(time.Millisecond), mb(peak), mb(before.HeapInuse), mb(live))

	runtime.GC()
	stop = sampleHeap()
	_, r, err := q.Open(ctx, 1, id)
	if err != nil {
		t.Fatal(err)
	}
	n, err := copyDiscard(r)
	r.Close()
	peak, _ = stop()
	if err != nil || n != file.Size {
		t.Fatalf("download: %d bytes of %d, %v", n, file.Size, err)
	}
	fmt.Printf("  its download, a chunk at a time: peak heap in use %.1f MB\n", mb(peak))
}

// copyPath copies the file src to dst.
func copyPath(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// copyDiscard reads r to the end and counts the bytes.
func copyDiscard(r io.Reader) (int64, error) {
	buf := make([]byte, 32<<10)
	var n int64
	for {
		k, err := r.Read(buf)
		n += int64(k)
		if err != nil {
			if err == io.EOF {
				return n, nil
			}
			return n, err
		}
	}
}
