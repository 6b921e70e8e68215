package auth

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/gorilla/securecookie"
	"github.com/gorilla/sessions"

	"github.com/traindesk/traindesk/internal/model"
)

// Store is what the session manager needs from the database.
type Store interface {
	UserByID(ctx context.Context, id int64) (model.User, error)
	UserByEmail(ctx context.Context, email string) (model.User, error)
	CreateLogin(ctx context.Context, l *model.Login) error
	LoginWithUser(ctx context.Context, id string) (model.Login, model.User, int64, error)
	AuthVersion(ctx context.Context) (int64, error)
	TouchLogin(ctx context.Context, id string) error
	RevokeLogin(ctx context.Context, id string) error
	TouchLastLogin(ctx context.Context, id int64) error
	SigninThrottles(ctx context.Context, ids []string) ([]model.SigninThrottle, error)
	LockSigninThrottle(ctx context.Context, id string) (model.SigninThrottle, error)
	SaveSigninThrottle(ctx context.Context, t model.SigninThrottle) error
	DeleteSigninThrottle(ctx context.Context, id string) error
	PurgeSigninThrottles(ctx context.Context, cut time.Time) (int64, error)
	Tx(ctx context.Context, fn func(ctx context.Context) error) error
	RecordAudit(ctx context.Context, ev model.AuditEvent) error
}

// CookieName is the sign-in cookie's name.
const CookieName = "traindesk_session"

// Sessions signs users in and out and recognises them on later requests.
type Sessions struct {
	store   Store
	cookies *sessions.CookieStore
	device  *securecookie.SecureCookie // the signed device cookie
	key     []byte                     // keys the hashes of counters and CSRF tokens
	idle    time.Duration
	max     time.Duration
	now     func() time.Time
	decoy   string // a bcrypt hash at the stored hashes' cost, checked when the email is unknown
	// isHTTPS tells whether a request reached traindesk over HTTPS, so the
	// cookies are marked Secure.
	isHTTPS func(*http.Request) bool
	limits  Limits
	gate    *Gate
	compare func(hash, password string) bool
	cache   *sessionCache
}

// SessionOptions shape the session manager.
type SessionOptions struct {
	Secret    []byte        // the master key
	Idle, Max time.Duration // the time-outs
	Now       func() time.Time
	// IsHTTPS tells whether a request came over HTTPS (nil: only a direct
	// TLS connection counts).
	IsHTTPS func(*http.Request) bool
	// Cost is the bcrypt cost passwords are stored with (0: DefaultCost);
	// an unknown email is checked against a decoy hash of the same cost,
	// so that its answer takes as long as a wrong password's.
	Cost int
	// Limits bound sign-in attempts (nil: DefaultLimits).
	Limits *Limits
	// HashSlots bounds the bcrypt checks that run at once (0: one per two cores).
	HashSlots int
}

// NewSessions builds the manager over st.
func NewSessions(st Store, o SessionOptions) *Sessions {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.IsHTTPS == nil {
		o.IsHTTPS = func(r *http.Request) bool { return r.TLS != nil }
	}
	if o.Cost == 0 {
		o.Cost = DefaultCost
	}
	limits := DefaultLimits()
	if o.Limits != nil {
		limits = *o.Limits
	}
	cs := sessions.NewCookieStore(DeriveKey(o.Secret, "cookie-hash", 64), DeriveKey(o.Secret, "cookie-block", 32))
	cs.MaxAge(int(o.Max / time.Second))
	decoy, _ := HashPassword(RandomPassword(), o.Cost)
	return &Sessions{store: st, cookies: cs, device: newDeviceCodec(o.Secret), key: DeriveKey(o.Secret, "sign-in", 32),
		idle: o.Idle, max: o.Max, now: o.Now, decoy: decoy, isHTTPS: o.IsHTTPS, limits: limits,
		gate: NewGate(o.HashSlots, 0).Rest(restFactor), compare: CheckPassword, cache: newSessionCache()}
}

