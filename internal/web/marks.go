package web

import (
	"encoding/base64"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/traindesk/traindesk/views/components"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/attendance"
	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/qr"
	"github.com/traindesk/traindesk/views/training"
)

// markRoutes registers the attendance grid's cells (history and
// correction), the test scores table and the printable badges.
func (s *Server) markRoutes(app area) {
	app.GET("/trainings/:id/attendance/:rid/:sid", s.markCell)
	app.with(s.require(auth.CorrectMarks)).POST("/trainings/:id/attendance/:rid/:sid", s.markCorrect)
	app.GET("/trainings/:id/assessments", s.assessments)
	app.POST("/trainings/:id/assessments", s.assessmentsSave)
	app.GET("/trainings/:id/badges", s.badges)
}

// cellProps loads a grid cell: the training, the registration, the
// session, the current mark and its history.
func (s *Server) cellProps(c echo.Context) (training.CellProps, error) {
	d, si, err := s.trainingSitting(c)
	if err != nil {
		return training.CellProps{}, err
	}
	rid, err := idParam(c, "rid")
	if err != nil {
		return training.CellProps{}, err
	}
	ctx := c.Request().Context()
	rs, err := s.Store.Roster(ctx, d.ID)
	if err != nil {
		return training.CellProps{}, err
	}
	p := training.CellProps{T: d.Training, Sitting: si, CanCorrect: auth.Can(currentUser(c).Role, auth.CorrectMarks)}
	found := false
	for _, r := range rs {
		if r.ID == rid {
			p.Person, found = r, true
		}
	}
	if !found {
		return p, echo.NewHTTPError(http.StatusNotFound)
	}
	if p.History, err = s.Store.MarkHistory(ctx, rid, si.ID); err != nil {
		return p, err
	}
	marks, err := s.Store.SessionMarks(ctx, si.ID)
	for _, m := range marks {
		if m.RegistrationID == rid {
			p.Mark, p.Note = m.Status, m.Note
		}
	}
	return p, err
}

func (s *Server) markCell(c echo.Context) error {
	p, err := s.cellProps(c)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, training.Cell(p))
}

func (s *Server) markCorrect(c echo.Context) error {
	p, err := s.cellProps(c)
	if err != nil {
		return err
	}
	st := model.Mark(c.FormValue("status"))
	note := strings.TrimSpace(c.FormValue("note"))
	if !st.Valid() || len(note) > 500 {
		p.Error = "attendance.error.choose"
		return s.render(c, http.StatusUnprocessableEntity, training.Cell(p))
	}
	res, err := s.attendance().Correct(c.Request().Context(), *currentUser(c), p.Person.ID, p.Sitting.ID, st, note)
	if errors.Is(err, attendance.ErrNotAllowed) {
		return echo.NewHTTPError(http.StatusForbidden)
	} else if err != nil {
		return err
	}
	if res.Result == model.OpRefused {
		p.Error = res.Reason
		return s.render(c, http.StatusConflict, training.Cell(p))
	}
	s.audit(c, actor(c), "mark_correct", "registration", p.Person.ID, map[string]any{"session": p.Sitting.ID,
		"from": p.Mark, "to": st, "note": note})
	s.addFlash(c, "ok", "attendance.corrected")
	return c.Redirect(http.StatusSeeOther, "/trainings/"+strconv.FormatInt(p.T.ID, 10)+"#attendance")
}

// mayAssess reports whether the user enters scores for the training:
// editors, and the trainers who facilitate it.
func mayAssess(u *model.User, facilitates bool) bool {
	return auth.Can(u.Role, auth.EditTrainings) || (u.Role == model.RoleTrainer && facilitates)
}

func (s *Server) assessmentProps(c echo.Context) (training.AssessProps, error) {
	d, err := s.visibleTraining(c)
	if err != nil {
		return training.AssessProps{}, err
	}
	if !mayAssess(currentUser(c), d.Facilitates(currentUser(c).ID)) {
		return training.AssessProps{}, echo.NewHTTPError(http.StatusForbidden)
	}
	ctx := c.Request().Context()
	rs, err := s.Store.Roster(ctx, d.ID)
	if err != nil {
		return training.AssessProps{}, err
	}
	scores, err := s.Store.Assessments(ctx, d.ID)
	p := training.AssessProps{T: d.Training, Inputs: map[int64]model.AssessmentInput{}, Errors: map[int64]map[string]string{}}
	for _, r := range rs {
		if r.Status == model.RegWithdrawn {
			continue
		}
		p.Roster = append(p.Roster, r)
		p.Inputs[r.ID] = training.InputOf(r.ID, scores[r.ID])
	}
	return p, err
}

func (s *Server) assessments(c echo.Context) error {
	p, err := s.assessmentProps(c)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, training.Assess(p))
}

func (s *Server) assessmentsSave(c echo.Context) error {
	p, err := s.assessmentProps(c)
	if err != nil {
		return err
	}
	var rows []model.Assessment
	for _, r := range p.Roster {
		id := strconv.FormatInt(r.ID, 10)
		in := model.AssessmentInput{RegistrationID: r.ID, Pre: c.FormValue("pre_" + id), Post: c.FormValue("post_" + id),
			Satisfaction: c.FormValue("sat_" + id)}
		p.Inputs[r.ID] = in
		a, errs := in.Assessment()
		if len(errs) > 0 {
			p.Errors[r.ID] = errs
			continue
		}
		a.UpdatedByID = actor(c)
		rows = append(rows, a)
	}
	if len(p.Errors) > 0 {
		return s.render(c, http.StatusUnprocessableEntity, training.Assess(p))
	}
	if err := s.Store.SaveAssessments(c.Request().Context(), rows); err != nil {
		return err
	}
	s.audit(c, actor(c), "assessments_save", "training", p.T.ID, map[string]any{"rows": len(rows)})
	s.addFlash(c, "ok", "assessment.saved")
	return c.Redirect(http.StatusSeeOther, "/trainings/"+strconv.FormatInt(p.T.ID, 10)+"#attendance")
}

// badges prints one badge per participant with a QR code of their signed
// check-in code.
func (s *Server) badges(c echo.Context) error {
	d, err := s.visibleTraining(c)
	if err != nil {
		return err
	}
	td, err := s.loadTrainingData(c, d.ID)
	if err != nil {
		return err
	}
	codes := s.attendance().Codes
	p := training.BadgesProps{Names: components.Names{Refs: td.refs}, T: d, Codes: map[int64]string{}, QR: map[int64]string{}}
	for _, r := range td.roster {
		if r.Status == model.RegWithdrawn {
			continue
		}
		p.Roster = append(p.Roster, r)
		code := codes.Code(r.ID)
		png, err := qr.PNG(code, 240)
		if err != nil {
			return err
		}
		p.Codes[r.ID], p.QR[r.ID] = code, dataURL(png)
	}
	return s.render(c, http.StatusOK, training.Badges(p))
}

func dataURL(png []byte) string {
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(png)
}
