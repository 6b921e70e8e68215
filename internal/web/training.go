package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/traindesk/traindesk/views/components"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/training"
)

// trainingRoutes registers the trainings screens. Everybody signed in sees
// the list (trainers only their own trainings); editing needs
// auth.EditTrainings.
func (s *Server) trainingRoutes(app area) {
	ed := app.with(s.require(auth.EditTrainings))
	app.GET("/trainings", s.trainingList)
	app.GET("/trainings/calendar", s.trainingCalendar)
	ed.GET("/trainings/new", s.trainingNew)
	ed.POST("/trainings", s.trainingCreate)
	app.GET("/trainings/:id", s.trainingShow)
	ed.GET("/trainings/:id/edit", s.trainingEdit)
	ed.POST("/trainings/:id", s.trainingUpdate)
	ed.POST("/trainings/:id/status", s.trainingStatus)
	ed.POST("/trainings/:id/copy", s.trainingCopy)
	s.sessionRoutes(app, ed)
	s.registrationRoutes(app, ed)
	s.importRoutes(ed)
	s.markRoutes(app)
}

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

func (s *Server) trainingList(c echo.Context) error {
	const per = 25
	q := c.QueryParams()
	f := model.TrainingFilter{Viewer: *currentUser(c), Status: model.TrainingStatus(q.Get("status")), Text: q.Get("q"),
		Sort: q.Get("sort"), Limit: per}
	for key, dst := range map[string]*int64{"donor": &f.DonorID, "project": &f.ProjectID, "agency": &f.AgencyID,
		"governorate": &f.GovernorateID, "thematic": &f.ThematicID} {
		if p := optInt64(q.Get(key)); p != nil {
			*dst = *p
		}
	}
	f.From, _ = model.ParseDate(q.Get("from"))
	f.To, _ = model.ParseDate(q.Get("to"))
	page := pageParam(c)
	f.Offset = (page - 1) * per
	rows, total, err := s.Store.ListTrainings(c.Request().Context(), f)
	if err != nil {
		return err
	}
	refs, err := s.Store.AllRefs(c.Request().Context())
	if err != nil {
		return err
	}
	kept := url.Values{}
	for k, v := range q {
		if k != "lang" && len(v) > 0 && v[0] != "" {
			kept[k] = v
		}
	}
	return s.render(c, http.StatusOK, training.List(training.ListProps{Names: components.Names{Refs: refs}, Rows: rows,
		Total: total, Page: page, PerPage: per, Query: kept, CanEdit: auth.Can(currentUser(c).Role, auth.EditTrainings)}))
}

func (s *Server) trainingCalendar(c echo.Context) error {
	today := s.today()
	year, month := today.Year, int(today.Month)
	if m := c.QueryParam("month"); m != "" {
		if d, err := model.ParseDate(m + "-01"); err == nil {
			year, month = d.Year, int(d.Month)
		}
	}
	rows, err := s.Store.TrainingsInMonth(c.Request().Context(), *currentUser(c), year, month)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, training.Calendar(training.CalendarProps{Year: year, Month: time.Month(month),
		Today: today, Rows: rows}))
}

// trainingForm loads what the training form needs besides the input.
func (s *Server) trainingForm(c echo.Context, id int64, in model.TrainingInput, errs map[string]string) (training.FormProps, error) {
	refs, err := s.Store.AllRefs(c.Request().Context())
	if err != nil {
		return training.FormProps{}, err
	}
	trainers, err := s.Store.UsersByRole(c.Request().Context(), model.RoleTrainer)
	if err != nil {
		return training.FormProps{}, err
	}
	return training.FormProps{ID: id, In: in, Errors: errs, Names: components.Names{Refs: refs}, Trainers: trainers}, nil
}

func (s *Server) trainingNew(c echo.Context) error {
	in := model.TrainingInput{Language: "ar", Capacity: "25", DayStarts: "09:00", DayEnds: "15:00",
		CompletionRate: strconv.Itoa(model.DefaultCompletionRate)}
	p, err := s.trainingForm(c, 0, in, nil)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, training.Form(p))
}

