package jobs

import (
	"context"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/traindesk/traindesk/internal/model"
)

// ChunkSize is the size of the pieces a file is stored in: big enough
// that a file of tens of megabytes is a few dozen rows, small enough that
// writing or serving it holds little memory.
const ChunkSize = 512 << 10

// heartbeat is how often a running job records its rows, which also shows
// that it is alive.
const heartbeat = 2 * time.Second

// chunkWriter stores what a job writes in chunks of ChunkSize and counts
// its rows. Its mutex keeps a chunk and a heartbeat from crossing, so the
// rows recorded only grow.
type chunkWriter struct {
	ctx   context.Context
	store Files
	f     model.ExportFile

	mu   sync.Mutex
	buf  []byte
	seq  int
	size int64
	rows atomic.Int64
}

func newChunkWriter(ctx context.Context, st Files, f model.ExportFile) *chunkWriter {
	return &chunkWriter{ctx: ctx, store: st, f: f, buf: make([]byte, 0, ChunkSize)}
}

// row counts a row written.
func (w *chunkWriter) row() { w.rows.Add(1) }

// Write keeps p and stores every full chunk.
func (w *chunkWriter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		k := min(len(p), ChunkSize-len(w.buf))
		w.buf = append(w.buf, p[:k]...)
		p = p[k:]
		if len(w.buf) == ChunkSize {
			if err := w.flush(); err != nil {
				return n - len(p), err
			}
		}
	}
	return n, nil
}

// flush stores the full buffer as the next chunk.
func (w *chunkWriter) flush() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.store.ExportProgress(w.ctx, w.f.ID, w.f.Attempt, w.rows.Load(), w.seq, w.buf); err != nil {
		return err
	}
	w.seq++
	w.size += int64(len(w.buf))
	w.buf = w.buf[:0]
	return nil
}

// beat records the rows written every interval until the returned
// function is called.
func (w *chunkWriter) beat(interval time.Duration) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-w.ctx.Done():
				return
			case <-t.C:
				w.mu.Lock()
				// A failed heartbeat is not the job's failure: the next
				// chunk's write will tell.
				w.store.ExportProgress(w.ctx, w.f.ID, w.f.Attempt, w.rows.Load(), 0, nil)
				w.mu.Unlock()
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}

// finish stores the last chunk and marks the file done, to be kept until
// expires.
func (w *chunkWriter) finish(expires time.Time) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	f := w.f
	f.Rows, f.Size, f.Chunks, f.ExpiresAt = w.rows.Load(), w.size+int64(len(w.buf)), w.seq, expires
	var last []byte
	if len(w.buf) > 0 || w.seq == 0 {
		last = w.buf
		f.Chunks++
	}
	return w.store.FinishExportFile(w.ctx, f, last)
}

// chunkReader reads a finished file one chunk at a time.
type chunkReader struct {
	ctx   context.Context
	store Files
	f     model.ExportFile
	seq   int
	buf   []byte
}

func (r *chunkReader) Read(p []byte) (int, error) {
	for len(r.buf) == 0 {
		if r.seq >= r.f.Chunks {
			return 0, io.EOF
		}
		b, err := r.store.ExportChunk(r.ctx, r.f.ID, r.seq)
		if err != nil {
			return 0, err
		}
		r.buf, r.seq = b, r.seq+1
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

// Close lets the last chunk go.
func (r *chunkReader) Close() error {
	r.buf = nil
	return nil
}
