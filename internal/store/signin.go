package store

import (
	"context"
	"time"

	"github.com/traindesk/traindesk/internal/model"
)

// SigninThrottles returns the counters among ids that exist, read without
// a lock: enough to refuse an attempt that is certainly over a limit
// without waiting for the writer.
func (s *Store) SigninThrottles(ctx context.Context, ids []string) ([]model.SigninThrottle, error) {
	var ts []model.SigninThrottle
	err := s.read(ctx).Where("id IN ?", ids).Find(&ts).Error
	return ts, mapErr("sign-in counters", err)
}

// LockSigninThrottle returns the counter id, created empty when missing,
// in one statement. Inside a transaction the row stays locked until the
// transaction ends (PostgreSQL locks the row the upsert touched; SQLite's
// write transaction holds the database's write lock already), so that the
// check and the count decided on what was read are one atomic step for
// every instance sharing the database.
func (s *Store) LockSigninThrottle(ctx context.Context, id string) (model.SigninThrottle, error) {
	var t model.SigninThrottle
	zero := time.Time{}.UTC()
	err := s.write(ctx).Raw(`INSERT INTO signin_throttles (id, attempts, window_start, blocked_until) VALUES (?, 0, ?, ?)
ON CONFLICT (id) DO UPDATE SET id = excluded.id
RETURNING id, attempts, window_start, blocked_until`, id, zero, zero).Scan(&t).Error
	t.WindowStart, t.BlockedUntil = t.WindowStart.UTC(), t.BlockedUntil.UTC()
	return t, mapErr("lock sign-in counter", err)
}

// SaveSigninThrottle writes a counter back.
func (s *Store) SaveSigninThrottle(ctx context.Context, t model.SigninThrottle) error {
	return mapErr("save sign-in counter", s.write(ctx).Model(&model.SigninThrottle{}).Where("id = ?", t.ID).
		Updates(map[string]any{"attempts": t.Attempts, "window_start": t.WindowStart.UTC(), "blocked_until": t.BlockedUntil.UTC()}).Error)
}

// DeleteSigninThrottle forgets a counter.
func (s *Store) DeleteSigninThrottle(ctx context.Context, id string) error {
	return mapErr("delete sign-in counter", s.write(ctx).Where("id = ?", id).Delete(&model.SigninThrottle{}).Error)
}

// PurgeSigninThrottles deletes the counters whose count began before cut
// and that block nothing any more, so the table does not grow for ever.
func (s *Store) PurgeSigninThrottles(ctx context.Context, cut time.Time) (int64, error) {
	res := s.write(ctx).Where("window_start < ? AND blocked_until < ?", cut.UTC(), s.Now()).
		Delete(&model.SigninThrottle{})
	return res.RowsAffected, mapErr("purge sign-in counters", res.Error)
}
