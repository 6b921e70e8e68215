package report

import "github.com/traindesk/traindesk/internal/model"

// indicators computes each indicator's actual value from the figures, by
// its metric, and its progress from baseline to target.
func indicators(in []model.Indicator, fig model.Figures) []model.IndicatorFigures {
	out := make([]model.IndicatorFigures, 0, len(in))
	for _, ind := range in {
		r := model.IndicatorFigures{ID: ind.ID, Code: ind.Code, NameEn: ind.NameEn, NameAr: ind.NameAr, Unit: ind.Unit,
			Metric: ind.Metric, Baseline: ind.Baseline, Target: ind.Target, Actual: Actual(ind, fig)}
		r.Progress = Progress(ind.Baseline, ind.Target, r.Actual)
		out = append(out, r)
	}
	return out
}

// Actual is an indicator's value for the report's period:
//
//   - officials_trained: unique individuals;
//   - participations: participations;
//   - women_share: percent of women among the unique individuals;
//   - knowledge_gain: percent of the participations with both test scores
//     whose post-test score is higher;
//   - completion_rate: percent of participations completed;
//   - trainings_held: trainings counted in the period;
//   - training_days: live sessions held in the period;
//   - skills_use: percent of the follow-up's answers reporting use of
//     the skills;
//   - manual: the value entered on the indicator (nil when none).
//
// A percentage with nothing to divide by is nil.
func Actual(ind model.Indicator, fig model.Figures) *float64 {
	n := func(v int) *float64 { f := float64(v); return &f }
	switch ind.Metric {
	case model.MetricOfficialsTrained:
		return n(fig.Summary.Individuals)
	case model.MetricParticipations:
		return n(fig.Summary.Participations)
	case model.MetricWomenShare:
		return fig.Summary.WomenShare
	case model.MetricKnowledgeGain:
		return fig.Knowledge.ImprovedShare
	case model.MetricCompletionRate:
		return fig.Summary.CompletionRate
	case model.MetricTrainingsHeld:
		return n(fig.Summary.TrainingsHeld)
	case model.MetricTrainingDays:
		return n(fig.Summary.TrainingDays)
	case model.MetricSkillsUse:
		return fig.Outcome.Share
	}
	return ind.Actual
}

// Progress is how far actual has come from baseline towards target, in
// percent: (actual − baseline) / (target − baseline). It is nil without an
// actual value or when the target equals the baseline. It may be negative
// or pass 100.
func Progress(baseline, target float64, actual *float64) *float64 {
	if actual == nil || target == baseline {
		return nil
	}
	p := (*actual - baseline) / (target - baseline) * 100
	return &p
}
