package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/dashboard"
)

// today is the current day where the trainings happen.
func (s *Server) today() model.Date { return model.DateOf(s.Now().In(s.Location)) }

func (s *Server) dashboard(c echo.Context) error {
	u := currentUser(c)
	today := s.today()
	d, err := s.Store.Dashboard(c.Request().Context(), *u, today)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, dashboard.Page(dashboard.Props{
		UserName: u.Name,
		Today:    today,
		Data:     d,
		CanPlan:  auth.Can(u.Role, auth.EditTrainings),
		CanMark:  u.Role == model.RoleTrainer || auth.Can(u.Role, auth.CorrectMarks),
	}))
}
