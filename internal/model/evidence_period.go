package model

// EvidencePeriod asks for the evidence behind a report's period: the
// trainings the report counts for its filters, as one pack.
type EvidencePeriod struct {
	ProjectID   int64
	Period      Period
	TrainingIDs []int64
	Heading     string // the project and the period, in the reader's language, for the index
}
