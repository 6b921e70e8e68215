package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/questionnaire"
	quizview "github.com/traindesk/traindesk/views/questionnaire"
)

// questionnaireRoutes are the questionnaires: built and run by staff, and
// answered without an account under /q/, where the signed link, the
// questionnaire being open and a participant's badge code decide.
func (s *Server) questionnaireRoutes(e *echo.Echo, app area) {
	app.GET("/trainings/:id/questionnaires", s.quizList)
	app.GET("/trainings/:id/questionnaires/build", s.quizBuild)
	app.POST("/trainings/:id/questionnaires", s.quizSave)
	app.POST("/trainings/:id/questionnaires/followup", s.quizFollowUp)
	app.GET("/trainings/:id/questionnaires/:qid", s.quizSheet)
	app.GET("/trainings/:id/questionnaires/:qid/links", s.quizLinks)
	app.POST("/trainings/:id/questionnaires/:qid/bank", s.quizBank)
	app.POST("/trainings/:id/questionnaires/:qid/open", s.quizOpen)
	app.POST("/trainings/:id/questionnaires/:qid/close", s.quizClose)

	e.GET("/q/:token", s.quizForm)
	e.POST("/q/:token", s.quizAnswer)
	e.GET("/q/:token/done", s.quizDone)
}

func (s *Server) quizList(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	l, err := s.Questionnaires.List(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, quizview.ListWith(l, nil))
}

func (s *Server) quizBuild(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if _, ok := model.ParseQuizKind(c.QueryParam("kind")); !ok {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	from, err := strconv.ParseInt(c.QueryParam("bank"), 10, 64)
	if err != nil && c.QueryParam("bank") != "" {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	d, err := s.Questionnaires.Draft(c.Request().Context(), actorOf(c), id, c.QueryParam("kind"), from)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, quizview.Build(quizview.BuildProps{Training: d.Training, Input: d.Input, Locked: d.Locked, Bank: d.Bank}))
}

func (s *Server) quizSave(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	in := model.QuizInput{Kind: c.FormValue("kind"), Source: strings.ReplaceAll(c.FormValue("source"), "\r\n", "\n"),
		Anonymous: c.FormValue("anonymous") == "true"}
	qid, err := s.Questionnaires.Save(c.Request().Context(), actorOf(c), id, in)
	if ve := model.FieldErrors(err); ve != nil {
		d, derr := s.Questionnaires.Draft(c.Request().Context(), actorOf(c), id, in.Kind, 0)
		if derr != nil {
			return derr
		}
		return s.render(c, http.StatusUnprocessableEntity, quizview.Build(quizview.BuildProps{Training: d.Training, Input: in, Locked: d.Locked, Bank: d.Bank, Errors: ve}))
	} else if err != nil {
		return err
	}
	s.addFlash(c, "ok", "quiz.saved")
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/trainings/%d/questionnaires/%d", id, qid))
}

// quizFollowUp chooses the training's follow-up months after it.
func (s *Server) quizFollowUp(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	months, err := strconv.Atoi(c.FormValue("months"))
	if err != nil {
		months = -1
	}
	err = s.Questionnaires.SetFollowUp(c.Request().Context(), actorOf(c), id, months)
	if ve := model.FieldErrors(err); ve != nil {
		l, lerr := s.Questionnaires.List(c.Request().Context(), actorOf(c), id)
		if lerr != nil {
			return lerr
		}
		return s.render(c, http.StatusUnprocessableEntity, quizview.ListWith(l, ve))
	} else if err != nil {
		return err
	}
	s.addFlash(c, "ok", "followup.saved")
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/trainings/%d/questionnaires", id))
}

func (s *Server) quizSheet(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	qid, err := idParam(c, "qid")
	if err != nil {
		return err
	}
	sh, err := s.Questionnaires.Sheet(c.Request().Context(), actorOf(c), id, qid)
	if err != nil {
		return err
	}
	return s.renderParts(c, http.StatusOK, quizview.Sheet(sh), quizview.Live(sh))
}

func (s *Server) quizLinks(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	qid, err := idParam(c, "qid")
	if err != nil {
		return err
	}
	ls, err := s.Questionnaires.Links(c.Request().Context(), actorOf(c), id, qid)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, quizview.Links(ls))
}

