package trainings

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/traindesk/traindesk/internal/model"
)

// validate checks the training form, looking up the chosen project's
// period. It normalises in (trimmed text, default hours, a project that no
// longer exists forgotten) so that a form shown again shows what was
// checked.
func (s *Service) validate(ctx context.Context, in *model.TrainingInput) (model.Training, model.TrainingPlan, error) {
	var project *model.Project
	if in.ProjectID != nil {
		p, err := s.st.ProjectByID(ctx, *in.ProjectID)
		switch {
		case err == nil:
			project = &p
		case errors.Is(err, model.ErrNotFound):
			in.ProjectID = nil
		default:
			return model.Training{}, model.TrainingPlan{}, err
		}
	}
	t, quotas, err := in.Training(project)
	plan := model.TrainingPlan{SDGs: in.SDGs, GCMs: in.GCMs, Facilitators: in.Facilitators, Quotas: quotas,
		DayStarts: in.DayStarts, DayEnds: in.DayEnds}
	return t, plan, err
}

// Create plans a new training as a draft, with one session a day from its
// first to its last day. Invalid input is a *model.ValidationError; in is
// normalised as validate says.
func (s *Service) Create(ctx context.Context, actor model.Actor, in *model.TrainingInput) (model.Training, error) {
	if err := mayPlan(actor); err != nil {
		return model.Training{}, err
	}
	var t model.Training
	err := s.st.Tx(ctx, func(ctx context.Context) error {
		var plan model.TrainingPlan
		var err error
		if t, plan, err = s.validate(ctx, in); err != nil {
			return err
		}
		t.Status, t.CreatedByID = model.StatusDraft, actor.UserID()
		if err := s.st.InsertTraining(ctx, &t, plan); err != nil {
			return err
		}
		if err := s.st.AddSittings(ctx, model.DailySittings(t, plan.DayStarts, plan.DayEnds, nil)); err != nil {
			return err
		}
		ev := event(model.AuditTrainingCreate, actor, "training", t.ID)
		ev.Values = map[string]string{"status": string(t.Status), "starts_on": t.StartsOn.String(), "ends_on": t.EndsOn.String()}
		return s.st.RecordAudit(ctx, ev)
	})
	return t, err
}

// Update saves a training's fields and plan. When its dates grow, the new
// days get a session; sessions outside the new dates are kept (they may
// hold attendance) and the page shows them as outside.
func (s *Service) Update(ctx context.Context, actor model.Actor, id int64, in *model.TrainingInput) error {
	return s.st.Tx(ctx, func(ctx context.Context) error {
		old, err := s.editable(ctx, actor, id)
		if err != nil {
			return err
		}
		t, plan, err := s.validate(ctx, in)
		if err != nil {
			return err
		}
		t.ID, t.Status, t.CancelReason = old.ID, old.Status, old.CancelReason
		if err := s.st.UpdateTraining(ctx, &t, plan); err != nil {
			return err
		}
		existing, err := s.st.Sittings(ctx, t.ID)
		if err != nil {
			return err
		}
		if err := s.st.AddSittings(ctx, model.DailySittings(t, plan.DayStarts, plan.DayEnds, existing)); err != nil {
			return err
		}
		ev := event(model.AuditTrainingUpdate, actor, "training", t.ID)
		ev.Changed = changedFields(old, t, plan)
		return s.st.RecordAudit(ctx, ev)
	})
}

// SetStatus moves a training to another status when its life allows the
// move (model.CanMove), else model.ErrStatusMove. Cancelling needs a
// reason (a *model.ValidationError on "reason"); any other status clears
// the reason.
func (s *Service) SetStatus(ctx context.Context, actor model.Actor, id int64, to model.TrainingStatus, reason string) error {
	reason = strings.TrimSpace(reason)
	return s.st.Tx(ctx, func(ctx context.Context) error {
		d, err := s.editable(ctx, actor, id)
		if err != nil {
			return err
		}
		if to == model.StatusCancelled && reason == "" {
			return &model.ValidationError{Fields: map[string]string{"reason": "training.error.cancel_reason"}}
		}
		if !model.CanMove(d.Status, to) {
			return fmt.Errorf("trainings: training %d from %s to %s: %w", id, d.Status, to, model.ErrStatusMove)
		}
		if to != model.StatusCancelled {
			reason = ""
		}
		if err := s.st.SaveTrainingStatus(ctx, id, to, reason); err != nil {
			return err
		}
		ev := event(model.AuditTrainingStatus, actor, "training", id)
		ev.Changed = []string{"status"}
		if reason != d.CancelReason {
			ev.Changed = append(ev.Changed, "cancel_reason")
		}
		ev.Values = map[string]string{"from": string(d.Status), "to": string(to)}
		return s.st.RecordAudit(ctx, ev)
	})
}

// Copy creates a draft for the next cohort of a training: the same fields,
// plan, sessions (dates, hours and topics) and tags, but no participants,
// no cancellation, and the actor as its author.
func (s *Service) Copy(ctx context.Context, actor model.Actor, id int64) (model.Training, error) {
	var t model.Training
	err := s.st.Tx(ctx, func(ctx context.Context) error {
		src, err := s.editable(ctx, actor, id)
		if err != nil {
			return err
		}
		sits, err := s.st.Sittings(ctx, id)
		if err != nil {
			return err
		}
		t = src.Training
		t.ID, t.Status, t.CancelReason, t.CopiedFromID, t.CreatedByID = 0, model.StatusDraft, "", &src.ID, actor.UserID()
		t.CreatedAt, t.UpdatedAt = time.Time{}, time.Time{}
		if err := s.st.InsertTraining(ctx, &t, planOf(src)); err != nil {
			return err
		}
		copies := make([]model.Sitting, len(sits))
		for i, si := range sits {
			copies[i] = model.Sitting{TrainingID: t.ID, Date: si.Date, StartsAt: si.StartsAt, EndsAt: si.EndsAt, Topic: si.Topic}
		}
		if err := s.st.AddSittings(ctx, copies); err != nil {
			return err
		}
		ev := event(model.AuditTrainingCopy, actor, "training", t.ID)
		ev.Related = map[string]int64{"copied_from": src.ID}
		ev.Values = map[string]string{"sessions": strconv.Itoa(len(copies))}
		return s.st.RecordAudit(ctx, ev)
	})
	return t, err
}

// planOf is a saved training's plan, to write it again.
func planOf(d model.TrainingDetail) model.TrainingPlan {
	plan := model.TrainingPlan{SDGs: d.SDGs, GCMs: d.GCMs, Facilitators: d.FacilitatorIDs()}
	for _, q := range d.Quotas {
		plan.Quotas = append(plan.Quotas, model.Quota{AgencyID: q.AgencyID, StationID: q.DutyStationID, Places: q.Places})
	}
	return plan
}
