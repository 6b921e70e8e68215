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
	all, err := s.Reference.Donors(c.Request().Context(), actorOf(c))
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

func (s *Server) donorEdit(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	d, u, err := s.Reference.Donor(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, reference.DonorEdit(reference.DonorForm{ID: d.ID, In: model.DonorInputOf(d), Manage: manageOf(u)}))
}

func (s *Server) donorCreate(c echo.Context) error { return s.donorSave(c, 0) }

func (s *Server) donorUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	return s.donorSave(c, id)
}

// donorSave creates a donor (id 0) or saves donor id from the posted form.
func (s *Server) donorSave(c echo.Context, id int64) error {
	ctx, in := c.Request().Context(), donorInput(c)
	d, err := s.Reference.SaveDonor(ctx, actorOf(c), id, &in)
	if fe := model.FieldErrors(err); fe != nil {
		f := reference.DonorForm{ID: id, In: in, Errors: fe}
		if id != 0 {
			_, u, err := s.Reference.Donor(ctx, actorOf(c), id)
			if err != nil {
				return err
			}
			f.Manage = manageOf(u)
		}
		return s.render(c, http.StatusUnprocessableEntity, reference.DonorEdit(f))
	} else if err != nil {
		return err
	}
	s.addFlash(c, "ok", savedMsg(id), loc(c).Pick(d.NameEn, d.NameAr))
	return c.Redirect(http.StatusSeeOther, reference.Path(model.RefDonor))
}

// savedMsg is the message after saving an entry: created (id 0) or saved.
func savedMsg(id int64) string {
	if id == 0 {
		return "ref.created"
	}
	return "ref.saved"
}