// quizBank keeps a questionnaire's questions in its thematic area's bank
// and goes back to its sheet, saying whether it could.
func (s *Server) quizBank(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	qid, err := idParam(c, "qid")
	if err != nil {
		return err
	}
	err = s.Questionnaires.SaveToBank(c.Request().Context(), actorOf(c), id, qid)
	if ve := model.FieldErrors(err); ve != nil {
		s.addFlash(c, "bad", ve["bank"])
	} else if err != nil {
		return err
	} else {
		s.addFlash(c, "ok", "bank.saved")
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/trainings/%d/questionnaires/%d", id, qid))
}

func (s *Server) quizOpen(c echo.Context) error  { return s.quizState(c, true) }
func (s *Server) quizClose(c echo.Context) error { return s.quizState(c, false) }

// quizState opens or closes a questionnaire and goes back to its sheet.
func (s *Server) quizState(c echo.Context, open bool) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	qid, err := idParam(c, "qid")
	if err != nil {
		return err
	}
	change, flash := s.Questionnaires.Close, "quiz.closed_flash"
	if open {
		change, flash = s.Questionnaires.Open, "quiz.opened_flash"
	}
	if err := change(c.Request().Context(), actorOf(c), id, qid); err != nil {
		return err
	}
	s.addFlash(c, "ok", flash)
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/trainings/%d/questionnaires/%d", id, qid))
}

func (s *Server) quizForm(c echo.Context) error {
	f, err := s.Questionnaires.Form(c.Request().Context(), c.Param("token"), c.QueryParam("code"))
	if err != nil {
		return s.quizRefused(c, err)
	}
	return s.renderQuiz(c, http.StatusOK, quizview.Answer(f))
}

func (s *Server) quizAnswer(c echo.Context) error {
	form, err := c.FormParams()
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	typed := model.Answers{}
	for name, vals := range form {
		n, err := strconv.Atoi(strings.TrimPrefix(name, "q_"))
		if strings.HasPrefix(name, "q_") && err == nil && n >= 0 && n < 1000 {
			typed[n] = vals
		}
	}
	f, err := s.Questionnaires.Submit(c.Request().Context(), c.RealIP(), c.Param("token"), form.Get("code"), typed)
	if ve := model.FieldErrors(err); ve != nil {
		f.Errors = ve
		return s.renderQuiz(c, http.StatusUnprocessableEntity, quizview.Answer(f))
	} else if err != nil {
		return s.quizRefused(c, err)
	}
	return c.Redirect(http.StatusSeeOther, "/q/"+c.Param("token")+"/done")
}

// quizDone thanks the participant. It reads nothing: whoever reaches it
// has sent their answers, or learns nothing by seeing it.
func (s *Server) quizDone(c echo.Context) error {
	return s.renderQuiz(c, http.StatusOK, quizview.Notice("ok", "quiz.thanks", "quiz.thanks_text"))
}

// quizRefused says in the page's language why answers cannot be given.
func (s *Server) quizRefused(c echo.Context, err error) error {
	switch {
	case errors.Is(err, model.ErrNotFound):
		return s.renderQuiz(c, http.StatusNotFound, quizview.Notice("bad", "quiz.unknown", "quiz.unknown_text"))
	case errors.Is(err, questionnaire.ErrClosed):
		return s.renderQuiz(c, http.StatusConflict, quizview.Notice("warn", "quiz.closed", "quiz.closed_text"))
	case errors.Is(err, questionnaire.ErrTooMany):
		return s.renderQuiz(c, http.StatusTooManyRequests, quizview.Notice("bad", "quiz.too_many", "quiz.too_many_text"))
	}
	return err
}

// renderQuiz renders a participant's page: never cached, never indexed.
func (s *Server) renderQuiz(c echo.Context, status int, page templ.Component) error {
	h := c.Response().Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Robots-Tag", "noindex, nofollow")
	return s.render(c, status, page)
}