// trainingInput reads the training form.
func trainingInput(c echo.Context) model.TrainingInput {
	f, _ := c.FormParams()
	in := model.TrainingInput{
		Title: f.Get("title"), Objectives: f.Get("objectives"),
		ThematicAreaID: optInt64(f.Get("thematic_area_id")), ProjectID: optInt64(f.Get("project_id")),
		AgencyID: optInt64(f.Get("agency_id")), Venue: f.Get("venue"), City: f.Get("city"),
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

// validTraining checks the input, looking up the chosen project's period.
func (s *Server) validTraining(c echo.Context, in *model.TrainingInput) (model.Training, model.TrainingPlan, error) {
	var project *model.Project
	if in.ProjectID != nil {
		p, err := s.Store.ProjectByID(c.Request().Context(), *in.ProjectID)
		if err != nil && !errors.Is(err, model.ErrNotFound) {
			return model.Training{}, model.TrainingPlan{}, err
		}
		if err == nil {
			project = &p
		} else {
			in.ProjectID = nil
		}
	}
	t, quotas, err := in.Training(project)
	plan := model.TrainingPlan{SDGs: in.SDGs, GCMs: in.GCMs, Facilitators: in.Facilitators, Quotas: quotas,
		DayStarts: in.DayStarts, DayEnds: in.DayEnds}
	return t, plan, err
}

func (s *Server) trainingCreate(c echo.Context) error {
	in := trainingInput(c)
	t, plan, err := s.validTraining(c, &in)
	if fe := model.FieldErrors(err); fe != nil {
		p, err := s.trainingForm(c, 0, in, fe)
		if err != nil {
			return err
		}
		return s.render(c, http.StatusUnprocessableEntity, training.Form(p))
	} else if err != nil {
		return err
	}
	t.Status, t.CreatedByID = model.StatusDraft, actor(c)
	if err := s.Store.CreateTraining(c.Request().Context(), &t, plan); err != nil {
		return err
	}
	s.audit(c, actor(c), "training_create", "training", t.ID, map[string]any{"title": t.Title})
	s.addFlash(c, "ok", "training.created")
	return c.Redirect(http.StatusSeeOther, "/trainings/"+strconv.FormatInt(t.ID, 10))
}

// visibleTraining loads the training in :id if the user may see it.
func (s *Server) visibleTraining(c echo.Context) (model.TrainingDetail, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return model.TrainingDetail{}, err
	}
	return s.Store.Training(c.Request().Context(), *currentUser(c), id)
}

// trainingData is what the pages and documents of one training read: the
// reference lists (to name things), its sessions, its people, their marks
// and their scores.
type trainingData struct {
	refs   model.Refs
	sits   []model.SittingRow
	roster []model.RosterRow
	marks  []model.Attendance
	scores map[int64]model.Assessment
}

func (s *Server) loadTrainingData(c echo.Context, id int64) (trainingData, error) {
	ctx := c.Request().Context()
	var td trainingData
	var err error
	if td.refs, err = s.Store.AllRefs(ctx); err != nil {
		return td, err
	}
	if td.sits, err = s.Store.Sittings(ctx, id); err != nil {
		return td, err
	}
	if td.roster, err = s.Store.Roster(ctx, id); err != nil {
		return td, err
	}
	if td.marks, err = s.Store.TrainingMarks(ctx, id); err != nil {
		return td, err
	}
	td.scores, err = s.Store.Assessments(ctx, id)
	return td, err
}

func (s *Server) trainingShow(c echo.Context) error {
	d, err := s.visibleTraining(c)
	if err != nil {
		return err
	}
	td, err := s.loadTrainingData(c, d.ID)
	if err != nil {
		return err
	}
	u := currentUser(c)
	return s.render(c, http.StatusOK, training.Show(training.ShowProps{Names: components.Names{Refs: td.refs}, T: d,
		Sittings: td.sits, Roster: td.roster, Marks: training.IndexMarks(td.marks), Today: s.today(), Scores: td.scores,
		CanEdit: auth.Can(u.Role, auth.EditTrainings), CanAssess: auth.Allow(*u, auth.EditScores, auth.TrainingObject(d.FacilitatorIDs()))}))
}

// inputOf turns a saved training back into form input.
func inputOf(d model.TrainingDetail) model.TrainingInput {
	in := model.TrainingInput{Title: d.Title, Objectives: d.Objectives, ThematicAreaID: d.ThematicAreaID,
		ProjectID: d.ProjectID, AgencyID: d.AgencyID, Venue: d.Venue, City: d.City, GovernorateID: d.GovernorateID,
		StartsOn: d.StartsOn.String(), EndsOn: d.EndsOn.String(), Capacity: strconv.Itoa(d.Capacity),
		Language: d.Language, Facilitators: d.FacilitatorIDs(), SDGs: d.SDGs, GCMs: d.GCMs,
		CompletionRate: strconv.Itoa(d.CompletionMinRate), DayStarts: "09:00", DayEnds: "15:00"}
	if d.CompletionMinPostScore != nil {
		in.MinPostScore = strconv.Itoa(*d.CompletionMinPostScore)
	}
	for _, q := range d.Quotas {
		in.Quotas = append(in.Quotas, model.QuotaInput{AgencyID: q.AgencyID, StationID: q.DutyStationID, Places: strconv.Itoa(q.Places)})
	}
	return in
}

func (s *Server) trainingEdit(c echo.Context) error {
	d, err := s.visibleTraining(c)
	if err != nil {
		return err
	}
	p, err := s.trainingForm(c, d.ID, inputOf(d), nil)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, training.Form(p))
}

