package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster"
	"github.com/traindesk/traindesk/views/components"
	"github.com/traindesk/traindesk/views/person"
)

// personInput reads the person form.
func personInput(c echo.Context) model.PersonInput {
	f, _ := c.FormParams()
	return model.PersonInput{
		NameLatin: f.Get("name_latin"), NameArabic: f.Get("name_arabic"), Sex: f.Get("sex"),
		BirthYear: f.Get("birth_year"), AgeBand: f.Get("age_band"), AgencyID: optInt64(f.Get("agency_id")),
		DutyStationID: optInt64(f.Get("duty_station_id")), Position: f.Get("position"), Rank: f.Get("rank"),
		Phone: f.Get("phone"), Email: f.Get("email"), NationalRef: f.Get("national_ref"), Notes: f.Get("notes"),
		Lang:  f.Get("lang"),
		Basis: basisInput(c),
	}
}

// basisInput reads the lawful-basis fields of the person form and of the
// import's confirmation.
func basisInput(c echo.Context) model.BasisInput {
	return model.BasisInput{Basis: c.FormValue("basis"), On: c.FormValue("basis_on"), Purpose: c.FormValue("basis_purpose")}
}

// personRequest reads the person form with the training the person is
// added for (the "training" query or form value) and the officer's
// confirmation that the likely duplicates are someone else.
func personRequest(c echo.Context) roster.PersonRequest {
	r := roster.PersonRequest{Input: personInput(c), ConfirmNew: c.FormValue("confirm_new") == "1"}
	if id := optInt64(c.FormValue("training")); id != nil {
		r.TrainingID = *id
	}
	return r
}

// formProps is the person form's view of what the registry returned.
func formProps(f roster.PersonForm) person.FormProps {
	return person.FormProps{ID: f.ID, In: f.Input, Errors: f.Errors, Names: components.Names{Refs: f.Refs},
		Training: f.Training, Matches: f.Matches}
}

// formRefused renders the form again when the registry saved nothing: 422
// with the field messages, or 409 Conflict with the likely duplicates (the
// same request with the confirmation succeeds). ok is false for any other
// outcome, which the caller handles.
func (s *Server) formRefused(c echo.Context, f roster.PersonForm, err error) (bool, error) {
	var dup *roster.DuplicatesError
	switch {
	case model.FieldErrors(err) != nil:
		return true, s.render(c, http.StatusUnprocessableEntity, person.Form(formProps(f)))
	case errors.As(err, &dup):
		return true, s.render(c, http.StatusConflict, person.Form(formProps(f)))
	case errors.Is(err, model.ErrPersonMerged):
		return true, s.refuseMerged(c, f.ID)
	}
	return false, err
}

func (s *Server) personNew(c echo.Context) error {
	var tid int64
	if id := optInt64(c.FormValue("training")); id != nil {
		tid = *id
	}
	f, err := s.Roster.NewPersonForm(c.Request().Context(), actorOf(c), tid)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, person.Form(formProps(f)))
}

// personCreate saves a new person; for a training, it then registers them.
func (s *Server) personCreate(c echo.Context) error {
	res, err := s.Roster.CreatePerson(c.Request().Context(), actorOf(c), personRequest(c))
	if done, err := s.formRefused(c, res.Form, err); done || err != nil {
		return err
	}
	if t := res.Form.Training; t != nil {
		return s.registeredCreated(c, *t, res)
	}
	s.addFlash(c, "ok", "registry.created", i18n.Isolate(bothNames(res.Person)))
	return c.Redirect(http.StatusSeeOther, "/persons/"+strconv.FormatInt(res.Person.ID, 10))
}

// registeredCreated reports on a person created for training t. When the
// training refused them (full, quota used up) the person stays in the
// registry and the message says why.
func (s *Server) registeredCreated(c echo.Context, t model.Training, res roster.Saved) error {
	back := "/trainings/" + strconv.FormatInt(t.ID, 10) + "#participants"
	if res.RegisterErr != nil {
		key, args, ok := s.registrationError(c, res.RegisterErr)
		if !ok {
			return res.RegisterErr
		}
		s.addFlashNear(c, "participants", "ok", "registry.created", i18n.Isolate(bothNames(res.Person)))
		s.addFlashNear(c, "participants", "bad", key, args...)
		return c.Redirect(http.StatusSeeOther, back)
	}
	s.addFlashNear(c, "participants", "ok", "registry.created_registered", i18n.Isolate(bothNames(res.Person)))
	return c.Redirect(http.StatusSeeOther, back)
}

func (s *Server) personEdit(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := s.Roster.EditPersonForm(c.Request().Context(), actorOf(c), id)
	if errors.Is(err, model.ErrPersonMerged) {
		return s.refuseMerged(c, id)
	} else if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, person.Form(formProps(f)))
}

func (s *Server) personUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	res, err := s.Roster.UpdatePerson(c.Request().Context(), actorOf(c), id, personRequest(c))
	if done, err := s.formRefused(c, res.Form, err); done || err != nil {
		return err
	}
	s.addFlash(c, "ok", "registry.saved")
	return c.Redirect(http.StatusSeeOther, "/persons/"+strconv.FormatInt(res.Person.ID, 10))
}
