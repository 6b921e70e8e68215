package model

import (
	"fmt"
	"strings"
)

// RefKind names one of the reference lists that officers edit.
type RefKind string

// The editable reference lists. Governorates, SDGs and GCM objectives are
// fixed by the migrations and are not among them.
const (
	RefDonor    RefKind = "donor"
	RefProject  RefKind = "project"
	RefAgency   RefKind = "agency"
	RefStation  RefKind = "station"
	RefThematic RefKind = "thematic_area"
)

// RefKinds lists the editable reference lists in the order screens show them.
var RefKinds = []RefKind{RefAgency, RefStation, RefDonor, RefProject, RefThematic}

// Use counts the rows of one kind (What names it: "trainings", "persons",
// "registrations", "duty_stations", "training_quotas", "projects") that
// still point at a reference entry.
type Use struct {
	What  string
	Count int64
}

// InUseError refuses to delete a reference entry that other records still
// point at. Deleting it would break their history; archiving keeps it for
// them while hiding it from new forms. It matches ErrConflict.
type InUseError struct {
	Kind RefKind
	ID   int64
	Uses []Use
}

// Error lists what still uses the entry.
func (e *InUseError) Error() string {
	parts := make([]string, 0, len(e.Uses))
	for _, u := range e.Uses {
		parts = append(parts, fmt.Sprintf("%d %s", u.Count, u.What))
	}
	return fmt.Sprintf("%s %d is still used by %s", e.Kind, e.ID, strings.Join(parts, ", "))
}

// Unwrap lets errors.Is(err, ErrConflict) hold.
func (e *InUseError) Unwrap() error { return ErrConflict }
