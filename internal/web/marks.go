package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/attendance"
	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
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

// cellIDs parses the training, registration and session of a grid cell.
func cellIDs(c echo.Context) (tid, rid, sid int64, err error) {
	if tid, err = idParam(c, "id"); err != nil {
		return
	}
	if rid, err = idParam(c, "rid"); err != nil {
		return
	}
	sid, err = idParam(c, "sid")
	return
}

func (s *Server) markCell(c echo.Context) error {
	tid, rid, sid, err := cellIDs(c)
	if err != nil {
		return err
	}
	cell, err := s.Attendance.Cell(c.Request().Context(), actorOf(c), tid, rid, sid)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, training.Cell(training.CellProps{MarkCell: cell}))
}

func (s *Server) markCorrect(c echo.Context) error {
	tid, rid, sid, err := cellIDs(c)
	if err != nil {
		return err
	}
	in := model.Correction{TrainingID: tid, RegistrationID: rid, SittingID: sid,
		Status: model.Mark(c.FormValue("status")), Note: c.FormValue("note")}
	cell, err := s.Attendance.Correct(c.Request().Context(), actorOf(c), in)
	var ve *model.ValidationError
	var refused *attendance.RefusedError
	switch {
	case errors.As(err, &ve):
		return s.render(c, http.StatusUnprocessableEntity, training.Cell(training.CellProps{MarkCell: cell, Error: ve.Fields["status"]}))
	case errors.As(err, &refused):
		return s.render(c, http.StatusConflict, training.Cell(training.CellProps{MarkCell: cell, Error: refused.Reason}))
	case err != nil:
		return err
	}
	s.addFlashNear(c, "attendance", "ok", "attendance.corrected")
	return c.Redirect(http.StatusSeeOther, "/trainings/"+strconv.FormatInt(tid, 10)+"#attendance")
}

func (s *Server) assessments(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	sh, err := s.Attendance.Assessments(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, training.Assess(training.NewAssess(sh)))
}

func (s *Server) assessmentsSave(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	typed, err := scoreForm(c)
	if err != nil {
		return err
	}
	sh, err := s.Attendance.SaveAssessments(c.Request().Context(), actorOf(c), id, typed)
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		return s.render(c, http.StatusUnprocessableEntity, training.Assess(training.RetypeAssess(sh, typed, ve.Fields)))
	} else if err != nil {
		return err
	}
	s.addFlashNear(c, "attendance", "ok", "assessment.saved")
	return c.Redirect(http.StatusSeeOther, "/trainings/"+strconv.FormatInt(id, 10)+"#attendance")
}

// scoreForm reads the scores table's fields, named pre_<registration>,
// post_<registration> and sat_<registration>.
func scoreForm(c echo.Context) (map[int64]model.AssessmentInput, error) {
	form, err := c.FormParams()
	if err != nil {
		return nil, echo.NewHTTPError(http.StatusBadRequest)
	}
	typed := map[int64]model.AssessmentInput{}
	for name, vals := range form {
		field, rest, ok := strings.Cut(name, "_")
		id, err := strconv.ParseInt(rest, 10, 64)
		if !ok || err != nil || id <= 0 || len(vals) == 0 {
			continue
		}
		in := typed[id]
		switch field {
		case "pre":
			in.Pre = vals[0]
		case "post":
			in.Post = vals[0]
		case "sat":
			in.Satisfaction = vals[0]
		default:
			continue
		}
		in.RegistrationID = id
		typed[id] = in
	}
	return typed, nil
}

// badges prints one badge per participant with a QR code of their signed
// check-in code.
func (s *Server) badges(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	b, err := s.Attendance.Badges(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, training.Badges(training.NewBadges(b)))
}
