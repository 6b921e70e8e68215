package notify

import (
	"context"
	"strconv"

	"github.com/traindesk/traindesk/internal/model"
)

// SaveReminders changes a training's reminder settings (times of day at
// the venue, each kind on or off), for whoever may change the training.
func (s *Service) SaveReminders(ctx context.Context, actor model.Actor, id int64, in model.ReminderSettings) (model.ReminderSettings, error) {
	in.TrainingID = id
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		if _, err := s.editable(ctx, actor, id); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		in.UpdatedByID = actor.UserID()
		if err := s.store.SaveReminderSettings(ctx, &in); err != nil {
			return err
		}
		ev := event(model.AuditReminderSettings, actor, "training", id)
		ev.Values = map[string]string{"trainers_on": strconv.FormatBool(in.TrainersOn), "trainers_at": in.TrainersAt,
			"participants_on": strconv.FormatBool(in.ParticipantsOn), "participants_at": in.ParticipantsAt}
		return s.store.RecordAudit(ctx, ev)
	})
	return in, err
}
