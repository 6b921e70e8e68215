package web

import (
	"net/http"
	"strconv"

	"github.com/traindesk/traindesk/views/components"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster"
	"github.com/traindesk/traindesk/views/person"
)

// maxMatches bounds the likely duplicates shown at once; more than a few
// means the typed name is too common to judge, and the officer should add
// a phone or an email instead.
const maxMatches = 8

// personInput reads the person form.
func personInput(c echo.Context) model.PersonInput {
	f, _ := c.FormParams()
	return model.PersonInput{
		NameLatin: f.Get("name_latin"), NameArabic: f.Get("name_arabic"), Sex: f.Get("sex"),
		BirthYear: f.Get("birth_year"), AgeBand: f.Get("age_band"), AgencyID: optInt64(f.Get("agency_id")),
		DutyStationID: optInt64(f.Get("duty_station_id")), Position: f.Get("position"), Rank: f.Get("rank"),
		Phone: f.Get("phone"), Email: f.Get("email"), NationalRef: f.Get("national_ref"), Notes: f.Get("notes"),
	}
}

// personOf turns valid input into a person with the registry's keys: the
// phone in one canonical form when it can be read, and the name key the
// search and the duplicate check use.
func personOf(in model.PersonInput) model.Person {
	p := in.Person()
	if n := roster.NormalizePhone(p.Phone); n != "" {
		p.Phone = n
	}
	p.NameKey = roster.NameKey(p.NameLatin, p.NameArabic)
	return p
}

// formTraining reads the training a new person is added for (the
// "training" query or form value), if any and visible.
func (s *Server) formTraining(c echo.Context) (*model.Training, error) {
	id := optInt64(c.FormValue("training"))
	if id == nil {
		return nil, nil
	}
	d, err := s.Store.Training(c.Request().Context(), *currentUser(c), *id)
	if err != nil {
		return nil, err
	}
	return &d.Training, nil
}

// personForm loads what the person form needs besides the input.
func (s *Server) personForm(c echo.Context, id int64, in model.PersonInput, t *model.Training) (person.FormProps, error) {
	refs, err := s.Store.AllRefs(c.Request().Context())
	if err != nil {
		return person.FormProps{}, err
	}
	return person.FormProps{ID: id, In: in, Names: components.Names{Refs: refs}, Training: t}, nil
}

// validPerson checks the input and that the chosen agency and station
// exist; it returns the field messages, or nil.
func (s *Server) validPerson(in *model.PersonInput, names components.Names) map[string]string {
	in.ThisYear = s.today().Year
	fe := model.FieldErrors(in.Validate())
	bad := func(field string) {
		if fe == nil {
			fe = map[string]string{}
		}
		fe[field] = "error.choose"
	}
	if _, ok := names.Refs.Agency(in.AgencyID); in.AgencyID != nil && !ok {
		bad("agency_id")
	}
	if _, ok := names.Refs.Station(in.DutyStationID); in.DutyStationID != nil && !ok {
		bad("duty_station_id")
	}
	return fe
}

// personMatches finds the live persons who may be p (p itself excluded),
// strongest first, and marks those already on training t. It indexes every
// live person rather than asking the database for candidates because older
// and imported rows keep phones as typed, which only the index normalises.
func (s *Server) personMatches(c echo.Context, p model.Person, t *model.Training) ([]person.Match, error) {
	ctx := c.Request().Context()
	people, err := s.Store.AllCandidates(ctx)
	if err != nil {
		return nil, err
	}
	pool := make([]roster.Candidate, len(people))
	for i, x := range people {
		pool[i] = roster.CandidateOf(x)
	}
	found := roster.NewIndex(pool).Matches(roster.CandidateOf(p), roster.DefaultMinScore)
	if len(found) > maxMatches {
		found = found[:maxMatches]
	}
	on := map[int64]bool{}
	if t != nil {
		rs, err := s.Store.Roster(ctx, t.ID)
		if err != nil {
			return nil, err
		}
		for _, r := range rs {
			on[r.PersonID] = true
		}
	}
	out := make([]person.Match, 0, len(found))
	for _, m := range found {
		full, err := s.Store.Person(ctx, m.Candidate.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, person.Match{Person: full, Score: m.Score, Reasons: m.Reasons, OnTraining: on[full.ID]})
	}
	return out, nil
}

func (s *Server) personNew(c echo.Context) error {
	t, err := s.formTraining(c)
	if err != nil {
		return err
	}
	var in model.PersonInput
	if t != nil {
		in.AgencyID = t.AgencyID
	}
	p, err := s.personForm(c, 0, in, t)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, person.Form(p))
}

