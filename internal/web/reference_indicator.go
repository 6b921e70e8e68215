package web

import (
	"net/http"
	"strconv"

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

// indicatorProject reads the project of the address, and the indicator
// too when the address names one.
func (s *Server) indicatorProject(c echo.Context) (model.Project, model.Indicator, error) {
	var i model.Indicator
	id, err := idParam(c, "id")
	if err != nil {
		return model.Project{}, i, err
	}
	p, err := s.Store.ProjectByID(c.Request().Context(), id)
	if err != nil || c.Param("iid") == "" {
		return p, i, err
	}
	iid, err := idParam(c, "iid")
	if err != nil {
		return p, i, err
	}
	i, err = s.Store.IndicatorByID(c.Request().Context(), p.ID, iid)
	return p, i, err
}

func (s *Server) indicatorNew(c echo.Context) error {
	p, _, err := s.indicatorProject(c)
	if err != nil {
		return err
	}
	is, err := s.Store.Indicators(c.Request().Context(), p.ID)
	if err != nil {
		return err
	}
	in := model.IndicatorInput{Unit: model.UnitCount, Baseline: "0", Position: strconv.Itoa(len(is) + 1)}
	return s.render(c, http.StatusOK, reference.IndicatorEdit(reference.IndicatorForm{ProjectID: p.ID, ProjectCode: p.Code, In: in}))
}

func (s *Server) indicatorEdit(c echo.Context) error {
	p, i, err := s.indicatorProject(c)
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
	p, i, err := s.indicatorProject(c)
	if err != nil {
		return err
	}
	in := indicatorInput(c)
	if err := in.Validate(); err != nil {
		f := reference.IndicatorForm{ProjectID: p.ID, ProjectCode: p.Code, ID: i.ID, In: in, Errors: model.FieldErrors(err)}
		if f.Errors == nil {
			return err
		}
		return s.render(c, http.StatusUnprocessableEntity, reference.IndicatorEdit(f))
	}
	in.Apply(&i)
	i.ProjectID = p.ID
	action := "reference_update"
	if i.ID == 0 {
		action = "reference_create"
		err = s.Store.CreateIndicator(c.Request().Context(), &i)
	} else {
		err = s.Store.UpdateIndicator(c.Request().Context(), &i)
	}
	if err != nil {
		return err
	}
	s.audit(c, actor(c), action, "indicator", i.ID, map[string]any{"project": p.Code, "code": i.Code, "name": i.NameEn})
	s.addFlash(c, "ok", "ref.indicator.saved", loc(c).Pick(i.NameEn, i.NameAr))
	return c.Redirect(http.StatusSeeOther, reference.EditPath(model.RefProject, p.ID))
}

func (s *Server) indicatorDelete(c echo.Context) error {
	p, i, err := s.indicatorProject(c)
	if err != nil {
		return err
	}
	if err := s.Store.DeleteIndicator(c.Request().Context(), p.ID, i.ID); err != nil {
		return err
	}
	s.audit(c, actor(c), "reference_delete", "indicator", i.ID, map[string]any{"project": p.Code, "code": i.Code, "name": i.NameEn})
	s.addFlash(c, "ok", "ref.indicator.removed", loc(c).Pick(i.NameEn, i.NameAr))
	return c.Redirect(http.StatusSeeOther, reference.EditPath(model.RefProject, p.ID))
}
