package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/views/dashboard"
)

func (s *Server) dashboard(c echo.Context) error {
	u := currentUser(c)
	d, err := s.Trainings.Dashboard(c.Request().Context(), actorOf(c))
	if err != nil {
		return err
	}
	p := dashboard.Props{
		UserName: u.Name,
		Today:    d.Date,
		Data:     d,
		CanPlan:  auth.Can(u.Role, auth.EditTrainings),
		// The roles that mark any training take the roll of every session
		// listed; a trainer's list holds only the trainings they facilitate,
		// so every session on it is theirs to mark.
		CanMark:   auth.Can(u.Role, auth.MarkAttendance) || auth.VisibleTrainings(*u).FacilitatorID == u.ID,
		CanReport: auth.Can(u.Role, auth.ViewReports),
	}
	// The page is the user's own (their name, role and trainings), for the
	// day and the data it was gathered from.
	k := pageKey{page: "dashboard", user: u.ID, name: u.Name, role: u.Role, scope: auth.VisibleTrainings(*u), day: d.Date,
		shows: [3]bool{p.CanPlan, p.CanMark, p.CanReport}}
	return s.renderKept(c, http.StatusOK, k, d.Version, dashboard.Page(p))
}
