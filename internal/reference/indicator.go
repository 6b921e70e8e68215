package reference

import (
	"context"
	"strconv"

	"github.com/traindesk/traindesk/internal/model"
)

// A project's indicators belong to it: they are read and changed through
// their project, so an indicator of another project is not found.

// NewIndicator returns the project and the form of a new indicator: a
// count with a zero baseline, placed after the project's last indicator.
func (s *Service) NewIndicator(ctx context.Context, actor model.Actor, projectID int64) (model.Project, model.IndicatorInput, error) {
	if err := may(actor); err != nil {
		return model.Project{}, model.IndicatorInput{}, err
	}
	p, err := s.store.ProjectByID(ctx, projectID)
	if err != nil {
		return p, model.IndicatorInput{}, err
	}
	is, err := s.store.Indicators(ctx, p.ID)
	if err != nil {
		return p, model.IndicatorInput{}, err
	}
	return p, model.IndicatorInput{Unit: model.UnitCount, Baseline: "0", Position: strconv.Itoa(len(is) + 1)}, nil
}

// Indicator returns a project and one of its indicators.
func (s *Service) Indicator(ctx context.Context, actor model.Actor, projectID, id int64) (model.Project, model.Indicator, error) {
	if err := may(actor); err != nil {
		return model.Project{}, model.Indicator{}, err
	}
	p, err := s.store.ProjectByID(ctx, projectID)
	if err != nil {
		return p, model.Indicator{}, err
	}
	i, err := s.store.IndicatorByID(ctx, p.ID, id)
	return p, i, err
}

// SaveIndicator adds an indicator to the project (id 0) or saves one of
// its indicators from the form. The project comes back with a form that
// has mistakes, for its page.
func (s *Service) SaveIndicator(ctx context.Context, actor model.Actor, projectID, id int64, in *model.IndicatorInput) (model.Project, model.Indicator, error) {
	if err := may(actor); err != nil {
		return model.Project{}, model.Indicator{}, err
	}
	var p model.Project
	var i model.Indicator
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		var err error
		if p, err = s.store.ProjectByID(ctx, projectID); err != nil {
			return err
		}
		if id != 0 {
			if i, err = s.store.IndicatorByID(ctx, p.ID, id); err != nil {
				return err
			}
		}
		if err := in.Validate(); err != nil {
			return err
		}
		before := model.IndicatorInputOf(i)
		in.Apply(&i)
		i.ProjectID = p.ID
		if id == 0 {
			err = s.store.CreateIndicator(ctx, &i)
		} else {
			err = s.store.UpdateIndicator(ctx, &i)
		}
		if err != nil {
			return err
		}
		ev := event(model.AuditReferenceCreate, actor, "indicator", i.ID, nil)
		if id != 0 {
			ev = event(model.AuditReferenceUpdate, actor, "indicator", i.ID, changed(before, model.IndicatorInputOf(i)))
		}
		ev.Related = map[string]int64{string(model.RefProject): p.ID}
		return s.store.RecordAudit(ctx, ev)
	})
	return p, i, err
}

// DeleteIndicator removes one of a project's indicators.
func (s *Service) DeleteIndicator(ctx context.Context, actor model.Actor, projectID, id int64) (model.Indicator, error) {
	if err := may(actor); err != nil {
		return model.Indicator{}, err
	}
	var i model.Indicator
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		p, err := s.store.ProjectByID(ctx, projectID)
		if err != nil {
			return err
		}
		if i, err = s.store.IndicatorByID(ctx, p.ID, id); err != nil {
			return err
		}
		if err := s.store.DeleteIndicator(ctx, p.ID, i.ID); err != nil {
			return err
		}
		ev := event(model.AuditReferenceDelete, actor, "indicator", i.ID, nil)
		ev.Related = map[string]int64{string(model.RefProject): p.ID}
		return s.store.RecordAudit(ctx, ev)
	})
	return i, err
}
