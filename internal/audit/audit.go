// Package audit reads the audit log for the administrators' audit page.
//
// Every service records its own typed events (model.AuditEvent) in the
// transaction of the change it describes; this package is the one reader.
// It is a package of its own rather than part of auth because it serves
// the events of every capability (trainings, roster, attendance, …), and
// auth should not have to know them.
package audit

import (
	"context"
	"slices"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// Store is what the audit page needs from the database.
type Store interface {
	AuditLog(ctx context.Context, f model.AuditFilter) ([]model.AuditLine, int64, error)
	Users(ctx context.Context) ([]model.User, error)
}

// Service reads the audit log.
type Service struct {
	store Store
}

// New builds the service over st.
func New(st Store) *Service { return &Service{store: st} }

// PerPage is how many events a page of the log shows.
const PerPage = 50

// Page is one page of the log, newest first, with what its filter offers.
type Page struct {
	Lines []model.AuditLine
	Total int64 // events that match the filter
	// Filter is the filter applied, after unknown values were dropped.
	Filter model.AuditFilter
	// Users are the accounts the filter offers as actors, by name.
	Users []model.User
}

// Log returns page (from 1) of the events that match f. A kind the log
// does not know is ignored rather than matching nothing, so that an old
// link still shows the log; so is an object type that is not a short
// lower-case word (the types are "training", "certificate", …), however
// long the text a crafted address puts there.
func (s *Service) Log(ctx context.Context, actor model.Actor, f model.AuditFilter, page int) (Page, error) {
	if err := auth.Require(actor, auth.ViewAudit, auth.Object{}); err != nil {
		return Page{}, err
	}
	if f.Kind != "" && !slices.Contains(model.AuditKinds, f.Kind) {
		f.Kind = ""
	}
	if !objectType(f.ObjectType) {
		f.ObjectType = ""
	}
	if f.ObjectType == "" {
		f.ObjectID = 0
	}
	if page < 1 {
		page = 1
	}
	f.Limit, f.Offset = PerPage, (page-1)*PerPage
	lines, total, err := s.store.AuditLog(ctx, f)
	if err != nil {
		return Page{}, err
	}
	users, err := s.store.Users(ctx)
	if err != nil {
		return Page{}, err
	}
	// The filter shows names; the page has no use for the rest.
	for i := range users {
		users[i] = model.User{ID: users[i].ID, Name: users[i].Name, Role: users[i].Role, Active: users[i].Active}
	}
	return Page{Lines: lines, Total: total, Filter: f, Users: users}, nil
}

// maxObjectType bounds an object type's length: the longest is far shorter.
const maxObjectType = 40

// objectType reports whether t can be an object type: a short word of
// lower-case letters and underscores.
func objectType(t string) bool {
	if t == "" || len(t) > maxObjectType {
		return false
	}
	for _, r := range t {
		if (r < 'a' || r > 'z') && r != '_' {
			return false
		}
	}
	return true
}
