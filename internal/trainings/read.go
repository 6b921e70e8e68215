package trainings

import (
	"context"
	"strings"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// Training returns a training the actor may see, or model.ErrNotFound.
func (s *Service) Training(ctx context.Context, actor model.Actor, id int64) (model.TrainingDetail, error) {
	return s.visible(ctx, actor, id)
}

// Refs returns the reference lists the trainings pages name things with.
func (s *Service) Refs(ctx context.Context) (model.Refs, error) { return s.st.AllRefs(ctx) }

// List returns one page of the trainings the actor may see that match f
// (whose Scope it sets from the access policy), with the reference lists.
// Search text beyond model.MaxSearchChars characters or
// model.MaxSearchWords words is a *model.ValidationError on "q", returned
// with the reference lists so that the page can still be shown.
func (s *Service) List(ctx context.Context, actor model.Actor, f model.TrainingFilter) (model.TrainingList, error) {
	f.Scope = auth.VisibleTrainings(actor.User)
	var out model.TrainingList
	var err error
	if out.Refs, err = s.st.AllRefs(ctx); err != nil {
		return out, err
	}
	f.Text = strings.TrimSpace(f.Text)
	if err := model.CheckSearch("q", f.Text); err != nil {
		return out, err
	}
	out.Rows, out.Total, err = s.st.ListTrainings(ctx, f)
	return out, err
}

// calendarLimit bounds the trainings of one month; far more than a month
// holds.
const calendarLimit = 500

// Calendar returns the trainings the actor may see that overlap the month
// of day, or of today when day is zero.
func (s *Service) Calendar(ctx context.Context, actor model.Actor, day model.Date) (model.TrainingMonth, error) {
	today := s.today()
	if day.IsZero() {
		day = today
	}
	first := model.Date{Year: day.Year, Month: day.Month, Day: 1}
	last := model.DateOf(first.Time().AddDate(0, 1, -1))
	rows, _, err := s.st.ListTrainings(ctx, model.TrainingFilter{Scope: auth.VisibleTrainings(actor.User), From: first, To: last,
		Sort: "start_asc", Limit: calendarLimit})
	return model.TrainingMonth{Year: first.Year, Month: first.Month, Today: today, Rows: rows}, err
}

// Page returns everything a training's pages show: the training (if the
// actor may see it), its sessions, people, marks and scores, and today.
func (s *Service) Page(ctx context.Context, actor model.Actor, id int64) (model.TrainingPage, error) {
	p := model.TrainingPage{Today: s.today()}
	var err error
	if p.Detail, err = s.visible(ctx, actor, id); err != nil {
		return p, err
	}
	if p.Refs, err = s.st.AllRefs(ctx); err != nil {
		return p, err
	}
	if p.Sittings, err = s.st.Sittings(ctx, id); err != nil {
		return p, err
	}
	if p.Roster, err = s.st.Roster(ctx, id); err != nil {
		return p, err
	}
	if p.Marks, err = s.st.TrainingMarks(ctx, id); err != nil {
		return p, err
	}
	p.Scores, err = s.st.Assessments(ctx, id)
	return p, err
}

// Form returns what the training form offers: the reference lists, the
// trainers, and the saved training when id is not 0 (editing).
func (s *Service) Form(ctx context.Context, actor model.Actor, id int64) (model.TrainingForm, error) {
	var f model.TrainingForm
	var err error
	if id == 0 {
		err = mayPlan(actor)
	} else {
		f.Detail, err = s.editable(ctx, actor, id)
	}
	if err != nil {
		return f, err
	}
	if f.Refs, err = s.st.AllRefs(ctx); err != nil {
		return f, err
	}
	f.Trainers, err = s.st.UsersByRole(ctx, model.RoleTrainer)
	return f, err
}

// APIList returns one page of the trainings the actor may see, as the
// API lists them: filtered by status, project code and period. An unknown
// project code is a field error.
func (s *Service) APIList(ctx context.Context, actor model.Actor, q model.APITrainingQuery) (model.APITrainingList, error) {
	f, code, page, err := q.Filter()
	if err != nil {
		return model.APITrainingList{}, err
	}
	if code != "" {
		refs, err := s.st.AllRefs(ctx)
		if err != nil {
			return model.APITrainingList{}, err
		}
		f.ProjectID = -1 // no project has this id: an unknown code lists nothing
		for _, p := range refs.Projects {
			if strings.EqualFold(p.Code, code) {
				f.ProjectID = p.ID
			}
		}
		if f.ProjectID < 0 {
			return model.APITrainingList{}, &model.ValidationError{Fields: map[string]string{"project": "api.error.unknown_project"}}
		}
	}
	f.Scope = auth.VisibleTrainings(actor.User)
	rows, total, err := s.st.ListTrainings(ctx, f)
	out := model.APITrainingList{Items: []model.APITrainingItem{}, Page: page, PerPage: f.Limit, Total: total}
	for _, r := range rows {
		out.Items = append(out.Items, model.ItemOf(r))
	}
	return out, err
}

// APITraining returns a training the actor may see with its sessions and
// counts; its participants only when the actor may read personal data
// (a signed-in user, or a token made with that scope).
func (s *Service) APITraining(ctx context.Context, actor model.Actor, id int64) (model.APITraining, error) {
	p, err := s.Page(ctx, actor, id)
	if err != nil {
		return model.APITraining{}, err
	}
	code := ""
	if pr, ok := p.Refs.Project(p.Detail.ProjectID); ok {
		code = pr.Code
	}
	return model.APITrainingOf(p, code, auth.MayReadPersonalData(actor)), nil
}
