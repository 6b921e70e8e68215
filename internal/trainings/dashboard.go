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

// dashboardKey is what a dashboard depends on besides the data: whose
// trainings and the day.
type dashboardKey struct {
	scope model.TrainingScope
	day   model.Date
}

// Dashboard gathers the home page for the actor on the venue's today,
// over the trainings they may see: today's sessions of live trainings, the
// live trainings not over yet (the soonest first) and the headline
// figures. It is gathered again only when the data has changed since it
// was last gathered for the same scope and day, so a load costs one small
// read; the slices returned are shared and must not be changed.
func (s *Service) Dashboard(ctx context.Context, actor model.Actor) (model.Dashboard, error) {
	// The version is read before the data, so that a dashboard is never
	// kept under a version later than what it was gathered from.
	version, err := s.st.DataVersion(ctx)
	if err != nil {
		return model.Dashboard{}, err
	}
	k := dashboardKey{scope: auth.VisibleTrainings(actor.User), day: s.today()}
	d, err := s.dashboards.Load(ctx, k, version, func(ctx context.Context) (model.Dashboard, error) {
		return s.gather(ctx, actor, k)
	})
	d.Version = version
	return d, err
}

// gather reads the dashboard of key k from the database.
func (s *Service) gather(ctx context.Context, actor model.Actor, k dashboardKey) (model.Dashboard, error) {
	d := model.Dashboard{Date: k.day}
	live := liveStatuses()
	var err error
	if d.Today, err = s.st.SittingsOn(ctx, k.scope, d.Date, live); err != nil {
		return d, err
	}
	if d.Upcoming, err = s.st.TrainingsEndingFrom(ctx, k.scope, d.Date, live, upcomingLimit); err != nil {
		return d, err
	}
	if s.headlines != nil {
		d.Headlines, err = s.headlines.Headlines(ctx, actor)
	}
	return d, err
}
