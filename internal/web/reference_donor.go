package web

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/reference"
)

func donorInput(c echo.Context) model.DonorInput {
	return model.DonorInput{NameEn: c.FormValue("name_en"), NameAr: c.FormValue("name_ar"), ShortName: c.FormValue("short_name")}
}

func (s *Server) donorList(c echo.Context) error {
	all, err := s.Store.Donors(c.Request().Context(), true)
	if err != nil {
		return err
	}
	show := showArchived(c)
	rows, archived := visible(all, func(d model.Donor) *time.Time { return d.ArchivedAt }, show)
	return s.render(c, http.StatusOK, reference.Donors(reference.DonorList{Donors: rows, ShowArchived: show, Archived: archived}))
}

func (s *Server) donorNew(c echo.Context) error {
	return s.render(c, http.StatusOK, reference.DonorEdit(reference.DonorForm{}))
}

func (s *Server) donorCreate(c echo.Context) error { return s.donorSave(c, model.Donor{}) }

func (s *Server) donorEdit(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	d, err := s.Store.DonorByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	m, err := s.refManage(c.Request().Context(), model.RefDonor, d.ID, d.ArchivedAt)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, reference.DonorEdit(reference.DonorForm{ID: d.ID, In: model.DonorInputOf(d), Manage: m}))
}

func (s *Server) donorUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	d, err := s.Store.DonorByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return s.donorSave(c, d)
}

// donorSave creates d (id 0) or saves it from the posted form.
func (s *Server) donorSave(c echo.Context, d model.Donor) error {
	ctx := c.Request().Context()
	in := donorInput(c)
	if err := in.Validate(); err != nil {
		f := reference.DonorForm{ID: d.ID, In: in, Errors: model.FieldErrors(err)}
		if f.Errors == nil {
			return err
		}
		if d.ID != 0 {
			if f.Manage, err = s.refManage(ctx, model.RefDonor, d.ID, d.ArchivedAt); err != nil {
				return err
			}
		}
		return s.render(c, http.StatusUnprocessableEntity, reference.DonorEdit(f))
	}
	in.Apply(&d)
	action, msg, err := "reference_update", "ref.saved", error(nil)
	if d.ID == 0 {
		action, msg = "reference_create", "ref.created"
		err = s.Store.CreateDonor(ctx, &d)
	} else {
		err = s.Store.UpdateDonor(ctx, &d)
	}
	if err != nil {
		return err
	}
	s.audit(c, actor(c), action, string(model.RefDonor), d.ID, map[string]any{"name": d.NameEn})
	s.addFlash(c, "ok", msg, loc(c).Pick(d.NameEn, d.NameAr))
	return c.Redirect(http.StatusSeeOther, reference.Path(model.RefDonor))
}
