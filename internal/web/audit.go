package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/admin"
)

// pageParam reads ?page=, at least 1.
func pageParam(c echo.Context) int {
	p, err := strconv.Atoi(c.QueryParam("page"))
	if err != nil || p < 1 {
		return 1
	}
	return p
}

func (s *Server) auditLog(c echo.Context) error {
	const per = 50
	page := pageParam(c)
	lines, total, err := s.Store.AuditLog(c.Request().Context(), model.AuditFilter{Limit: per, Offset: (page - 1) * per})
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, admin.Audit(admin.AuditPage{Lines: lines, Total: total, Page: page, PerPage: per, Location: s.Location}))
}
