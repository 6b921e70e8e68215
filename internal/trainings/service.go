// Package trainings owns trainings, their sessions (sittings) and their
// registrations: planning and changing a training, its status moves and
// copies, the sessions of its days, who is on it within its capacity and
// quotas, and the reads of the trainings pages and the dashboard. Every
// method asks the access policy (auth.Allow) and runs one use case in one
// transaction, recording a typed audit event with the change.
package trainings

import (
	"context"
	"fmt"
	"time"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/vcache"
)

// TrainingStore reads and writes trainings and their plans.
type TrainingStore interface {
	TrainingDetail(ctx context.Context, id int64) (model.TrainingDetail, error)
	ListTrainings(ctx context.Context, f model.TrainingFilter) ([]model.TrainingRow, int64, error)
	InsertTraining(ctx context.Context, t *model.Training, p model.TrainingPlan) error
	UpdateTraining(ctx context.Context, t *model.Training, p model.TrainingPlan) error
	SaveTrainingStatus(ctx context.Context, id int64, to model.TrainingStatus, reason string) error
}

// SittingStore reads and writes a training's sessions.
type SittingStore interface {
	Sittings(ctx context.Context, trainingID int64) ([]model.SittingRow, error)
	Sitting(ctx context.Context, id int64) (model.Sitting, error)
	AddSitting(ctx context.Context, si *model.Sitting) error
	AddSittings(ctx context.Context, sits []model.Sitting) error
	UpdateSitting(ctx context.Context, si *model.Sitting) error
	RemoveSitting(ctx context.Context, id int64) error
	SittingMarkCount(ctx context.Context, id int64) (int, error)
}

// RegistrationStore reads, counts and writes registrations.
type RegistrationStore interface {
	Registration(ctx context.Context, id int64) (model.Registration, error)
	Roster(ctx context.Context, trainingID int64) ([]model.RosterRow, error)
	IsRegistered(ctx context.Context, trainingID, personID int64) (bool, error)
	Places(ctx context.Context, trainingID, except int64) (model.Places, error)
	InsertRegistration(ctx context.Context, r *model.Registration, by *int64) error
	SaveRegistrationStatus(ctx context.Context, id int64, from, to model.RegistrationStatus, reason string, by *int64) error
}

// DashboardStore answers the dashboard's queries over a scope of trainings.
type DashboardStore interface {
	SittingsOn(ctx context.Context, sc model.TrainingScope, day model.Date, statuses []model.TrainingStatus) ([]model.TodaySitting, error)
	TrainingsEndingFrom(ctx context.Context, sc model.TrainingScope, day model.Date, statuses []model.TrainingStatus, limit int) ([]model.UpcomingTraining, error)
	// DataVersion grows with every committed change to what the dashboard
	// shows, on any instance (see internal/vcache).
	DataVersion(ctx context.Context) (int64, error)
}

// Lookups are the other areas' records the trainings pages show.
type Lookups interface {
	AllRefs(ctx context.Context) (model.Refs, error)
	UsersByRole(ctx context.Context, role model.Role) ([]model.User, error)
	ProjectByID(ctx context.Context, id int64) (model.Project, error)
	Person(ctx context.Context, id int64) (model.Person, error)
	Persons(ctx context.Context, f model.PersonFilter) ([]model.PersonRow, int64, error)
	TrainingMarks(ctx context.Context, trainingID int64) ([]model.Attendance, error)
	Assessments(ctx context.Context, trainingID int64) (map[int64]model.Assessment, error)
}

// Store is everything the service needs from the database: the parts
// above, a transaction that travels in the context, and the audit log.
type Store interface {
	Tx(ctx context.Context, fn func(ctx context.Context) error) error
	RecordAudit(ctx context.Context, ev model.AuditEvent) error
	TrainingStore
	SittingStore
	RegistrationStore
	DashboardStore
	Lookups
}

// Service is the trainings service.
type Service struct {
	st        Store
	now       func() time.Time
	loc       *time.Location
	headlines Headlines
	// dashboards keeps each scope's dashboard of the day until the data
	// changes.
	dashboards *vcache.Versioned[dashboardKey, model.Dashboard]
}

// New returns the service over st. now and loc give the venue's today
// (time.Now and UTC when nil).
func New(st Store, now func() time.Time, loc *time.Location) *Service {
	if now == nil {
		now = time.Now
	}
	if loc == nil {
		loc = time.UTC
	}
	return &Service{st: st, now: now, loc: loc, dashboards: vcache.New[dashboardKey, model.Dashboard](1024)}
}

// today is the current day where the trainings happen.
func (s *Service) today() model.Date { return model.DateOf(s.now().In(s.loc)) }

// visible loads a training the actor may see. One they may not see is
// model.ErrNotFound, as if it did not exist.
func (s *Service) visible(ctx context.Context, actor model.Actor, id int64) (model.TrainingDetail, error) {
	d, err := s.st.TrainingDetail(ctx, id)
	if err != nil {
		return model.TrainingDetail{}, err
	}
	if err := auth.CheckTraining(actor.User, auth.ViewTraining, d); err != nil {
		return model.TrainingDetail{}, fmt.Errorf("trainings: %w", err)
	}
	return d, nil
}

// editable loads a training the actor may change: model.ErrNotFound when
// they may not see it, model.ErrForbidden when they may only see it.
func (s *Service) editable(ctx context.Context, actor model.Actor, id int64) (model.TrainingDetail, error) {
	d, err := s.st.TrainingDetail(ctx, id)
	if err != nil {
		return model.TrainingDetail{}, err
	}
	if err := auth.CheckTraining(actor.User, auth.EditTrainings, d); err != nil {
		return model.TrainingDetail{}, fmt.Errorf("trainings: change: %w", err)
	}
	return d, nil
}

// mayPlan reports whether the actor may plan new trainings.
func mayPlan(actor model.Actor) error {
	if !auth.Allow(actor.User, auth.EditTrainings, auth.Object{}) {
		return fmt.Errorf("trainings: plan a training: %w", model.ErrForbidden)
	}
	return nil
}

// event starts an audit event of kind by actor on an object.
func event(kind model.AuditKind, actor model.Actor, typ string, id int64) model.AuditEvent {
	return model.AuditEvent{Kind: kind, Actor: actor, Object: model.AuditObject{Type: typ, ID: id}}
}
