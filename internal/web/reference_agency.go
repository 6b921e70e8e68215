package web

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/reference"
)

func agencyInput(c echo.Context) model.AgencyInput {
	return model.AgencyInput{
		NameEn:           c.FormValue("name_en"),
		NameAr:           c.FormValue("name_ar"),
		ShortName:        c.FormValue("short_name"),
		ParentMinistryEn: c.FormValue("parent_ministry_en"),
		ParentMinistryAr: c.FormValue("parent_ministry_ar"),
		Kind:             c.FormValue("kind"),
		FocalName:        c.FormValue("focal_name"),
		FocalPhone:       c.FormValue("focal_phone"),
		FocalEmail:       c.FormValue("focal_email"),
	}
}

func (s *Server) agencyList(c echo.Context) error {
	all, err := s.Store.Agencies(c.Request().Context(), true)
	if err != nil {
		return err
	}
	show := showArchived(c)
	rows, archived := visible(all, func(a model.Agency) *time.Time { return a.ArchivedAt }, show)
	return s.render(c, http.StatusOK, reference.Agencies(reference.AgencyList{Agencies: rows, ShowArchived: show, Archived: archived}))
}

func (s *Server) agencyNew(c echo.Context) error {
	return s.render(c, http.StatusOK, reference.AgencyEdit(reference.AgencyForm{}))
}

func (s *Server) agencyCreate(c echo.Context) error { return s.agencySave(c, model.Agency{}) }

func (s *Server) agencyEdit(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	a, err := s.Store.AgencyByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	m, err := s.refManage(c.Request().Context(), model.RefAgency, a.ID, a.ArchivedAt)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, reference.AgencyEdit(reference.AgencyForm{ID: a.ID, In: model.AgencyInputOf(a), Manage: m}))
}

func (s *Server) agencyUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	a, err := s.Store.AgencyByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return s.agencySave(c, a)
}

// agencySave creates a (id 0) or saves it from the posted form; a form
// with mistakes comes back as typed with each message beside its field.
func (s *Server) agencySave(c echo.Context, a model.Agency) error {
	ctx := c.Request().Context()
	in := agencyInput(c)
	if err := in.Validate(); err != nil {
		f := reference.AgencyForm{ID: a.ID, In: in, Errors: model.FieldErrors(err)}
		if f.Errors == nil {
			return err
		}
		if a.ID != 0 {
			if f.Manage, err = s.refManage(ctx, model.RefAgency, a.ID, a.ArchivedAt); err != nil {
				return err
			}
		}
		return s.render(c, http.StatusUnprocessableEntity, reference.AgencyEdit(f))
	}
	in.Apply(&a)
	action, msg, err := "reference_update", "ref.saved", error(nil)
	if a.ID == 0 {
		action, msg = "reference_create", "ref.created"
		err = s.Store.CreateAgency(ctx, &a)
	} else {
		err = s.Store.UpdateAgency(ctx, &a)
	}
	if err != nil {
		return err
	}
	s.audit(c, actor(c), action, string(model.RefAgency), a.ID, map[string]any{"name": a.NameEn})
	s.addFlash(c, "ok", msg, loc(c).Pick(a.NameEn, a.NameAr))
	return c.Redirect(http.StatusSeeOther, reference.Path(model.RefAgency))
}
