package notify

import (
	"context"
	"fmt"
	"strconv"

	"github.com/traindesk/traindesk/internal/model"
)

var inviteKinds = []model.MessageKind{model.MsgInvitation, model.MsgInvitationUpdate, model.MsgCancellation}

// Invitations shows what was sent to each participant of training id and
// what "send invitations" would do now.
func (s *Service) Invitations(ctx context.Context, actor model.Actor, id int64) (model.InvitePlan, error) {
	d, err := s.editable(ctx, actor, id)
	if err != nil {
		return model.InvitePlan{}, err
	}
	c, err := s.course(ctx, d)
	if err != nil {
		return model.InvitePlan{}, err
	}
	p, err := s.plan(ctx, c)
	if err != nil {
		return p, err
	}
	if p.Reminders, err = s.store.ReminderSettings(ctx, id); err != nil {
		return p, err
	}
	if p.Outbox, err = s.store.OutboxCounts(ctx, id); err != nil {
		return p, err
	}
	for _, a := range c.Refs.Agencies {
		if a.ArchivedAt == nil {
			p.Agencies = append(p.Agencies, a)
		}
	}
	p.Today = s.today()
	p.Letters, err = s.store.Letters(ctx, id)
	return p, err
}

// Summary counts a training's messages by status, for the training page.
func (s *Service) Summary(ctx context.Context, actor model.Actor, id int64) (map[model.MessageStatus]int64, error) {
	if _, err := s.editable(ctx, actor, id); err != nil {
		return nil, err
	}
	return s.store.OutboxCounts(ctx, id)
}

// course loads what messages about training d tell.
func (s *Service) course(ctx context.Context, d model.TrainingDetail) (course, error) {
	c := course{T: d, loc: s.o.Location}
	var err error
	if c.Refs, err = s.store.AllRefs(ctx); err != nil {
		return c, err
	}
	c.Sittings, err = s.store.Sittings(ctx, d.ID)
	return c, err
}

// plan decides, for every registration, what to send.
func (s *Service) plan(ctx context.Context, c course) (model.InvitePlan, error) {
	p := model.InvitePlan{Training: c.T, Version: c.Version(), Counts: map[model.InviteAction]int{}, CanSend: s.CanSend()}
	people, err := s.store.Recipients(ctx, c.T.ID)
	if err != nil {
		return p, err
	}
	sent, err := s.store.TrainingMessages(ctx, c.T.ID, inviteKinds)
	if err != nil {
		return p, err
	}
	byReg := map[int64][]model.OutboxMessage{}
	for _, m := range sent {
		if m.RegistrationID != nil {
			byReg[*m.RegistrationID] = append(byReg[*m.RegistrationID], m)
		}
	}
	for _, r := range people {
		row := model.InviteRow{Recipient: r, Sent: byReg[r.RegistrationID]}
		row.Action = action(r.Status, row.Last(), p.Version)
		switch email := model.NormalizeEmail(r.Email); {
		case email == "":
			row.Problem = model.ProblemNoEmail
		case !model.ValidEmail(email):
			row.Problem = model.ProblemInvalidEmail
		}
		if row.Action != model.ActNone {
			if row.Problem != "" {
				p.Skipped++
			} else {
				p.Counts[row.Action]++
			}
		}
		p.Rows = append(p.Rows, row)
	}
	return p, nil
}

// action is the rule: confirmed participants are invited, and sent an
// update when the training changed since their last invitation; a
// participant who withdrew after being invited is sent a cancellation;
// nominated ones wait for confirmation.
func action(st model.RegistrationStatus, last *model.OutboxMessage, version string) model.InviteAction {
	invited := last != nil && last.Kind != model.MsgCancellation
	switch {
	case st == model.RegConfirmed && !invited:
		return model.ActInvite
	case st == model.RegConfirmed && last.Version != version:
		return model.ActUpdate
	case st == model.RegWithdrawn && invited:
		return model.ActCancel
	}
	return model.ActNone
}

// SendInvitations queues, for training id, the invitations, updates and
// cancellations its participants are due (see action), in each
// participant's language, and lists those skipped for want of a usable
// address. It is idempotent: a registration gets one message per version
// of the training, however often it runs.
func (s *Service) SendInvitations(ctx context.Context, actor model.Actor, id int64) (model.InviteResult, error) {
	res := model.InviteResult{Queued: map[model.InviteAction]int{}}
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		d, err := s.editable(ctx, actor, id)
		if err != nil {
			return err
		}
		if d.Status == model.StatusDraft || d.Status == model.StatusCancelled {
			return fmt.Errorf("notify: training %d is %s: %w", id, d.Status, model.ErrConflict)
		}
		c, err := s.course(ctx, d)
		if err != nil {
			return err
		}
		p, err := s.plan(ctx, c)
		if err != nil {
			return err
		}
		for _, row := range p.Rows {
			if row.Action == model.ActNone {
				continue
			}
			if row.Problem != "" {
				res.Skipped = append(res.Skipped, row)
				continue
			}
			out, err := s.invitation(c, row, p.Version)
			if err != nil {
				return err
			}
			if _, added, err := s.Enqueue(ctx, actor, out); err != nil {
				return err
			} else if added {
				res.Queued[row.Action]++
			}
		}
		ev := event(model.AuditInvitationsSend, actor, "training", id)
		ev.Values = map[string]string{"invitations": strconv.Itoa(res.Queued[model.ActInvite]), "updates": strconv.Itoa(res.Queued[model.ActUpdate]),
			"cancellations": strconv.Itoa(res.Queued[model.ActCancel]), "skipped": strconv.Itoa(len(res.Skipped)), "version": p.Version}
		return s.store.RecordAudit(ctx, ev)
	})
	return res, err
}
