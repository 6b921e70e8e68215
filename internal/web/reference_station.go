package web

import (
	"context"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/reference"
)

func stationInput(c echo.Context) model.StationInput {
	return model.StationInput{
		NameEn:        c.FormValue("name_en"),
		NameAr:        c.FormValue("name_ar"),
		Kind:          c.FormValue("kind"),
		GovernorateID: c.FormValue("governorate_id"),
		AgencyID:      c.FormValue("agency_id"),
	}
}

func (s *Server) stationList(c echo.Context) error {
	ctx := c.Request().Context()
	all, err := s.Store.DutyStations(ctx, true)
	if err != nil {
		return err
	}
	govs, err := s.Store.Governorates(ctx)
	if err != nil {
		return err
	}
	agencies, err := s.Store.Agencies(ctx, true)
	if err != nil {
		return err
	}
	show := showArchived(c)
	rows, archived := visible(all, func(d model.DutyStation) *time.Time { return d.ArchivedAt }, show)
	return s.render(c, http.StatusOK, reference.Stations(reference.StationList{Stations: rows, ShowArchived: show,
		Archived: archived, Governorates: govs, Agencies: agencies}))
}

// stationForm is the form for d (id 0 when creating) with its choices:
// every governorate, and the active agencies plus the one d already names.
func (s *Server) stationForm(ctx context.Context, d model.DutyStation) (reference.StationForm, error) {
	f := reference.StationForm{ID: d.ID}
	var err error
	if f.Governorates, err = s.Store.Governorates(ctx); err != nil {
		return f, err
	}
	all, err := s.Store.Agencies(ctx, true)
	if err != nil {
		return f, err
	}
	for _, a := range all {
		if a.ArchivedAt == nil || (d.AgencyID != nil && *d.AgencyID == a.ID) {
			f.Agencies = append(f.Agencies, a)
		}
	}
	if d.ID != 0 {
		f.Manage, err = s.refManage(ctx, model.RefStation, d.ID, d.ArchivedAt)
	}
	return f, err
}

// validateStation checks in against the choices f offered.
func validateStation(in *model.StationInput, f reference.StationForm) error {
	var govs, agencies []int64
	for _, g := range f.Governorates {
		govs = append(govs, g.ID)
	}
	for _, a := range f.Agencies {
		agencies = append(agencies, a.ID)
	}
	return in.Validate(govs, agencies)
}

func (s *Server) stationNew(c echo.Context) error {
	f, err := s.stationForm(c.Request().Context(), model.DutyStation{})
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, reference.StationEdit(f))
}

func (s *Server) stationCreate(c echo.Context) error {
	return s.stationSave(c, model.DutyStation{})
}

func (s *Server) stationEdit(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	d, err := s.Store.DutyStationByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	f, err := s.stationForm(c.Request().Context(), d)
	if err != nil {
		return err
	}
	f.In = model.StationInputOf(d)
	return s.render(c, http.StatusOK, reference.StationEdit(f))
}

func (s *Server) stationUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	d, err := s.Store.DutyStationByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return s.stationSave(c, d)
}

// stationSave creates d (id 0) or saves it from the posted form.
func (s *Server) stationSave(c echo.Context, d model.DutyStation) error {
	ctx := c.Request().Context()
	f, err := s.stationForm(ctx, d)
	if err != nil {
		return err
	}
	in := stationInput(c)
	if err := validateStation(&in, f); err != nil {
		if f.Errors = model.FieldErrors(err); f.Errors == nil {
			return err
		}
		f.In = in
		return s.render(c, http.StatusUnprocessableEntity, reference.StationEdit(f))
	}
	in.Apply(&d)
	action, msg := "reference_update", "ref.saved"
	if d.ID == 0 {
		action, msg = "reference_create", "ref.created"
		err = s.Store.CreateDutyStation(ctx, &d)
	} else {
		err = s.Store.UpdateDutyStation(ctx, &d)
	}
	if err != nil {
		return err
	}
	s.audit(c, actor(c), action, string(model.RefStation), d.ID, map[string]any{"name": d.NameEn})
	s.addFlash(c, "ok", msg, loc(c).Pick(d.NameEn, d.NameAr))
	return c.Redirect(http.StatusSeeOther, reference.Path(model.RefStation))
}
