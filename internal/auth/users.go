package auth

import (
	"context"
	"errors"
	"fmt"

	"github.com/traindesk/traindesk/internal/model"
)

// UserStore is what user management needs from the database.
type UserStore interface {
	Tx(ctx context.Context, fn func(ctx context.Context) error) error
	CreateUser(ctx context.Context, u *model.User) error
	UserByID(ctx context.Context, id int64) (model.User, error)
	Users(ctx context.Context) ([]model.User, error)
	UpdateUser(ctx context.Context, u *model.User) error
	SetPasswordHash(ctx context.Context, id int64, hash string) error
	RevokeUserLogins(ctx context.Context, userID int64) error
	RecordAudit(ctx context.Context, ev model.AuditEvent) error
}

// Users creates and changes accounts, for the admin pages, the shell and
// the first start. Each change is one transaction with its audit event.
type Users struct {
	store UserStore
	cost  int // bcrypt cost
}

// NewUsers builds user management over st, hashing passwords at cost.
func NewUsers(st UserStore, cost int) *Users {
	if cost == 0 {
		cost = DefaultCost
	}
	return &Users{store: st, cost: cost}
}

// ErrLastAdmin refuses a change that would leave no active administrator.
var ErrLastAdmin = fmt.Errorf("auth: this is the last active administrator: %w", model.ErrConflict)

// ErrSelf refuses disabling one's own account.
var ErrSelf = fmt.Errorf("auth: you cannot disable your own account: %w", model.ErrConflict)

// List returns every account, by name.
func (m *Users) List(ctx context.Context, actor model.Actor) ([]model.User, error) {
	if err := Require(actor, ManageUsers, Object{}); err != nil {
		return nil, err
	}
	return m.store.Users(ctx)
}

// Get returns one account.
func (m *Users) Get(ctx context.Context, actor model.Actor, id int64) (model.User, error) {
	if err := Require(actor, ManageUsers, Object{}); err != nil {
		return model.User{}, err
	}
	return m.store.UserByID(ctx, id)
}

// Create adds a user. An empty password is replaced by a generated one,
// returned so that it can be shown once.
func (m *Users) Create(ctx context.Context, actor model.Actor, in model.UserInput) (model.User, string, error) {
	if err := Require(actor, ManageUsers, Object{}); err != nil {
		return model.User{}, "", err
	}
	generated := ""
	if in.Password == "" {
		generated = RandomPassword()
		in.Password = generated
	}
	if err := in.Validate(true); err != nil {
		return model.User{}, "", err
	}
	// Hash before the transaction: bcrypt is slow on purpose, and the
	// writer should not wait for it.
	hash, err := HashPassword(in.Password, m.cost)
	if err != nil {
		return model.User{}, "", err
	}
	u := model.User{Email: in.Email, Name: in.Name, Role: in.Role, PasswordHash: hash, Active: true}
	err = m.store.Tx(ctx, func(ctx context.Context) error {
		if err := m.store.CreateUser(ctx, &u); err != nil {
			return emailTaken(err)
		}
		return m.store.RecordAudit(ctx, userEvent(model.AuditUserCreate, actor, u.ID,
			map[string]string{"role": string(u.Role)}))
	})
	if err != nil {
		return model.User{}, "", err
	}
	return u, generated, nil
}

// Update changes a user's email, name and role. It refuses to leave the
// system without an active administrator.
func (m *Users) Update(ctx context.Context, actor model.Actor, id int64, in model.UserInput) (model.User, error) {
	if err := Require(actor, ManageUsers, Object{}); err != nil {
		return model.User{}, err
	}
	in.Password = ""
	if err := in.Validate(false); err != nil {
		return model.User{}, err
	}
	var u model.User
	err := m.store.Tx(ctx, func(ctx context.Context) error {
		old, err := m.store.UserByID(ctx, id)
		if err != nil {
			return err
		}
		if old.Role == model.RoleAdmin && in.Role != model.RoleAdmin && old.Active {
			if err := m.keepAnAdmin(ctx, id); err != nil {
				return &model.ValidationError{Fields: map[string]string{"role": "error.last_admin"}}
			}
		}
		u = old
		u.Email, u.Name, u.Role = in.Email, in.Name, in.Role
		if err := m.store.UpdateUser(ctx, &u); err != nil {
			return emailTaken(err)
		}
		ev := userEvent(model.AuditUserUpdate, actor, id, nil)
		ev.Changed = userChanges(old, u)
		if old.Role != u.Role {
			ev.Values = map[string]string{"from": string(old.Role), "to": string(u.Role)}
		}
		return m.store.RecordAudit(ctx, ev)
	})
	if err != nil {
		return model.User{}, err
	}
	return u, nil
}

