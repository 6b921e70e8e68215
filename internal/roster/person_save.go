package roster

import (
	"context"
	"strconv"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// Saved is the outcome of saving the person form.
type Saved struct {
	// Form is the form to show again when nothing was saved: the input
	// tidied, with the field problems or the likely duplicates.
	Form   PersonForm
	Person model.Person // the person as saved
	// Registration is the person's registration on Form.Training, when
	// they were created for one and the training took them; otherwise
	// RegisterErr says why not (the person stays in the registry).
	Registration *model.Registration
	RegisterErr  error
}

// CreatePerson adds a person once the input is valid and either no likely
// duplicate exists or the officer confirmed that this is someone else.
// Refusals: a *model.ValidationError, or a *DuplicatesError (nothing was
// saved; Saved.Form holds what to show). A person created for a training
// is then registered on it, in a transaction of its own: when the training
// refuses, the person stays in the registry and Saved.RegisterErr says why.
func (s *Service) CreatePerson(ctx context.Context, actor model.Actor, req PersonRequest) (Saved, error) {
	out := Saved{Form: PersonForm{Input: req.Input}}
	if err := allow(actor, auth.EditPersons); err != nil {
		return out, err
	}
	if err := s.formTraining(ctx, actor, &out.Form, req.TrainingID); err != nil {
		return out, err
	}
	p, err := s.checked(ctx, &out.Form)
	if err != nil {
		return out, err
	}
	if !req.ConfirmNew {
		if err := s.refuseDuplicates(ctx, &out.Form, p, req.TrainingID); err != nil {
			return out, err
		}
	}
	out.Form.Input.Basis.Apply(&p, actor.UserID())
	err = s.store.Tx(ctx, func(ctx context.Context) error {
		if err := s.store.CreatePerson(ctx, &p); err != nil {
			return err
		}
		ev := personEvent(model.AuditPersonCreate, actor, p.ID)
		ev.Changed = changedFields(model.Person{}, p)
		ev.Values = map[string]string{"despite_matches": strconv.FormatBool(req.ConfirmNew)}
		return s.store.RecordAudit(ctx, ev)
	})
	if err == nil {
		s.personSaved(ctx, p)
	}
	if err != nil {
		return out, err
	}
	out.Person = p
	if out.Form.Training != nil {
		out.Registration, out.RegisterErr = s.registerCreated(ctx, actor, *out.Form.Training, p)
	}
	return out, nil
}

// UpdatePerson saves a person's details. Refusals: model.ErrPersonMerged
// for a merged person, a *model.ValidationError, or a *DuplicatesError
// when the edit changed what identifies the person (a name, phone, email
// or ID number) and the registry holds likely duplicates the officer has
// not seen. An edit is never for a training: req.TrainingID is not used.
func (s *Service) UpdatePerson(ctx context.Context, actor model.Actor, id int64, req PersonRequest) (Saved, error) {
	out := Saved{Form: PersonForm{ID: id, Input: req.Input}}
	if err := allow(actor, auth.EditPersons); err != nil {
		return out, err
	}
	old, err := s.store.Person(ctx, id)
	if err != nil {
		return out, err
	}
	if old.MergedIntoID != nil {
		return out, model.ErrPersonMerged
	}
	if old.ErasedAt != nil {
		return out, model.ErrPersonErased
	}
	p, err := s.checked(ctx, &out.Form)
	if err != nil {
		return out, err
	}
	p.ID = old.ID
	keepBasis(&p, old, out.Form.Input.Basis, actor)
	if !req.ConfirmNew && identityChanged(old, p) {
		if err := s.refuseDuplicates(ctx, &out.Form, p, 0); err != nil {
			return out, err
		}
	}
	err = s.store.Tx(ctx, func(ctx context.Context) error {
		if err := s.store.UpdatePerson(ctx, &p); err != nil {
			return err
		}
		ev := personEvent(model.AuditPersonUpdate, actor, p.ID)
		ev.Changed = changedFields(old, p)
		return s.store.RecordAudit(ctx, ev)
	})
	if err == nil {
		s.personSaved(ctx, p)
	}
	out.Person = p
	return out, err
}

// checked loads the reference lists into f and checks its input.
func (s *Service) checked(ctx context.Context, f *PersonForm) (model.Person, error) {
	var err error
	if f.Refs, err = s.store.AllRefs(ctx); err != nil {
		return model.Person{}, err
	}
	return s.check(f)
}

// refuseDuplicates fails with a *DuplicatesError (and sets f.Matches) when
// the registry holds persons who may be p.
func (s *Service) refuseDuplicates(ctx context.Context, f *PersonForm, p model.Person, trainingID int64) error {
	matches, err := s.duplicates(ctx, p, trainingID)
	if err != nil {
		return err
	}
	if len(matches) == 0 {
		return nil
	}
	f.Matches = matches
	return &DuplicatesError{Matches: matches}
}

// registerCreated nominates a person just created for the training they
// were created for, with the agency, station and position they have now.
// The first result is nil when the training refused, and the second says
// why.
func (s *Service) registerCreated(ctx context.Context, actor model.Actor, t model.Training, p model.Person) (*model.Registration, error) {
	r := model.Registration{TrainingID: t.ID, PersonID: p.ID, Status: model.RegNominated, AgencyID: p.AgencyID,
		DutyStationID: p.DutyStationID, Position: p.Position}
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		if err := s.reg.Enrol(ctx, actor, &r); err != nil {
			return err
		}
		return s.store.RecordAudit(ctx, model.AuditEvent{Kind: model.AuditRegistrationCreate, Actor: actor,
			Object:  model.AuditObject{Type: "training", ID: t.ID},
			Related: map[string]int64{"person": p.ID, "registration": r.ID}})
	})
	if err != nil {
		return nil, err
	}
	return &r, nil
}

// keepBasis carries old's lawful basis over to p, unless the form changed
// it: then the basis as typed is recorded, by the actor.
func keepBasis(p *model.Person, old model.Person, in model.BasisInput, actor model.Actor) {
	p.LawfulBasis, p.BasisOn, p.BasisPurpose, p.BasisByID = old.LawfulBasis, old.BasisOn, old.BasisPurpose, old.BasisByID
	if in != model.BasisInputOf(old) {
		in.Apply(p, actor.UserID())
	}
}
