package roster

import (
	"context"
	"fmt"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// PersonRequest is the person form as posted.
type PersonRequest struct {
	Input      model.PersonInput
	TrainingID int64 // the training the person is added for; 0 for none
	ConfirmNew bool  // the officer saw the likely duplicates: this is someone else
}

// PersonForm is what the person form shows: the input (as typed, tidied,
// or as stored), the reference lists to choose from, the training the
// person is added for, and when nothing was saved, why.
type PersonForm struct {
	ID       int64 // 0 when creating
	Input    model.PersonInput
	Refs     model.Refs
	Training *model.Training
	Errors   map[string]string   // field → catalogue key
	Matches  []model.PersonMatch // likely duplicates to look at first
}

// DuplicatesError refuses to save a person while the registry holds likely
// duplicates the officer has not seen; the same request with ConfirmNew
// saves.
type DuplicatesError struct {
	Matches []model.PersonMatch
}

func (e *DuplicatesError) Error() string {
	return fmt.Sprintf("%d likely duplicates in the registry", len(e.Matches))
}

// Unwrap makes errors.Is(err, model.ErrConflict) work.
func (e *DuplicatesError) Unwrap() error { return model.ErrConflict }

// NewPersonForm is the empty person form; for a training (trainingID not
// 0) the agency defaults to the training's partner agency.
func (s *Service) NewPersonForm(ctx context.Context, actor model.Actor, trainingID int64) (PersonForm, error) {
	var f PersonForm
	if err := allow(actor, auth.EditPersons); err != nil {
		return f, err
	}
	if err := s.formTraining(ctx, actor, &f, trainingID); err != nil {
		return f, err
	}
	if f.Training != nil {
		f.Input.AgencyID = f.Training.AgencyID
	}
	var err error
	f.Refs, err = s.store.AllRefs(ctx)
	return f, err
}

// EditPersonForm is the form for a person's details as stored. A merged
// person is refused with model.ErrPersonMerged.
func (s *Service) EditPersonForm(ctx context.Context, actor model.Actor, id int64) (PersonForm, error) {
	f := PersonForm{ID: id}
	if err := allow(actor, auth.EditPersons); err != nil {
		return f, err
	}
	p, err := s.store.Person(ctx, id)
	if err != nil {
		return f, err
	}
	if p.MergedIntoID != nil {
		return f, model.ErrPersonMerged
	}
	f.Input = model.PersonInputOf(p)
	f.Refs, err = s.store.AllRefs(ctx)
	return f, err
}

// formTraining loads the training a person is added for, if any: one the
// actor may not see is not found, and adding them means registering them.
func (s *Service) formTraining(ctx context.Context, actor model.Actor, f *PersonForm, id int64) error {
	if id == 0 {
		return nil
	}
	d, err := s.training(ctx, actor, id, auth.EditTrainings)
	if err != nil {
		return err
	}
	f.Training = &d.Training
	return nil
}

// check tidies and validates f.Input against the registry's reference
// lists, and returns the person it describes with the registry's keys; on
// a problem f.Errors is set and the error is a *model.ValidationError.
func (s *Service) check(f *PersonForm) (model.Person, error) {
	f.Input.ThisYear = s.today().Year
	errs := model.Errors{}
	for k, v := range model.FieldErrors(f.Input.Validate()) {
		errs.Add(k, v)
	}
	if _, ok := f.Refs.Agency(f.Input.AgencyID); f.Input.AgencyID != nil && !ok {
		errs.Add("agency_id", "error.choose")
	}
	if _, ok := f.Refs.Station(f.Input.DutyStationID); f.Input.DutyStationID != nil && !ok {
		errs.Add("duty_station_id", "error.choose")
	}
	// A new person is recorded with the basis their data is held on;
	// older records may be edited before one is given.
	f.Input.Basis.Check(f.ID == 0, s.today(), errs)
	if err := errs.Err(); err != nil {
		f.Errors = model.FieldErrors(err)
		return model.Person{}, err
	}
	return personOf(f.Input), nil
}

// personOf turns valid input into a person with the registry's keys: the
// phone in one canonical form when it can be read, and the name key the
// search and the duplicate check use.
func personOf(in model.PersonInput) model.Person {
	p := in.Person()
	if n := NormalizePhone(p.Phone); n != "" {
		p.Phone = n
	}
	p.NameKey = NameKey(p.NameLatin, p.NameArabic)
	return p
}

// identityChanged reports whether an edit touched what the duplicate check
// looks at, so that fixing a rank does not ask about duplicates again.
func identityChanged(old, p model.Person) bool {
	return NameKey(old.NameLatin, old.NameArabic) != p.NameKey ||
		NormalizePhone(old.Phone) != NormalizePhone(p.Phone) ||
		NormalizeEmail(old.Email) != NormalizeEmail(p.Email) ||
		NormalizeRef(old.NationalRef) != NormalizeRef(p.NationalRef)
}

// changedFields names the form fields whose values differ between a and b,
// for the audit log (which never holds the values themselves).
func changedFields(a, b model.Person) []string {
	same := func(x, y *int64) bool { return x == nil && y == nil || x != nil && y != nil && *x == *y }
	sameInt := func(x, y *int) bool { return x == nil && y == nil || x != nil && y != nil && *x == *y }
	var out []string
	for _, c := range []struct {
		name string
		same bool
	}{
		{"name_latin", a.NameLatin == b.NameLatin}, {"name_arabic", a.NameArabic == b.NameArabic},
		{"sex", a.Sex == b.Sex}, {"birth_year", sameInt(a.BirthYear, b.BirthYear)}, {"age_band", a.AgeBand == b.AgeBand},
		{"agency_id", same(a.AgencyID, b.AgencyID)}, {"duty_station_id", same(a.DutyStationID, b.DutyStationID)},
		{"position", a.Position == b.Position}, {"rank", a.Rank == b.Rank}, {"phone", a.Phone == b.Phone},
		{"email", a.Email == b.Email}, {"national_ref", a.NationalRef == b.NationalRef}, {"notes", a.Notes == b.Notes},
		{"lang", a.Lang == b.Lang}, {"lawful_basis", a.LawfulBasis == b.LawfulBasis},
		{"basis_on", (a.BasisOn == nil) == (b.BasisOn == nil) && (a.BasisOn == nil || *a.BasisOn == *b.BasisOn)},
		{"basis_purpose", a.BasisPurpose == b.BasisPurpose},
	} {
		if !c.same {
			out = append(out, c.name)
		}
	}
	return out
}
