package model

import "time"

// TrainingStatus is where a training is in its life.
type TrainingStatus string

// Training statuses: draft → planned → ongoing → completed, or cancelled.
const (
	StatusDraft     TrainingStatus = "draft"
	StatusPlanned   TrainingStatus = "planned"
	StatusOngoing   TrainingStatus = "ongoing"
	StatusCompleted TrainingStatus = "completed"
	StatusCancelled TrainingStatus = "cancelled"
)

// TrainingStatuses lists the statuses in their natural order.
var TrainingStatuses = []TrainingStatus{StatusDraft, StatusPlanned, StatusOngoing, StatusCompleted, StatusCancelled}

// Training is one course: a title, a place, dates and the people on it.
type Training struct {
	ID                     int64
	TitleEn                string // at least one of the two titles is set
	TitleAr                string
	ObjectivesEn           string
	ObjectivesAr           string
	ThematicAreaID         *int64
	ProjectID              *int64
	AgencyID               *int64
	VenueEn                string
	VenueAr                string
	City                   string
	GovernorateID          *int64
	StartsOn               Date
	EndsOn                 Date
	Status                 TrainingStatus
	CancelReason           string
	Capacity               int
	Language               string // "en", "ar" or "en,ar"
	CompletionMinRate      int    // percent of sessions present or late
	CompletionMinPostScore *int   // optional minimum post-test score
	CopiedFromID           *int64
	CreatedByID            *int64
	CreatedAt              time.Time
	UpdatedAt              time.Time
}

// Days counts the calendar days from the first to the last day.
func (t Training) Days() int {
	if t.StartsOn.IsZero() || t.EndsOn.IsZero() {
		return 0
	}
	return t.StartsOn.DaysUntil(t.EndsOn) + 1
}

// DefaultCompletionRate is the share of sessions (present or late) that a
// participant needs to complete a training unless the training says else.
const DefaultCompletionRate = 80

// TrainingQuota reserves places for an agency or a duty station.
type TrainingQuota struct {
	ID            int64
	TrainingID    int64
	AgencyID      *int64
	DutyStationID *int64
	Places        int
}

// Sitting is one session of a training: a day with hours and a topic.
// (HTTP sign-in sessions are called logins in traindesk's code to keep the
// two apart.)
type Sitting struct {
	ID         int64
	TrainingID int64
	Date       Date
	StartsAt   string // HH:MM, local time of the venue
	EndsAt     string
	Topic      string
	DeletedAt  *time.Time
	CreatedAt  time.Time
	UpdatedAt  time.Time
}
