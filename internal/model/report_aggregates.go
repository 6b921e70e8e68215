package model

// ReportAggregates are every aggregate figure of the donor report for one
// filter, read together: the per-training lines, the disaggregation lines,
// the assessments, the goals and the follow-up outcome.
type ReportAggregates struct {
	Trainings   []ReportTraining
	Groups      []ReportGroup
	Assessments ReportAssessments
	Goals       []ReportGoal
	Outcome     ReportOutcome
}
