package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/traindesk/traindesk/views/components"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/training"
)

func (s *Server) registrationRoutes(app, ed area) {
	ed.GET("/trainings/:id/participants/new", s.registrationNew)
	ed.POST("/trainings/:id/registrations", s.registrationCreate)
	ed.POST("/trainings/:id/registrations/:rid/status", s.registrationStatus)
}

func (s *Server) registerPage(c echo.Context, d model.TrainingDetail, q string, status int, errKey string, args ...any) error {
	ctx := c.Request().Context()
	refs, err := s.Store.AllRefs(ctx)
	if err != nil {
		return err
	}
	p := training.RegisterProps{Names: components.Names{Refs: refs}, T: d, Query: q, Error: errKey, ErrorArgs: args,
		Registered: map[int64]bool{}}
	rs, err := s.Store.Roster(ctx, d.ID)
	if err != nil {
		return err
	}
	live := 0
	for _, r := range rs {
		p.Registered[r.PersonID] = true
		if r.Status != model.RegWithdrawn {
			live++
		}
	}
	p.Free = max(d.Capacity-live, 0)
	if strings.TrimSpace(q) != "" {
		f := textFilter(q)
		f.Limit = 50
		p.Results, _, err = s.Store.Persons(ctx, f)
		if err != nil {
			return err
		}
	}
	return s.render(c, status, training.Register(p))
}

func (s *Server) registrationNew(c echo.Context) error {
	d, err := s.visibleTraining(c)
	if err != nil {
		return err
	}
	return s.registerPage(c, d, c.QueryParam("q"), http.StatusOK, "")
}

// registrationError explains why a registration was refused.
func (s *Server) registrationError(c echo.Context, err error) (string, []any, bool) {
	var qe *model.QuotaError
	switch {
	case errors.Is(err, model.ErrAlreadyRegistered):
		return "registration.error.already", nil, true
	case errors.Is(err, model.ErrFull):
		return "registration.error.full", nil, true
	case errors.As(err, &qe):
		refs, _ := s.Store.AllRefs(c.Request().Context())
		names, ctx := components.Names{Refs: refs}, i18n.With(c.Request().Context(), loc(c))
		name := names.Agency(ctx, qe.Quota.AgencyID)
		if qe.Quota.DutyStationID != nil {
			name = names.Station(ctx, qe.Quota.DutyStationID)
		}
		return "registration.error.quota", []any{name, loc(c).Num(qe.Quota.Places)}, true
	}
	return "", nil, false
}

func (s *Server) registrationCreate(c echo.Context) error {
	d, err := s.visibleTraining(c)
	if err != nil {
		return err
	}
	q := c.FormValue("q")
	pid := optInt64(c.FormValue("person_id"))
	if pid == nil {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	p, err := s.Store.Person(c.Request().Context(), *pid)
	if err != nil {
		return err
	}
	if p.MergedIntoID != nil {
		return s.registerPage(c, d, q, http.StatusConflict, "registration.error.merged")
	}
	r := model.Registration{TrainingID: d.ID, PersonID: p.ID, Status: model.RegNominated, AgencyID: p.AgencyID,
		DutyStationID: p.DutyStationID, Position: p.Position}
	if err := s.Store.Register(c.Request().Context(), &r, actor(c)); err != nil {
		if key, args, ok := s.registrationError(c, err); ok {
			return s.registerPage(c, d, q, http.StatusConflict, key, args...)
		}
		return err
	}
	s.audit(c, actor(c), "registration_create", "training", d.ID, map[string]any{"person": p.ID, "registration": r.ID})
	s.addFlash(c, "ok", "registration.added", p.NameLatin+" "+p.NameArabic)
	back := "/trainings/" + strconv.FormatInt(d.ID, 10) + "/participants/new"
	if q != "" {
		back += "?q=" + url.QueryEscape(q)
	}
	return c.Redirect(http.StatusSeeOther, back)
}

func (s *Server) registrationStatus(c echo.Context) error {
	d, err := s.visibleTraining(c)
	if err != nil {
		return err
	}
	rid, err := idParam(c, "rid")
	if err != nil {
		return err
	}
	r, err := s.Store.Registration(c.Request().Context(), rid)
	if err != nil {
		return err
	}
	if r.TrainingID != d.ID {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	to := model.RegistrationStatus(c.FormValue("status"))
	valid := false
	for _, st := range model.RegistrationStatuses {
		valid = valid || st == to
	}
	if !valid {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	back := "/trainings/" + strconv.FormatInt(d.ID, 10) + "#participants"
	if _, err := s.Store.SetRegistrationStatus(c.Request().Context(), rid, to, c.FormValue("reason"), actor(c)); err != nil {
		if key, args, ok := s.registrationError(c, err); ok {
			s.addFlash(c, "bad", key, args...)
			return c.Redirect(http.StatusSeeOther, back)
		}
		return err
	}
	s.audit(c, actor(c), "registration_status", "registration", rid, map[string]any{"from": r.Status, "to": to})
	s.addFlash(c, "ok", "registration.status_saved")
	return c.Redirect(http.StatusSeeOther, back)
}
