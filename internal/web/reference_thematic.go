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
	all, err := s.Reference.ThematicAreas(c.Request().Context(), actorOf(c))
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

func (s *Server) thematicEdit(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	d, u, err := s.Reference.ThematicArea(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, reference.ThematicEdit(reference.ThematicForm{ID: d.ID, In: model.ThematicInputOf(d), Manage: manageOf(u)}))
}

func (s *Server) thematicCreate(c echo.Context) error { return s.thematicSave(c, 0) }

func (s *Server) thematicUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	return s.thematicSave(c, id)
}

// thematicSave creates an area (id 0) or saves area id from the posted form.
func (s *Server) thematicSave(c echo.Context, id int64) error {
	ctx, in := c.Request().Context(), thematicInput(c)
	d, err := s.Reference.SaveThematicArea(ctx, actorOf(c), id, &in)
	if fe := model.FieldErrors(err); fe != nil {
		f := reference.ThematicForm{ID: id, In: in, Errors: fe}
		if id != 0 {
			_, u, err := s.Reference.ThematicArea(ctx, actorOf(c), id)
			if err != nil {
				return err
			}
			f.Manage = manageOf(u)
		}
		return s.render(c, http.StatusUnprocessableEntity, reference.ThematicEdit(f))
	} else if err != nil {
		return err
	}
	s.addFlash(c, "ok", savedMsg(id), loc(c).Pick(d.NameEn, d.NameAr))
	return c.Redirect(http.StatusSeeOther, reference.Path(model.RefThematic))
}
