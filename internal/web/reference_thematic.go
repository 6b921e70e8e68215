package web

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/reference"
)

func thematicInput(c echo.Context) model.ThematicInput {
	return model.ThematicInput{NameEn: c.FormValue("name_en"), NameAr: c.FormValue("name_ar")}
}

func (s *Server) thematicList(c echo.Context) error {
	all, err := s.Store.ThematicAreas(c.Request().Context(), true)
	if err != nil {
		return err
	}
	show := showArchived(c)
	rows, archived := visible(all, func(d model.ThematicArea) *time.Time { return d.ArchivedAt }, show)
	return s.render(c, http.StatusOK, reference.Thematic(reference.ThematicList{Areas: rows, ShowArchived: show, Archived: archived}))
}

func (s *Server) thematicNew(c echo.Context) error {
	return s.render(c, http.StatusOK, reference.ThematicEdit(reference.ThematicForm{}))
}

func (s *Server) thematicCreate(c echo.Context) error { return s.thematicSave(c, model.ThematicArea{}) }

func (s *Server) thematicEdit(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	d, err := s.Store.ThematicAreaByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	m, err := s.refManage(c.Request().Context(), model.RefThematic, d.ID, d.ArchivedAt)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, reference.ThematicEdit(reference.ThematicForm{ID: d.ID, In: model.ThematicInputOf(d), Manage: m}))
}

func (s *Server) thematicUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	d, err := s.Store.ThematicAreaByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return s.thematicSave(c, d)
}

// thematicSave creates d (id 0) or saves it from the posted form.
func (s *Server) thematicSave(c echo.Context, d model.ThematicArea) error {
	ctx := c.Request().Context()
	in := thematicInput(c)
	if err := in.Validate(); err != nil {
		f := reference.ThematicForm{ID: d.ID, In: in, Errors: model.FieldErrors(err)}
		if f.Errors == nil {
			return err
		}
		if d.ID != 0 {
			if f.Manage, err = s.refManage(ctx, model.RefThematic, d.ID, d.ArchivedAt); err != nil {
				return err
			}
		}
		return s.render(c, http.StatusUnprocessableEntity, reference.ThematicEdit(f))
	}
	in.Apply(&d)
	action, msg, err := "reference_update", "ref.saved", error(nil)
	if d.ID == 0 {
		action, msg = "reference_create", "ref.created"
		err = s.Store.CreateThematicArea(ctx, &d)
	} else {
		err = s.Store.UpdateThematicArea(ctx, &d)
	}
	if err != nil {
		return err
	}
	s.audit(c, actor(c), action, string(model.RefThematic), d.ID, map[string]any{"name": d.NameEn})
	s.addFlash(c, "ok", msg, loc(c).Pick(d.NameEn, d.NameAr))
	return c.Redirect(http.StatusSeeOther, reference.Path(model.RefThematic))
}
