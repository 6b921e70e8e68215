package roster

import (
	"context"
	"fmt"
	"time"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// Store is the storage the registry needs; *store.Store satisfies it.
type Store interface {
	Tx(ctx context.Context, fn func(ctx context.Context) error) error
	RecordAudit(ctx context.Context, ev model.AuditEvent) error
	AllRefs(ctx context.Context) (model.Refs, error)
	TrainingDetail(ctx context.Context, id int64) (model.TrainingDetail, error)
	Roster(ctx context.Context, trainingID int64) ([]model.RosterRow, error)
	PersonStore
	MergeStore
	UploadStore
	PrivacyStore
	RetentionStore
}

// PrivacyStore keeps the privacy notice.
type PrivacyStore interface {
	PrivacyNotice(ctx context.Context) (model.PrivacyNotice, error)
	SavePrivacyNotice(ctx context.Context, n *model.PrivacyNotice) error
	Sittings(ctx context.Context, trainingID int64) ([]model.SittingRow, error)
}

// PersonStore reads and writes persons.
type PersonStore interface {
	Persons(ctx context.Context, f model.PersonFilter) ([]model.PersonRow, int64, error)
	Person(ctx context.Context, id int64) (model.Person, error)
	CreatePerson(ctx context.Context, p *model.Person) error
	UpdatePerson(ctx context.Context, p *model.Person) error
	ErasePerson(ctx context.Context, p *model.Person) error
	DeletePersonMessages(ctx context.Context, ids []int64) (int64, error)
	PersonsMergedInto(ctx context.Context, id int64) ([]model.Person, error)
	SubjectStore
	PersonHistory(ctx context.Context, personID int64) ([]model.HistoryRow, error)
	AllCandidates(ctx context.Context) ([]model.Person, error)
	PersonsStamp(ctx context.Context) (model.RegistryStamp, error)
}

// SubjectStore reads what a person's access request gathers.
type SubjectStore interface {
	SubjectMarks(ctx context.Context, ids []int64) ([]model.SubjectMark, error)
	SubjectScores(ctx context.Context, ids []int64) ([]model.SubjectScore, error)
	SubjectCertificates(ctx context.Context, ids []int64) ([]model.SubjectCertificate, error)
	SubjectAudit(ctx context.Context, ids []int64) ([]model.SubjectAuditLine, error)
	SubjectMessages(ctx context.Context, ids []int64) ([]model.SubjectMessage, error)
	SubjectCertificateDownloads(ctx context.Context, ids []int64) ([]model.SubjectDisclosure, error)
	ContactExports(ctx context.Context) ([]model.ContactExport, error)
	SubjectEvidence(ctx context.Context, ids []int64) ([]model.SubjectEvidence, error)
}

// MergeStore reads and moves what a merge and its undo touch.
type MergeStore interface {
	SharedTrainings(ctx context.Context, a, b int64) ([]model.MergeClash, error)
	MergeRegistrations(ctx context.Context, personID int64) ([]model.MergeRegistration, error)
	MoveRegistrations(ctx context.Context, ids []int64, from, to int64) (int64, error)
	SetMergedInto(ctx context.Context, personID int64, into *int64) error
	CreatePersonMerge(ctx context.Context, m *model.PersonMerge) error
	MarkMergeUndone(ctx context.Context, m *model.PersonMerge, by *int64) error
	PersonMergeByID(ctx context.Context, id int64) (model.PersonMerge, error)
	ActiveMergeOf(ctx context.Context, mergedID int64) (model.PersonMerge, error)
	MergesInto(ctx context.Context, survivorID int64) ([]model.PersonMerge, []model.Person, error)
}

// UploadStore keeps nomination lists between upload and confirmation.
type UploadStore interface {
	SaveUpload(ctx context.Context, u *model.Upload) error
	Upload(ctx context.Context, trainingID, id int64) (model.Upload, error)
	SetUploadMapping(ctx context.Context, id int64, mapping string) error
	SetUploadReading(ctx context.Context, id int64, separator, encoding, mapping string) error
	DeleteUpload(ctx context.Context, id int64) error
	PurgeUploads(ctx context.Context, cutoff time.Time) error
}

// Service is the participant registry's use cases. Build it with New.
type Service struct {
	store    Store
	reg      Registrar
	now      func() time.Time
	loc      *time.Location
	registry *registryCache
	photos   Photos // nil: erasure and retention leave photos alone
}

// New builds the registry over st. Registrations it makes (a person
// created for a training, an imported list) go through reg, which owns the
// capacity and quota rules; now and loc give the venue's today.
func New(st Store, reg Registrar, now func() time.Time, loc *time.Location) *Service {
	if now == nil {
		now = time.Now
	}
	if loc == nil {
		loc = time.UTC
	}
	return &Service{store: st, reg: reg, now: now, loc: loc, registry: &registryCache{}}
}

// today is the venue's date now.
func (s *Service) today() model.Date { return model.DateOf(s.now().In(s.loc)) }

// allow fails with model.ErrForbidden unless the actor may do a to the
// registry (persons are not scoped to trainings: the answer is the role's).
func allow(actor model.Actor, a auth.Action) error {
	if !auth.Allow(actor.User, a, auth.Object{}) {
		return model.ErrForbidden
	}
	return nil
}

// training loads a training the actor may see and may do a to: one they
// may not see is not found, one they see but may not change is forbidden.
func (s *Service) training(ctx context.Context, actor model.Actor, id int64, a auth.Action) (model.TrainingDetail, error) {
	d, err := s.store.TrainingDetail(ctx, id)
	if err != nil {
		return d, err
	}
	if err := auth.CheckTraining(actor.User, a, d); err != nil {
		return model.TrainingDetail{}, fmt.Errorf("roster: %w", err)
	}
	return d, nil
}

// personEvent starts an audit event of kind by actor about person id.
func personEvent(kind model.AuditKind, actor model.Actor, id int64) model.AuditEvent {
	return model.AuditEvent{Kind: kind, Actor: actor, Object: model.AuditObject{Type: "person", ID: id}}
}
