package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/report"
)

// apiError is the JSON body of a refused API request: the status, its
// text, and a message per invalid parameter.
type apiError struct {
	Error  string            `json:"error"`
	Status int               `json:"status"`
	Fields map[string]string `json:"fields,omitempty"`
}

// api serves the report's figures as JSON for M&E systems:
// GET /api/v1/reports/donor?project=CODE&from=YYYY-MM-DD&to=YYYY-MM-DD,
// with agency, governorate and thematic (ids) as optional filters. An
// empty period is the project's. Bad parameters are a 400 naming them; an
// unknown project code is a 404.
func (h *reports) api(c echo.Context) error {
	ctx := c.Request().Context()
	bad := func(fields map[string]string) error {
		en := i18n.New(i18n.EN)
		msgs := map[string]string{}
		for k, key := range fields {
			msgs[k] = en.T(key)
		}
		return c.JSON(http.StatusBadRequest, apiError{Error: http.StatusText(http.StatusBadRequest), Status: http.StatusBadRequest, Fields: msgs})
	}
	code := c.QueryParam("project")
	if code == "" {
		return bad(map[string]string{"project": "report.error.project"})
	}
	p, err := h.s.Store.ProjectByCode(ctx, code)
	if errors.Is(err, model.ErrNotFound) {
		return c.JSON(http.StatusNotFound, apiError{Error: http.StatusText(http.StatusNotFound), Status: http.StatusNotFound,
			Fields: map[string]string{"project": "no project has this code"}})
	} else if err != nil {
		return err
	}
	in := formOf(c.QueryParam)
	in.Project = strconv.FormatInt(p.ID, 10)
	f, _, errs, err := h.parse(ctx, in)
	if err != nil {
		return err
	}
	if errs != nil {
		return bad(errs)
	}
	fig, err := report.Compute(ctx, h.s.Store, f)
	if err != nil {
		return err
	}
	h.auditExport(c, exportRequest{fig: fig, format: "json"}, "api")
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, fig)
}
