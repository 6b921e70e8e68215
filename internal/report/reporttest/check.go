package reporttest

import (
	"math"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
)

func eqInt(t testing.TB, what string, got, want int) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %d, want %d", what, got, want)
	}
}

func eqPct(t testing.TB, what string, got *float64, want float64) {
	t.Helper()
	if got == nil || math.Abs(*got-want) > 1e-9 {
		t.Errorf("%s = %v, want %v", what, deref(got), want)
	}
}

func deref(p *float64) any {
	if p == nil {
		return "nil"
	}
	return *p
}

// Check compares every figure of the 2023 report with the hand count.
func Check(t testing.TB, fig model.Figures) {
	t.Helper()
	w := Participations
	sm, at := fig.Summary, fig.Attendance
	eqInt(t, "trainings held", sm.TrainingsHeld, TrainingsHeld)
	eqInt(t, "training days", sm.TrainingDays, TrainingDays)
	eqInt(t, "participations", sm.Participations, w)
	eqInt(t, "participations women", sm.ParticipationsWomen, ParticipationsWomen)
	eqInt(t, "participations men", sm.ParticipationsMen, ParticipationsMen)
	eqInt(t, "individuals", sm.Individuals, Individuals)
	eqInt(t, "women", sm.Women, Women)
	eqInt(t, "men", sm.Men, Men)
	eqPct(t, "women share", sm.WomenShare, 100.0*Women/Individuals)
	eqInt(t, "completed", sm.Completed, Completed)
	eqPct(t, "completion rate", sm.CompletionRate, 100.0*Completed/Participations)
	// 2023 is long over: every training is over, nobody was a no-show.
	eqInt(t, "completion base", sm.CompletionBase, Participations)
	eqInt(t, "no-shows", sm.NoShows, 0)
	eqInt(t, "running", fig.Counted.Running, 0)
	eqInt(t, "not started", fig.Counted.NotStarted, 0)

	eqInt(t, "expected marks", at.Expected, Expected)
	eqInt(t, "present", at.Present, Present)
	eqInt(t, "late", at.Late, Late)
	eqInt(t, "absent", at.Absent, Absent)
	eqInt(t, "excused", at.Excused, Excused)
	eqInt(t, "unmarked", at.Unmarked, Unmarked)
	eqInt(t, "attended", at.Attended, Attended)
	eqPct(t, "attendance rate", at.Rate, 100.0*Attended/Expected)

	k := fig.Knowledge
	eqInt(t, "assessed", k.Assessed, Assessed)
	eqPct(t, "mean pre", k.MeanPre, float64(SumPre)/Assessed)
	eqPct(t, "mean post", k.MeanPost, float64(SumPost)/Assessed)
	eqPct(t, "mean gain", k.MeanGain, float64(SumPost-SumPre)/Assessed)
	eqInt(t, "improved", k.Improved, Improved)
	eqPct(t, "improved share", k.ImprovedShare, 100.0*Improved/Assessed)
	eqInt(t, "mastery", k.Mastery, Mastery)
	eqPct(t, "mastery share", k.MasteryShare, 100.0*Mastery/Assessed)
	if k.MasteryThreshold != Threshold {
		t.Errorf("threshold = %v", k.MasteryThreshold)
	}

	st := fig.Satisfaction
	eqInt(t, "responses", st.Responses, Responses)
	if st.Counts != Ratings {
		t.Errorf("ratings = %v, want %v", st.Counts, Ratings)
	}
	eqPct(t, "satisfaction", st.Mean, float64(SumRating)/Responses)

	checkGroups(t, "agency", fig.Groups.Agency, Agencies, func(g model.GroupFigures) string { return g.NameEn })
	checkGroups(t, "station", fig.Groups.Station, Stations, func(g model.GroupFigures) string { return g.NameEn })
	checkGroups(t, "governorate", fig.Groups.Governorate, Governorates, func(g model.GroupFigures) string { return g.NameEn })
	checkGroups(t, "position", fig.Groups.Position, Positions, func(g model.GroupFigures) string { return g.Key })
	checkGoals(t, "SDG", fig.SDGs, SDGs)
	checkGoals(t, "GCM", fig.GCMs, GCMs)
	checkTrainings(t, fig.Trainings)
	checkIndicators(t, fig.Indicators)
}

func checkGroups(t testing.TB, dim string, got []model.GroupFigures, want map[string]Group, name func(model.GroupFigures) string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d lines, want %d: %+v", dim, len(got), len(want), got)
	}
	for i, g := range got {
		w, ok := want[name(g)]
		if !ok {
			t.Errorf("%s: unexpected line %q", dim, name(g))
			continue
		}
		have := Group{g.Participations, g.ParticipationsWomen, g.ParticipationsMen, g.Individuals, g.Women, g.Men}
		if have != w {
			t.Errorf("%s %q = %v, want %v", dim, name(g), have, w)
		}
		if i > 0 && got[i-1].Participations < g.Participations {
			t.Errorf("%s: lines not ordered by participations", dim)
		}
	}
}

func checkGoals(t testing.TB, kind string, got []model.GoalFigures, want map[int64]Goal) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d goals, want %d: %+v", kind, len(got), len(want), got)
	}
	for i, g := range got {
		if have := (Goal{g.Trainings, g.Participations, g.Individuals}); have != want[g.Number] {
			t.Errorf("%s %d = %v, want %v", kind, g.Number, have, want[g.Number])
		}
		if i > 0 && got[i-1].Number >= g.Number {
			t.Errorf("%s: not in order of number", kind)
		}
	}
}

func checkTrainings(t testing.TB, got []model.TrainingFigures) {
	t.Helper()
	if len(got) != len(Trainings) {
		t.Fatalf("%d trainings, want %d", len(got), len(Trainings))
	}
	for _, r := range got {
		have := TrainingRow{r.Sessions, r.Days, r.Participants, r.Women, r.Men, r.Attended, r.Completed}
		w := Trainings[r.TitleEn]
		if have != w {
			t.Errorf("training %q = %v, want %v", r.TitleEn, have, w)
		}
		eqPct(t, r.TitleEn+" attendance", r.AttendanceRate, 100*float64(w[5])/float64(w[2]*w[0]))
		eqPct(t, r.TitleEn+" completion", r.CompletionRate, 100*float64(w[6])/float64(w[2]))
	}
	if !got[0].StartsOn.Before(got[1].StartsOn) {
		t.Error("trainings not by date")
	}
}

func checkIndicators(t testing.TB, got []model.IndicatorFigures) {
	t.Helper()
	checkIndicatorsOf(t, got, Indicators)
}

func checkIndicatorsOf(t testing.TB, got []model.IndicatorFigures, want map[string]Indicator) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%d indicators, want %d", len(got), len(want))
	}
	for _, ind := range got {
		w, ok := want[ind.Code]
		switch {
		case !ok:
			t.Errorf("unexpected indicator %s", ind.Code)
		case w.Missing:
			if ind.Actual != nil || ind.Progress != nil {
				t.Errorf("indicator %s = %v, %v; want none", ind.Code, deref(ind.Actual), deref(ind.Progress))
			}
		default:
			eqPct(t, "indicator "+ind.Code+" actual", ind.Actual, w.Actual)
			eqPct(t, "indicator "+ind.Code+" progress", ind.Progress, w.Progress)
		}
	}
}
