package reference

import (
	"context"
	"fmt"

	"github.com/traindesk/traindesk/internal/model"
)

// Reference entries are archived rather than deleted once anything points
// at them: archiving hides an entry from the forms of new records while old
// records keep showing its name. Deleting is for mistakes nothing uses yet.

// SetArchived archives an entry, or restores it when archived is false,
// and returns the entry for the message.
func (s *Service) SetArchived(ctx context.Context, actor model.Actor, kind model.RefKind, id int64, archived bool) (Entry, error) {
	if err := may(actor); err != nil {
		return Entry{}, err
	}
	var e Entry
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		var err error
		if e, err = s.entry(ctx, kind, id); err != nil {
			return err
		}
		if err := s.store.SetArchived(ctx, kind, id, archived); err != nil {
			return err
		}
		k := model.AuditReferenceArchive
		if !archived {
			k = model.AuditReferenceRestore
		}
		return s.store.RecordAudit(ctx, event(k, actor, string(kind), id, nil))
	})
	return e, err
}

// Delete deletes an entry that nothing uses (a project with its
// indicators). An entry still in use is refused with a *model.InUseError
// that says what uses it, so the page can suggest archiving instead; the
// entry comes back either way, for the message. Counting and deleting
// share one transaction, so that a training saved in between cannot be
// left pointing at nothing.
func (s *Service) Delete(ctx context.Context, actor model.Actor, kind model.RefKind, id int64) (Entry, error) {
	if err := may(actor); err != nil {
		return Entry{}, err
	}
	var e Entry
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		var err error
		if e, err = s.entry(ctx, kind, id); err != nil {
			return err
		}
		uses, err := s.store.References(ctx, kind, id)
		if err != nil {
			return err
		}
		if len(uses) > 0 {
			return fmt.Errorf("reference: delete %s: %w", kind, &model.InUseError{Kind: kind, ID: id, Uses: uses})
		}
		if err := s.store.DeleteReference(ctx, kind, id); err != nil {
			return err
		}
		return s.store.RecordAudit(ctx, event(model.AuditReferenceDelete, actor, string(kind), id, nil))
	})
	return e, err
}

// entry reads entry kind/id for its names; a missing entry is
// model.ErrNotFound.
func (s *Service) entry(ctx context.Context, kind model.RefKind, id int64) (Entry, error) {
	e := Entry{Kind: kind, ID: id}
	switch kind {
	case model.RefDonor:
		d, err := s.store.DonorByID(ctx, id)
		e.NameEn, e.NameAr = d.NameEn, d.NameAr
		return e, err
	case model.RefProject:
		p, err := s.store.ProjectByID(ctx, id)
		e.NameEn, e.NameAr = p.Code, p.Code
		return e, err
	case model.RefAgency:
		a, err := s.store.AgencyByID(ctx, id)
		e.NameEn, e.NameAr = a.NameEn, a.NameAr
		return e, err
	case model.RefStation:
		d, err := s.store.DutyStationByID(ctx, id)
		e.NameEn, e.NameAr = d.NameEn, d.NameAr
		return e, err
	case model.RefThematic:
		t, err := s.store.ThematicAreaByID(ctx, id)
		e.NameEn, e.NameAr = t.NameEn, t.NameAr
		return e, err
	}
	return e, errKind(kind)
}
