package trainings

import (
	"context"
	"errors"
	"fmt"

	"github.com/traindesk/traindesk/internal/model"
)

// searchLimit bounds the persons the register page lists for a search.
const searchLimit = 50

// RegisterPage returns the page that adds participants to a training:
// who is on it, how many places are free, and, when search is not nil,
// the persons it finds.
func (s *Service) RegisterPage(ctx context.Context, actor model.Actor, id int64, search *model.PersonFilter) (model.RegisterPage, error) {
	p := model.RegisterPage{Registered: map[int64]bool{}}
	var err error
	if p.Detail, err = s.editable(ctx, actor, id); err != nil {
		return p, err
	}
	if p.Refs, err = s.st.AllRefs(ctx); err != nil {
		return p, err
	}
	rs, err := s.st.Roster(ctx, id)
	if err != nil {
		return p, err
	}
	live := 0
	for _, r := range rs {
		p.Registered[r.PersonID] = true
		if r.Status != model.RegWithdrawn {
			live++
		}
	}
	p.Free = max(p.Detail.Capacity-live, 0)
	if search != nil {
		f := *search
		f.Limit = searchLimit
		p.Results, _, err = s.st.Persons(ctx, f)
	}
	return p, err
}

// Register nominates a person for a training, keeping on the
// registration the agency, duty station and position the person has now.
// A merged person is model.ErrPersonMerged; the registration rule's
// refusals are Enrol's. It returns the person, to name them.
func (s *Service) Register(ctx context.Context, actor model.Actor, id, personID int64) (model.Person, error) {
	var p model.Person
	err := s.st.Tx(ctx, func(ctx context.Context) error {
		d, err := s.editable(ctx, actor, id)
		if err != nil {
			return err
		}
		if p, err = s.st.Person(ctx, personID); err != nil {
			return err
		}
		if p.MergedIntoID != nil {
			return fmt.Errorf("trainings: person %d: %w", p.ID, model.ErrPersonMerged)
		}
		r := model.Registration{TrainingID: d.ID, PersonID: p.ID, Status: model.RegNominated, AgencyID: p.AgencyID,
			DutyStationID: p.DutyStationID, Position: p.Position}
		if err := s.Enrol(ctx, actor, &r); err != nil {
			return err
		}
		ev := event(model.AuditRegistrationCreate, actor, "registration", r.ID)
		ev.Related = map[string]int64{"training": d.ID, "person": p.ID}
		ev.Values = map[string]string{"status": string(r.Status)}
		return s.st.RecordAudit(ctx, ev)
	})
	return p, err
}

// Enrol is the registration rule, for the use cases that put people on a
// training (Register here; an import or a person created for a training
// elsewhere): it stores r, registered by the actor, unless the person is on
// the training already (model.ErrAlreadyRegistered), or, for a live
// registration, the training is full (model.ErrFull) or the quota of the
// person's agency or station is used up (*model.QuotaError). It runs in
// the caller's transaction when ctx carries one and records no audit
// event: the calling use case records its own. The caller has checked that
// the actor may change the training.
func (s *Service) Enrol(ctx context.Context, actor model.Actor, r *model.Registration) error {
	return s.st.Tx(ctx, func(ctx context.Context) error {
		on, err := s.st.IsRegistered(ctx, r.TrainingID, r.PersonID)
		if err != nil {
			return err
		}
		if on {
			return model.ErrAlreadyRegistered
		}
		if r.Status != model.RegWithdrawn {
			places, err := s.st.Places(ctx, r.TrainingID, 0)
			if err != nil {
				return err
			}
			if err := places.Admit(*r); err != nil {
				return err
			}
		}
		return s.st.InsertRegistration(ctx, r, actor.UserID())
	})
}

// SetRegistrationStatus changes the status of registration rid of
// training id and keeps the change, with its reason, in the registration's
// history. Coming back from withdrawn needs a free place (the same
// refusals as Enrol). An unknown status is a *model.ValidationError.
func (s *Service) SetRegistrationStatus(ctx context.Context, actor model.Actor, id, rid int64, to model.RegistrationStatus, reason string) error {
	return s.st.Tx(ctx, func(ctx context.Context) error {
		d, err := s.editable(ctx, actor, id)
		if err != nil {
			return err
		}
		r, err := s.st.Registration(ctx, rid)
		if err != nil {
			return err
		}
		if r.TrainingID != d.ID {
			return fmt.Errorf("trainings: registration %d of training %d: %w", rid, id, model.ErrNotFound)
		}
		if !validRegistrationStatus(to) {
			return &model.ValidationError{Fields: map[string]string{"status": "error.choose"}}
		}
		if err := s.changeStatus(ctx, actor, r, to, reason); !errors.Is(err, errUnchanged) {
			return err
		}
		return nil
	})
}

func validRegistrationStatus(st model.RegistrationStatus) bool {
	for _, x := range model.RegistrationStatuses {
		if x == st {
			return true
		}
	}
	return false
}
