package store

import (
	"context"

	"github.com/traindesk/traindesk/internal/model"
)

// CreateUser inserts u; a taken email is model.ErrConflict.
func (s *Store) CreateUser(ctx context.Context, u *model.User) error {
	u.Email = model.NormalizeEmail(u.Email)
	return mapErr("create user", s.write(ctx).Create(u).Error)
}

// UserByID returns the user or model.ErrNotFound.
func (s *Store) UserByID(ctx context.Context, id int64) (model.User, error) {
	var u model.User
	err := s.read(ctx).First(&u, id).Error
	return u, mapErr("user by id", err)
}

// UserByEmail returns the user with that address or model.ErrNotFound.
func (s *Store) UserByEmail(ctx context.Context, email string) (model.User, error) {
	var u model.User
	err := s.read(ctx).Where("email = ?", model.NormalizeEmail(email)).First(&u).Error
	return u, mapErr("user by email", err)
}

// Users lists users by name.
func (s *Store) Users(ctx context.Context) ([]model.User, error) {
	var us []model.User
	err := s.read(ctx).Order("name, id").Find(&us).Error
	return us, mapErr("list users", err)
}

// UsersByRole lists the active users with role, by name.
func (s *Store) UsersByRole(ctx context.Context, role model.Role) ([]model.User, error) {
	var us []model.User
	err := s.read(ctx).Where("role = ? AND active = ?", role, true).Order("name, id").Find(&us).Error
	return us, mapErr("list users by role", err)
}

// CountUsers counts every user, active or not.
func (s *Store) CountUsers(ctx context.Context) (int64, error) {
	var n int64
	err := s.read(ctx).Model(&model.User{}).Count(&n).Error
	return n, mapErr("count users", err)
}

// UpdateUser saves name, email, role, active and locale.
func (s *Store) UpdateUser(ctx context.Context, u *model.User) error {
	u.Email = model.NormalizeEmail(u.Email)
	res := s.write(ctx).Model(u).Select("Name", "Email", "Role", "Active", "Locale", "UpdatedAt").Updates(u)
	if res.Error == nil && res.RowsAffected == 0 {
		return mapErr("update user", model.ErrNotFound)
	}
	return mapErr("update user", res.Error)
}

// SetPasswordHash replaces a user's password hash.
func (s *Store) SetPasswordHash(ctx context.Context, id int64, hash string) error {
	res := s.write(ctx).Model(&model.User{}).Where("id = ?", id).
		Updates(map[string]any{"password_hash": hash, "updated_at": s.Now()})
	if res.Error == nil && res.RowsAffected == 0 {
		return mapErr("set password", model.ErrNotFound)
	}
	return mapErr("set password", res.Error)
}

// TouchLastLogin records a successful sign-in.
func (s *Store) TouchLastLogin(ctx context.Context, id int64) error {
	now := s.Now()
	return mapErr("touch last login", s.write(ctx).Model(&model.User{}).Where("id = ?", id).
		Update("last_login_at", &now).Error)
}

// CreateLogin stores a new sign-in session.
func (s *Store) CreateLogin(ctx context.Context, l *model.Login) error {
	return mapErr("create login", s.write(ctx).Create(l).Error)
}

// LoginByID returns a session by the hash of its token.
func (s *Store) LoginByID(ctx context.Context, id string) (model.Login, error) {
	var l model.Login
	err := s.read(ctx).Where("id = ?", id).First(&l).Error
	return l, mapErr("login by id", err)
}

// TouchLogin moves a session's last-seen time.
func (s *Store) TouchLogin(ctx context.Context, id string) error {
	return mapErr("touch login", s.write(ctx).Model(&model.Login{}).Where("id = ?", id).
		Update("last_seen_at", s.Now()).Error)
}

// RevokeLogin ends one session.
func (s *Store) RevokeLogin(ctx context.Context, id string) error {
	return mapErr("revoke login", s.write(ctx).Model(&model.Login{}).
		Where("id = ? AND revoked_at IS NULL", id).Update("revoked_at", s.Now()).Error)
}

// RevokeUserLogins ends every session of a user, for sign-out everywhere,
// a disabled account or a password reset.
func (s *Store) RevokeUserLogins(ctx context.Context, userID int64) error {
	return mapErr("revoke user logins", s.write(ctx).Model(&model.Login{}).
		Where("user_id = ? AND revoked_at IS NULL", userID).Update("revoked_at", s.Now()).Error)
}

// PurgeLogins deletes sessions that ended before the cut-off, so the table
// does not grow for ever.
func (s *Store) PurgeLogins(ctx context.Context) (int64, error) {
	now := s.Now()
	res := s.write(ctx).Where("expires_at < ? OR (revoked_at IS NOT NULL AND revoked_at < ?)", now, now.AddDate(0, 0, -30)).
		Delete(&model.Login{})
	return res.RowsAffected, mapErr("purge logins", res.Error)
}
