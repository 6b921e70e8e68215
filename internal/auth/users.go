package auth

import (
	"context"
	"errors"
	"fmt"

	"github.com/traindesk/traindesk/internal/model"
)

// UserStore is what user management needs from the database.
type UserStore interface {
	CreateUser(ctx context.Context, u *model.User) error
	UserByID(ctx context.Context, id int64) (model.User, error)
	Users(ctx context.Context) ([]model.User, error)
	UpdateUser(ctx context.Context, u *model.User) error
	SetPasswordHash(ctx context.Context, id int64, hash string) error
	RevokeUserLogins(ctx context.Context, userID int64) error
}

// Users creates and changes accounts, for the admin pages and the shell.
type Users struct {
	Store UserStore
	Cost  int // bcrypt cost
}

// Create adds a user. An empty password is replaced by a generated one,
// returned so that it can be shown once.
func (m Users) Create(ctx context.Context, in model.UserInput) (model.User, string, error) {
	generated := ""
	if in.Password == "" {
		generated = RandomPassword()
		in.Password = generated
	}
	if err := in.Validate(true); err != nil {
		return model.User{}, "", err
	}
	hash, err := HashPassword(in.Password, m.Cost)
	if err != nil {
		return model.User{}, "", err
	}
	u := model.User{Email: in.Email, Name: in.Name, Role: in.Role, PasswordHash: hash, Active: true}
	if err := m.Store.CreateUser(ctx, &u); err != nil {
		if errors.Is(err, model.ErrConflict) {
			return model.User{}, "", &model.ValidationError{Fields: map[string]string{"email": "error.email_taken"}}
		}
		return model.User{}, "", err
	}
	return u, generated, nil
}

// Update changes a user's email, name and role. It refuses to leave the
// system without an active administrator.
func (m Users) Update(ctx context.Context, id int64, in model.UserInput) (model.User, error) {
	in.Password = ""
	if err := in.Validate(false); err != nil {
		return model.User{}, err
	}
	u, err := m.Store.UserByID(ctx, id)
	if err != nil {
		return model.User{}, err
	}
	if u.Role == model.RoleAdmin && in.Role != model.RoleAdmin && u.Active {
		if err := m.keepAnAdmin(ctx, id); err != nil {
			return model.User{}, &model.ValidationError{Fields: map[string]string{"role": "error.last_admin"}}
		}
	}
	u.Email, u.Name, u.Role = in.Email, in.Name, in.Role
	if err := m.Store.UpdateUser(ctx, &u); err != nil {
		if errors.Is(err, model.ErrConflict) {
			return model.User{}, &model.ValidationError{Fields: map[string]string{"email": "error.email_taken"}}
		}
		return model.User{}, err
	}
	return u, nil
}

// ErrLastAdmin refuses a change that would leave no active administrator.
var ErrLastAdmin = fmt.Errorf("auth: this is the last active administrator: %w", model.ErrConflict)

// ErrSelf refuses disabling one's own account.
var ErrSelf = fmt.Errorf("auth: you cannot disable your own account: %w", model.ErrConflict)

// SetActive enables or disables an account; disabling ends its sessions.
func (m Users) SetActive(ctx context.Context, actorID, id int64, active bool) (model.User, error) {
	u, err := m.Store.UserByID(ctx, id)
	if err != nil {
		return model.User{}, err
	}
	if !active && id == actorID {
		return model.User{}, ErrSelf
	}
	if !active && u.Role == model.RoleAdmin && u.Active {
		if err := m.keepAnAdmin(ctx, id); err != nil {
			return model.User{}, err
		}
	}
	u.Active = active
	if err := m.Store.UpdateUser(ctx, &u); err != nil {
		return model.User{}, err
	}
	if !active {
		return u, m.Store.RevokeUserLogins(ctx, id)
	}
	return u, nil
}

// ResetPassword gives the user a new generated password (or pw when
// given), ends their sessions and returns the password to show once.
func (m Users) ResetPassword(ctx context.Context, id int64, pw string) (model.User, string, error) {
	u, err := m.Store.UserByID(ctx, id)
	if err != nil {
		return model.User{}, "", err
	}
	if pw == "" {
		pw = RandomPassword()
	} else if len([]rune(pw)) < model.MinPasswordLength {
		return model.User{}, "", &model.ValidationError{Fields: map[string]string{"password": "error.password_short"}}
	}
	hash, err := HashPassword(pw, m.Cost)
	if err != nil {
		return model.User{}, "", err
	}
	if err := m.Store.SetPasswordHash(ctx, id, hash); err != nil {
		return model.User{}, "", err
	}
	return u, pw, m.Store.RevokeUserLogins(ctx, id)
}

// keepAnAdmin fails unless an active administrator other than id exists.
func (m Users) keepAnAdmin(ctx context.Context, id int64) error {
	us, err := m.Store.Users(ctx)
	if err != nil {
		return err
	}
	for _, u := range us {
		if u.ID != id && u.Role == model.RoleAdmin && u.Active {
			return nil
		}
	}
	return ErrLastAdmin
}
