package model

import (
	"errors"
	"fmt"
	"time"
)

// SittingRow is a session with how many marks it holds.
type SittingRow struct {
	Sitting
	Marks int
}

// ErrHasAttendance refuses to remove a session that holds marks unless the
// caller confirms.
var ErrHasAttendance = errors.New("the session holds attendance")

// RosterRow is a participant on a training's page.
type RosterRow struct {
	Registration
	NameLatin  string
	NameArabic string
	Sex        Sex
	Rank       string
	Phone      string
	Email      string
}

// RegistrationChange is one line of a registration's history.
type RegistrationChange struct {
	ID             int64
	RegistrationID int64
	OldStatus      string
	NewStatus      string
	Reason         string
	ChangedByID    *int64
	ChangedBy      string
	ChangedAt      time.Time
}

// QuotaError names the quota that is full.
type QuotaError struct {
	Quota TrainingQuota
	Used  int
}

func (e *QuotaError) Error() string { return ErrQuotaFull.Error() }

// Registration errors the pages explain.
var (
	ErrAlreadyRegistered = fmt.Errorf("the person is already registered on this training: %w", ErrConflict)
	ErrFull              = fmt.Errorf("the training is full: %w", ErrConflict)
	ErrQuotaFull         = fmt.Errorf("the quota is full: %w", ErrConflict)
)

// ErrStatusMove refuses a status change the training's life does not allow
// (see CanMove).
var ErrStatusMove = fmt.Errorf("the training cannot move to this status: %w", ErrConflict)

// Unwrap makes errors.Is(err, ErrQuotaFull) work.
func (e *QuotaError) Unwrap() error { return ErrQuotaFull }

// TrainingFilter narrows and orders the list of trainings.
type TrainingFilter struct {
	Scope         TrainingScope // which trainings the viewer may see (auth.VisibleTrainings)
	Status        TrainingStatus
	DonorID       int64
	ProjectID     int64
	AgencyID      int64
	GovernorateID int64
	ThematicID    int64
	From, To      Date // trainings that overlap this period
	Text          string
	Sort          string // "start" (default, newest first), "start_asc", "title", "participants"
	Limit, Offset int
}

// TrainingRow is a training in a list, with its counts.
type TrainingRow struct {
	Training
	ProjectCode  string
	Participants int
	Women        int
	Sessions     int
}

// TrainingDetail is a training with everything its page and form show.
type TrainingDetail struct {
	Training
	SDGs         []int64
	GCMs         []int64
	Facilitators []User
	Quotas       []TrainingQuota
}

// FacilitatorIDs lists the ids of the training's facilitators.
func (d TrainingDetail) FacilitatorIDs() []int64 {
	out := make([]int64, len(d.Facilitators))
	for i, u := range d.Facilitators {
		out[i] = u.ID
	}
	return out
}

// TrainingPlan is what creating or changing a training writes besides the
// training row itself.
type TrainingPlan struct {
	SDGs, GCMs   []int64
	Facilitators []int64
	Quotas       []Quota
	DayStarts    string
	DayEnds      string
}
