package model

import "time"

// FollowUpMonths are the delays after a training's last day a follow-up
// may be sent at; 0 is none.
var FollowUpMonths = []int{0, 3, 6}

// FollowUpRemindDays is how long after the follow-up the one reminder goes
// to those who have not answered.
const FollowUpRemindDays = 14

// FollowUp is a training's follow-up months after it: the delay the officer
// chose, the questionnaire the job built, and when the mail and the one
// reminder were queued.
type FollowUp struct {
	TrainingID      int64 `gorm:"primaryKey;autoIncrement:false"`
	Months          int
	QuestionnaireID *int64
	SentAt          *time.Time
	RemindedAt      *time.Time
	UpdatedAt       time.Time
}

// TableName is the follow-ups' table, created by db/migrations.
func (FollowUp) TableName() string { return "training_followups" }

// ValidFollowUpMonths reports whether m is a delay the officer may choose.
func ValidFollowUpMonths(m int) bool {
	for _, v := range FollowUpMonths {
		if v == m {
			return true
		}
	}
	return false
}

// FollowUpPending is a follow-up that still has mail to queue, with its
// training's last day and status, for the daily job.
type FollowUpPending struct {
	FollowUp
	EndsOn Date
	Status TrainingStatus
}

// DueOn is the day the follow-up is sent: Months after the last day, on
// the same day of the month or, when that month is shorter, its last day
// (31 August and six months is 28 or 29 February, not 3 March).
func (p FollowUpPending) DueOn() Date {
	end := p.EndsOn.Time()
	first := time.Date(end.Year(), end.Month()+time.Month(p.Months), 1, 0, 0, 0, 0, end.Location())
	last := first.AddDate(0, 1, -1).Day()
	return DateOf(first.AddDate(0, 0, min(end.Day(), last)-1))
}

// The follow-up's questions, in order: whether the skills were used (yes,
// no), how often, an example, and what got in the way.
const (
	FollowUpUsed = iota
	FollowUpHowOften
	FollowUpExample
	FollowUpObstacles
)

// FollowUpOften are the catalogue keys of the "how often" choices.
var FollowUpOften = []string{"followup.often.daily", "followup.often.weekly", "followup.often.monthly", "followup.often.rarely", "followup.often.never"}

// UsedSkills reads a follow-up's answers: whether the participant answered
// yes (the first choice) to the first question; nil when unanswered.
func UsedSkills(a Answers) *bool {
	vals := a[FollowUpUsed]
	if len(vals) == 0 {
		return nil
	}
	used := vals[0] == "0"
	return &used
}

// FollowUpView is the follow-up section of a training's questionnaires
// page: the chosen delay, the day it is due, and what was sent.
type FollowUpView struct {
	FollowUp
	DueOn   Date // zero without a delay
	Choices []int
}

// OutcomeFigures is the level-3 outcome of the donor report: of the
// participations in trainings whose follow-up was sent (Trained), how many
// answered it and how many of those reported using the skills. Share is
// Used over Answered, in percent; nil when nobody answered.
type OutcomeFigures struct {
	Trained  int      `json:"trained"`
	Answered int      `json:"answered"`
	Used     int      `json:"used"`
	Share    *float64 `json:"used_percent"`
}

// ReportOutcome is the outcome statement's one line.
type ReportOutcome struct {
	Trained  int
	Answered int
	Used     int
}
