package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// TestSigninThrottles_LockSaveReadPurge checks the counters' storage on
// both databases: the upsert creates a missing counter and returns a saved
// one as saved, and the purge keeps what still blocks or still counts.
func TestSigninThrottles_LockSaveReadPurge(t *testing.T) {
	now := time.Date(2023, 1, 16, 9, 0, 0, 0, time.UTC)
	storetest.Each(t, store.Options{Now: func() time.Time { return now }}, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		var got model.SigninThrottle
		err := s.Tx(ctx, func(ctx context.Context) error {
			var err error
			if got, err = s.LockSigninThrottle(ctx, "a:one"); err != nil {
				return err
			}
			got.Attempts, got.WindowStart, got.BlockedUntil = 3, now, now.Add(time.Minute)
			return s.SaveSigninThrottle(ctx, got)
		})
		if err != nil || got.ID != "a:one" {
			t.Fatalf("lock a new counter = %+v, %v", got, err)
		}
		again, err := s.LockSigninThrottle(ctx, "a:one")
		if err != nil || again.Attempts != 3 || !again.WindowStart.Equal(now) || !again.BlockedUntil.Equal(now.Add(time.Minute)) {
			t.Fatalf("lock a saved counter = %+v, %v", again, err)
		}
		fresh, _ := s.LockSigninThrottle(ctx, "i:two")
		if fresh.Attempts != 0 || !fresh.BlockedUntil.Before(now) {
			t.Errorf("a new counter = %+v", fresh)
		}
		old := model.SigninThrottle{ID: "i:two", Attempts: 1, WindowStart: now.Add(-48 * time.Hour)}
		blocking := model.SigninThrottle{ID: "a:one", Attempts: 9, WindowStart: now.Add(-48 * time.Hour), BlockedUntil: now.Add(time.Hour)}
		for _, x := range []model.SigninThrottle{old, blocking} {
			if err := s.SaveSigninThrottle(ctx, x); err != nil {
				t.Fatal(err)
			}
		}
		if n, err := s.PurgeSigninThrottles(ctx, now.Add(-24*time.Hour)); err != nil || n != 1 {
			t.Errorf("purge = %d, %v; want the one idle counter", n, err)
		}
		ts, err := s.SigninThrottles(ctx, []string{"a:one", "i:two", "d:none"})
		if err != nil || len(ts) != 1 || ts[0].ID != "a:one" || ts[0].Attempts != 9 {
			t.Errorf("read = %+v, %v", ts, err)
		}
		if err := s.DeleteSigninThrottle(ctx, "a:one"); err != nil || s.MustCount(ctx, "signin_throttles") != 0 {
			t.Errorf("delete = %v", err)
		}
	})
}
