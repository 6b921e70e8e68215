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
	all, err := s.Reference.Agencies(c.Request().Context(), actorOf(c))
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

func (s *Server) agencyEdit(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	a, u, err := s.Reference.Agency(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, reference.AgencyEdit(reference.AgencyForm{ID: a.ID, In: model.AgencyInputOf(a), Manage: manageOf(u)}))
}

func (s *Server) agencyCreate(c echo.Context) error { return s.agencySave(c, 0) }

func (s *Server) agencyUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	return s.agencySave(c, id)
}

// agencySave creates an agency (id 0) or saves agency id from the posted
// form; a form with mistakes comes back as typed with each message beside
// its field.
func (s *Server) agencySave(c echo.Context, id int64) error {
	ctx, in := c.Request().Context(), agencyInput(c)
	a, err := s.Reference.SaveAgency(ctx, actorOf(c), id, &in)
	if fe := model.FieldErrors(err); fe != nil {
		f := reference.AgencyForm{ID: id, In: in, Errors: fe}
		if id != 0 {
			_, u, err := s.Reference.Agency(ctx, actorOf(c), id)
			if err != nil {
				return err
			}
			f.Manage = manageOf(u)
		}
		return s.render(c, http.StatusUnprocessableEntity, reference.AgencyEdit(f))
	} else if err != nil {
		return err
	}
	s.addFlash(c, "ok", savedMsg(id), loc(c).Pick(a.NameEn, a.NameAr))
	return c.Redirect(http.StatusSeeOther, reference.Path(model.RefAgency))
}
