package trainings

import (
	"context"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// upcomingLimit is how many trainings the dashboard's "coming up" lists.
const upcomingLimit = 8

// liveStatuses are the statuses of trainings that still take place: all
// but cancelled. Today's sessions and the upcoming trainings count only
// these.
func liveStatuses() []model.TrainingStatus {
	var out []model.TrainingStatus
	for _, st := range model.TrainingStatuses {
		if st != model.StatusCancelled {
			out = append(out, st)
		}
	}
	return out
}

// Headlines gives the dashboard its headline figures. They are the donor
// report's, counted by its rules for the trainings the actor may see, so
// that the dashboard and the report never disagree; *report.Service
// implements it.
type Headlines interface {
	Headlines(ctx context.Context, actor model.Actor) ([]model.Figures, error)
}

// WithHeadlines hands the service the report's headline figures, which
// the dashboard shows; without them it shows none.
func (s *Service) WithHeadlines(h Headlines) *Service {
	s.headlines = h
	return s
}

// Dashboard gathers the home page for the actor on the venue's today,
// over the trainings they may see: today's sessions of live trainings, the
// live trainings not over yet (the soonest first) and the headline
// figures.
func (s *Service) Dashboard(ctx context.Context, actor model.Actor) (model.Dashboard, error) {
	d := model.Dashboard{Date: s.today()}
	scope := auth.VisibleTrainings(actor.User)
	live := liveStatuses()
	var err error
	if d.Today, err = s.st.SittingsOn(ctx, scope, d.Date, live); err != nil {
		return d, err
	}
	if d.Upcoming, err = s.st.TrainingsEndingFrom(ctx, scope, d.Date, live, upcomingLimit); err != nil {
		return d, err
	}
	if s.headlines != nil {
		d.Headlines, err = s.headlines.Headlines(ctx, actor)
	}
	return d, err
}
