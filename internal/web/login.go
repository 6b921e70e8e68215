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
	next := c.QueryParam("next")
	if !localPath(next) {
		next = ""
	}
	return s.render(c, http.StatusOK, signin.Page(signin.Form{Next: next}))
}

func (s *Server) login(c echo.Context) error {
	f := signin.Form{Email: strings.TrimSpace(c.FormValue("email")), Next: c.FormValue("next")}
	if !localPath(f.Next) {
		f.Next = ""
	}
	_, err := s.Sessions.SignIn(c.Response(), c.Request(), c.RealIP(),
		auth.Credentials{Email: c.FormValue("email"), Password: c.FormValue("password")})
	var limited *auth.LimitError
	switch {
	case errors.As(err, &limited):
		c.Response().Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(limited.Wait.Seconds()))))
		s.Log.Warn("sign-in rate limited", "key", limited.Key)
		return echo.NewHTTPError(http.StatusTooManyRequests)
	case errors.Is(err, auth.ErrBusy):
		// Too many password checks are queued: the server is busy, not the
		// account limited; the browser may try again in a moment.
		c.Response().Header().Set("Retry-After", "2")
		return echo.NewHTTPError(http.StatusServiceUnavailable)
	case errors.Is(err, auth.ErrBadCredentials):
		s.Log.Info("sign-in failed", "ip", c.RealIP())
		f.Error = "auth.bad_credentials"
		return s.render(c, http.StatusUnauthorized, signin.Page(f))
	case model.FieldErrors(err) != nil:
		f.Fields = model.FieldErrors(err)
		return s.render(c, http.StatusUnprocessableEntity, signin.Page(f))
	case err != nil:
		return err
	}
	return c.Redirect(http.StatusSeeOther, safeNext(f.Next))
}

func (s *Server) logout(c echo.Context) error {
	if err := s.Sessions.SignOut(c.Response(), c.Request(), actorOf(c)); err != nil {
		return err
	}
	s.addFlash(c, "ok", "auth.signed_out")
	return c.Redirect(http.StatusSeeOther, "/login")
}

// actorOf is who acts in this request, as services take it: the signed-in
// user (or none) and the client's address. A request always has an
// address, so that no request acts as model.System.
func actorOf(c echo.Context) model.Actor {
	a := model.Actor{IP: c.RealIP()}
	if a.IP == "" {
		a.IP = "unknown"
	}
	if u := currentUser(c); u != nil {
		a.User = *u
	}
	a.Token = tokenOf(c)
	return a
}
