package reference

import (
	"context"

	"github.com/traindesk/traindesk/internal/model"
)

// StationList is the duty stations page: every station, with the
// governorates and agencies that name their columns.
type StationList struct {
	Stations     []model.DutyStation
	Governorates []model.Governorate
	Agencies     []model.Agency
}

// Stations lists every duty station, archived ones included.
func (s *Service) Stations(ctx context.Context, actor model.Actor) (StationList, error) {
	var l StationList
	if err := may(actor); err != nil {
		return l, err
	}
	var err error
	if l.Stations, err = s.store.DutyStations(ctx, true); err != nil {
		return l, err
	}
	if l.Governorates, err = s.store.Governorates(ctx); err != nil {
		return l, err
	}
	l.Agencies, err = s.store.Agencies(ctx, true)
	return l, err
}

// StationForm is a station's form with its choices: every governorate,
// and the active agencies plus the one the station already names.
type StationForm struct {
	Station      model.DutyStation
	Governorates []model.Governorate
	Agencies     []model.Agency
	Usage        Usage // empty for a new station
}

// Station returns the form of station id, or of a new station (id 0).
func (s *Service) Station(ctx context.Context, actor model.Actor, id int64) (StationForm, error) {
	if err := may(actor); err != nil {
		return StationForm{}, err
	}
	var d model.DutyStation
	if id != 0 {
		var err error
		if d, err = s.store.DutyStationByID(ctx, id); err != nil {
			return StationForm{}, err
		}
	}
	return s.stationForm(ctx, d)
}

func (s *Service) stationForm(ctx context.Context, d model.DutyStation) (StationForm, error) {
	f := StationForm{Station: d}
	var err error
	if f.Governorates, err = s.store.Governorates(ctx); err != nil {
		return f, err
	}
	all, err := s.store.Agencies(ctx, true)
	if err != nil {
		return f, err
	}
	for _, a := range all {
		if a.ArchivedAt == nil || (d.AgencyID != nil && *d.AgencyID == a.ID) {
			f.Agencies = append(f.Agencies, a)
		}
	}
	if d.ID != 0 {
		f.Usage, err = s.usage(ctx, model.RefStation, d.ID, d.ArchivedAt != nil)
	}
	return f, err
}

// SaveStation creates a duty station (id 0) or saves station id from the
// form, whose governorate and agency must be among the form's choices.
func (s *Service) SaveStation(ctx context.Context, actor model.Actor, id int64, in *model.StationInput) (model.DutyStation, error) {
	if err := may(actor); err != nil {
		return model.DutyStation{}, err
	}
	var d model.DutyStation
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		var err error
		if id != 0 {
			if d, err = s.store.DutyStationByID(ctx, id); err != nil {
				return err
			}
		}
		f, err := s.stationForm(ctx, d)
		if err != nil {
			return err
		}
		if err := in.Validate(ids(f.Governorates, func(g model.Governorate) int64 { return g.ID }),
			ids(f.Agencies, func(a model.Agency) int64 { return a.ID })); err != nil {
			return err
		}
		before := model.StationInputOf(d)
		in.Apply(&d)
		if id == 0 {
			err = s.store.CreateDutyStation(ctx, &d)
		} else {
			err = s.store.UpdateDutyStation(ctx, &d)
		}
		if err != nil {
			return err
		}
		return s.saved(ctx, actor, model.RefStation, id == 0, d.ID, changed(before, model.StationInputOf(d)))
	})
	return d, err
}

// ids lists the ids of rows.
func ids[T any](rows []T, id func(T) int64) []int64 {
	out := make([]int64, len(rows))
	for i, r := range rows {
		out[i] = id(r)
	}
	return out
}
