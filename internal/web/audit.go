package web

import (
	"net/http"
	"strconv"
	"strings"

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

// auditFilter reads the audit page's filter: ?kind=, ?user= (an account's
// id), ?object= (an object type) and ?id= (that object's id). What does
// not parse is left out; the audit service drops unknown kinds and object
// types.
func auditFilter(c echo.Context) model.AuditFilter {
	f := model.AuditFilter{Kind: model.AuditKind(c.QueryParam("kind"))}
	if id, err := strconv.ParseInt(c.QueryParam("user"), 10, 64); err == nil && id > 0 {
		f.UserID = &id
	}
	f.ObjectType = strings.TrimSpace(c.QueryParam("object"))
	if id, err := strconv.ParseInt(c.QueryParam("id"), 10, 64); err == nil && id > 0 {
		f.ObjectID = id
	}
	return f
}

func (s *Server) auditLog(c echo.Context) error {
	page := pageParam(c)
	p, err := s.Audit.Log(c.Request().Context(), actorOf(c), auditFilter(c), page)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, admin.Audit(admin.AuditPage{Lines: p.Lines, Total: p.Total, Page: page,
		PerPage: p.Filter.Limit, Location: s.Location, Filter: p.Filter, Users: p.Users}))
}
