package report

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// maxHeadlines bounds how many projects the dashboard shows figures for.
const maxHeadlines = 4

// Headlines are the dashboard's headline figures: for each live project
// whose period overlaps this year, the report's own figures for the year
// (counted as of today, exactly as the report counts them), over the
// trainings actor may see: every training for those who see all of them,
// the trainings they facilitate for a trainer. A project with no training
// this year in that scope is left out; at most maxHeadlines projects, by
// code. Anyone signed in may ask: the figures cover only what they may see.
// They are counted again only when the data has changed since they were
// last counted for the same scope and day (see internal/vcache): a load
// then costs one small read instead of the report's aggregates, and every
// instance stays right. The slices returned are shared and must not be
// changed.
func (s *Service) Headlines(ctx context.Context, actor model.Actor) ([]model.Figures, error) {
	scope := auth.VisibleTrainings(actor.User)
	if !scope.All && scope.FacilitatorID == 0 {
		return nil, nil
	}
	// The counter is read before the figures, so that figures are never
	// kept under a version later than the data they were counted from.
	version, err := s.store.DataVersion(ctx)
	if err != nil {
		return nil, fmt.Errorf("report: headlines: %w", err)
	}
	today := s.today()
	return s.headlines.Load(ctx, headlineKey{facilitator: scope.FacilitatorID, today: today}, version,
		func(ctx context.Context) ([]model.Figures, error) { return s.countHeadlines(ctx, scope, today) })
}

// headlineKey is what the headline figures depend on besides the data:
// whose trainings (0: all of them) and the day they are counted as of.
type headlineKey struct {
	facilitator int64
	today       model.Date
}

// countHeadlines counts the headline figures of the projects of today's
// year for the trainings in scope.
func (s *Service) countHeadlines(ctx context.Context, scope model.TrainingScope, today model.Date) ([]model.Figures, error) {
	projects, err := s.store.Projects(ctx, false)
	if err != nil {
		return nil, fmt.Errorf("report: headlines: %w", err)
	}
	slices.SortFunc(projects, func(a, b model.Project) int { return cmp.Compare(a.Code, b.Code) })
	from, to := model.YearPeriod(today.Year)
	var out []model.Figures
	for _, p := range projects {
		if len(out) == maxHeadlines {
			break
		}
		if (!p.StartsOn.IsZero() && p.StartsOn.After(to)) || (!p.EndsOn.IsZero() && p.EndsOn.Before(from)) {
			continue
		}
		f := Filter{ProjectID: p.ID, From: from, To: to, AsOf: today, FacilitatorID: scope.FacilitatorID}
		fig, err := Compute(ctx, s.store, f)
		if err != nil {
			return nil, err
		}
		if fig.Summary.TrainingsHeld+fig.Counted.NotStarted > 0 {
			out = append(out, fig)
		}
	}
	return out, nil
}
