// Package questionnaire runs the tests and evaluations that participants
// answer on their own phones: an officer builds them, a trainer opens and
// closes them, a participant answers through a signed link and their
// badge's code, and closing a test writes its scores into the training's
// scores table (never over a score typed by hand).
package questionnaire

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base32"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// ErrClosed means the questionnaire takes no answers now.
var ErrClosed = errors.New("questionnaire: not open")

// ErrTooMany means the address typed too many wrong codes lately.
var ErrTooMany = errors.New("questionnaire: too many wrong codes")

// Store is the storage the service uses; *store.Store satisfies it.
type Store interface {
	Tx(ctx context.Context, fn func(ctx context.Context) error) error
	RecordAudit(ctx context.Context, ev model.AuditEvent) error
	TrainingDetail(ctx context.Context, id int64) (model.TrainingDetail, error)
	Roster(ctx context.Context, trainingID int64) ([]model.RosterRow, error)
	Assessments(ctx context.Context, trainingID int64) (map[int64]model.Assessment, error)
	SaveAssessments(ctx context.Context, rows []model.Assessment) error
	Questionnaires(ctx context.Context, trainingID int64) ([]model.Questionnaire, error)
	Questionnaire(ctx context.Context, id int64) (model.Questionnaire, error)
	SaveQuestionnaire(ctx context.Context, q *model.Questionnaire) error
	QuizResponses(ctx context.Context, questionnaireID int64) ([]model.QuizResponse, error)
	QuizRespondents(ctx context.Context, questionnaireID int64) ([]int64, error)
	AddQuizRespondent(ctx context.Context, questionnaireID, registrationID int64) (bool, error)
	PutQuizResponse(ctx context.Context, r *model.QuizResponse) error
	QuizCounts(ctx context.Context, trainingID int64) (map[int64]int, error)
	LockSigninThrottle(ctx context.Context, id string) (model.SigninThrottle, error)
	SaveSigninThrottle(ctx context.Context, t model.SigninThrottle) error
	FollowUp(ctx context.Context, trainingID int64) (model.FollowUp, error)
	SaveFollowUp(ctx context.Context, f *model.FollowUp) error
	PendingFollowUps(ctx context.Context) ([]model.FollowUpPending, error)
	Recipients(ctx context.Context, trainingID int64) ([]model.Recipient, error)
	TrainingMessages(ctx context.Context, trainingID int64, kinds []model.MessageKind) ([]model.OutboxMessage, error)
	AddBankEntry(ctx context.Context, b *model.BankEntry) error
	BankEntries(ctx context.Context, thematicAreaID int64, kind string) ([]model.BankEntry, error)
}

// Codes reads the check-in codes printed on badges (attendance.Codes).
type Codes interface {
	Parse(code string) (int64, bool)
	Code(registrationID int64) string
}

// Config holds the service's settings.
type Config struct {
	Now      func() time.Time
	Location *time.Location // the venues' time zone, in which a follow-up's day is reckoned
	// Mail queues the follow-ups' messages; nil sends none.
	Mail FollowUpMail
	Key  []byte // signs the participants' links and names the counters
	// BaseURL is the site's public address, for the link a QR code holds;
	// without it the sheet shows the link's path and no QR code.
	BaseURL string
	Codes   Codes
	// WrongCodes wrong codes are accepted from one address per Window;
	// then it waits for the window to end.
	WrongCodes int
	Window     time.Duration
}

// Service is the questionnaires' use cases.
type Service struct {
	store Store
	cfg   Config
}

// New returns the service.
func New(st Store, cfg Config) *Service {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Location == nil {
		cfg.Location = time.UTC
	}
	if cfg.WrongCodes == 0 {
		cfg.WrongCodes = 20
	}
	if cfg.Window == 0 {
		cfg.Window = 15 * time.Minute
	}
	return &Service{store: st, cfg: cfg}
}

var enc = base32.NewEncoding("0123456789ABCDEFGHJKMNPQRSTVWXYZ").WithPadding(base32.NoPadding)

// Link is the address participants open to answer questionnaire id.
func (s *Service) Link(id int64) string {
	return strings.TrimRight(s.cfg.BaseURL, "/") + "/q/" + s.Token(id)
}

// Token signs a questionnaire's id into the token of its link.
func (s *Service) Token(id int64) string {
	n := strconv.FormatInt(id, 10)
	return n + "-" + s.mac("quiz:" + n)[:10]
}

// parseToken returns the questionnaire a token was made for.
func (s *Service) parseToken(tok string) (int64, bool) {
	n, mac, ok := strings.Cut(strings.ToUpper(tok), "-")
	id, err := strconv.ParseInt(n, 10, 64)
	if !ok || err != nil || id <= 0 {
		return 0, false
	}
	return id, hmac.Equal([]byte(mac), []byte(s.Token(id)[len(n)+1:]))
}

func (s *Service) mac(msg string) string {
	m := hmac.New(sha256.New, s.cfg.Key)
	m.Write([]byte(msg))
	return enc.EncodeToString(m.Sum(nil))
}

// training loads a training the actor may do a to.
func (s *Service) training(ctx context.Context, actor model.Actor, id int64, a auth.Action) (model.TrainingDetail, error) {
	d, err := s.store.TrainingDetail(ctx, id)
	if err != nil {
		return d, err
	}
	if err := auth.CheckTraining(actor.User, a, d); err != nil {
		return model.TrainingDetail{}, fmt.Errorf("questionnaire: %w", err)
	}
	return d, nil
}

// quiz loads questionnaire id of training d, or model.ErrNotFound.
func (s *Service) quiz(ctx context.Context, d model.TrainingDetail, id int64) (model.Questionnaire, error) {
	q, err := s.store.Questionnaire(ctx, id)
	if err == nil && q.TrainingID != d.ID {
		err = fmt.Errorf("questionnaire %d: %w", id, model.ErrNotFound)
	}
	return q, err
}

// live is the roster without the withdrawn.
func live(roster []model.RosterRow) []model.RosterRow {
	out := make([]model.RosterRow, 0, len(roster))
	for _, r := range roster {
		if r.Status != model.RegWithdrawn {
			out = append(out, r)
		}
	}
	return out
}

func audit(kind model.AuditKind, actor model.Actor, q model.Questionnaire, values map[string]string) model.AuditEvent {
	if values == nil {
		values = map[string]string{}
	}
	values["kind"] = string(q.Kind)
	return model.AuditEvent{Kind: kind, Actor: actor, Object: model.AuditObject{Type: "questionnaire", ID: q.ID},
		Related: map[string]int64{"training": q.TrainingID}, Values: values}
}
