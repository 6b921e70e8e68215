package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/components"
	"github.com/traindesk/traindesk/views/training"
)

// optInt64 reads an optional id from a form or query value.
func optInt64(v string) *int64 {
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || n <= 0 {
		return nil
	}
	return &n
}

func int64s(vs []string) []int64 {
	var out []int64
	for _, v := range vs {
		if p := optInt64(v); p != nil {
			out = append(out, *p)
		}
	}
	return out
}

// trainingInput reads the training form.
func trainingInput(c echo.Context) model.TrainingInput {
	f, _ := c.FormParams()
	in := model.TrainingInput{
		TitleEn: f.Get("title_en"), TitleAr: f.Get("title_ar"),
		ObjectivesEn: f.Get("objectives_en"), ObjectivesAr: f.Get("objectives_ar"),
		ThematicAreaID: optInt64(f.Get("thematic_area_id")), ProjectID: optInt64(f.Get("project_id")),
		AgencyID: optInt64(f.Get("agency_id")), VenueEn: f.Get("venue_en"), VenueAr: f.Get("venue_ar"), City: f.Get("city"),
		GovernorateID: optInt64(f.Get("governorate_id")), StartsOn: f.Get("starts_on"), EndsOn: f.Get("ends_on"),
		Capacity: f.Get("capacity"), Language: f.Get("language"),
		Facilitators: int64s(f["facilitators"]), SDGs: int64s(f["sdgs"]), GCMs: int64s(f["gcms"]),
		CompletionRate: f.Get("completion_rate"), MinPostScore: f.Get("min_post_score"),
		DayStarts: f.Get("day_starts"), DayEnds: f.Get("day_ends"), OutsideOK: f.Get("outside_ok") == "1",
	}
	ag, st, pl := f["quota_agency"], f["quota_station"], f["quota_places"]
	for i := 0; i < len(pl); i++ {
		q := model.QuotaInput{Places: pl[i]}
		if i < len(ag) {
			q.AgencyID = optInt64(ag[i])
		}
		if i < len(st) {
			q.StationID = optInt64(st[i])
		}
		in.Quotas = append(in.Quotas, q)
	}
	return in
}

// inputOf turns a saved training back into form input.
func inputOf(d model.TrainingDetail) model.TrainingInput {
	in := model.TrainingInput{TitleEn: d.TitleEn, TitleAr: d.TitleAr, ObjectivesEn: d.ObjectivesEn, ObjectivesAr: d.ObjectivesAr,
		ThematicAreaID: d.ThematicAreaID, ProjectID: d.ProjectID, AgencyID: d.AgencyID,
		VenueEn: d.VenueEn, VenueAr: d.VenueAr, City: d.City, GovernorateID: d.GovernorateID,
		StartsOn: d.StartsOn.String(), EndsOn: d.EndsOn.String(), Capacity: strconv.Itoa(d.Capacity),
		Language: d.Language, Facilitators: d.FacilitatorIDs(), SDGs: d.SDGs, GCMs: d.GCMs,
		CompletionRate: strconv.Itoa(d.CompletionMinRate), DayStarts: model.DefaultDayStarts, DayEnds: model.DefaultDayEnds}
	if d.CompletionMinPostScore != nil {
		in.MinPostScore = strconv.Itoa(*d.CompletionMinPostScore)
	}
	for _, q := range d.Quotas {
		in.Quotas = append(in.Quotas, model.QuotaInput{AgencyID: q.AgencyID, StationID: q.DutyStationID, Places: strconv.Itoa(q.Places)})
	}
	return in
}

// trainingForm renders the training form of training id (0: a new one)
// with in as typed and its problems, errs. A nil in shows the training as
// saved.
func (s *Server) trainingForm(c echo.Context, status int, id int64, in *model.TrainingInput, errs map[string]string) error {
	f, err := s.Trainings.Form(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return err
	}
	if in == nil {
		saved := inputOf(f.Detail)
		in = &saved
	}
	return s.render(c, status, training.Form(training.FormProps{ID: id, In: *in, Errors: errs,
		Names: components.Names{Refs: f.Refs}, Trainers: f.Trainers}))
}

func (s *Server) trainingNew(c echo.Context) error {
	in := model.TrainingInput{Language: "ar", Capacity: "25", DayStarts: model.DefaultDayStarts, DayEnds: model.DefaultDayEnds,
		CompletionRate: strconv.Itoa(model.DefaultCompletionRate)}
	return s.trainingForm(c, http.StatusOK, 0, &in, nil)
}

func (s *Server) trainingCreate(c echo.Context) error {
	in := trainingInput(c)
	t, err := s.Trainings.Create(c.Request().Context(), actorOf(c), &in)
	if fe := model.FieldErrors(err); fe != nil {
		return s.trainingForm(c, http.StatusUnprocessableEntity, 0, &in, fe)
	} else if err != nil {
		return err
	}
	s.addFlash(c, "ok", "training.created")
	return c.Redirect(http.StatusSeeOther, "/trainings/"+strconv.FormatInt(t.ID, 10))
}

func (s *Server) trainingEdit(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	return s.trainingForm(c, http.StatusOK, id, nil, nil)
}

func (s *Server) trainingUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	in := trainingInput(c)
	err = s.Trainings.Update(c.Request().Context(), actorOf(c), id, &in)
	if fe := model.FieldErrors(err); fe != nil {
		return s.trainingForm(c, http.StatusUnprocessableEntity, id, &in, fe)
	} else if err != nil {
		return err
	}
	s.addFlash(c, "ok", "training.saved")
	return c.Redirect(http.StatusSeeOther, "/trainings/"+strconv.FormatInt(id, 10))
}

func (s *Server) trainingStatus(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	back := "/trainings/" + strconv.FormatInt(id, 10)
	err = s.Trainings.SetStatus(c.Request().Context(), actorOf(c), id, model.TrainingStatus(c.FormValue("status")), c.FormValue("reason"))
	switch fe := model.FieldErrors(err); {
	case fe != nil:
		s.addFlash(c, "bad", fe["reason"])
		return c.Redirect(http.StatusSeeOther, back)
	case errors.Is(err, model.ErrStatusMove):
		s.addFlash(c, "bad", "training.error.status_move")
		return c.Redirect(http.StatusSeeOther, back)
	case err != nil:
		return err
	}
	s.addFlash(c, "ok", "training.status_changed")
	return c.Redirect(http.StatusSeeOther, back)
}

func (s *Server) trainingCopy(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	t, err := s.Trainings.Copy(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return err
	}
	s.addFlash(c, "ok", "training.copied")
	return c.Redirect(http.StatusSeeOther, "/trainings/"+strconv.FormatInt(t.ID, 10)+"/edit")
}
