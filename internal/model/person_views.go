package model

import (
	"encoding/json"
	"fmt"
)

// ErrPersonMerged refuses a change to a person who was merged into
// another: the merged record is kept only as a pointer, and is neither
// edited nor merged again.
var ErrPersonMerged = fmt.Errorf("the person was merged into another and is kept read-only: %w", ErrConflict)

// PersonMatch is a person in the registry who may be the one being typed
// (or the one being merged away), with how alike the two are.
type PersonMatch struct {
	Person     Person
	Score      int      // 0–100
	Reasons    []string // catalogue keys match.*
	OnTraining bool     // already registered on the training the person is added for
}

// MergedPerson is a person merged into another, with the merge that did it.
type MergedPerson struct {
	Merge  PersonMerge
	Person Person
}

// PersonPage is a person's page: who they are, their trainings, where they
// were merged to (with the merge, for undo) and who was merged into them.
type PersonPage struct {
	Refs       Refs
	Person     Person
	History    []HistoryRow
	MergedInto *Person
	Merge      *PersonMerge
	MergedFrom []MergedPerson
}

// MergeView is the merge screen: the duplicate (the person merged away),
// the persons who could be the record to keep, and once one is chosen
// both side by side with the trainings that stop the merge.
type MergeView struct {
	Refs            Refs
	Dup             Person
	DupHistory      []HistoryRow
	Query           string
	Choices         []PersonMatch // search results, or likely duplicates before a search
	Suggested       bool          // Choices are likely duplicates, not search results
	Survivor        *Person
	SurvivorHistory []HistoryRow
	Clashes         []MergeClash
}

// MergeRegistration is one registration of a person about to be merged,
// with how many records (marks, scores, certificates) hang off it.
type MergeRegistration struct {
	ID         int64
	TrainingID int64
	Status     RegistrationStatus
	Records    int64
}

// MovedIDs decodes the registration ids a merge moved.
func (m PersonMerge) MovedIDs() ([]int64, error) {
	var ids []int64
	if err := json.Unmarshal([]byte(m.MovedRegistrations), &ids); err != nil {
		return nil, fmt.Errorf("merge %d: moved registrations: %w", m.ID, err)
	}
	return ids, nil
}

// SetMovedIDs records the registration ids a merge moves.
func (m *PersonMerge) SetMovedIDs(ids []int64) {
	if ids == nil {
		ids = []int64{}
	}
	b, _ := json.Marshal(ids)
	m.MovedRegistrations = string(b)
}
