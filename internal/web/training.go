package web

import (
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/views/components"
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

// trainingFilter reads the list's filters from the query.
func trainingFilter(q url.Values) model.TrainingFilter {
	f := model.TrainingFilter{Status: model.TrainingStatus(q.Get("status")), Text: q.Get("q"), Sort: q.Get("sort")}
	for key, dst := range map[string]*int64{"donor": &f.DonorID, "project": &f.ProjectID, "agency": &f.AgencyID,
		"governorate": &f.GovernorateID, "thematic": &f.ThematicID} {
		if p := optInt64(q.Get(key)); p != nil {
			*dst = *p
		}
	}
	f.From, _ = model.ParseDate(q.Get("from"))
	f.To, _ = model.ParseDate(q.Get("to"))
	return f
}

func (s *Server) trainingList(c echo.Context) error {
	const per = 25
	q := c.QueryParams()
	f := trainingFilter(q)
	page := pageParam(c)
	f.Limit, f.Offset = per, (page-1)*per
	list, err := s.Trainings.List(c.Request().Context(), actorOf(c), f)
	searchErr := model.FieldErrors(err)["q"]
	if err != nil && searchErr == "" {
		return err
	}
	kept := url.Values{}
	for k, v := range q {
		if k != "lang" && len(v) > 0 && v[0] != "" {
			kept[k] = v
		}
	}
	return s.render(c, http.StatusOK, training.List(training.ListProps{Names: components.Names{Refs: list.Refs}, Rows: list.Rows,
		Total: list.Total, Page: page, PerPage: per, Query: kept, CanEdit: auth.Can(currentUser(c).Role, auth.EditTrainings),
		SearchError: searchErr}))
}

func (s *Server) trainingCalendar(c echo.Context) error {
	var day model.Date // zero: this month
	if m := c.QueryParam("month"); m != "" {
		day, _ = model.ParseDate(m + "-01")
	}
	month, err := s.Trainings.Calendar(c.Request().Context(), actorOf(c), day)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, training.Calendar(training.CalendarProps{Year: month.Year, Month: month.Month,
		Today: month.Today, Rows: month.Rows}))
}

// visibleTraining loads the training in :id if the user may see it. The
// handlers of other areas use it too.
func (s *Server) visibleTraining(c echo.Context) (model.TrainingDetail, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return model.TrainingDetail{}, err
	}
	return s.Trainings.Training(c.Request().Context(), actorOf(c), id)
}

func (s *Server) trainingShow(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	p, err := s.Trainings.Page(c.Request().Context(), actorOf(c), id)
	if err != nil {
		return err
	}
	u, obj := *currentUser(c), auth.TrainingObject(p.Detail.FacilitatorIDs())
	return s.render(c, http.StatusOK, training.Show(training.ShowProps{Names: components.Names{Refs: p.Refs}, T: p.Detail,
		Sittings: p.Sittings, Roster: p.Roster, Marks: training.IndexMarks(p.Marks), Today: p.Today, Scores: p.Scores,
		CanEdit: auth.Allow(u, auth.EditTrainings, obj), CanAssess: auth.Allow(u, auth.EditScores, obj)}))
}