// start begins a new session for u and sets the cookie. Any session the
// browser carried before is ended, so the id always changes at sign-in.
// The session, the last sign-in time and the audit event are one
// transaction.
func (s *Sessions) start(w http.ResponseWriter, r *http.Request, u model.User, ip string, also func(context.Context) error) error {
	token := randomToken(32)
	now := s.now().UTC()
	l := model.Login{
		ID: hashToken(token), UserID: u.ID, CreatedAt: now, LastSeenAt: now,
		ExpiresAt: now.Add(s.max), IP: ip, UserAgent: truncate(r.UserAgent(), 255),
	}
	err := s.store.Tx(r.Context(), func(ctx context.Context) error {
		if old, err := s.loginID(r); err == nil {
			if err := s.store.RevokeLogin(ctx, old); err != nil {
				return err
			}
		}
		if err := s.store.CreateLogin(ctx, &l); err != nil {
			return err
		}
		if err := s.store.TouchLastLogin(ctx, u.ID); err != nil {
			return err
		}
		if err := also(ctx); err != nil {
			return err
		}
		return s.store.RecordAudit(ctx, model.AuditEvent{Kind: model.AuditSignIn,
			Actor: model.Actor{User: u, IP: ip}, Object: model.AuditObject{Type: "user", ID: u.ID}})
	})
	if err != nil {
		return err
	}
	sess := sessions.NewSession(s.cookies, CookieName)
	sess.Values["t"] = token
	sess.Options = s.options(r, int(s.max/time.Second))
	// The CSRF token follows the new session: one taken before sign-in
	// no longer works.
	s.setCSRFCookie(w, r, s.sessionCSRF(l.ID))
	return s.cookies.Save(r, w, sess)
}

// ErrNoSession means the request carries no valid, live session.
var ErrNoSession = errors.New("auth: not signed in")

// Current returns the signed-in user and their session, or ErrNoSession.
// A session ends when it is revoked, idle too long, older than the absolute
// limit, or its user is disabled. It costs one query: the session and its
// user together, or, for a session this instance verified moments ago,
// only the sign-in change counter (see the session cache).
func (s *Sessions) Current(r *http.Request) (model.User, model.Login, error) {
	id, err := s.loginID(r)
	if err != nil {
		return model.User{}, model.Login{}, ErrNoSession
	}
	ctx := r.Context()
	now := s.now().UTC()
	l, u, cached, err := s.lookup(ctx, id, now)
	if cached && !s.alive(l, u, now) {
		// What ends a session is decided on what the database says now.
		l, u, err = s.fresh(ctx, id, now)
	}
	if errors.Is(err, model.ErrNotFound) {
		return model.User{}, model.Login{}, ErrNoSession
	} else if err != nil {
		return model.User{}, model.Login{}, err
	}
	if !s.alive(l, u, now) {
		s.cache.drop(id)
		if l.RevokedAt == nil && !u.Active {
			s.store.RevokeLogin(ctx, id)
		}
		return model.User{}, model.Login{}, ErrNoSession
	}
	// Write last-seen at most once a minute: enough for the idle time-out,
	// and it keeps ordinary page views from queueing behind the writer.
	if now.Sub(l.LastSeenAt) > time.Minute {
		if err := s.store.TouchLogin(ctx, id); err != nil {
			return model.User{}, model.Login{}, fmt.Errorf("auth: touch session: %w", err)
		}
		s.cache.seen(id, now)
		l.LastSeenAt = now
	}
	return u, l, nil
}

// alive reports whether session l of user u may still be used at now.
func (s *Sessions) alive(l model.Login, u model.User, now time.Time) bool {
	return l.RevokedAt == nil && !now.After(l.ExpiresAt) && now.Sub(l.LastSeenAt) <= s.idle && u.Active
}

