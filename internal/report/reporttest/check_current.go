package reporttest

import (
	"testing"

	"github.com/traindesk/traindesk/internal/model"
)

// CheckCounts compares a report's counts, and every rate that follows
// from them, with c.
func CheckCounts(t testing.TB, fig model.Figures, c Counts) {
	t.Helper()
	sm, at, k, ct := fig.Summary, fig.Attendance, fig.Knowledge, fig.Counted
	for _, e := range []struct {
		what      string
		got, want int
	}{
		{"trainings held", sm.TrainingsHeld, c.TrainingsHeld}, {"running", ct.Running, c.Running},
		{"not started", ct.NotStarted, c.NotStarted}, {"training days", sm.TrainingDays, c.TrainingDays},
		{"participations", sm.Participations, c.Participations}, {"participations women", sm.ParticipationsWomen, c.ParticipationsWomen},
		{"participations men", sm.ParticipationsMen, c.ParticipationsMen}, {"individuals", sm.Individuals, c.Individuals},
		{"women", sm.Women, c.Women}, {"men", sm.Men, c.Men}, {"no-shows", sm.NoShows, c.NoShows},
		{"completion base", sm.CompletionBase, c.CompletionBase}, {"completed", sm.Completed, c.Completed},
		{"expected", at.Expected, c.Expected}, {"present", at.Present, c.Present}, {"late", at.Late, c.Late},
		{"absent", at.Absent, c.Absent}, {"excused", at.Excused, c.Excused}, {"unmarked", at.Unmarked, c.Unmarked},
		{"attended", at.Attended, c.Present + c.Late}, {"assessed", k.Assessed, c.Assessed},
		{"improved", k.Improved, c.Improved}, {"mastery", k.Mastery, c.Mastery},
	} {
		eqInt(t, e.what, e.got, e.want)
	}
	rate := func(what string, got *float64, n, of int) {
		t.Helper()
		if of == 0 {
			if got != nil {
				t.Errorf("%s = %v, want none", what, *got)
			}
			return
		}
		eqPct(t, what, got, 100*float64(n)/float64(of))
	}
	rate("women share", sm.WomenShare, c.Women, c.Individuals)
	rate("completion rate", sm.CompletionRate, c.Completed, c.CompletionBase)
	rate("attendance rate", at.Rate, c.Present+c.Late, c.Expected)
	rate("improved share", k.ImprovedShare, c.Improved, c.Assessed)
	rate("mastery share", k.MasteryShare, c.Mastery, c.Assessed)
	if c.Assessed > 0 {
		eqPct(t, "mean pre", k.MeanPre, float64(c.SumPre)/float64(c.Assessed))
		eqPct(t, "mean post", k.MeanPost, float64(c.SumPost)/float64(c.Assessed))
		eqPct(t, "mean gain", k.MeanGain, float64(c.SumPost-c.SumPre)/float64(c.Assessed))
	}
	if fig.Satisfaction.Counts != c.Ratings {
		t.Errorf("ratings = %v, want %v", fig.Satisfaction.Counts, c.Ratings)
	}
	if fig.Counted.AsOf != Today {
		t.Errorf("counted as of %s, want %s", fig.Counted.AsOf, Today)
	}
}

// CheckCurrent compares the 2026 report with the hand count: the counts,
// the trainings with their running flag, the duty stations, the goals and
// the indicators.
func CheckCurrent(t testing.TB, fig model.Figures) {
	t.Helper()
	CheckCounts(t, fig, Current)
	if len(fig.Trainings) != len(CurrentTrainings) {
		t.Errorf("%d trainings, want %d", len(fig.Trainings), len(CurrentTrainings))
	}
	for _, r := range fig.Trainings {
		w, ok := CurrentTrainings[r.TitleEn]
		have := CurrentRow{[9]int{r.Sessions, r.SessionsPlanned, r.Days, r.Participants, r.NoShows, r.Women, r.Men, r.Attended,
			r.Completed}, r.Running}
		if !ok || have != w {
			t.Errorf("training %q = %v, want %v", r.TitleEn, have, w)
		}
		if r.Running != (r.CompletionRate == nil) {
			t.Errorf("training %q: running %v with completion rate %v", r.TitleEn, r.Running, deref(r.CompletionRate))
		}
	}
	checkGroups(t, "station", fig.Groups.Station, CurrentStations, func(g model.GroupFigures) string { return g.NameEn })
	checkGoals(t, "SDG", fig.SDGs, CurrentSDGs)
	checkGoals(t, "GCM", fig.GCMs, CurrentGCMs)
	checkIndicatorsOf(t, fig.Indicators, CurrentIndicators)
}
