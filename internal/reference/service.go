// Package reference owns the reference lists that officers edit: donors,
// projects and their indicators, partner agencies, duty stations and
// thematic areas. It validates the forms, refuses to delete an entry that
// other records still use (archiving hides it from new forms instead),
// and records a typed audit event in the transaction of every change.
package reference

import (
	"context"
	"fmt"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// Tx runs a use case in one transaction and records its audit event.
type Tx interface {
	Tx(ctx context.Context, fn func(ctx context.Context) error) error
	RecordAudit(ctx context.Context, ev model.AuditEvent) error
}

// Lists reads the reference lists, archived entries included when asked.
type Lists interface {
	AllRefs(ctx context.Context) (model.Refs, error)
	Governorates(ctx context.Context) ([]model.Governorate, error)
	Donors(ctx context.Context, withArchived bool) ([]model.Donor, error)
	Projects(ctx context.Context, withArchived bool) ([]model.Project, error)
	Agencies(ctx context.Context, withArchived bool) ([]model.Agency, error)
	DutyStations(ctx context.Context, withArchived bool) ([]model.DutyStation, error)
	ThematicAreas(ctx context.Context, withArchived bool) ([]model.ThematicArea, error)
}

// Entries reads and writes single entries.
type Entries interface {
	DonorByID(ctx context.Context, id int64) (model.Donor, error)
	CreateDonor(ctx context.Context, d *model.Donor) error
	UpdateDonor(ctx context.Context, d *model.Donor) error
	ProjectByID(ctx context.Context, id int64) (model.Project, error)
	ProjectCodeTaken(ctx context.Context, code string, exceptID int64) (bool, error)
	CreateProject(ctx context.Context, p *model.Project) error
	UpdateProject(ctx context.Context, p *model.Project) error
	AgencyByID(ctx context.Context, id int64) (model.Agency, error)
	CreateAgency(ctx context.Context, a *model.Agency) error
	UpdateAgency(ctx context.Context, a *model.Agency) error
	DutyStationByID(ctx context.Context, id int64) (model.DutyStation, error)
	CreateDutyStation(ctx context.Context, d *model.DutyStation) error
	UpdateDutyStation(ctx context.Context, d *model.DutyStation) error
	ThematicAreaByID(ctx context.Context, id int64) (model.ThematicArea, error)
	CreateThematicArea(ctx context.Context, t *model.ThematicArea) error
	UpdateThematicArea(ctx context.Context, t *model.ThematicArea) error
}

// Indicators reads and writes a project's indicators.
type Indicators interface {
	Indicators(ctx context.Context, projectID int64) ([]model.Indicator, error)
	IndicatorByID(ctx context.Context, projectID, id int64) (model.Indicator, error)
	CreateIndicator(ctx context.Context, i *model.Indicator) error
	UpdateIndicator(ctx context.Context, i *model.Indicator) error
	DeleteIndicator(ctx context.Context, projectID, id int64) error
}

// Lifecycle counts what uses an entry, archives and deletes entries.
type Lifecycle interface {
	References(ctx context.Context, kind model.RefKind, id int64) ([]model.Use, error)
	SetArchived(ctx context.Context, kind model.RefKind, id int64, archived bool) error
	DeleteReference(ctx context.Context, kind model.RefKind, id int64) error
}

// Store is everything the service needs; *store.Store satisfies it.
type Store interface {
	Tx
	Lists
	Entries
	Indicators
	Lifecycle
}

// Service is the reference-data service.
type Service struct {
	store Store
}

// New builds the service over st.
func New(st Store) *Service { return &Service{store: st} }

// Refs reads every reference list, archived entries included: pages must
// still name what old records point at, and forms leave archived entries
// out themselves. Every signed-in user sees these names, so it asks no
// permission.
func (s *Service) Refs(ctx context.Context) (model.Refs, error) { return s.store.AllRefs(ctx) }

// Entry names a reference entry for messages: its names in both languages
// (a project's code in both).
type Entry struct {
	Kind           model.RefKind
	ID             int64
	NameEn, NameAr string
}

// Usage is what an entry's page shows besides its fields: whether it is
// archived and what still uses it (nothing: it may be deleted).
type Usage struct {
	Kind     model.RefKind
	ID       int64
	Archived bool
	Uses     []model.Use
}

// Count is how many entries of a list are active and archived.
type Count struct {
	Kind             model.RefKind
	Active, Archived int
}

// may checks that actor edits reference data, the one permission of every
// use case here but Refs.
func may(actor model.Actor) error { return auth.Require(actor, auth.EditReference, auth.Object{}) }

// Overview counts every list's active and archived entries.
func (s *Service) Overview(ctx context.Context, actor model.Actor) ([]Count, error) {
	if err := may(actor); err != nil {
		return nil, err
	}
	// The lists are short, so reading them whole costs less than a query
	// per count.
	r, err := s.store.AllRefs(ctx)
	if err != nil {
		return nil, err
	}
	var out []Count
	for _, k := range model.RefKinds {
		c := Count{Kind: k}
		for _, archived := range archivedOf(r, k) {
			if archived {
				c.Archived++
			} else {
				c.Active++
			}
		}
		out = append(out, c)
	}
	return out, nil
}

// archivedOf says, for each entry of kind, whether it is archived.
func archivedOf(r model.Refs, kind model.RefKind) []bool {
	var out []bool
	add := func(at bool) { out = append(out, at) }
	switch kind {
	case model.RefDonor:
		for _, x := range r.Donors {
			add(x.ArchivedAt != nil)
		}
	case model.RefProject:
		for _, x := range r.Projects {
			add(x.ArchivedAt != nil)
		}
	case model.RefAgency:
		for _, x := range r.Agencies {
			add(x.ArchivedAt != nil)
		}
	case model.RefStation:
		for _, x := range r.Stations {
			add(x.ArchivedAt != nil)
		}
	case model.RefThematic:
		for _, x := range r.Thematic {
			add(x.ArchivedAt != nil)
		}
	}
	return out
}

// usage is what uses entry kind/id, for its page.
func (s *Service) usage(ctx context.Context, kind model.RefKind, id int64, archived bool) (Usage, error) {
	uses, err := s.store.References(ctx, kind, id)
	return Usage{Kind: kind, ID: id, Archived: archived, Uses: uses}, err
}

// event is an audit event about entry kind/id. It carries no name: names
// are not personal data, but the id leads to the entry and its history.
func event(kind model.AuditKind, actor model.Actor, object string, id int64, changed []string) model.AuditEvent {
	return model.AuditEvent{Kind: kind, Actor: actor, Object: model.AuditObject{Type: object, ID: id}, Changed: changed}
}

// saved records a create (id was 0) or an update with its changed fields.
func (s *Service) saved(ctx context.Context, actor model.Actor, kind model.RefKind, created bool, id int64, changed []string) error {
	if created {
		return s.store.RecordAudit(ctx, event(model.AuditReferenceCreate, actor, string(kind), id, nil))
	}
	return s.store.RecordAudit(ctx, event(model.AuditReferenceUpdate, actor, string(kind), id, changed))
}

// errKind refuses a kind that is not an editable list.
func errKind(kind model.RefKind) error {
	return fmt.Errorf("reference: unknown kind %q: %w", kind, model.ErrNotFound)
}