// personCreate saves a new person once the input is valid and either no
// likely duplicate exists or the officer confirmed (confirm_new=1) that
// this is someone else. Likely duplicates are shown with 409 Conflict:
// nothing was saved, and the same request with the confirmation succeeds.
func (s *Server) personCreate(c echo.Context) error {
	t, err := s.formTraining(c)
	if err != nil {
		return err
	}
	in := personInput(c)
	props, err := s.personForm(c, 0, in, t)
	if err != nil {
		return err
	}
	if props.Errors = s.validPerson(&in, props.Names); props.Errors != nil {
		props.In = in
		return s.render(c, http.StatusUnprocessableEntity, person.Form(props))
	}
	props.In = in
	p := personOf(in)
	confirmed := c.FormValue("confirm_new") == "1"
	if !confirmed {
		if props.Matches, err = s.personMatches(c, p, t); err != nil {
			return err
		}
		if len(props.Matches) > 0 {
			return s.render(c, http.StatusConflict, person.Form(props))
		}
	}
	if err := s.Store.CreatePerson(c.Request().Context(), &p); err != nil {
		return err
	}
	s.audit(c, actor(c), "person_create", "person", p.ID, map[string]any{"name": bothNames(p), "despite_matches": confirmed})
	if t != nil {
		return s.registerCreated(c, t, p)
	}
	s.addFlash(c, "ok", "registry.created", bothNames(p))
	return c.Redirect(http.StatusSeeOther, "/persons/"+strconv.FormatInt(p.ID, 10))
}

// registerCreated nominates a person just created for the training they
// were created for. When the training refuses (full, quota used up) the
// person stays in the registry and the message says why.
func (s *Server) registerCreated(c echo.Context, t *model.Training, p model.Person) error {
	back := "/trainings/" + strconv.FormatInt(t.ID, 10) + "#participants"
	r := model.Registration{TrainingID: t.ID, PersonID: p.ID, Status: model.RegNominated, AgencyID: p.AgencyID,
		DutyStationID: p.DutyStationID, Position: p.Position}
	if err := s.Store.Register(c.Request().Context(), &r, actor(c)); err != nil {
		key, args, ok := s.registrationError(c, err)
		if !ok {
			return err
		}
		s.addFlash(c, "ok", "registry.created", bothNames(p))
		s.addFlash(c, "bad", key, args...)
		return c.Redirect(http.StatusSeeOther, back)
	}
	s.audit(c, actor(c), "registration_create", "training", t.ID, map[string]any{"person": p.ID, "registration": r.ID})
	s.addFlash(c, "ok", "registry.created_registered", bothNames(p))
	return c.Redirect(http.StatusSeeOther, back)
}

func (s *Server) personEdit(c echo.Context) error {
	p, err := s.personParam(c)
	if err != nil {
		return err
	}
	if p.MergedIntoID != nil {
		return s.refuseMerged(c, p)
	}
	props, err := s.personForm(c, p.ID, model.PersonInputOf(p), nil)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, person.Form(props))
}

// identityChanged reports whether an edit touched what the duplicate check
// looks at, so that fixing a rank does not ask about duplicates again.
func identityChanged(old, p model.Person) bool {
	return roster.NameKey(old.NameLatin, old.NameArabic) != p.NameKey ||
		roster.NormalizePhone(old.Phone) != roster.NormalizePhone(p.Phone) ||
		roster.NormalizeEmail(old.Email) != roster.NormalizeEmail(p.Email) ||
		roster.NormalizeRef(old.NationalRef) != roster.NormalizeRef(p.NationalRef)
}

func (s *Server) personUpdate(c echo.Context) error {
	old, err := s.personParam(c)
	if err != nil {
		return err
	}
	if old.MergedIntoID != nil {
		return s.refuseMerged(c, old)
	}
	in := personInput(c)
	props, err := s.personForm(c, old.ID, in, nil)
	if err != nil {
		return err
	}
	if props.Errors = s.validPerson(&in, props.Names); props.Errors != nil {
		props.In = in
		return s.render(c, http.StatusUnprocessableEntity, person.Form(props))
	}
	props.In = in
	p := personOf(in)
	p.ID = old.ID
	if c.FormValue("confirm_new") != "1" && identityChanged(old, p) {
		if props.Matches, err = s.personMatches(c, p, nil); err != nil {
			return err
		}
		if len(props.Matches) > 0 {
			return s.render(c, http.StatusConflict, person.Form(props))
		}
	}
	if err := s.Store.UpdatePerson(c.Request().Context(), &p); err != nil {
		return err
	}
	s.audit(c, actor(c), "person_update", "person", p.ID, map[string]any{"name": bothNames(p)})
	s.addFlash(c, "ok", "registry.saved")
	return c.Redirect(http.StatusSeeOther, "/persons/"+strconv.FormatInt(p.ID, 10))
}