// lookup returns session id with its user: from the cache (cached true)
// when this instance read them at the current sign-in change counter,
// else from the database.
func (s *Sessions) lookup(ctx context.Context, id string, now time.Time) (model.Login, model.User, bool, error) {
	if s.cache.has(id) {
		v, err := s.store.AuthVersion(ctx)
		if err != nil {
			return model.Login{}, model.User{}, false, err
		}
		if e, ok := s.cache.get(id, v, now); ok {
			return e.login, e.user, true, nil
		}
	}
	l, u, err := s.fresh(ctx, id, now)
	return l, u, false, err
}

// fresh reads session id with its user from the database and caches them
// with the sign-in change counter read in the same query.
func (s *Sessions) fresh(ctx context.Context, id string, now time.Time) (model.Login, model.User, error) {
	l, u, v, err := s.store.LoginWithUser(ctx, id)
	if err != nil {
		s.cache.drop(id)
		return l, u, err
	}
	s.cache.put(id, cachedSession{login: l, user: u, version: v, readAt: now})
	return l, u, nil
}

// Remaining is how long the session l stays valid if nothing more happens:
// until it has been idle too long or reaches its absolute limit. A tablet
// keeps it, so that its offline copy closes when the sign-in would have.
func (s *Sessions) Remaining(l model.Login) time.Duration {
	end := l.LastSeenAt.Add(s.idle)
	if l.ExpiresAt.Before(end) {
		end = l.ExpiresAt
	}
	return end.Sub(s.now())
}

// SignOut ends the request's session: the session row is revoked (with
// the audit event, when someone was signed in) and the cookie deleted.
func (s *Sessions) SignOut(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if id, err := s.loginID(r); err == nil {
		s.cache.drop(id)
		err := s.store.Tx(r.Context(), func(ctx context.Context) error {
			if err := s.store.RevokeLogin(ctx, id); err != nil {
				return err
			}
			if actor.User.ID == 0 {
				return nil
			}
			return s.store.RecordAudit(ctx, model.AuditEvent{Kind: model.AuditSignOut, Actor: actor,
				Object: model.AuditObject{Type: "user", ID: actor.User.ID}})
		})
		if err != nil {
			return err
		}
	}
	sess := sessions.NewSession(s.cookies, CookieName)
	sess.Options = s.options(r, -1)
	s.setCSRFCookie(w, r, randomToken(32))
	return s.cookies.Save(r, w, sess)
}

func (s *Sessions) loginID(r *http.Request) (string, error) {
	c, err := r.Cookie(CookieName)
	if err != nil {
		return "", err
	}
	now := s.now()
	if id, ok := s.cache.cookieID(c.Value, now); ok {
		return id, nil
	}
	sess := sessions.NewSession(s.cookies, CookieName)
	if err := s.codecsDecode(c.Value, &sess.Values); err != nil {
		return "", err
	}
	t, ok := sess.Values["t"].(string)
	if !ok || t == "" {
		return "", ErrNoSession
	}
	id := hashToken(t)
	s.cache.putCookie(c.Value, id, now)
	return id, nil
}

func (s *Sessions) codecsDecode(value string, dst *map[any]any) error {
	for _, c := range s.cookies.Codecs {
		if err := c.Decode(CookieName, value, dst); err == nil {
			return nil
		}
	}
	return ErrNoSession
}

// options returns cookie options: HttpOnly, SameSite=Lax, and Secure when
// the request came over HTTPS.
func (s *Sessions) options(r *http.Request, maxAge int) *sessions.Options {
	return &sessions.Options{
		Path:     "/",
		MaxAge:   maxAge,
		HttpOnly: true,
		Secure:   s.isHTTPS(r),
		SameSite: http.SameSiteLaxMode,
	}
}

// randomToken returns n random bytes, base64url-encoded.
func randomToken(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// mac is a keyed hash of value for one purpose, base64url-encoded (43
// characters).
func (s *Sessions) mac(purpose, value string) string {
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte(purpose))
	m.Write([]byte{0})
	m.Write([]byte(value))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

func hashToken(t string) string {
	sum := sha256.Sum256([]byte(t))
	return hex.EncodeToString(sum[:])
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}
