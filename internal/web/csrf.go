package web

import (
	"crypto/subtle"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/model"
)

// csrf refuses state-changing requests that another site could have made.
// It keeps the semantics of Echo's CSRF middleware (a browser's
// Sec-Fetch-Site: same-origin passes, cross-site is refused; otherwise a
// missing token is 400 and a wrong one 403), but the token it expects is
// the one the auth service ties to the server-side session, so that a
// token changes at sign-in and sign-out and a planted cookie proves
// nothing. Every page gets the real token, whatever the browser sends.
func (s *Server) csrf(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		if strings.HasPrefix(req.URL.Path, "/assets/") || req.URL.Path == "/healthz" {
			return next(c)
		}
		l, _ := c.Get(keyLogin).(*model.Login)
		token := s.Sessions.CSRFToken(req, l)
		c.Set(keyCSRF, token)
		s.Sessions.SetCSRFCookie(c.Response(), req, token)
		switch req.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodTrace:
			return next(c)
		}
		switch req.Header.Get("Sec-Fetch-Site") {
		case "same-origin", "none":
			return next(c)
		case "cross-site":
			return echo.NewHTTPError(http.StatusForbidden, "cross-site request blocked")
		}
		sent := req.Header.Get("X-CSRF-Token")
		if sent == "" {
			sent = c.FormValue("_csrf")
		}
		switch {
		case sent == "":
			return echo.NewHTTPError(http.StatusBadRequest, "missing csrf token")
		case subtle.ConstantTimeCompare([]byte(sent), []byte(token)) != 1:
			return echo.NewHTTPError(http.StatusForbidden, "invalid csrf token")
		}
		return next(c)
	}
}
