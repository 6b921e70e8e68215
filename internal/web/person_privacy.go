package web

import (
	"encoding/json"
	"fmt"
	"mime"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/views/person"
)

// personPrivacyRoutes answer a person's requests about their data: see
// everything held about them, and be erased. Administrators handle them.
func (s *Server) personPrivacyRoutes(app area) {
	pd := app.with(s.require(auth.PersonalData))
	pd.GET("/persons/:id/data.json", s.personData)
	pd.GET("/persons/:id/data.pdf", s.personDataPDF)
	pd.GET("/persons/:id/erase", s.personEraseForm)
	pd.POST("/persons/:id/erase", s.personErase)
}

// personData sends everything held about the person as JSON, to hand to
// them.
func (s *Server) personData(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	data, err := s.Roster.SubjectAccess(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(data, "", "  ")
	if err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": fmt.Sprintf("person-%d-data.json", id)}))
	h.Set("Cache-Control", "no-store")
	return c.Blob(http.StatusOK, "application/json; charset=utf-8", b)
}

// personDataPDF sends the same as personData as a PDF in the language of
// the person's messages, to print or send to them.
func (s *Server) personDataPDF(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	b, err := s.Roster.SubjectAccessPDF(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": fmt.Sprintf("person-%d-data.pdf", id)}))
	h.Set("Cache-Control", "no-store")
	return c.Blob(http.StatusOK, "application/pdf", b)
}

// personEraseForm asks for confirmation, saying what goes and what stays.
func (s *Server) personEraseForm(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	pg, err := s.Roster.PersonPage(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return err
	}
	if pg.Person.ErasedAt != nil || pg.MergedInto != nil {
		return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/persons/%d", id))
	}
	return s.render(c, http.StatusOK, person.Erase(person.EraseProps{P: pg.Person, Registrations: len(pg.History)}))
}

func (s *Server) personErase(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if _, err := s.Roster.Erase(c.Request().Context(), actorOf(c), id); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/persons/%d", id))
}
