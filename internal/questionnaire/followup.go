package questionnaire

import (
	"context"
	"strconv"
	"time"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/jobs"
	"github.com/traindesk/traindesk/internal/model"
)

// FollowUpMail queues the follow-up's messages in the caller's
// transaction (notify.Service.QueueFollowUp); it answers false for a
// message queued before.
type FollowUpMail interface {
	QueueFollowUp(ctx context.Context, t model.Training, r model.Recipient, link string, reminder bool) (bool, error)
}

// FollowUpArgs is the daily job that sends the follow-ups that are due.
type FollowUpArgs struct{}

// Kind names the job.
func (FollowUpArgs) Kind() string { return "followups_due" }

// FollowUpKind runs the job once a day: a follow-up is due on a day, not
// at an hour.
var FollowUpKind = jobs.Kind{Every: 24 * time.Hour}

// SetFollowUp chooses a training's follow-up: 3 or 6 months after its last
// day, or none (0). Once sent it keeps its delay.
func (s *Service) SetFollowUp(ctx context.Context, actor model.Actor, trainingID int64, months int) error {
	return s.store.Tx(ctx, func(ctx context.Context) error {
		d, err := s.training(ctx, actor, trainingID, auth.EditTrainings)
		if err != nil {
			return err
		}
		if !model.ValidFollowUpMonths(months) {
			return &model.ValidationError{Fields: map[string]string{"months": "followup.error.months"}}
		}
		f, err := s.store.FollowUp(ctx, d.ID)
		if err != nil {
			return err
		}
		if f.SentAt != nil {
			return &model.ValidationError{Fields: map[string]string{"months": "followup.error.sent"}}
		}
		from := f.Months
		f.Months = months
		if err := s.store.SaveFollowUp(ctx, &f); err != nil {
			return err
		}
		return s.store.RecordAudit(ctx, model.AuditEvent{Kind: model.AuditFollowUpSet, Actor: actor,
			Object: model.AuditObject{Type: "training", ID: d.ID},
			Values: map[string]string{"from": strconv.Itoa(from), "to": strconv.Itoa(months)}})
	})
}

// SendFollowUps is the work of followups_due. By the server's clock, on
// or after the day a training's follow-up is due, it builds the follow-up
// questionnaire (open from then on) and queues its message to each
// participant with an e-mail address, with their personal link; at least
// FollowUpRemindDays later it queues one reminder to those who have not
// answered. What was queued is recorded on the follow-up, so a second run
// sends nothing.
func (s *Service) SendFollowUps(ctx context.Context, _ jobs.Job, _ FollowUpArgs) error {
	now := s.cfg.Now()
	today := model.DateOf(now.In(s.cfg.Location))
	pending, err := s.store.PendingFollowUps(ctx)
	if err != nil {
		return err
	}
	for _, p := range pending {
		if p.Status == model.StatusDraft || p.Status == model.StatusCancelled || today.Before(p.DueOn()) {
			continue
		}
		if err := s.followUp(ctx, p.TrainingID, now.UTC()); err != nil {
			return err
		}
	}
	return nil
}

// followUp sends one training's follow-up or its reminder, in one
// transaction.
func (s *Service) followUp(ctx context.Context, trainingID int64, now time.Time) error {
	return s.store.Tx(ctx, func(ctx context.Context) error {
		f, err := s.store.FollowUp(ctx, trainingID)
		if err != nil || f.RemindedAt != nil {
			return err
		}
		reminder := f.SentAt != nil
		if reminder && now.Before(f.SentAt.AddDate(0, 0, model.FollowUpRemindDays)) {
			return nil
		}
		d, err := s.store.TrainingDetail(ctx, trainingID)
		if err != nil {
			return err
		}
		q, err := s.followUpQuiz(ctx, d, now)
		if err != nil {
			return err
		}
		f.QuestionnaireID = &q.ID
		queued, without, err := s.mailFollowUp(ctx, d, q, reminder)
		if err != nil {
			return err
		}
		if reminder {
			f.RemindedAt = &now
		} else {
			f.SentAt = &now
		}
		if err := s.store.SaveFollowUp(ctx, &f); err != nil {
			return err
		}
		return s.store.RecordAudit(ctx, audit(model.AuditFollowUpSend, model.System, q, map[string]string{
			"reminder": strconv.FormatBool(reminder), "queued": strconv.Itoa(queued), "without_email": strconv.Itoa(without)}))
	})
}

// mailFollowUp queues the follow-up (or the reminder, to those who have
// not answered) to each participant with an address, and counts those
// queued and those without an address.
func (s *Service) mailFollowUp(ctx context.Context, d model.TrainingDetail, q model.Questionnaire, reminder bool) (int, int, error) {
	people, err := s.store.Recipients(ctx, d.ID)
	if err != nil {
		return 0, 0, err
	}
	answered := map[int64]bool{}
	if reminder {
		done, err := s.store.QuizRespondents(ctx, q.ID)
		if err != nil {
			return 0, 0, err
		}
		for _, r := range done {
			answered[r] = true
		}
	}
	queued, without := 0, 0
	for _, r := range people {
		if r.Status == model.RegWithdrawn || answered[r.RegistrationID] {
			continue
		}
		// Without the server's own address a link in an e-mail would lead
		// nowhere: such a follow-up is handed out from the links page.
		if s.cfg.Mail == nil || s.cfg.BaseURL == "" || !model.ValidEmail(model.NormalizeEmail(r.Email)) {
			without++
			continue
		}
		link := s.Link(q.ID) + "?code=" + s.cfg.Codes.Code(r.RegistrationID)
		added, err := s.cfg.Mail.QueueFollowUp(ctx, d.Training, r, link, reminder)
		if err != nil {
			return queued, without, err
		}
		if added {
			queued++
		}
	}
	return queued, without, nil
}

// followUpQuiz returns the training's follow-up questionnaire, building it
// open when there is none yet.
func (s *Service) followUpQuiz(ctx context.Context, d model.TrainingDetail, now time.Time) (model.Questionnaire, error) {
	qs, err := s.store.Questionnaires(ctx, d.ID)
	if err != nil {
		return model.Questionnaire{}, err
	}
	for _, q := range qs {
		if q.Kind == model.QuizFollowUp {
			return q, nil
		}
	}
	q := model.Questionnaire{TrainingID: d.ID, Kind: model.QuizFollowUp, State: model.QuizOpen, OpenedAt: &now,
		Questions: FollowUpQuestions()}
	return q, s.store.SaveQuestionnaire(ctx, &q)
}

// FollowUpQuestions are the follow-up's four questions, in English and
// Arabic from the catalogues: did you use what you learned (yes, no), how
// often, an example, and what got in the way.
func FollowUpQuestions() []model.Question {
	en, ar := i18n.New(i18n.EN), i18n.New(i18n.AR)
	text := func(key string) model.Bilingual { return model.Bilingual{EN: en.T(key), AR: ar.T(key)} }
	often := make([]model.Choice, len(model.FollowUpOften))
	for i, k := range model.FollowUpOften {
		often[i] = model.Choice{Text: text(k)}
	}
	return []model.Question{
		{Kind: model.QChoice, Text: text("followup.q.used"),
			Choices: []model.Choice{{Text: text("followup.yes")}, {Text: text("followup.no")}}},
		{Kind: model.QChoice, Text: text("followup.q.often"), Choices: often},
		{Kind: model.QText, Text: text("followup.q.example")},
		{Kind: model.QText, Text: text("followup.q.obstacles")},
	}
}
