package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/traindesk/traindesk/views/components"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/model"
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

// trainingSitting loads the training in :id and its session :sid.
func (s *Server) trainingSitting(c echo.Context) (model.TrainingDetail, model.Sitting, error) {
	d, err := s.visibleTraining(c)
	if err != nil {
		return d, model.Sitting{}, err
	}
	sid, err := idParam(c, "sid")
	if err != nil {
		return d, model.Sitting{}, err
	}
	si, err := s.Store.Sitting(c.Request().Context(), sid)
	if err != nil {
		return d, si, err
	}
	if si.TrainingID != d.ID {
		return d, si, echo.NewHTTPError(http.StatusNotFound)
	}
	return d, si, nil
}

func sittingInput(c echo.Context) model.SittingInput {
	return model.SittingInput{Date: c.FormValue("date"), StartsAt: c.FormValue("starts_at"), EndsAt: c.FormValue("ends_at"), Topic: c.FormValue("topic")}
}

func (s *Server) sessionNew(c echo.Context) error {
	d, err := s.visibleTraining(c)
	if err != nil {
		return err
	}
	in := model.SittingInput{Date: d.EndsOn.String(), StartsAt: "09:00", EndsAt: "15:00"}
	return s.render(c, http.StatusOK, training.SessionForm(training.SessionFormProps{T: d.Training, In: in}))
}

func (s *Server) sessionCreate(c echo.Context) error {
	d, err := s.visibleTraining(c)
	if err != nil {
		return err
	}
	in := sittingInput(c)
	si, err := in.Sitting(d.Training)
	if fe := model.FieldErrors(err); fe != nil {
		return s.render(c, http.StatusUnprocessableEntity, training.SessionForm(training.SessionFormProps{T: d.Training, In: in, Errors: fe}))
	} else if err != nil {
		return err
	}
	if err := s.Store.AddSitting(c.Request().Context(), &si); err != nil {
		return err
	}
	s.audit(c, actor(c), "session_create", "training", d.ID, map[string]any{"session": si.ID, "date": si.Date.String()})
	s.addFlash(c, "ok", "session.saved")
	return c.Redirect(http.StatusSeeOther, "/trainings/"+strconv.FormatInt(d.ID, 10)+"#sessions")
}

func (s *Server) sessionEdit(c echo.Context) error {
	d, si, err := s.trainingSitting(c)
	if err != nil {
		return err
	}
	marks, err := s.Store.SittingMarkCount(c.Request().Context(), si.ID)
	if err != nil {
		return err
	}
	in := model.SittingInput{Date: si.Date.String(), StartsAt: si.StartsAt, EndsAt: si.EndsAt, Topic: si.Topic}
	return s.render(c, http.StatusOK, training.SessionForm(training.SessionFormProps{T: d.Training, SittingID: si.ID, In: in, Marks: marks}))
}

func (s *Server) sessionUpdate(c echo.Context) error {
	d, old, err := s.trainingSitting(c)
	if err != nil {
		return err
	}
	in := sittingInput(c)
	si, err := in.Sitting(d.Training)
	if fe := model.FieldErrors(err); fe != nil {
		marks, _ := s.Store.SittingMarkCount(c.Request().Context(), old.ID)
		return s.render(c, http.StatusUnprocessableEntity, training.SessionForm(training.SessionFormProps{T: d.Training,
			SittingID: old.ID, In: in, Errors: fe, Marks: marks}))
	} else if err != nil {
		return err
	}
	si.ID = old.ID
	if err := s.Store.UpdateSitting(c.Request().Context(), &si); err != nil {
		return err
	}
	s.audit(c, actor(c), "session_update", "training", d.ID, map[string]any{"session": si.ID, "date": si.Date.String(),
		"was": old.Date.String()})
	s.addFlash(c, "ok", "session.saved")
	return c.Redirect(http.StatusSeeOther, "/trainings/"+strconv.FormatInt(d.ID, 10)+"#sessions")
}

// sessionDelete removes a session. One with attendance is removed only
// after the page has asked and the officer confirmed; its marks and their
// history stay in the database.
func (s *Server) sessionDelete(c echo.Context) error {
	d, si, err := s.trainingSitting(c)
	if err != nil {
		return err
	}
	confirmed := c.FormValue("confirm") == "yes"
	err = s.Store.RemoveSitting(c.Request().Context(), si.ID, confirmed)
	if errors.Is(err, model.ErrHasAttendance) {
		marks, _ := s.Store.SittingMarkCount(c.Request().Context(), si.ID)
		in := model.SittingInput{Date: si.Date.String(), StartsAt: si.StartsAt, EndsAt: si.EndsAt, Topic: si.Topic}
		return s.render(c, http.StatusConflict, training.SessionForm(training.SessionFormProps{T: d.Training,
			SittingID: si.ID, In: in, Marks: marks, AskDelete: true}))
	} else if err != nil {
		return err
	}
	s.audit(c, actor(c), "session_delete", "training", d.ID, map[string]any{"session": si.ID, "date": si.Date.String(), "confirmed": confirmed})
	s.addFlash(c, "ok", "session.removed")
	return c.Redirect(http.StatusSeeOther, "/trainings/"+strconv.FormatInt(d.ID, 10)+"#sessions")
}

func (s *Server) sessionSheet(c echo.Context) error {
	d, si, err := s.trainingSitting(c)
	if err != nil {
		return err
	}
	td, err := s.loadTrainingData(c, d.ID)
	if err != nil {
		return err
	}
	n := 0
	for i, x := range td.sits {
		if x.ID == si.ID {
			n = i + 1
		}
	}
	return s.render(c, http.StatusOK, training.Sheet(training.SheetProps{Names: components.Names{Refs: td.refs}, T: d,
		Sitting: si, Number: n, Roster: td.roster}))
}
