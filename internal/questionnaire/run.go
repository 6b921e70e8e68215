package questionnaire

import (
	"context"
	"math"
	"strconv"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// results adds the results per question and the scores left as typed.
func (s *Service) results(ctx context.Context, sh model.QuizSheet, roster []model.RosterRow) (model.QuizSheet, error) {
	rs, err := s.store.QuizResponses(ctx, sh.Quiz.ID)
	if err != nil {
		return sh, err
	}
	sh.Results = model.QuizResults(sh.Quiz.Questions, rs)
	if sh.Quiz.Kind == model.QuizPost {
		if err := s.gain(ctx, sh); err != nil {
			return sh, err
		}
	}
	if !sh.Quiz.Kind.Graded() {
		return sh, nil
	}
	scores, err := s.store.Assessments(ctx, sh.Training.ID)
	if err != nil {
		return sh, err
	}
	people := map[int64]model.RosterRow{}
	for _, r := range roster {
		people[r.ID] = r
	}
	for _, r := range rs {
		if r.RegistrationID == nil || r.Score == nil {
			continue
		}
		typed, source := scoreOf(scores[*r.RegistrationID], sh.Quiz.Kind)
		if typed != nil && source != model.SourceQuiz && *typed != *r.Score {
			sh.Conflicts = append(sh.Conflicts, model.ScoreConflict{Person: people[*r.RegistrationID], Typed: *typed, Quiz: *r.Score})
		}
	}
	return sh, nil
}

// gain adds the pre-test's figures to a post-test that asks its questions.
func (s *Service) gain(ctx context.Context, sh model.QuizSheet) error {
	qs, err := s.store.Questionnaires(ctx, sh.Training.ID)
	if err != nil {
		return err
	}
	for _, pre := range qs {
		if pre.Kind != model.QuizPre || !model.SameQuestions(pre.Questions, sh.Quiz.Questions) {
			continue
		}
		rs, err := s.store.QuizResponses(ctx, pre.ID)
		if err != nil {
			return err
		}
		for i, r := range model.QuizResults(pre.Questions, rs) {
			sh.Results[i].HasPre, sh.Results[i].PreAnswered, sh.Results[i].PreRight = true, r.Answered, r.Right
		}
	}
	return nil
}

func scoreOf(a model.Assessment, kind model.QuizKind) (*float64, string) {
	if kind == model.QuizPre {
		return a.PreScore, a.PreSource
	}
	return a.PostScore, a.PostSource
}

// Open lets participants answer, from now until the trainer closes it. A
// closed questionnaire may be opened again; closing it again writes the
// scores again.
func (s *Service) Open(ctx context.Context, actor model.Actor, trainingID, id int64) error {
	return s.setState(ctx, actor, trainingID, id, model.QuizOpen)
}

// Close stops the answers and writes a test's scores (or an identified
// evaluation's mean rating as satisfaction) into the scores table, by the
// server's clock. A score typed by hand is left as it is; the sheet shows
// the conflict.
func (s *Service) Close(ctx context.Context, actor model.Actor, trainingID, id int64) error {
	return s.setState(ctx, actor, trainingID, id, model.QuizClosed)
}

func (s *Service) setState(ctx context.Context, actor model.Actor, trainingID, id int64, to model.QuizState) error {
	return s.store.Tx(ctx, func(ctx context.Context) error {
		d, err := s.training(ctx, actor, trainingID, auth.EditScores)
		if err != nil {
			return err
		}
		q, err := s.quiz(ctx, d, id)
		if err != nil {
			return err
		}
		if q.State == to {
			return nil
		}
		from := q.State
		now := s.cfg.Now().UTC()
		q.State = to
		kind := model.AuditQuizOpen
		if to == model.QuizOpen {
			q.OpenedAt, q.ClosedAt = &now, nil
		} else {
			q.ClosedAt, kind = &now, model.AuditQuizClose
		}
		if err := s.store.SaveQuestionnaire(ctx, &q); err != nil {
			return err
		}
		values := map[string]string{"from": string(from), "to": string(to)}
		if to == model.QuizClosed {
			n, err := s.writeScores(ctx, actor, q)
			if err != nil {
				return err
			}
			values["scores"] = strconv.Itoa(n)
		}
		return s.store.RecordAudit(ctx, audit(kind, actor, q, values))
	})
}

// writeScores copies each identified participant's result into the scores
// table where nothing was typed by hand, and returns how many it wrote.
func (s *Service) writeScores(ctx context.Context, actor model.Actor, q model.Questionnaire) (int, error) {
	if q.Anonymous {
		return 0, nil
	}
	rs, err := s.store.QuizResponses(ctx, q.ID)
	if err != nil {
		return 0, err
	}
	scores, err := s.store.Assessments(ctx, q.TrainingID)
	if err != nil {
		return 0, err
	}
	var rows []model.Assessment
	for _, r := range rs {
		if r.RegistrationID == nil {
			continue
		}
		a, ok := scores[*r.RegistrationID]
		if !ok {
			a = model.Assessment{RegistrationID: *r.RegistrationID}
		}
		if put(&a, q, r) {
			a.UpdatedByID = actor.UserID()
			rows = append(rows, a)
		}
	}
	if len(rows) == 0 {
		return 0, nil
	}
	return len(rows), s.store.SaveAssessments(ctx, rows)
}

// put writes r's result into a unless a holds a value typed by hand.
func put(a *model.Assessment, q model.Questionnaire, r model.QuizResponse) bool {
	switch q.Kind {
	case model.QuizPre, model.QuizPost:
		v, src := &a.PreScore, &a.PreSource
		if q.Kind == model.QuizPost {
			v, src = &a.PostScore, &a.PostSource
		}
		if r.Score == nil || (*v != nil && *src != model.SourceQuiz) {
			return false
		}
		*v, *src = r.Score, model.SourceQuiz
		return true
	case model.QuizEvaluation:
		m := meanRating(q.Questions, r.Answers)
		if m == nil || (a.Satisfaction != nil && a.SatSource != model.SourceQuiz) {
			return false
		}
		a.Satisfaction, a.SatSource = m, model.SourceQuiz
		return true
	}
	return false
}

// meanRating is the rounded mean of a participant's ratings, or nil.
func meanRating(qs []model.Question, a model.Answers) *int {
	sum, n := 0, 0
	for i, q := range qs {
		if q.Kind != model.QRating || len(a[i]) == 0 {
			continue
		}
		v, err := strconv.Atoi(a[i][0])
		if err == nil {
			sum, n = sum+v, n+1
		}
	}
	if n == 0 {
		return nil
	}
	m := int(math.Round(float64(sum) / float64(n)))
	return &m
}
