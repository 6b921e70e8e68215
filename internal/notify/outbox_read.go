package notify

import (
	"context"
	"fmt"
	"time"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/jobs"
	"github.com/traindesk/traindesk/internal/model"
)

// Outbox lists the outbox for an administrator.
func (s *Service) Outbox(ctx context.Context, actor model.Actor, f model.OutboxFilter) (model.OutboxPage, error) {
	if !auth.Allow(actor.User, auth.ManageMessaging, auth.Object{}) {
		return model.OutboxPage{}, fmt.Errorf("notify: outbox: %w", model.ErrForbidden)
	}
	p := model.OutboxPage{Filter: f, CanSend: s.CanSend()}
	var err error
	if p.Rows, p.Total, err = s.store.ListOutbox(ctx, f); err != nil {
		return p, err
	}
	p.Counts, err = s.store.OutboxCounts(ctx, f.TrainingID)
	return p, err
}

// Message returns one message with its readable text, for an
// administrator, or for whoever may change the training it belongs to; to
// anyone else it does not exist.
func (s *Service) Message(ctx context.Context, actor model.Actor, id int64) (model.MessageView, error) {
	m, err := s.readable(ctx, actor, id)
	if err != nil {
		return model.MessageView{}, err
	}
	v := model.MessageView{Message: m, CanManage: auth.Allow(actor.User, auth.ManageMessaging, auth.Object{})}
	if m.Raw != nil {
		v.Text, v.Attachments = readable(m.Raw)
	}
	v.Message.Raw = nil
	return v, nil
}

// EML returns a message's bytes to download as a .eml file (or print), and
// records the download: the message holds a person's address.
func (s *Service) EML(ctx context.Context, actor model.Actor, id int64) (model.OutboxMessage, error) {
	m, err := s.readable(ctx, actor, id)
	if err != nil {
		return m, err
	}
	if m.Raw == nil {
		return m, fmt.Errorf("notify: message %d was purged: %w", id, model.ErrNotFound)
	}
	return m, s.store.RecordAudit(ctx, messageEvent(model.AuditMessageDownload, actor, m, 0))
}

// readable loads a message the actor may read.
func (s *Service) readable(ctx context.Context, actor model.Actor, id int64) (model.OutboxMessage, error) {
	m, err := s.store.OutboxMessage(ctx, id)
	if err != nil || auth.Allow(actor.User, auth.ManageMessaging, auth.Object{}) {
		return m, err
	}
	if m.TrainingID != nil {
		d, err := s.store.TrainingDetail(ctx, *m.TrainingID)
		if err == nil && auth.CheckTraining(actor.User, auth.EditTrainings, d) == nil {
			return m, nil
		}
	}
	return model.OutboxMessage{}, fmt.Errorf("notify: message %d: %w", id, model.ErrNotFound)
}

// PurgeArgs is the daily job that empties messages older than the
// retention period.
type PurgeArgs struct{}

// Kind names the job.
func (PurgeArgs) Kind() string { return "outbox_purge" }

// PurgeKind runs the purge once a day.
var PurgeKind = jobs.Kind{Every: 24 * time.Hour}

// Purge empties the rendered bytes of messages queued longer ago than
// the administrators' retention setting (model.DefaultOutboxDays unless
// changed); their rows (to whom, what, when, how it went) stay.
func (s *Service) Purge(ctx context.Context, _ jobs.Job, _ PurgeArgs) error {
	r, err := s.store.RetentionSettings(ctx)
	if err != nil {
		return err
	}
	_, err = s.store.PurgeOutbox(ctx, r.OutboxCutoff(s.o.Now()))
	return err
}
