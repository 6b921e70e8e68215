package seed_test

import (
	"testing"

	"github.com/traindesk/traindesk/db/seed"
	"github.com/traindesk/traindesk/internal/model"
)

// The demo is placed around the load day: whatever that day, the project's
// period holds every demo training and ends at least a year later, so an
// officer can plan next month's course under it.
func TestBuild_ProjectCoversTheDemo(t *testing.T) {
	for _, day := range []string{"2026-01-01", "2026-11-27", "2026-12-31", "2031-02-28"} {
		today := model.MustDate(day)
		d := seed.Build(today)
		p := d.Project
		if yearOn := today.AddDays(365); p.EndsOn.Before(yearOn) {
			t.Errorf("loaded on %s: the project ends on %s, before %s", day, p.EndsOn, yearOn)
		}
		for _, tr := range d.Trainings {
			if tr.Training.StartsOn.Before(p.StartsOn) || tr.Training.EndsOn.After(p.EndsOn) {
				t.Errorf("loaded on %s: %q (%s–%s) is outside the project's period", day, tr.Training.Title, tr.Training.StartsOn, tr.Training.EndsOn)
			}
		}
	}
}
