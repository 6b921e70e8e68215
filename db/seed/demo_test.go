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
				t.Errorf("loaded on %s: %q (%s–%s) is outside the project's period", day, tr.Training.TitleEn, tr.Training.StartsOn, tr.Training.EndsOn)
			}
		}
	}
}

// What the README says of the demo: the Hurghada course's 27 officers came
// from Safaga (12), Hurghada airport (10) and headquarters (5); the two
// courses of 2023 keep their dates, the other two move with the load day
// (yesterday to tomorrow, and the 14th–15th of next month).
func TestBuild_AsTheREADMESays(t *testing.T) {
	today := model.MustDate("2026-11-27")
	d := seed.Build(today)
	from := map[int]int{}
	for _, r := range d.Trainings[0].Regs {
		from[d.Officers[r.Officer].Station]++
	}
	if len(d.Trainings[0].Regs) != 27 || from[seed.Safaga] != 12 || from[seed.Hurghada] != 10 || from[seed.HQ] != 5 {
		t.Errorf("the Hurghada course has %d officers, by station %v; want 27: 12 Safaga, 10 Hurghada, 5 HQ", len(d.Trainings[0].Regs), from)
	}
	later := seed.Build(model.MustDate("2027-03-10"))
	want := [][2]string{{"2023-01-16", "2023-01-19"}, {"2023-05-21", "2023-05-23"}, {"2027-03-09", "2027-03-11"}, {"2027-04-14", "2027-04-15"}}
	for i, tr := range later.Trainings {
		if got := [2]string{tr.Training.StartsOn.String(), tr.Training.EndsOn.String()}; got != want[i] {
			t.Errorf("loaded on 2027-03-10, %q runs %v, want %v", tr.Training.TitleEn, got, want[i])
		}
	}
}
