package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
)

// apiError is the JSON body of a refused API request: the status, its
// text, and a message per invalid parameter.
type apiError struct {
	Error  string            `json:"error"`
	Status int               `json:"status"`
	Fields map[string]string `json:"fields,omitempty"`
}

// reportAPI serves the report's figures as JSON for M&E systems:
// GET /api/v1/reports/donor?project=CODE&from=YYYY-MM-DD&to=YYYY-MM-DD,
// with agency, governorate and thematic (ids) as optional filters. An
// empty period is the project's. Bad parameters are a 400 naming them; an
// unknown project code is a 404.
func (s *Server) reportAPI(c echo.Context) error {
	f := reportFormOf(c.QueryParam)
	f.Project = "" // a code here, not an id
	fig, err := s.Reports.Figures(c.Request().Context(), actorOf(c), c.QueryParam("project"), f.request())
	if fields := model.FieldErrors(err); fields != nil {
		en := i18n.New(i18n.EN)
		msgs := map[string]string{}
		for k, key := range fields {
			msgs[k] = en.T(key)
		}
		return c.JSON(http.StatusBadRequest, apiError{Error: http.StatusText(http.StatusBadRequest), Status: http.StatusBadRequest, Fields: msgs})
	} else if errors.Is(err, model.ErrNotFound) {
		return c.JSON(http.StatusNotFound, apiError{Error: http.StatusText(http.StatusNotFound), Status: http.StatusNotFound,
			Fields: map[string]string{"project": "no project has this code"}})
	} else if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, fig)
}