// SetActive enables or disables an account; disabling ends its sessions.
func (m *Users) SetActive(ctx context.Context, actor model.Actor, id int64, active bool) (model.User, error) {
	if err := Require(actor, ManageUsers, Object{}); err != nil {
		return model.User{}, err
	}
	var u model.User
	err := m.store.Tx(ctx, func(ctx context.Context) error {
		var err error
		if u, err = m.store.UserByID(ctx, id); err != nil {
			return err
		}
		if !active && id == actor.User.ID {
			return ErrSelf
		}
		if !active && u.Role == model.RoleAdmin && u.Active {
			if err := m.keepAnAdmin(ctx, id); err != nil {
				return err
			}
		}
		u.Active = active
		if err := m.store.UpdateUser(ctx, &u); err != nil {
			return err
		}
		kind := model.AuditUserEnable
		if !active {
			kind = model.AuditUserDisable
			if err := m.store.RevokeUserLogins(ctx, id); err != nil {
				return err
			}
		}
		return m.store.RecordAudit(ctx, userEvent(kind, actor, id, nil))
	})
	if err != nil {
		return model.User{}, err
	}
	return u, nil
}

// ResetPassword gives the user a new generated password (or pw when
// given), ends their sessions and returns the password to show once.
func (m *Users) ResetPassword(ctx context.Context, actor model.Actor, id int64, pw string) (model.User, string, error) {
	if err := Require(actor, ManageUsers, Object{}); err != nil {
		return model.User{}, "", err
	}
	if pw == "" {
		pw = RandomPassword()
	} else if len([]rune(pw)) < model.MinPasswordLength {
		return model.User{}, "", &model.ValidationError{Fields: map[string]string{"password": "error.password_short"}}
	}
	hash, err := HashPassword(pw, m.cost)
	if err != nil {
		return model.User{}, "", err
	}
	var u model.User
	err = m.store.Tx(ctx, func(ctx context.Context) error {
		var err error
		if u, err = m.store.UserByID(ctx, id); err != nil {
			return err
		}
		if err := m.store.SetPasswordHash(ctx, id, hash); err != nil {
			return err
		}
		if err := m.store.RevokeUserLogins(ctx, id); err != nil {
			return err
		}
		return m.store.RecordAudit(ctx, userEvent(model.AuditUserPasswordReset, actor, id, nil))
	})
	if err != nil {
		return model.User{}, "", err
	}
	return u, pw, nil
}

// keepAnAdmin fails unless an active administrator other than id exists.
// It runs inside the change's transaction, so two administrators cannot
// demote each other at once.
func (m *Users) keepAnAdmin(ctx context.Context, id int64) error {
	us, err := m.store.Users(ctx)
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

// emailTaken turns a taken address into the form's message.
func emailTaken(err error) error {
	if errors.Is(err, model.ErrConflict) {
		return &model.ValidationError{Fields: map[string]string{"email": "error.email_taken"}}
	}
	return err
}

// userEvent is an audit event about account id. It names no address or
// name: the id leads to the account.
func userEvent(kind model.AuditKind, actor model.Actor, id int64, values map[string]string) model.AuditEvent {
	return model.AuditEvent{Kind: kind, Actor: actor, Object: model.AuditObject{Type: "user", ID: id}, Values: values}
}

// userChanges names the fields that differ between two versions of an
// account.
func userChanges(old, u model.User) []string {
	var out []string
	if old.Email != u.Email {
		out = append(out, "email")
	}
	if old.Name != u.Name {
		out = append(out, "name")
	}
	if old.Role != u.Role {
		out = append(out, "role")
	}
	return out
}
