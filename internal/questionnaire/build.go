package questionnaire

import (
	"context"
	"strconv"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/qr"
)

// List returns a training's questionnaires to whoever sees the training
// (M&E managers read the results too).
func (s *Service) List(ctx context.Context, actor model.Actor, trainingID int64) (model.QuizList, error) {
	l := model.QuizList{Quizzes: map[model.QuizKind]model.QuizSummary{}}
	d, err := s.training(ctx, actor, trainingID, auth.ViewTraining)
	if err != nil {
		return l, err
	}
	l.Training = d.Training
	l.CanBuild = auth.Allow(actor.User, auth.EditTrainings, auth.TrainingObject(d.FacilitatorIDs()))
	qs, err := s.store.Questionnaires(ctx, d.ID)
	if err != nil {
		return l, err
	}
	counts, err := s.store.QuizCounts(ctx, d.ID)
	if err != nil {
		return l, err
	}
	for _, q := range qs {
		l.Quizzes[q.Kind] = model.QuizSummary{Questionnaire: q, Answered: counts[q.ID]}
	}
	f, err := s.store.FollowUp(ctx, d.ID)
	l.FollowUp = model.FollowUpView{FollowUp: f, Choices: model.FollowUpMonths}
	if f.Months > 0 {
		l.FollowUp.DueOn = model.FollowUpPending{FollowUp: f, EndsOn: d.EndsOn}.DueOn()
	}
	return l, err
}

// QuizDraft is the builder's form: the training, what it shows, and
// whether the questionnaire may still change (only before it is opened).
type QuizDraft struct {
	Training model.Training
	Input    model.QuizInput
	Locked   bool
	Bank     []model.BankEntry // the thematic area's questions to start from
}

// Draft returns the builder of a kind of questionnaire: the saved one, or
// for a new post-test the pre-test's questions, so that the two compare
// question by question; with from, the questions of that entry of the
// thematic area's bank instead. The officer saves them to keep them.
func (s *Service) Draft(ctx context.Context, actor model.Actor, trainingID int64, kind string, from int64) (QuizDraft, error) {
	dr, d, err := s.draft(ctx, actor, trainingID, kind)
	if err != nil {
		return dr, err
	}
	return dr, s.bank(ctx, d, &dr, from)
}

func (s *Service) draft(ctx context.Context, actor model.Actor, trainingID int64, kind string) (QuizDraft, model.TrainingDetail, error) {
	dr := QuizDraft{Input: model.QuizInput{Kind: kind}}
	d, err := s.training(ctx, actor, trainingID, auth.EditTrainings)
	if err != nil {
		return dr, d, err
	}
	dr.Training = d.Training
	qs, err := s.store.Questionnaires(ctx, d.ID)
	if err != nil {
		return dr, d, err
	}
	for _, q := range qs {
		if string(q.Kind) == kind {
			dr.Input = model.QuizInput{Kind: kind, Source: q.Source, Anonymous: q.Anonymous}
			dr.Locked = q.State != model.QuizDraft
			return dr, d, nil
		}
		if q.Kind == model.QuizPre && kind == string(model.QuizPost) {
			dr.Input.Source = q.Source
		}
	}
	return dr, d, nil
}

// Save builds or rebuilds a training's questionnaire of in.Kind from the
// builder's text. A questionnaire already opened keeps its questions, so
// that every answer answers the same questions. On a mistake the
// *model.ValidationError names "kind" or "source", and "source_line"
// holds the line's number.
func (s *Service) Save(ctx context.Context, actor model.Actor, trainingID int64, in model.QuizInput) (int64, error) {
	var id int64
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		d, err := s.training(ctx, actor, trainingID, auth.EditTrainings)
		if err != nil {
			return err
		}
		kind, ok := model.ParseQuizKind(in.Kind)
		if !ok {
			return &model.ValidationError{Fields: map[string]string{"kind": "quiz.error.kind"}}
		}
		questions, msg, line := model.ParseQuestions(in.Source, kind)
		if msg != "" {
			f := map[string]string{"source": msg}
			if line > 0 {
				f["source_line"] = strconv.Itoa(line)
			}
			return &model.ValidationError{Fields: f}
		}
		q := model.Questionnaire{TrainingID: d.ID, Kind: kind, State: model.QuizDraft}
		qs, err := s.store.Questionnaires(ctx, d.ID)
		if err != nil {
			return err
		}
		for _, old := range qs {
			if old.Kind == kind {
				q = old
			}
		}
		if q.State != model.QuizDraft {
			return &model.ValidationError{Fields: map[string]string{"source": "quiz.error.not_draft"}}
		}
		q.Source, q.Questions, q.Anonymous = in.Source, questions, in.Anonymous && !kind.Graded()
		if err := s.store.SaveQuestionnaire(ctx, &q); err != nil {
			return err
		}
		id = q.ID
		return s.store.RecordAudit(ctx, audit(model.AuditQuizSave, actor, q,
			map[string]string{"questions": strconv.Itoa(len(questions))}))
	})
	return id, err
}

