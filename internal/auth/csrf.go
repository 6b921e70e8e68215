package auth

import (
	"net/http"
	"time"

	"github.com/traindesk/traindesk/internal/model"
)

// CSRFCookie keeps the browser's copy of its CSRF token.
const CSRFCookie = "_csrf"

// CSRFToken returns the token a state-changing request from r's browser
// must carry. A browser with a session (l, or the one its cookie names
// when l is nil) gets a keyed hash of the session's id: the token is tied
// to the server-side session, changes at every sign-in and sign-out, and
// cannot be planted by setting a cookie. A browser without a session gets
// the random token its CSRF cookie holds, or a new one (the sign-in form
// is then protected by the double-submit cookie alone).
func (s *Sessions) CSRFToken(r *http.Request, l *model.Login) string {
	if l != nil {
		return s.sessionCSRF(l.ID)
	}
	if id, err := s.loginID(r); err == nil {
		return s.sessionCSRF(id)
	}
	if c, err := r.Cookie(CSRFCookie); err == nil && len(c.Value) == 43 {
		return c.Value
	}
	return randomToken(32)
}

// sessionCSRF is the token of the session whose id is id.
func (s *Sessions) sessionCSRF(id string) string {
	return s.mac("csrf", id)
}

// SetCSRFCookie keeps token in the browser's CSRF cookie unless it is
// there already. The cookie is Secure whenever the session cookie is.
func (s *Sessions) SetCSRFCookie(w http.ResponseWriter, r *http.Request, token string) {
	if c, err := r.Cookie(CSRFCookie); err == nil && c.Value == token {
		return
	}
	s.setCSRFCookie(w, r, token)
}

func (s *Sessions) setCSRFCookie(w http.ResponseWriter, r *http.Request, token string) {
	http.SetCookie(w, &http.Cookie{Name: CSRFCookie, Value: token, Path: "/", MaxAge: int(s.max / time.Second),
		HttpOnly: true, Secure: s.isHTTPS(r), SameSite: http.SameSiteLaxMode})
}
