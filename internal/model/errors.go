// Package model holds traindesk's domain types, their enumerations, the
// domain errors and the rules that need nothing but the standard library.
package model

import (
	"errors"
	"sort"
	"strings"
)

// Domain errors. Packages wrap them with context; the web layer maps them to
// HTTP statuses with errors.Is.
var (
	// ErrNotFound means the object asked for does not exist (or is hidden
	// from the caller, who must not learn that it exists).
	ErrNotFound = errors.New("not found")
	// ErrConflict means the change clashes with the current state, such as a
	// duplicate email or a row that is still referenced.
	ErrConflict = errors.New("conflict")
	// ErrForbidden means the caller may not do this to this object.
	ErrForbidden = errors.New("forbidden")
)

// ValidationError carries one message key per invalid field so that a form
// can show each message beside its field.
type ValidationError struct {
	Fields map[string]string
}

// Error lists the invalid fields in a stable order.
func (e *ValidationError) Error() string {
	names := make([]string, 0, len(e.Fields))
	for k := range e.Fields {
		names = append(names, k)
	}
	sort.Strings(names)
	return "invalid " + strings.Join(names, ", ")
}

// Errors collects field errors while a form is checked.
type Errors map[string]string

// Add records msg for field unless the field already has a message: the
// first problem found is the one worth showing.
func (e Errors) Add(field, msg string) {
	if _, ok := e[field]; !ok {
		e[field] = msg
	}
}

// Err returns nil when nothing was added, or a *ValidationError.
func (e Errors) Err() error {
	if len(e) == 0 {
		return nil
	}
	return &ValidationError{Fields: map[string]string(e)}
}

// FieldErrors extracts the field messages of a validation error, or nil.
func FieldErrors(err error) map[string]string {
	var ve *ValidationError
	if errors.As(err, &ve) {
		return ve.Fields
	}
	return nil
}
