// Package attendance takes the roll: it decides who may mark which session
// and when, applies batches of marks from tablets that were offline,
// corrects marks from the office, keeps test scores and ratings, and signs
// the QR check-in codes printed on badges. Completion itself is a pure
// rule of the model (model.Completed), applied wherever marks are counted.
package attendance

import (
	"context"
	"fmt"
	"time"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// MaxFuture is how far ahead of the server's clock a tablet's clock may be
// before its marks are refused: a little drift is normal, a day is not.
const MaxFuture = 5 * time.Minute

// MaxBatch is the most operations one sync request may carry.
const MaxBatch = 1000

// MaxNote is the longest note a mark may carry, in bytes.
const MaxNote = 500

// MaxSince is the most sessions one sync request may ask changes of.
const MaxSince = 200

// Marks is the storage of marks: the primitives a batch is applied with,
// and the reads of current marks and their history.
type Marks interface {
	ClaimOps(ctx context.Context, userID int64, ops []model.MarkOp) (map[string]bool, error)
	OpResults(ctx context.Context, opIDs []string) (map[string]model.OpRecord, error)
	SetOpResults(ctx context.Context, results []model.OpResult) error
	MarkingScope(ctx context.Context, sittingIDs, registrationIDs []int64) (model.MarkingScope, error)
	CurrentMarks(ctx context.Context, keys []model.MarkKey) (map[model.MarkKey]model.Attendance, error)
	BumpMarkVersions(ctx context.Context, sittingIDs []int64) (map[int64]int64, error)
	PutMarks(ctx context.Context, marks []model.Attendance) error
	AddMarkHistory(ctx context.Context, changes []model.AttendanceChange) error
	SessionMarks(ctx context.Context, sittingIDs ...int64) ([]model.MarkState, error)
	SessionVersions(ctx context.Context, sittingIDs []int64) (map[int64]model.SessionVersion, error)
	MarksSince(ctx context.Context, since map[int64]int64) ([]model.MarkState, error)
	MarkHistory(ctx context.Context, registrationID, sittingID int64) ([]model.MarkChange, error)
}

// Trainings reads the trainings, sessions and people that marks belong to.
type Trainings interface {
	// Training returns a training viewer may see, or model.ErrNotFound.
	TrainingDetail(ctx context.Context, id int64) (model.TrainingDetail, error)
	Sitting(ctx context.Context, id int64) (model.Sitting, error)
	Roster(ctx context.Context, trainingID int64) ([]model.RosterRow, error)
	AllRefs(ctx context.Context) (model.Refs, error)
}

// Scores stores test scores and ratings.
type Scores interface {
	Assessments(ctx context.Context, trainingID int64) (map[int64]model.Assessment, error)
	SaveAssessments(ctx context.Context, rows []model.Assessment) error
}

// Store is all the storage the service uses; *store.Store satisfies it.
type Store interface {
	Tx(ctx context.Context, fn func(ctx context.Context) error) error
	// RetryTx is Tx, run again when the database broke a deadlock by
	// aborting it: a batch that lost is applied once it runs alone.
	RetryTx(ctx context.Context, fn func(ctx context.Context) error) error
	RecordAudit(ctx context.Context, ev model.AuditEvent) error
	Marks
	Trainings
	Scores
}

// Config holds the settings of the service.
type Config struct {
	Now       func() time.Time
	Location  *time.Location // the venues' time zone, for the marking window
	DaysAfter int            // days after a session during which its trainer may still mark
	CodeKey   []byte         // the key that signs check-in codes
}

// Service is the attendance service. Build it with New.
type Service struct {
	store Store
	cfg   Config
	codes Codes
}

// New builds the service over st.
func New(st Store, cfg Config) *Service {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Location == nil {
		cfg.Location = time.UTC
	}
	return &Service{store: st, cfg: cfg, codes: Codes{Key: cfg.CodeKey}}
}

// live drops the withdrawn registrations from a roster: they are neither
// called nor scored.
func live(roster []model.RosterRow) []model.RosterRow {
	out := make([]model.RosterRow, 0, len(roster))
	for _, r := range roster {
		if r.Status != model.RegWithdrawn {
			out = append(out, r)
		}
	}
	return out
}

// training loads training id when the actor may do a to it: model.ErrNotFound
// when they may not see it, model.ErrForbidden when they see it but may not
// do a (the policy's answer, auth.CheckTraining).
func (s *Service) training(ctx context.Context, actor model.Actor, id int64, a auth.Action) (model.TrainingDetail, error) {
	d, err := s.store.TrainingDetail(ctx, id)
	if err != nil {
		return model.TrainingDetail{}, err
	}
	if err := auth.CheckTraining(actor.User, a, d); err != nil {
		return model.TrainingDetail{}, fmt.Errorf("attendance: %w", err)
	}
	return d, nil
}