func (s *Server) trainingUpdate(c echo.Context) error {
	d, err := s.visibleTraining(c)
	if err != nil {
		return err
	}
	in := trainingInput(c)
	t, plan, err := s.validTraining(c, &in)
	if fe := model.FieldErrors(err); fe != nil {
		p, err := s.trainingForm(c, d.ID, in, fe)
		if err != nil {
			return err
		}
		return s.render(c, http.StatusUnprocessableEntity, training.Form(p))
	} else if err != nil {
		return err
	}
	t.ID, t.Status = d.ID, d.Status
	if err := s.Store.UpdateTraining(c.Request().Context(), &t, plan); err != nil {
		return err
	}
	s.audit(c, actor(c), "training_update", "training", t.ID, map[string]any{"title": t.Title})
	s.addFlash(c, "ok", "training.saved")
	return c.Redirect(http.StatusSeeOther, "/trainings/"+strconv.FormatInt(t.ID, 10))
}

func (s *Server) trainingStatus(c echo.Context) error {
	d, err := s.visibleTraining(c)
	if err != nil {
		return err
	}
	to := model.TrainingStatus(c.FormValue("status"))
	reason := strings.TrimSpace(c.FormValue("reason"))
	back := "/trainings/" + strconv.FormatInt(d.ID, 10)
	if to == model.StatusCancelled && reason == "" {
		s.addFlash(c, "bad", "training.error.cancel_reason")
		return c.Redirect(http.StatusSeeOther, back)
	}
	if _, err := s.Store.SetTrainingStatus(c.Request().Context(), d.ID, to, reason); errors.Is(err, model.ErrConflict) {
		s.addFlash(c, "bad", "training.error.status_move")
		return c.Redirect(http.StatusSeeOther, back)
	} else if err != nil {
		return err
	}
	s.audit(c, actor(c), "training_status", "training", d.ID, map[string]any{"from": d.Status, "to": to, "reason": reason})
	s.addFlash(c, "ok", "training.status_changed")
	return c.Redirect(http.StatusSeeOther, back)
}

func (s *Server) trainingCopy(c echo.Context) error {
	d, err := s.visibleTraining(c)
	if err != nil {
		return err
	}
	t, err := s.Store.CopyTraining(c.Request().Context(), *currentUser(c), d.ID)
	if err != nil {
		return err
	}
	s.audit(c, actor(c), "training_copy", "training", t.ID, map[string]any{"from": d.ID})
	s.addFlash(c, "ok", "training.copied")
	return c.Redirect(http.StatusSeeOther, "/trainings/"+strconv.FormatInt(t.ID, 10)+"/edit")
}
