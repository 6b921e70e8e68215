package notify

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/jobs"
	"github.com/traindesk/traindesk/internal/mail"
	"github.com/traindesk/traindesk/internal/model"
)

// Reasons kept as a message's last error when no server gave one; the
// pages translate them ("outbox.reason.*" keys).
const (
	ReasonNoServer = "outbox.reason.no_server"
)

// SendArgs is the job that sends one message of the outbox.
type SendArgs struct {
	MessageID int64 `json:"message_id"`
}

// Kind names the job.
func (SendArgs) Kind() string { return "outbox_send" }

// SendKind is how sending runs: up to 8 attempts (the waits grow with the
// square of the attempt: about 12 minutes in all), each bounded by the
// mail client's own timeouts.
var SendKind = jobs.Kind{MaxAttempts: 8, Timeout: 2 * time.Minute}

// ErrNoServer: the message cannot be sent because no mail server is
// configured.
var ErrNoServer = fmt.Errorf("notify: no mail server is configured: %w", model.ErrConflict)

// errClaimed: another attempt has sent (or cancelled) the message.
var errClaimed = errors.New("notify: the message is no longer queued")

// Enqueue puts a message in the outbox and starts its sending, in the
// caller's transaction when ctx carries one: the message exists, and will
// be sent, if and only if the caller's use case commits. It is the one way
// to send mail; the caller has checked that the actor may send it and
// records its own audit event. The message is rendered now (its bytes are
// what will be sent and what can be downloaded) and gets a Message-ID that
// every attempt repeats.
//
// A message whose DedupeKey was queued before is not queued again: the
// answer is false and the zero message. An address that is not a plain
// e-mail address is a *model.ValidationError on "to". With no mail server
// configured the message is held ("not sent: no mail server configured").
func (s *Service) Enqueue(ctx context.Context, actor model.Actor, out model.Outgoing) (model.OutboxMessage, bool, error) {
	to := model.NormalizeEmail(out.ToAddr)
	if !model.ValidEmail(to) {
		return model.OutboxMessage{}, false, &model.ValidationError{Fields: map[string]string{"to": "outbox.error.address"}}
	}
	now := s.o.Now().UTC()
	m := model.OutboxMessage{MessageID: mail.NewID(mail.Domain(s.o.From.Addr)), Kind: out.Kind, Lang: out.Lang,
		ToAddr: to, ToName: out.ToName, Subject: out.Subject, TrainingID: out.TrainingID,
		RegistrationID: out.RegistrationID, PersonID: out.PersonID, UserID: out.UserID, Version: out.Version,
		Status: model.MsgQueued, QueuedByID: actor.UserID(), QueuedAt: now, UpdatedAt: now}
	if out.DedupeKey != "" {
		m.DedupeKey = ptr(out.DedupeKey)
	}
	if s.o.Mailer == nil {
		m.Status, m.LastError = model.MsgHeld, ReasonNoServer
	}
	msg := mail.Message{ID: m.MessageID, From: s.o.From, To: mail.Address{Name: out.ToName, Addr: to},
		ReplyTo: mail.Address{Name: out.ReplyToName, Addr: out.ReplyToAddr}, Subject: out.Subject, Date: now, Lang: out.Lang, Text: out.Text, HTML: out.HTML}
	for _, a := range out.Attachments {
		msg.Attachments = append(msg.Attachments, mail.Attachment(a))
	}
	raw, err := mail.Build(msg)
	if err != nil {
		return m, false, err
	}
	m.Raw, m.Size = raw, int64(len(raw))
	added := false
	err = s.store.Tx(ctx, func(ctx context.Context) error {
		if added, err = s.store.InsertOutbox(ctx, &m); err != nil || !added {
			return err
		}
		if m.Status == model.MsgQueued {
			_, err = s.jobs.Insert(ctx, SendArgs{MessageID: m.ID})
		}
		return err
	})
	if err != nil || !added {
		return model.OutboxMessage{}, false, err
	}
	return m, true, nil
}

