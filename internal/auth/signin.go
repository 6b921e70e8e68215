package auth

import (
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

// SignIn is the sign-in use case: both fields are required, the limits on
// failed attempts (per client address ip and per account) are checked and
// counted, the credentials are checked, and a new session is started with
// its audit event. Every wrong email or password is ErrBadCredentials; a
// reached limit is a *LimitError; a missing field a *model.ValidationError.
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
	ipKey, acctKey := "ip:"+ip, "acct:"+model.NormalizeEmail(email)
	for _, lim := range []struct {
		l   *Limiter
		key string
	}{{s.ipLimit, ipKey}, {s.accountLimit, acctKey}} {
		if blocked, wait := lim.l.Blocked(lim.key); blocked {
			return model.User{}, &LimitError{Key: lim.key, Wait: wait}
		}
	}
	u, err := s.Authenticate(r.Context(), email, c.Password)
	if errors.Is(err, ErrBadCredentials) {
		s.ipLimit.Fail(ipKey)
		s.accountLimit.Fail(acctKey)
		return model.User{}, err
	} else if err != nil {
		return model.User{}, err
	}
	// A right password clears the account's count but not the address's:
	// one known account must not reset an address that guesses others.
	s.accountLimit.Reset(acctKey)
	return u, s.start(w, r, u, ip)
}
