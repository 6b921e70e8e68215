// Package notify owns traindesk's e-mail: the outbox (every message, its
// status and its rendered bytes), sending it in the background so that no
// message is sent twice, invitations to a training's participants with a
// calendar entry and their check-in badge, reminders to trainers and
// participants, and trainers' private calendar feeds.
//
// Other areas send mail through Enqueue: they hand it a model.Outgoing in
// their own transaction and the outbox does the rest.
package notify

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/traindesk/traindesk/internal/i18n"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/jobs"
	"github.com/traindesk/traindesk/internal/mail"
	"github.com/traindesk/traindesk/internal/model"
)

// OutboxStore keeps the outbox.
type OutboxStore interface {
	InsertOutbox(ctx context.Context, m *model.OutboxMessage) (bool, error)
	OutboxMessage(ctx context.Context, id int64) (model.OutboxMessage, error)
	ClaimOutbox(ctx context.Context, id int64) (bool, error)
	FailOutbox(ctx context.Context, id int64, reason string, final bool) (bool, error)
	MoveOutbox(ctx context.Context, id int64, from []model.MessageStatus, to model.MessageStatus, reason string) (bool, error)
	ListOutbox(ctx context.Context, f model.OutboxFilter) ([]model.OutboxMessage, int64, error)
	OutboxCounts(ctx context.Context, trainingID int64) (map[model.MessageStatus]int64, error)
	TrainingMessages(ctx context.Context, trainingID int64, kinds []model.MessageKind) ([]model.OutboxMessage, error)
	PurgeOutbox(ctx context.Context, before time.Time) (int64, error)
	RetentionSettings(ctx context.Context) (model.RetentionSettings, error)
}

// TrainingReads are the training records messages are written from.
type TrainingReads interface {
	TrainingDetail(ctx context.Context, id int64) (model.TrainingDetail, error)
	AllRefs(ctx context.Context) (model.Refs, error)
	Sittings(ctx context.Context, trainingID int64) ([]model.SittingRow, error)
	Recipients(ctx context.Context, trainingID int64) ([]model.Recipient, error)
	SittingsFrom(ctx context.Context, first, last model.Date, statuses []model.TrainingStatus) ([]model.Sitting, error)
	ReminderSettings(ctx context.Context, trainingID int64) (model.ReminderSettings, error)
	SaveReminderSettings(ctx context.Context, r *model.ReminderSettings) error
}

// FeedStore keeps calendar feeds.
type FeedStore interface {
	SaveFeed(ctx context.Context, f *model.CalendarFeed) error
	Feed(ctx context.Context, userID int64) (model.CalendarFeed, error)
	FeedByHash(ctx context.Context, hash string) (model.CalendarFeed, error)
	DeleteFeed(ctx context.Context, userID int64) (bool, error)
	FacilitatedSittings(ctx context.Context, userID int64) ([]model.FeedSitting, error)
	UserByID(ctx context.Context, id int64) (model.User, error)
}

// Store is everything the service needs from the database.
type Store interface {
	Tx(ctx context.Context, fn func(ctx context.Context) error) error
	RecordAudit(ctx context.Context, ev model.AuditEvent) error
	OutboxStore
	TrainingReads
	FeedStore
	LetterStore
	NewsStore
}

// Mailer hands a rendered message to the mail server; *mail.Client is
// one (see its Send for the commit protocol).
type Mailer interface {
	Send(ctx context.Context, from string, to []string, raw []byte, commit func(finish func() error) error) error
}

// Jobs starts background jobs in the caller's transaction.
type Jobs interface {
	Insert(ctx context.Context, args jobs.Args) (int64, error)
}

// CheckInCodes makes a registration's signed check-in code, the one its
// badge's QR code carries (attendance.Codes).
type CheckInCodes interface {
	Code(registrationID int64) string
}

// Options configure the service.
type Options struct {
	Now      func() time.Time
	Location *time.Location // the venues' time zone
	// BaseURL is the site's public address, the only source of absolute
	// links (the roll-call link, the calendar feed); "" leaves them out.
	BaseURL string
	// From is the sender of every message (TRAINDESK_MAIL_FROM).
	From mail.Address
	// Mailer sends; nil means no mail server is configured, and messages
	// are held in the outbox to be downloaded or printed.
	Mailer Mailer
	Codes  CheckInCodes
}

// Service is the notify service.
type Service struct {
	store Store
	jobs  Jobs
	o     Options
}

// New returns the service.
func New(st Store, q Jobs, o Options) *Service {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Location == nil {
		o.Location = time.UTC
	}
	o.BaseURL = strings.TrimRight(o.BaseURL, "/")
	if o.From.Addr == "" {
		o.From = mail.Address{Name: "traindesk", Addr: "noreply@" + hostOf(o.BaseURL)}
	}
	return &Service{store: st, jobs: q, o: o}
}

// CanSend reports whether a mail server is configured.
func (s *Service) CanSend() bool { return s.o.Mailer != nil }

// hostOf is the host of a base URL, or a reserved name when there is none.
func hostOf(base string) string {
	h := base
	if i := strings.Index(h, "://"); i >= 0 {
		h = h[i+3:]
	}
	if i := strings.IndexByte(h, ':'); i >= 0 {
		h = h[:i]
	}
	if h == "" || h == "localhost" {
		return "traindesk.invalid"
	}
	return h
}

// today is the calendar day at the venues.
func (s *Service) today() model.Date { return model.DateOf(s.o.Now().In(s.o.Location)) }

// editable loads a training the actor may change.
func (s *Service) editable(ctx context.Context, a model.Actor, id int64) (model.TrainingDetail, error) {
	d, err := s.store.TrainingDetail(ctx, id)
	if err != nil {
		return d, err
	}
	if err := auth.CheckTraining(a.User, auth.EditTrainings, d); err != nil {
		return model.TrainingDetail{}, fmt.Errorf("notify: %w", err)
	}
	return d, nil
}

// event starts an audit event.
func event(kind model.AuditKind, a model.Actor, typ string, id int64) model.AuditEvent {
	return model.AuditEvent{Kind: kind, Actor: a, Object: model.AuditObject{Type: typ, ID: id}}
}

func ptr[T any](v T) *T { return &v }

// PrivacyURL is the public privacy notice's address in lang, or "" when
// the site's address is not configured.
func (s *Service) PrivacyURL(lang i18n.Lang) string {
	if s.o.BaseURL == "" {
		return ""
	}
	return s.o.BaseURL + "/privacy?lang=" + string(lang)
}
