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
	d, err := s.Trainings.Dashboard(c.Request().Context(), actorOf(c))
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, dashboard.Page(dashboard.Props{
		UserName: u.Name,
		Today:    d.Date,
		Data:     d,
		CanPlan:  auth.Can(u.Role, auth.EditTrainings),
		// Trainers see only their own trainings' sessions, all theirs to mark.
		CanMark: u.Role == model.RoleTrainer || auth.Can(u.Role, auth.CorrectMarks),
	}))
}