// Send is the work of an outbox_send job: it sends one queued message.
// The message is claimed (marked sent) in the transaction that is open
// while the server takes it, so two attempts cannot both send it; see
// mail.Client.Send for the one window SMTP leaves. A refusal for good (a
// 5xx reply) or the last attempt marks the message failed with the
// server's reply; any other failure leaves it queued, with the reason, for
// the next attempt.
func (s *Service) Send(ctx context.Context, job jobs.Job, a SendArgs) error {
	m, err := s.store.OutboxMessage(ctx, a.MessageID)
	if errors.Is(err, model.ErrNotFound) {
		return nil
	} else if err != nil {
		return err
	}
	if m.Status != model.MsgQueued {
		return nil
	}
	if s.o.Mailer == nil {
		_, err := s.store.MoveOutbox(ctx, m.ID, []model.MessageStatus{model.MsgQueued}, model.MsgHeld, ReasonNoServer)
		return err
	}
	err = s.o.Mailer.Send(ctx, s.o.From.Addr, []string{m.ToAddr}, m.Raw, func(finish func() error) error {
		return s.store.Tx(ctx, func(ctx context.Context) error {
			claimed, err := s.store.ClaimOutbox(ctx, m.ID)
			if err != nil {
				return err
			}
			if !claimed {
				return errClaimed
			}
			if err := finish(); err != nil {
				return err
			}
			return s.store.RecordAudit(ctx, messageEvent(model.AuditMessageSent, model.System, m, job.Attempt))
		})
	})
	if err == nil || errors.Is(err, errClaimed) {
		return nil
	}
	return s.failed(ctx, job, m, err)
}

// failed records a failed attempt and tells the queue whether to try
// again.
func (s *Service) failed(ctx context.Context, job jobs.Job, m model.OutboxMessage, cause error) error {
	var me *mail.Error
	permanent := errors.As(cause, &me) && me.Permanent
	final := permanent || job.Last()
	reason := cause.Error()
	if me != nil {
		reason = me.Stage + ": " + me.Reply
		if me.Code != 0 {
			reason = strconv.Itoa(me.Code) + " " + me.Reply
		}
	}
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		moved, err := s.store.FailOutbox(ctx, m.ID, reason, final)
		if err != nil || !moved || !final {
			return err
		}
		return s.store.RecordAudit(ctx, messageEvent(model.AuditMessageFailed, model.System, m, job.Attempt))
	})
	if err != nil {
		return errors.Join(cause, err)
	}
	if permanent {
		return jobs.Permanent(cause)
	}
	return cause
}

// messageEvent is the audit event of something done to message m.
func messageEvent(kind model.AuditKind, a model.Actor, m model.OutboxMessage, attempt int) model.AuditEvent {
	ev := event(kind, a, "message", m.ID)
	ev.Related = map[string]int64{}
	for typ, id := range map[string]*int64{"training": m.TrainingID, "registration": m.RegistrationID, "person": m.PersonID, "user": m.UserID} {
		if id != nil {
			ev.Related[typ] = *id
		}
	}
	ev.Values = map[string]string{"kind": string(m.Kind), "status": string(m.Status)}
	if attempt > 0 {
		ev.Values["attempt"] = strconv.Itoa(attempt)
	}
	return ev
}

// Retry sends a failed, held or cancelled message again (as the same
// message, with the same Message-ID). Only administrators manage the
// outbox; without a mail server it is ErrNoServer.
func (s *Service) Retry(ctx context.Context, actor model.Actor, id int64) error {
	if !auth.Allow(actor.User, auth.ManageMessaging, auth.Object{}) {
		return fmt.Errorf("notify: retry: %w", model.ErrForbidden)
	}
	if s.o.Mailer == nil {
		return ErrNoServer
	}
	return s.store.Tx(ctx, func(ctx context.Context) error {
		m, err := s.store.OutboxMessage(ctx, id)
		if err != nil {
			return err
		}
		moved, err := s.store.MoveOutbox(ctx, id, []model.MessageStatus{model.MsgFailed, model.MsgHeld, model.MsgCancelled}, model.MsgQueued, "")
		if err != nil {
			return err
		}
		if !moved || m.Raw == nil {
			return fmt.Errorf("notify: message %d cannot be sent again: %w", id, model.ErrConflict)
		}
		if _, err := s.jobs.Insert(ctx, SendArgs{MessageID: id}); err != nil {
			return err
		}
		return s.store.RecordAudit(ctx, messageEvent(model.AuditMessageRetry, actor, m, 0))
	})
}

// Cancel stops a message that has not been sent. One being sent at this
// moment is either sent (and the cancel is a model.ErrConflict) or
// cancelled, never both.
func (s *Service) Cancel(ctx context.Context, actor model.Actor, id int64) error {
	if !auth.Allow(actor.User, auth.ManageMessaging, auth.Object{}) {
		return fmt.Errorf("notify: cancel: %w", model.ErrForbidden)
	}
	return s.store.Tx(ctx, func(ctx context.Context) error {
		m, err := s.store.OutboxMessage(ctx, id)
		if err != nil {
			return err
		}
		moved, err := s.store.MoveOutbox(ctx, id, []model.MessageStatus{model.MsgQueued, model.MsgHeld, model.MsgFailed}, model.MsgCancelled, m.LastError)
		if err != nil {
			return err
		}
		if !moved {
			return fmt.Errorf("notify: message %d is %s: %w", id, m.Status, model.ErrConflict)
		}
		return s.store.RecordAudit(ctx, messageEvent(model.AuditMessageCancel, actor, m, 0))
	})
}
