package notify

import (
	"context"
	"strconv"
	"time"

	"github.com/traindesk/traindesk/internal/jobs"
	"github.com/traindesk/traindesk/internal/model"
)

// RemindArgs is the periodic job that queues the reminders that are due.
type RemindArgs struct{}

// Kind names the job.
func (RemindArgs) Kind() string { return "reminders_due" }

// RemindKind looks for due reminders every quarter of an hour, so that a
// reminder leaves within fifteen minutes of its time of day.
var RemindKind = jobs.Kind{Every: 15 * time.Minute}

// liveStatuses are the trainings that get reminders.
var liveStatuses = []model.TrainingStatus{model.StatusPlanned, model.StatusOngoing}

// Remind is the work of reminders_due. By the server's clock, at the
// venues' time of day each training chose, it queues to every trainer of
// a session tomorrow a reminder with the roster count and the roll-call
// link, and to every confirmed participant, two days before the first
// session (or the day before, when the server was down on the day), a
// reminder with the essentials and their check-in code. Each reminder has
// a dedupe key, so running again, or on two instances, queues nothing
// twice.
func (s *Service) Remind(ctx context.Context, _ jobs.Job, _ RemindArgs) error {
	now := s.o.Now().In(s.o.Location)
	today := model.DateOf(now)
	due, err := s.store.SittingsFrom(ctx, today.AddDays(1), today.AddDays(2), liveStatuses)
	if err != nil {
		return err
	}
	seen := map[int64]bool{}
	for _, st := range due {
		if seen[st.TrainingID] {
			continue
		}
		seen[st.TrainingID] = true
		if err := s.remindTraining(ctx, st.TrainingID, today, now.Format("15:04")); err != nil {
			return err
		}
	}
	return nil
}

// remindTraining queues one training's due reminders in one transaction.
func (s *Service) remindTraining(ctx context.Context, id int64, today model.Date, clock string) error {
	return s.store.Tx(ctx, func(ctx context.Context) error {
		set, err := s.store.ReminderSettings(ctx, id)
		if err != nil {
			return err
		}
		d, err := s.store.TrainingDetail(ctx, id)
		if err != nil {
			return err
		}
		c, err := s.course(ctx, d)
		if err != nil || len(c.Sittings) == 0 {
			return err
		}
		trainers, participants := 0, 0
		if set.TrainersOn && clock >= set.TrainersAt {
			if trainers, err = s.remindTrainers(ctx, c, today.AddDays(1)); err != nil {
				return err
			}
		}
		first := c.Sittings[0].Date
		if set.ParticipantsOn && first.After(today) && (clock >= set.ParticipantsAt || first == today.AddDays(1)) {
			if participants, err = s.remindParticipants(ctx, c); err != nil {
				return err
			}
		}
		if trainers+participants == 0 {
			return nil
		}
		ev := event(model.AuditRemindersQueue, model.System, "training", id)
		ev.Values = map[string]string{"trainers": strconv.Itoa(trainers), "participants": strconv.Itoa(participants)}
		return s.store.RecordAudit(ctx, ev)
	})
}

// remindTrainers queues, for each session of c on day, a reminder to each
// of its trainers, and counts those queued now.
func (s *Service) remindTrainers(ctx context.Context, c course, day model.Date) (int, error) {
	people, err := s.store.Recipients(ctx, c.T.ID)
	if err != nil {
		return 0, err
	}
	roster := 0
	for _, p := range people {
		if p.Status != model.RegWithdrawn {
			roster++
		}
	}
	n := 0
	for _, st := range c.Sittings {
		if st.Date != day {
			continue
		}
		for _, u := range c.T.Facilitators {
			if !model.ValidEmail(model.NormalizeEmail(u.Email)) {
				continue
			}
			out, err := s.trainerReminder(c, st.Sitting, u, roster)
			if err != nil {
				return n, err
			}
			if _, added, err := s.Enqueue(ctx, model.System, out); err != nil {
				return n, err
			} else if added {
				n++
			}
		}
	}
	return n, nil
}

// remindParticipants queues the reminder before the first session to each
// confirmed participant with a usable address.
func (s *Service) remindParticipants(ctx context.Context, c course) (int, error) {
	people, err := s.store.Recipients(ctx, c.T.ID)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, r := range people {
		if r.Status != model.RegConfirmed || !model.ValidEmail(model.NormalizeEmail(r.Email)) {
			continue
		}
		out, err := s.participantReminder(c, r)
		if err != nil {
			return n, err
		}
		if _, added, err := s.Enqueue(ctx, model.System, out); err != nil {
			return n, err
		} else if added {
			n++
		}
	}
	return n, nil
}
