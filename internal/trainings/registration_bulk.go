package trainings

import (
	"context"
	"errors"
	"fmt"

	"github.com/traindesk/traindesk/internal/model"
)

// SetRegistrationStatuses gives status to every registration of training
// id listed in rids, in one transaction, as SetRegistrationStatus does for
// one: each change is kept in the registration's history and audited. A
// registration coming back from withdrawn must find a place (capacity,
// quota); the ones that cannot are left as they were and listed, with the
// reason, in the result's Refused, while the others are saved. The
// registrations are taken in the roster's order, so the same list gives
// the same answer. An id that is not a registration of the training is
// model.ErrNotFound and nothing is saved; an unknown status is a
// *model.ValidationError.
func (s *Service) SetRegistrationStatuses(ctx context.Context, actor model.Actor, id int64, rids []int64, to model.RegistrationStatus, reason string) (model.BulkStatusResult, error) {
	res := model.BulkStatusResult{To: to}
	err := s.st.Tx(ctx, func(ctx context.Context) error {
		res = model.BulkStatusResult{To: to}
		d, err := s.editable(ctx, actor, id)
		if err != nil {
			return err
		}
		if !validRegistrationStatus(to) {
			return &model.ValidationError{Fields: map[string]string{"status": "error.choose"}}
		}
		rows, err := s.selected(ctx, d.ID, rids)
		if err != nil {
			return err
		}
		for _, r := range rows {
			err := s.changeStatus(ctx, actor, r.Registration, to, reason)
			var qe *model.QuotaError
			switch {
			case errors.Is(err, errUnchanged):
				res.Unchanged++
			case errors.Is(err, model.ErrFull) || errors.As(err, &qe):
				res.Refused = append(res.Refused, model.StatusRefusal{RegistrationID: r.ID, NameLatin: r.NameLatin, NameArabic: r.NameArabic, Err: err})
			case err != nil:
				return err
			default:
				res.Changed++
			}
		}
		return nil
	})
	return res, err
}

// selected returns the roster rows of training id whose registration is
// in rids, in the roster's order; an id of no registration of the training
// is model.ErrNotFound.
func (s *Service) selected(ctx context.Context, id int64, rids []int64) ([]model.RosterRow, error) {
	want := map[int64]bool{}
	for _, r := range rids {
		want[r] = true
	}
	roster, err := s.st.Roster(ctx, id)
	if err != nil {
		return nil, err
	}
	var out []model.RosterRow
	for _, r := range roster {
		if want[r.ID] {
			out = append(out, r)
			delete(want, r.ID)
		}
	}
	for _, rid := range rids {
		if want[rid] {
			return nil, fmt.Errorf("trainings: registration %d of training %d: %w", rid, id, model.ErrNotFound)
		}
	}
	return out, nil
}

// errUnchanged says a registration has the status asked for already.
var errUnchanged = errors.New("trainings: the registration has this status already")

// changeStatus moves registration r to status to within ctx's
// transaction: a registration coming back from withdrawn must be admitted
// (capacity, quotas); the change goes to the history and the audit log.
// A registration with that status already is errUnchanged.
func (s *Service) changeStatus(ctx context.Context, actor model.Actor, r model.Registration, to model.RegistrationStatus, reason string) error {
	if r.Status == to {
		return errUnchanged
	}
	if r.Status == model.RegWithdrawn {
		places, err := s.st.Places(ctx, r.TrainingID, r.ID)
		if err != nil {
			return err
		}
		if err := places.Admit(r); err != nil {
			return err
		}
	}
	if err := s.st.SaveRegistrationStatus(ctx, r.ID, r.Status, to, reason, actor.UserID()); err != nil {
		return err
	}
	ev := event(model.AuditRegistrationStatus, actor, "registration", r.ID)
	ev.Related = map[string]int64{"training": r.TrainingID, "person": r.PersonID}
	ev.Changed = []string{"status"}
	ev.Values = map[string]string{"from": string(r.Status), "to": string(to)}
	return s.st.RecordAudit(ctx, ev)
}
