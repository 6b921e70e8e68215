package store_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// TestRetryTx_RunsAgainAfterADeadlock makes two transactions lock two rows
// in opposite orders, which PostgreSQL breaks by aborting one of them:
// RetryTx runs that one again, and both end committed.
func TestRetryTx_RunsAgainAfterADeadlock(t *testing.T) {
	s := storetest.Postgres(t, store.Options{})
	ctx := context.Background()
	if err := s.Exec(ctx, "CREATE TABLE cells (id INT PRIMARY KEY, n INT NOT NULL)"); err != nil {
		t.Fatal(err)
	}
	if err := s.Exec(ctx, "INSERT INTO cells (id, n) VALUES (1, 0), (2, 0)"); err != nil {
		t.Fatal(err)
	}
	var runs atomic.Int32
	var ready sync.WaitGroup
	ready.Add(2)
	var once [2]sync.Once
	lock := func(i int, first, second int) error {
		return s.RetryTx(ctx, func(ctx context.Context) error {
			runs.Add(1)
			if err := s.Exec(ctx, "UPDATE cells SET n = n + 1 WHERE id = ?", first); err != nil {
				return err
			}
			// On the first run both hold their first row before either asks
			// for its second: a deadlock for certain.
			once[i].Do(func() {
				ready.Done()
				ready.Wait()
			})
			return s.Exec(ctx, "UPDATE cells SET n = n + 1 WHERE id = ?", second)
		})
	}
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for i, order := range [][2]int{{1, 2}, {2, 1}} {
		wg.Add(1)
		go func(i int, order [2]int) {
			defer wg.Done()
			errs[i] = lock(i, order[0], order[1])
		}(i, order)
	}
	wg.Wait()
	if errs[0] != nil || errs[1] != nil {
		t.Fatalf("transactions failed: %v / %v", errs[0], errs[1])
	}
	if n := runs.Load(); n != 3 {
		t.Errorf("%d runs, want 3 (one of the two run again)", n)
	}
	if got := s.MustCount(ctx, "cells WHERE n = 2"); got != 2 {
		t.Errorf("%d rows incremented twice, want 2: a run was half-applied or lost", got)
	}
}

// TestRetryTx_OtherErrorsRunOnce: only a deadlock or serialization failure
// is worth another run; any other error is returned at once, and nothing
// of the failed run is kept.
func TestRetryTx_OtherErrorsRunOnce(t *testing.T) {
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if err := s.Exec(ctx, "CREATE TABLE cells (id INT PRIMARY KEY, n INT NOT NULL)"); err != nil {
			t.Fatal(err)
		}
		boom := errors.New("boom")
		runs := 0
		err := s.RetryTx(ctx, func(ctx context.Context) error {
			runs++
			if err := s.Exec(ctx, "INSERT INTO cells (id, n) VALUES (1, 1)"); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) || runs != 1 {
			t.Errorf("err %v after %d runs, want boom after 1", err, runs)
		}
		if n := s.MustCount(ctx, "cells"); n != 0 {
			t.Errorf("the failed run left %d rows", n)
		}
		if store.Retryable(err) || store.Retryable(context.DeadlineExceeded) {
			t.Error("an ordinary error counted as a deadlock")
		}
		// A transaction already open cannot be retried: RetryTx joins it.
		err = s.Tx(ctx, func(ctx context.Context) error {
			return s.RetryTx(ctx, func(ctx context.Context) error {
				return s.Exec(ctx, "INSERT INTO cells (id, n) VALUES (2, 1)")
			})
		})
		if err != nil || s.MustCount(ctx, "cells") != 1 {
			t.Errorf("inner RetryTx: %v", err)
		}
	})
}
