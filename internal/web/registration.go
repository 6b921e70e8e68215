package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster"
	"github.com/traindesk/traindesk/views/components"
	"github.com/traindesk/traindesk/views/training"
)

func (s *Server) registrationRoutes(app, ed area) {
	ed.GET("/trainings/:id/participants/new", s.registrationNew)
	ed.POST("/trainings/:id/registrations", s.registrationCreate)
	ed.POST("/trainings/:id/registrations/:rid/status", s.registrationStatus)
	ed.POST("/trainings/:id/registrations/bulk", s.registrationBulk)
}

// registerPage renders the page that adds participants to training id,
// with the search q and, when refused is not nil, why the last add was
// refused.
func (s *Server) registerPage(c echo.Context, id int64, q string, status int, refused error) error {
	// The registry's search for free text: names in either script, email,
	// ID number, or a phone number in any format; text that is too long is
	// refused beside the search box.
	var search *model.PersonFilter
	var searchErr string
	if strings.TrimSpace(q) != "" {
		f, err := roster.SearchFilter(q)
		if searchErr = model.FieldErrors(err)["q"]; searchErr == "" {
			search = &f
		}
	}
	p, err := s.Trainings.RegisterPage(c.Request().Context(), actorOf(c), id, search)
	if err != nil {
		return err
	}
	props := training.RegisterProps{Names: components.Names{Refs: p.Refs}, T: p.Detail, Query: q, Results: p.Results,
		Registered: p.Registered, Free: p.Free, SearchError: searchErr}
	if refused != nil {
		props.Error, props.ErrorArgs = registrationMessage(c, refused, p.Refs)
	}
	return s.render(c, status, training.Register(props))
}

func (s *Server) registrationNew(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	return s.registerPage(c, id, c.QueryParam("q"), http.StatusOK, nil)
}

// refused reports whether err is a refusal the pages explain (the person is
// on the training already or merged, the training or a quota is full).
func refused(err error) bool {
	var qe *model.QuotaError
	return errors.Is(err, model.ErrAlreadyRegistered) || errors.Is(err, model.ErrFull) || errors.As(err, &qe) ||
		errors.Is(err, model.ErrPersonMerged)
}

// registrationMessage is the catalogue key and arguments that explain a
// refusal; refs name the quota's agency or station.
func registrationMessage(c echo.Context, err error, refs model.Refs) (string, []any) {
	var qe *model.QuotaError
	switch {
	case errors.Is(err, model.ErrAlreadyRegistered):
		return "registration.error.already", nil
	case errors.Is(err, model.ErrFull):
		return "registration.error.full", nil
	case errors.Is(err, model.ErrPersonMerged):
		return "registration.error.merged", nil
	case errors.As(err, &qe):
		names, ctx := components.Names{Refs: refs}, i18n.With(c.Request().Context(), loc(c))
		name := names.Agency(ctx, qe.Quota.AgencyID)
		if qe.Quota.DutyStationID != nil {
			name = names.Station(ctx, qe.Quota.DutyStationID)
		}
		return "registration.error.quota", []any{qe.Quota.Places, name}
	}
	return "", nil
}

// registrationError explains why a registration was refused, for the
// handlers that flash it (other areas' too); ok is false for any other
// error.
func (s *Server) registrationError(c echo.Context, err error) (string, []any, bool) {
	if !refused(err) {
		return "", nil, false
	}
	var refs model.Refs
	var qe *model.QuotaError
	if errors.As(err, &qe) {
		refs, _ = s.Trainings.Refs(c.Request().Context())
	}
	key, args := registrationMessage(c, err, refs)
	return key, args, true
}

func (s *Server) registrationCreate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	q := c.FormValue("q")
	pid := optInt64(c.FormValue("person_id"))
	if pid == nil {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	p, err := s.Trainings.Register(c.Request().Context(), actorOf(c), id, *pid)
	if refused(err) {
		return s.registerPage(c, id, q, http.StatusConflict, err)
	} else if err != nil {
		return err
	}
	s.addFlash(c, "ok", "registration.added", i18n.Isolate(p.NameLatin+" "+p.NameArabic))
	back := "/trainings/" + strconv.FormatInt(id, 10) + "/participants/new"
	if q != "" {
		back += "?q=" + url.QueryEscape(q)
	}
	return c.Redirect(http.StatusSeeOther, back)
}

func (s *Server) registrationStatus(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	rid, err := idParam(c, "rid")
	if err != nil {
		return err
	}
	back := "/trainings/" + strconv.FormatInt(id, 10) + "#participants"
	err = s.Trainings.SetRegistrationStatus(c.Request().Context(), actorOf(c), id, rid,
		model.RegistrationStatus(c.FormValue("status")), c.FormValue("reason"))
	if model.FieldErrors(err) != nil {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	if key, args, ok := s.registrationError(c, err); ok {
		s.addFlashNear(c, "participants", "bad", key, args...)
		return c.Redirect(http.StatusSeeOther, back)
	} else if err != nil {
		return err
	}
	s.addFlashNear(c, "participants", "ok", "registration.status_saved")
	return c.Redirect(http.StatusSeeOther, back)
}
