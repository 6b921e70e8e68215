package web

import (
	"errors"
	"math"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/signin"
)

func (s *Server) loginForm(c echo.Context) error {
	if currentUser(c) != nil {
		return c.Redirect(http.StatusSeeOther, safeNext(c.QueryParam("next")))
	}
	return s.render(c, http.StatusOK, signin.Page(signin.Form{Next: c.QueryParam("next")}))
}

func (s *Server) login(c echo.Context) error {
	f := signin.Form{
		Email:  strings.TrimSpace(c.FormValue("email")),
		Next:   c.FormValue("next"),
		Fields: map[string]string{},
	}
	password := c.FormValue("password")
	if f.Email == "" {
		f.Fields["email"] = "error.required"
	}
	if password == "" {
		f.Fields["password"] = "error.required"
	}
	if len(f.Fields) > 0 {
		return s.render(c, http.StatusUnprocessableEntity, signin.Page(f))
	}
	ipKey, acctKey := "ip:"+c.RealIP(), "acct:"+model.NormalizeEmail(f.Email)
	for _, lim := range []struct {
		l   *auth.Limiter
		key string
	}{{s.IPLimit, ipKey}, {s.AccountLimit, acctKey}} {
		if blocked, wait := lim.l.Blocked(lim.key); blocked {
			c.Response().Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
			s.Log.Warn("sign-in rate limited", "key", lim.key)
			return echo.NewHTTPError(http.StatusTooManyRequests)
		}
	}
	u, err := s.Sessions.Authenticate(c.Request().Context(), f.Email, password)
	if errors.Is(err, auth.ErrBadCredentials) {
		s.IPLimit.Fail(ipKey)
		s.AccountLimit.Fail(acctKey)
		s.Log.Info("sign-in failed", "ip", c.RealIP())
		f.Error = "auth.bad_credentials"
		return s.render(c, http.StatusUnauthorized, signin.Page(f))
	} else if err != nil {
		return err
	}
	s.AccountLimit.Reset(acctKey)
	if err := s.Sessions.Start(c.Response(), c.Request(), u, c.RealIP()); err != nil {
		return err
	}
	s.audit(c, &u.ID, "sign_in", "user", u.ID, nil)
	return c.Redirect(http.StatusSeeOther, safeNext(f.Next))
}

func (s *Server) logout(c echo.Context) error {
	u := currentUser(c)
	if err := s.Sessions.End(c.Response(), c.Request()); err != nil {
		return err
	}
	if u != nil {
		s.audit(c, &u.ID, "sign_out", "user", u.ID, nil)
	}
	s.addFlash(c, "ok", "auth.signed_out")
	return c.Redirect(http.StatusSeeOther, "/login")
}

// safeNext keeps a post-sign-in redirect on this site: only a local path
// is accepted, never another host.
func safeNext(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}

// audit writes to the audit log; a failure is logged, not shown, because
// the change it describes has already happened.
func (s *Server) audit(c echo.Context, userID *int64, action, entity string, id int64, detail any) {
	if err := s.Store.Audit(c.Request().Context(), userID, c.RealIP(), action, entity, id, detail); err != nil {
		s.Log.Error("audit", "request_id", c.Get(keyRequestID), "error", err)
	}
}

// actor is the signed-in user's id for audit lines.
// actorOf is who acts in this request, as services take it: the signed-in
// user (or none) and the client's address.
func actorOf(c echo.Context) model.Actor {
	a := model.Actor{IP: c.RealIP()}
	if u := currentUser(c); u != nil {
		a.User = *u
	}
	return a
}

func actor(c echo.Context) *int64 {
	if u := currentUser(c); u != nil {
		id := u.ID
		return &id
	}
	return nil
}