// Sheet is what the trainer sees of a questionnaire while it runs and
// after: who answered, and once closed the results and the conflicts.
// Whoever sees the training reads it; those who enter its scores run it.
func (s *Service) Sheet(ctx context.Context, actor model.Actor, trainingID, id int64) (model.QuizSheet, error) {
	var sh model.QuizSheet
	d, err := s.training(ctx, actor, trainingID, auth.ViewTraining)
	if err != nil {
		return sh, err
	}
	sh.CanRun = auth.Allow(actor.User, auth.EditScores, auth.TrainingObject(d.FacilitatorIDs()))
	sh.CanBank = auth.Allow(actor.User, auth.EditTrainings, auth.TrainingObject(d.FacilitatorIDs()))
	if sh.Quiz, err = s.quiz(ctx, d, id); err != nil {
		return sh, err
	}
	sh.Training, sh.Link = d.Training, s.Link(id)
	if s.cfg.BaseURL != "" {
		if sh.QR, err = qr.PNG(sh.Link, 360); err != nil {
			return sh, err
		}
	}
	roster, err := s.store.Roster(ctx, d.ID)
	if err != nil {
		return sh, err
	}
	roster = live(roster)
	done, err := s.store.QuizRespondents(ctx, id)
	if err != nil {
		return sh, err
	}
	answered := map[int64]bool{}
	for _, r := range done {
		answered[r] = true
	}
	sh.Expected = len(roster)
	for _, r := range roster {
		if answered[r.ID] {
			sh.Answered++
		} else if !sh.Quiz.Anonymous {
			sh.Missing = append(sh.Missing, r)
		}
	}
	if sh.Quiz.State != model.QuizClosed {
		return sh, nil
	}
	return s.results(ctx, sh, roster)
}

// Links lists each participant's personal link to a questionnaire, for
// those who run it: the link carries the participant's badge code, so the
// page opens ready to answer. An anonymous questionnaire has none: a
// personal link would tie the answers to the person. A follow-up lists
// only those without an e-mail address: the others got theirs by mail.
func (s *Service) Links(ctx context.Context, actor model.Actor, trainingID, id int64) (model.QuizLinks, error) {
	var ls model.QuizLinks
	d, err := s.training(ctx, actor, trainingID, auth.EditScores)
	if err != nil {
		return ls, err
	}
	if ls.Quiz, err = s.quiz(ctx, d, id); err != nil || ls.Quiz.Anonymous {
		return ls, err
	}
	ls.Training = d.Training
	roster, err := s.store.Roster(ctx, d.ID)
	if err != nil {
		return ls, err
	}
	mailed, err := s.mailed(ctx, ls.Quiz)
	if err != nil {
		return ls, err
	}
	for _, r := range live(roster) {
		if mailed[r.ID] {
			continue
		}
		l := model.QuizLink{Person: r, Link: s.Link(id) + "?code=" + s.cfg.Codes.Code(r.ID)}
		if s.cfg.BaseURL != "" {
			if l.QR, err = qr.PNG(l.Link, 200); err != nil {
				return ls, err
			}
		}
		ls.Links = append(ls.Links, l)
	}
	return ls, nil
}

// mailed are the registrations a follow-up has reached, or is about to
// reach, by mail: those whose follow-up message is queued or sent. A
// message held for want of a mail server, failed or cancelled reaches
// nobody, so that person's link is printed. Other questionnaires reach
// nobody by mail.
func (s *Service) mailed(ctx context.Context, q model.Questionnaire) (map[int64]bool, error) {
	out := map[int64]bool{}
	if q.Kind != model.QuizFollowUp {
		return out, nil
	}
	msgs, err := s.store.TrainingMessages(ctx, q.TrainingID, []model.MessageKind{model.MsgFollowUp, model.MsgFollowUpReminder})
	for _, m := range msgs {
		if m.RegistrationID != nil && (m.Status == model.MsgQueued || m.Status == model.MsgSent) {
			out[*m.RegistrationID] = true
		}
	}
	return out, err
}
