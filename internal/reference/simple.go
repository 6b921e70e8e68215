package reference

import (
	"context"

	"github.com/traindesk/traindesk/internal/model"
)

// Donors, agencies and thematic areas are edited alike: a list, a page
// with what uses the entry, and a form that creates (id 0) or saves.

// Donors lists every donor, archived ones included.
func (s *Service) Donors(ctx context.Context, actor model.Actor) ([]model.Donor, error) {
	if err := may(actor); err != nil {
		return nil, err
	}
	return s.store.Donors(ctx, true)
}

// Donor returns a donor and what uses it.
func (s *Service) Donor(ctx context.Context, actor model.Actor, id int64) (model.Donor, Usage, error) {
	if err := may(actor); err != nil {
		return model.Donor{}, Usage{}, err
	}
	d, err := s.store.DonorByID(ctx, id)
	if err != nil {
		return d, Usage{}, err
	}
	u, err := s.usage(ctx, model.RefDonor, id, d.ArchivedAt != nil)
	return d, u, err
}

// SaveDonor creates a donor (id 0) or saves donor id from the form. The
// form is trimmed as validation does, for showing it again.
func (s *Service) SaveDonor(ctx context.Context, actor model.Actor, id int64, in *model.DonorInput) (model.Donor, error) {
	if err := may(actor); err != nil {
		return model.Donor{}, err
	}
	var d model.Donor
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		var err error
		if id != 0 {
			if d, err = s.store.DonorByID(ctx, id); err != nil {
				return err
			}
		}
		if err := in.Validate(); err != nil {
			return err
		}
		before := model.DonorInputOf(d)
		in.Apply(&d)
		if id == 0 {
			err = s.store.CreateDonor(ctx, &d)
		} else {
			err = s.store.UpdateDonor(ctx, &d)
		}
		if err != nil {
			return err
		}
		return s.saved(ctx, actor, model.RefDonor, id == 0, d.ID, changed(before, model.DonorInputOf(d)))
	})
	return d, err
}

// Agencies lists every partner agency, archived ones included.
func (s *Service) Agencies(ctx context.Context, actor model.Actor) ([]model.Agency, error) {
	if err := may(actor); err != nil {
		return nil, err
	}
	return s.store.Agencies(ctx, true)
}

// Agency returns an agency and what uses it.
func (s *Service) Agency(ctx context.Context, actor model.Actor, id int64) (model.Agency, Usage, error) {
	if err := may(actor); err != nil {
		return model.Agency{}, Usage{}, err
	}
	a, err := s.store.AgencyByID(ctx, id)
	if err != nil {
		return a, Usage{}, err
	}
	u, err := s.usage(ctx, model.RefAgency, id, a.ArchivedAt != nil)
	return a, u, err
}

// SaveAgency creates an agency (id 0) or saves agency id from the form.
func (s *Service) SaveAgency(ctx context.Context, actor model.Actor, id int64, in *model.AgencyInput) (model.Agency, error) {
	if err := may(actor); err != nil {
		return model.Agency{}, err
	}
	var a model.Agency
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		var err error
		if id != 0 {
			if a, err = s.store.AgencyByID(ctx, id); err != nil {
				return err
			}
		}
		if err := in.Validate(); err != nil {
			return err
		}
		before := model.AgencyInputOf(a)
		in.Apply(&a)
		if id == 0 {
			err = s.store.CreateAgency(ctx, &a)
		} else {
			err = s.store.UpdateAgency(ctx, &a)
		}
		if err != nil {
			return err
		}
		return s.saved(ctx, actor, model.RefAgency, id == 0, a.ID, changed(before, model.AgencyInputOf(a)))
	})
	return a, err
}

// ThematicAreas lists every thematic area, archived ones included.
func (s *Service) ThematicAreas(ctx context.Context, actor model.Actor) ([]model.ThematicArea, error) {
	if err := may(actor); err != nil {
		return nil, err
	}
	return s.store.ThematicAreas(ctx, true)
}

// ThematicArea returns a thematic area and what uses it.
func (s *Service) ThematicArea(ctx context.Context, actor model.Actor, id int64) (model.ThematicArea, Usage, error) {
	if err := may(actor); err != nil {
		return model.ThematicArea{}, Usage{}, err
	}
	t, err := s.store.ThematicAreaByID(ctx, id)
	if err != nil {
		return t, Usage{}, err
	}
	u, err := s.usage(ctx, model.RefThematic, id, t.ArchivedAt != nil)
	return t, u, err
}

// SaveThematicArea creates a thematic area (id 0) or saves area id from
// the form.
func (s *Service) SaveThematicArea(ctx context.Context, actor model.Actor, id int64, in *model.ThematicInput) (model.ThematicArea, error) {
	if err := may(actor); err != nil {
		return model.ThematicArea{}, err
	}
	var t model.ThematicArea
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		var err error
		if id != 0 {
			if t, err = s.store.ThematicAreaByID(ctx, id); err != nil {
				return err
			}
		}
		if err := in.Validate(); err != nil {
			return err
		}
		before := model.ThematicInputOf(t)
		in.Apply(&t)
		if id == 0 {
			err = s.store.CreateThematicArea(ctx, &t)
		} else {
			err = s.store.UpdateThematicArea(ctx, &t)
		}
		if err != nil {
			return err
		}
		return s.saved(ctx, actor, model.RefThematic, id == 0, t.ID, changed(before, model.ThematicInputOf(t)))
	})
	return t, err
}
