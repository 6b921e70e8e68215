package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/reference"
)

// A project's indicators are edited on pages of their own, reached from
// the table on the project's page, to which every change returns.

func indicatorInput(c echo.Context) model.IndicatorInput {
	return model.IndicatorInput{
		Code:     c.FormValue("code"),
		NameEn:   c.FormValue("name_en"),
		NameAr:   c.FormValue("name_ar"),
		Unit:     c.FormValue("unit"),
		Metric:   c.FormValue("metric"),
		Baseline: c.FormValue("baseline"),
		Target:   c.FormValue("target"),
		Actual:   c.FormValue("actual"),
		Position: c.FormValue("position"),
	}
}

// indicatorIDs reads the project of the address, and the indicator too
// when the address names one (0 otherwise).
func indicatorIDs(c echo.Context) (project, indicator int64, err error) {
	if project, err = idParam(c, "id"); err != nil || c.Param("iid") == "" {
		return project, 0, err
	}
	indicator, err = idParam(c, "iid")
	return project, indicator, err
}

func (s *Server) indicatorNew(c echo.Context) error {
	pid, _, err := indicatorIDs(c)
	if err != nil {
		return err
	}
	p, in, err := s.Reference.NewIndicator(c.Request().Context(), actorOf(c), pid)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, reference.IndicatorEdit(reference.IndicatorForm{ProjectID: p.ID, ProjectCode: p.Code, In: in}))
}

func (s *Server) indicatorEdit(c echo.Context) error {
	pid, iid, err := indicatorIDs(c)
	if err != nil {
		return err
	}
	p, i, err := s.Reference.Indicator(c.Request().Context(), actorOf(c), pid, iid)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, reference.IndicatorEdit(reference.IndicatorForm{ProjectID: p.ID, ProjectCode: p.Code,
		ID: i.ID, In: model.IndicatorInputOf(i)}))
}

func (s *Server) indicatorCreate(c echo.Context) error { return s.indicatorSave(c) }

func (s *Server) indicatorUpdate(c echo.Context) error { return s.indicatorSave(c) }

// indicatorSave adds an indicator to the project, or saves the one the
// address names.
func (s *Server) indicatorSave(c echo.Context) error {
	pid, iid, err := indicatorIDs(c)
	if err != nil {
		return err
	}
	in := indicatorInput(c)
	p, i, err := s.Reference.SaveIndicator(c.Request().Context(), actorOf(c), pid, iid, &in)
	if fe := model.FieldErrors(err); fe != nil {
		return s.render(c, http.StatusUnprocessableEntity, reference.IndicatorEdit(reference.IndicatorForm{
			ProjectID: p.ID, ProjectCode: p.Code, ID: iid, In: in, Errors: fe}))
	} else if err != nil {
		return err
	}
	s.addFlash(c, "ok", "ref.indicator.saved", loc(c).Pick(i.NameEn, i.NameAr))
	return c.Redirect(http.StatusSeeOther, reference.EditPath(model.RefProject, p.ID))
}

func (s *Server) indicatorDelete(c echo.Context) error {
	pid, iid, err := indicatorIDs(c)
	if err != nil {
		return err
	}
	i, err := s.Reference.DeleteIndicator(c.Request().Context(), actorOf(c), pid, iid)
	if err != nil {
		return err
	}
	s.addFlash(c, "ok", "ref.indicator.removed", loc(c).Pick(i.NameEn, i.NameAr))
	return c.Redirect(http.StatusSeeOther, reference.EditPath(model.RefProject, pid))
}
