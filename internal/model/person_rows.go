package model

import (
	"fmt"
	"strings"
)

// MergeClash is a training both persons of a merge are registered on.
type MergeClash struct {
	TrainingID int64
	TitleEn    string
	TitleAr    string
	StartsOn   Date
	EndsOn     Date
}

// MergeClashError refuses a merge because both persons are registered on
// the same trainings. Each registration carries its own attendance, scores
// and perhaps a certificate; combining them could not be undone exactly, so
// the officer settles those registrations first.
type MergeClashError struct {
	Trainings []MergeClash
}

func (e *MergeClashError) Error() string {
	titles := make([]string, len(e.Trainings))
	for i, t := range e.Trainings {
		titles[i] = t.TitleEn
		if titles[i] == "" {
			titles[i] = t.TitleAr
		}
	}
	return "both persons are registered on " + strings.Join(titles, "; ")
}

// Merge errors the pages explain. Each wraps ErrConflict.
var (
	ErrMergeSelf        = fmt.Errorf("a person cannot be merged into themselves: %w", ErrConflict)
	ErrAlreadyMerged    = fmt.Errorf("the person was already merged into another: %w", ErrConflict)
	ErrMergeUndone      = fmt.Errorf("the merge was already undone: %w", ErrConflict)
	ErrSurvivorMerged   = fmt.Errorf("the surviving person was merged again since: %w", ErrConflict)
	ErrRegistrationGone = fmt.Errorf("a moved registration no longer belongs to the surviving person: %w", ErrConflict)
)

// Unwrap makes errors.Is(err, ErrConflict) work.
func (e *MergeClashError) Unwrap() error { return ErrConflict }

// PersonFilter narrows the registry.
type PersonFilter struct {
	// Terms is the search text as the registry's matcher splits it: every
	// inner list must match (one of its alternatives) in the name key,
	// phone or email.
	Terms [][]string
	// PhoneTail, when set, is the trailing digits of a phone number (the
	// number without its country code); a person whose phone ends with them,
	// whatever separators it was typed with, matches even when Terms do not.
	PhoneTail     string
	AgencyID      int64
	StationID     int64
	Limit, Offset int
}

// PersonRow is a person in a list, with how many trainings they attended.
type PersonRow struct {
	Person
	Trainings int
}

// HistoryRow is one training in a person's history, with the agency,
// station and position recorded at that training.
type HistoryRow struct {
	RegistrationID int64
	TrainingID     int64
	TitleEn        string
	TitleAr        string
	StartsOn       Date
	EndsOn         Date
	City           string
	TrainingStatus TrainingStatus
	Status         RegistrationStatus
	AgencyID       *int64
	DutyStationID  *int64
	Position       Position
	Attended       int
	Sessions       int
}

// CandidateQuery finds the persons worth comparing with a new or imported
// one: the same phone, email or reference, or a shared name token.
type CandidateQuery struct {
	Phone, Email, NationalRef string
	Tokens                    []string // normalised or skeleton name tokens
	ExcludeID                 int64
	Limit                     int
}

// ImportItem is one row of a confirmed import: link an existing person or
// create a new one, then register them.
type ImportItem struct {
	Line     int
	PersonID int64   // link to this person, or 0 to create New
	New      *Person // the person to create
	Reg      Registration
}

// ImportResult says what happened to one row.
type ImportResult struct {
	Line           int
	PersonID       int64
	RegistrationID int64
	Created        bool
}

// ImportError names the row that stopped an import.
type ImportError struct {
	Line int
	Err  error
}

func (e *ImportError) Error() string { return e.Err.Error() }

// Unwrap gives the cause (for errors.Is with the registration errors).
func (e *ImportError) Unwrap() error { return e.Err }
