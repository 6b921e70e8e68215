package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/certificate"
	"github.com/traindesk/traindesk/internal/model"
	certview "github.com/traindesk/traindesk/views/certificate"
)

// verifyForm is where a code read from paper is typed; ?code= leads to
// that code's page.
func (s *Server) verifyForm(c echo.Context) error {
	typed := c.QueryParam("code")
	if typed == "" {
		return s.renderVerify(c, http.StatusOK, certview.VerifyProps{})
	}
	code, ok := certificate.Normalize(typed)
	if !ok {
		return s.renderVerify(c, http.StatusNotFound, certview.VerifyProps{Asked: true, Code: typed})
	}
	return c.Redirect(http.StatusSeeOther, "/verify/"+code)
}

// verify says whether the certificate with the code in the address is
// valid, revoked or unknown (404). It shows the holder's names and the
// training, and nothing else about the person.
func (s *Server) verify(c echo.Context) error {
	asked := c.Param("code")
	p := certview.VerifyProps{Asked: true, Code: asked, Location: s.Location}
	if code, ok := certificate.Normalize(asked); ok && code != asked {
		// One address per certificate, however the code was typed.
		return c.Redirect(http.StatusSeeOther, "/verify/"+code)
	}
	check, err := s.Certificates.Verify(c.Request().Context(), asked)
	if errors.Is(err, model.ErrNotFound) {
		return s.renderVerify(c, http.StatusNotFound, p)
	} else if err != nil {
		return err
	}
	p.Check = &check
	return s.renderVerify(c, http.StatusOK, p)
}

// renderVerify renders the public page: never cached, so that a
// revocation shows at once, and never indexed, because it names people.
func (s *Server) renderVerify(c echo.Context, status int, p certview.VerifyProps) error {
	h := c.Response().Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Robots-Tag", "noindex, nofollow")
	return s.render(c, status, certview.Verify(p))
}
