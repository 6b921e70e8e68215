package web

import (
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
	l, err := s.Reference.Stations(c.Request().Context(), actorOf(c))
	if err != nil {
		return err
	}
	show := showArchived(c)
	rows, archived := visible(l.Stations, func(d model.DutyStation) *time.Time { return d.ArchivedAt }, show)
	return s.render(c, http.StatusOK, reference.Stations(reference.StationList{Stations: rows, ShowArchived: show,
		Archived: archived, Governorates: l.Governorates, Agencies: l.Agencies}))
}

// stationForm is the page of station id (0: a new one) with its choices.
func (s *Server) stationForm(c echo.Context, id int64) (reference.StationForm, error) {
	sf, err := s.Reference.Station(c.Request().Context(), actorOf(c), id)
	return reference.StationForm{ID: sf.Station.ID, In: model.StationInputOf(sf.Station), Manage: manageOf(sf.Usage),
		Governorates: sf.Governorates, Agencies: sf.Agencies}, err
}

func (s *Server) stationNew(c echo.Context) error {
	f, err := s.stationForm(c, 0)
	if err != nil {
		return err
	}
	f.In = model.StationInput{}
	return s.render(c, http.StatusOK, reference.StationEdit(f))
}

func (s *Server) stationEdit(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := s.stationForm(c, id)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, reference.StationEdit(f))
}

func (s *Server) stationCreate(c echo.Context) error { return s.stationSave(c, 0) }

func (s *Server) stationUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	return s.stationSave(c, id)
}

// stationSave creates a station (id 0) or saves station id from the
// posted form.
func (s *Server) stationSave(c echo.Context, id int64) error {
	in := stationInput(c)
	d, err := s.Reference.SaveStation(c.Request().Context(), actorOf(c), id, &in)
	if fe := model.FieldErrors(err); fe != nil {
		f, err := s.stationForm(c, id)
		if err != nil {
			return err
		}
		f.In, f.Errors = in, fe
		return s.render(c, http.StatusUnprocessableEntity, reference.StationEdit(f))
	} else if err != nil {
		return err
	}
	s.addFlash(c, "ok", savedMsg(id), loc(c).Pick(d.NameEn, d.NameAr))
	return c.Redirect(http.StatusSeeOther, reference.Path(model.RefStation))
}
