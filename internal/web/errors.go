package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/layout"
)

// handleError is the one place errors become responses: domain errors map
// to statuses, every status gets a page inside the layout, and nothing
// internal reaches the user. Every 500 is logged with the request id.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	code := http.StatusInternalServerError
	var he *echo.HTTPError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &he):
		code = he.Code
		if errors.As(he.Internal, &mbe) {
			code = http.StatusRequestEntityTooLarge
		}
	case errors.As(err, &mbe):
		code = http.StatusRequestEntityTooLarge
	case errors.Is(err, model.ErrNotFound):
		code = http.StatusNotFound
	case errors.Is(err, model.ErrForbidden):
		code = http.StatusForbidden
	case errors.Is(err, model.ErrConflict):
		code = http.StatusConflict
	}
	if code >= 500 {
		s.Log.Error("request failed", "request_id", c.Get(keyRequestID), "method", c.Request().Method,
			"path", c.Request().URL.Path, "error", err)
	}
	if c.Request().Method == http.MethodHead {
		c.NoContent(code)
		return
	}
	if wantsJSON(c) {
		c.JSON(code, map[string]any{"error": http.StatusText(code), "status": code})
		return
	}
	title, text := errorKeys(code)
	if rerr := s.renderSafely(c, code, layout.ErrorPage(code, title, text)); rerr != nil {
		s.Log.Error("render error page", "request_id", c.Get(keyRequestID), "error", rerr)
		c.String(code, http.StatusText(code))
	}
}

// errorKeys returns the catalogue keys of a status's title and text.
func errorKeys(code int) (string, string) {
	switch code {
	case 400, 401, 403, 404, 405, 409, 413, 429, 503:
		k := "error." + strconv.Itoa(code)
		return k + ".title", k + ".text"
	}
	if code >= 500 {
		return "error.500.title", "error.500.text"
	}
	return "error.400.title", "error.400.text"
}

func wantsJSON(c echo.Context) bool {
	p := c.Request().URL.Path
	return len(p) >= 5 && p[:5] == "/api/"
}

// renderSafely renders an error page; a panic while doing so must not take
// the error handler down with it.
func (s *Server) renderSafely(c echo.Context, code int, page templ.Component) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic rendering error page: %v", r)
		}
	}()
	return s.render(c, code, page)
}
