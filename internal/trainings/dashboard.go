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
	d.Headline, err = s.st.Headline(ctx, scope, d.Date)
	return d, err
}
