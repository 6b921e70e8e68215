package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/vcache"
)

// Change counters (table change_counters) are bumped by triggers in the
// transaction of every change they count, so that a cache can tell in one
// small read whether what it holds is still right on every instance:
// DataVersion moves with anything the figures are counted from,
// AuthVersion with anything that ends or changes a signed-in session.

// DataVersion returns the data change counter: it grows with every
// committed change to the tables the dashboard's and the report's figures
// are counted from.
func (s *Store) DataVersion(ctx context.Context) (int64, error) {
	return s.counter(ctx, "data")
}

// AuthVersion returns the sign-in change counter: it grows whenever a
// session is revoked, shortened or deleted, or a user is changed or
// deleted.
func (s *Store) AuthVersion(ctx context.Context) (int64, error) {
	return s.counter(ctx, "auth")
}

func (s *Store) counter(ctx context.Context, name string) (int64, error) {
	if !InTx(ctx) {
		if m := vcache.CountersFrom(ctx); m != nil {
			return m.Get(name, func() (map[string]int64, error) { return s.counters(ctx) })
		}
		all, err := s.counters(ctx)
		return all[name], err
	}
	var n int64
	// In a transaction, through it (it sees its own writes). Row, not
	// Scan: no reflection on a hot read.
	err := s.read(ctx).Raw("SELECT COALESCE(SUM(n), 0) FROM change_counters WHERE name = ?", name).Row().Scan(&n)
	return n, mapErr("read the "+name+" counter", err)
}

// countersSQL reads every change counter at once.
const countersSQL = `SELECT COALESCE(SUM(CASE WHEN name = 'auth' THEN n END), 0),
  COALESCE(SUM(CASE WHEN name = 'data' THEN n END), 0) FROM change_counters`

// counters reads every change counter in one query, outside any
// transaction. Most requests run it, so it is prepared once on the
// reading pool instead of being built and prepared per request.
func (s *Store) counters(ctx context.Context) (map[string]int64, error) {
	s.countersOnce.Do(func() {
		db, err := s.r.DB()
		if err == nil {
			s.countersStmt, err = db.Prepare(countersSQL)
		}
		s.countersErr = err
	})
	if s.countersErr != nil {
		return nil, mapErr("prepare the change counters' read", s.countersErr)
	}
	var auth, data int64
	if err := s.countersStmt.QueryRowContext(ctx).Scan(&auth, &data); err != nil {
		return nil, mapErr("read the change counters", err)
	}
	return map[string]int64{"auth": auth, "data": data}, nil
}

// LoginWithUser returns, in one query, a session by the hash of its
// token, its user (without the password hash) and the sign-in change
// counter as of the same moment (see AuthVersion), or model.ErrNotFound.
func (s *Store) LoginWithUser(ctx context.Context, id string) (model.Login, model.User, int64, error) {
	var l model.Login
	var u model.User
	var revoked, lastLogin sql.NullTime
	var version int64
	row := s.read(ctx).Raw(`SELECT l.id, l.user_id, l.created_at, l.last_seen_at, l.expires_at, l.revoked_at, l.ip, l.user_agent,
  u.id, u.email, u.name, u.role, u.active, u.locale, u.created_at, u.updated_at, u.last_login_at,
  (SELECT COALESCE(SUM(n), 0) FROM change_counters WHERE name = 'auth')
FROM logins l JOIN users u ON u.id = l.user_id WHERE l.id = ?`, id).Row()
	err := row.Scan(&l.ID, &l.UserID, &l.CreatedAt, &l.LastSeenAt, &l.ExpiresAt, &revoked, &l.IP, &l.UserAgent,
		&u.ID, &u.Email, &u.Name, &u.Role, &u.Active, &u.Locale, &u.CreatedAt, &u.UpdatedAt, &lastLogin, &version)
	if errors.Is(err, sql.ErrNoRows) {
		return l, u, 0, mapErr("login with user", model.ErrNotFound)
	} else if err != nil {
		return l, u, 0, mapErr("login with user", err)
	}
	if revoked.Valid {
		t := revoked.Time
		l.RevokedAt = &t
	}
	if lastLogin.Valid {
		t := lastLogin.Time
		u.LastLoginAt = &t
	}
	for _, t := range []*time.Time{&l.CreatedAt, &l.LastSeenAt, &l.ExpiresAt, &u.CreatedAt, &u.UpdatedAt} {
		*t = t.UTC()
	}
	return l, u, version, nil
}
