package questionnaire

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/traindesk/traindesk/internal/model"
)

// open loads the questionnaire a link's token names, and its training's
// title: model.ErrNotFound for a forged token, ErrClosed when it takes no
// answers now.
func (s *Service) open(ctx context.Context, token string) (model.Questionnaire, model.TrainingDetail, error) {
	id, ok := s.parseToken(token)
	if !ok {
		return model.Questionnaire{}, model.TrainingDetail{}, fmt.Errorf("questionnaire link: %w", model.ErrNotFound)
	}
	q, err := s.store.Questionnaire(ctx, id)
	if err != nil {
		return q, model.TrainingDetail{}, err
	}
	d, err := s.store.TrainingDetail(ctx, q.TrainingID)
	if err != nil {
		return q, d, err
	}
	if q.State != model.QuizOpen {
		return q, d, ErrClosed
	}
	return q, d, nil
}

// Form is the page a participant opens from the link, with their badge's
// code when the link carries it. Anyone with the link may see the
// questions; only a participant's code lets them answer.
func (s *Service) Form(ctx context.Context, token, code string) (model.QuizForm, error) {
	q, d, err := s.open(ctx, token)
	return model.QuizForm{TitleEn: d.TitleEn, TitleAr: d.TitleAr, Quiz: q, Token: token, Code: code}, err
}

// Submit stores a participant's answers. The code must be a genuine badge
// code of someone registered on the training; wrong codes are counted per
// client address (by a keyed hash, never the address itself), and past
// the limit the address waits (ErrTooMany). An identified participant's
// second submission replaces the first; an anonymous evaluation is
// answered once. On bad answers the *model.ValidationError names "code"
// or "q_<n>" and nothing is stored.
func (s *Service) Submit(ctx context.Context, ip, token, code string, typed model.Answers) (model.QuizForm, error) {
	f := model.QuizForm{Token: token, Code: code, Typed: typed}
	var refused error
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		q, d, err := s.open(ctx, token)
		f.Quiz, f.TitleEn, f.TitleAr = q, d.TitleEn, d.TitleAr
		if err != nil {
			return err
		}
		t, err := s.store.LockSigninThrottle(ctx, "quiz:"+s.mac("ip:" + ip)[:24])
		if err != nil {
			return err
		}
		now := s.cfg.Now().UTC()
		if now.Before(t.BlockedUntil) {
			return ErrTooMany
		}
		if strings.TrimSpace(code) == "" {
			// Nothing typed is no guess: it is not counted.
			return &model.ValidationError{Fields: map[string]string{"code": "quiz.error.code_missing"}}
		}
		reg, ok, err := s.participant(ctx, d.ID, code)
		if err != nil {
			return err
		}
		if !ok {
			// The wrong code is counted, and the count committed.
			refused = &model.ValidationError{Fields: map[string]string{"code": "quiz.error.code"}}
			return s.count(ctx, t, now)
		}
		answers, errs := model.CheckAnswers(q.Questions, typed)
		if len(errs) > 0 {
			return &model.ValidationError{Fields: errs}
		}
		return s.put(ctx, q, reg, answers)
	})
	if err == nil {
		err = refused
	}
	return f, err
}

// count adds a wrong code to an address's counter.
func (s *Service) count(ctx context.Context, t model.SigninThrottle, now time.Time) error {
	if t.WindowStart.IsZero() || !now.Before(t.WindowStart.Add(s.cfg.Window)) {
		t.Attempts, t.WindowStart = 0, now
	}
	t.Attempts++
	if t.Attempts >= s.cfg.WrongCodes {
		t.BlockedUntil = t.WindowStart.Add(s.cfg.Window)
	}
	return s.store.SaveSigninThrottle(ctx, t)
}

// participant returns the registration a code names, if it is genuine and
// the person is still on the training.
func (s *Service) participant(ctx context.Context, trainingID int64, code string) (int64, bool, error) {
	reg, ok := s.cfg.Codes.Parse(code)
	if !ok {
		return 0, false, nil
	}
	roster, err := s.store.Roster(ctx, trainingID)
	if err != nil {
		return 0, false, err
	}
	for _, r := range live(roster) {
		if r.ID == reg {
			return reg, true, nil
		}
	}
	return 0, false, nil
}

// put stores the answers: replacing earlier ones of an identified
// participant; once only, and with no link to the person, for an
// anonymous evaluation.
func (s *Service) put(ctx context.Context, q model.Questionnaire, reg int64, answers model.Answers) error {
	first, err := s.store.AddQuizRespondent(ctx, q.ID, reg)
	if err != nil {
		return err
	}
	r := model.QuizResponse{QuestionnaireID: q.ID, Answers: answers}
	ev := audit(model.AuditQuizAnswer, model.System, q, map[string]string{"first": fmt.Sprint(first)})
	if q.Anonymous {
		if !first {
			return &model.ValidationError{Fields: map[string]string{"code": "quiz.error.answered"}}
		}
	} else {
		r.RegistrationID = &reg
		ev.Related["registration"] = reg
		if q.Kind.Graded() {
			r.Score = model.Score(q.Questions, answers)
		}
		if q.Kind == model.QuizFollowUp {
			r.Used = model.UsedSkills(answers)
		}
	}
	if err := s.store.PutQuizResponse(ctx, &r); err != nil {
		return err
	}
	return s.store.RecordAudit(ctx, ev)
}
