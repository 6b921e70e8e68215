package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/components"
	"github.com/traindesk/traindesk/views/training"
)

func (s *Server) sessionRoutes(app, ed area) {
	ed.GET("/trainings/:id/sessions/new", s.sessionNew)
	ed.POST("/trainings/:id/sessions", s.sessionCreate)
	ed.GET("/trainings/:id/sessions/:sid/edit", s.sessionEdit)
	ed.POST("/trainings/:id/sessions/:sid", s.sessionUpdate)
	ed.POST("/trainings/:id/sessions/:sid/delete", s.sessionDelete)
	app.GET("/trainings/:id/sessions/:sid/sheet", s.sessionSheet)
}

// sittingIDs reads the training :id and its session :sid from the path.
func sittingIDs(c echo.Context) (int64, int64, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return 0, 0, err
	}
	sid, err := idParam(c, "sid")
	return id, sid, err
}

func sittingInput(c echo.Context) model.SittingInput {
	return model.SittingInput{Date: c.FormValue("date"), StartsAt: c.FormValue("starts_at"), EndsAt: c.FormValue("ends_at"), Topic: c.FormValue("topic")}
}

// inputOfSitting turns a saved session back into form input.
func inputOfSitting(si model.Sitting) model.SittingInput {
	return model.SittingInput{Date: si.Date.String(), StartsAt: si.StartsAt, EndsAt: si.EndsAt, Topic: si.Topic}
}

// sessionsOf is where a training's sessions are listed.
func sessionsOf(id int64) string { return "/trainings/" + strconv.FormatInt(id, 10) + "#sessions" }

func (s *Server) sessionNew(c echo.Context) error {
	d, err := s.visibleTraining(c)
	if err != nil {
		return err
	}
	in := model.SittingInput{Date: d.EndsOn.String(), StartsAt: model.DefaultDayStarts, EndsAt: model.DefaultDayEnds}
	return s.render(c, http.StatusOK, training.SessionForm(training.SessionFormProps{T: d.Training, In: in}))
}

func (s *Server) sessionCreate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	in := sittingInput(c)
	page, err := s.Trainings.AddSitting(c.Request().Context(), actorOf(c), id, in)
	if fe := model.FieldErrors(err); fe != nil {
		return s.render(c, http.StatusUnprocessableEntity, training.SessionForm(training.SessionFormProps{T: page.Training, In: in, Errors: fe}))
	} else if err != nil {
		return err
	}
	s.addFlash(c, "ok", "session.saved")
	return c.Redirect(http.StatusSeeOther, sessionsOf(id))
}

func (s *Server) sessionEdit(c echo.Context) error {
	id, sid, err := sittingIDs(c)
	if err != nil {
		return err
	}
	page, err := s.Trainings.Sitting(c.Request().Context(), actorOf(c), id, sid)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, training.SessionForm(training.SessionFormProps{T: page.Training, SittingID: page.Sitting.ID,
		In: inputOfSitting(page.Sitting), Marks: page.Marks}))
}

func (s *Server) sessionUpdate(c echo.Context) error {
	id, sid, err := sittingIDs(c)
	if err != nil {
		return err
	}
	in := sittingInput(c)
	page, err := s.Trainings.UpdateSitting(c.Request().Context(), actorOf(c), id, sid, in)
	if fe := model.FieldErrors(err); fe != nil {
		return s.render(c, http.StatusUnprocessableEntity, training.SessionForm(training.SessionFormProps{T: page.Training,
			SittingID: page.Sitting.ID, In: in, Errors: fe, Marks: page.Marks}))
	} else if err != nil {
		return err
	}
	s.addFlash(c, "ok", "session.saved")
	return c.Redirect(http.StatusSeeOther, sessionsOf(id))
}

// sessionDelete removes a session. One with attendance is removed only
// after the page has asked and the officer confirmed.
func (s *Server) sessionDelete(c echo.Context) error {
	id, sid, err := sittingIDs(c)
	if err != nil {
		return err
	}
	page, err := s.Trainings.RemoveSitting(c.Request().Context(), actorOf(c), id, sid, c.FormValue("confirm") == "yes")
	if errors.Is(err, model.ErrHasAttendance) {
		return s.render(c, http.StatusConflict, training.SessionForm(training.SessionFormProps{T: page.Training,
			SittingID: page.Sitting.ID, In: inputOfSitting(page.Sitting), Marks: page.Marks, AskDelete: true}))
	} else if err != nil {
		return err
	}
	s.addFlash(c, "ok", "session.removed")
	return c.Redirect(http.StatusSeeOther, sessionsOf(id))
}

func (s *Server) sessionSheet(c echo.Context) error {
	id, sid, err := sittingIDs(c)
	if err != nil {
		return err
	}
	sh, err := s.Trainings.Sheet(c.Request().Context(), actorOf(c), id, sid)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, training.Sheet(training.SheetProps{Names: components.Names{Refs: sh.Refs}, T: sh.Detail,
		Sitting: sh.Sitting, Number: sh.Number, Roster: sh.Roster}))
}
