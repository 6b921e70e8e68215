package auth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/traindesk/traindesk/internal/model"
)

// Credentials are what the sign-in form posts.
type Credentials struct {
	Email    string
	Password string
}

// LimitError refuses a sign-in while too many attempts have failed: Key
// names the limit reached ("ip:…" or "acct:…") and Wait is how long until
// the next attempt.
type LimitError struct {
	Key  string
	Wait time.Duration
}

// Error says which limit was reached.
func (e *LimitError) Error() string {
	return fmt.Sprintf("auth: too many failed sign-ins for %s; wait %s", e.Key, e.Wait)
}

// SignIn is the sign-in use case: both fields are required; the attempt
// is counted against the limits before its password is checked (a
// reached limit is a *LimitError, and bcrypt never runs for it); the
// credentials are checked; and a new session is started with its audit
// event, and the browser remembered as known for the account. Every wrong
// email or password is ErrBadCredentials; a missing field a
// *model.ValidationError; ErrBusy when too many checks are waiting.
func (s *Sessions) SignIn(w http.ResponseWriter, r *http.Request, ip string, c Credentials) (model.User, error) {
	email := strings.TrimSpace(c.Email)
	errs := model.Errors{}
	if email == "" {
		errs.Add("email", "error.required")
	}
	if c.Password == "" {
		errs.Add("password", "error.required")
	}
	if err := errs.Err(); err != nil {
		return model.User{}, err
	}
	email = model.NormalizeEmail(email)
	ctx := r.Context()
	counts, err := s.take(ctx, s.keysFor(email, ip, s.knownDevice(r, email)))
	if err != nil {
		return model.User{}, err
	}
	u, err := s.Authenticate(ctx, email, c.Password)
	if errors.Is(err, ErrBadCredentials) {
		return model.User{}, err // counted already
	}
	if err == nil {
		err = s.start(w, r, u, ip, func(ctx context.Context) error { return s.settle(ctx, counts, true) })
	}
	if err != nil {
		// The password was never judged (the gate was full, the database
		// failed): the attempt is given back, best effort.
		s.store.Tx(context.WithoutCancel(ctx), func(ctx context.Context) error { return s.settle(ctx, counts, false) })
		return model.User{}, err
	}
	s.rememberDevice(w, r, email)
	return u, nil
}

// Authenticate checks an email and password. Every failure is
// ErrBadCredentials; an unknown email is checked against a decoy hash of
// the stored hashes' cost, so it takes as long as a wrong password. The
// check waits for a slot of the bcrypt gate (ErrBusy when the queue is
// full).
func (s *Sessions) Authenticate(ctx context.Context, email, password string) (model.User, error) {
	u, err := s.store.UserByEmail(ctx, email)
	hash := u.PasswordHash
	if errors.Is(err, model.ErrNotFound) {
		hash = s.decoy
	} else if err != nil {
		return model.User{}, err
	}
	var ok bool
	if err := s.gate.Do(ctx, func() { ok = s.compare(hash, password) }); err != nil {
		return model.User{}, err
	}
	if !ok || u.ID == 0 || !u.Active {
		return model.User{}, ErrBadCredentials
	}
	return u, nil
}
