package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/account"
)

// accountRoutes registers the signed-in user's own page and their personal
// API tokens; every role has one.
func (s *Server) accountRoutes(app area) {
	app.GET("/account", s.accountPage)
	app.POST("/account/tokens", s.tokenCreate)
	app.POST("/account/tokens/:id/revoke", s.tokenRevoke)
}

// accountProps reads the user's tokens into the page's props.
func (s *Server) accountProps(c echo.Context, in model.TokenInput) (account.Props, error) {
	toks, err := s.Tokens.List(c.Request().Context(), actorOf(c))
	return account.Props{User: *currentUser(c), Tokens: toks, In: in, Now: s.Now(), Location: s.Location}, err
}

func (s *Server) accountPage(c echo.Context) error {
	p, err := s.accountProps(c, model.TokenInput{Days: "90"})
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, account.Page(p))
}

// tokenCreate makes a token and shows its secret in the answer itself,
// once: it is never stored, so there is no page to redirect to that could
// show it again.
func (s *Server) tokenCreate(c echo.Context) error {
	in := model.TokenInput{Name: c.FormValue("name"), Days: c.FormValue("days"), PersonalData: c.FormValue("personal_data") == "1"}
	secret, _, err := s.Tokens.Create(c.Request().Context(), actorOf(c), in)
	fields := model.FieldErrors(err)
	if err != nil && fields == nil {
		return err
	}
	status := http.StatusOK
	if fields != nil {
		status = http.StatusUnprocessableEntity
	} else {
		in = model.TokenInput{Days: "90"}
	}
	p, lerr := s.accountProps(c, in)
	if lerr != nil {
		return lerr
	}
	p.Errors, p.Secret = fields, secret
	c.Response().Header().Set("Cache-Control", "no-store")
	return s.render(c, status, account.Page(p))
}

func (s *Server) tokenRevoke(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := s.Tokens.Revoke(c.Request().Context(), actorOf(c), id); err != nil {
		return err
	}
	s.addFlash(c, "ok", "token.revoked_flash")
	return c.Redirect(http.StatusSeeOther, "/account")
}
