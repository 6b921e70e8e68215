package store

import (
	"context"
	"errors"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/traindesk/traindesk/internal/model"
)

// FollowUp returns a training's follow-up; one never chosen is the zero
// value with the training's id (no delay).
func (s *Store) FollowUp(ctx context.Context, trainingID int64) (model.FollowUp, error) {
	f := model.FollowUp{TrainingID: trainingID}
	err := s.read(ctx).Where("training_id = ?", trainingID).First(&f).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return model.FollowUp{TrainingID: trainingID}, nil
	}
	return f, mapErr("follow-up", err)
}

// SaveFollowUp adds or writes back a training's follow-up.
func (s *Store) SaveFollowUp(ctx context.Context, f *model.FollowUp) error {
	f.UpdatedAt = s.Now()
	err := s.write(ctx).Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "training_id"}}, UpdateAll: true}).Create(f).Error
	return mapErr("save follow-up", err)
}

// PendingFollowUps lists the follow-ups with a delay whose reminder has not
// been queued yet, with their trainings' last days and statuses.
func (s *Store) PendingFollowUps(ctx context.Context) ([]model.FollowUpPending, error) {
	var out []model.FollowUpPending
	err := s.read(ctx).Raw(`SELECT f.*, t.ends_on, t.status FROM training_followups f
JOIN trainings t ON t.id = f.training_id
WHERE f.months > 0 AND f.reminded_at IS NULL ORDER BY f.training_id`).Scan(&out).Error
	return out, mapErr("pending follow-ups", err)
}

// quizIDsSQL lists the closed tests and evaluations of the counted
// trainings.
const quizIDsSQL = `SELECT q.id FROM questionnaires q JOIN tr ON tr.id = q.training_id
WHERE q.kind IN ('pre', 'post', 'evaluation') AND q.state = 'closed' ORDER BY q.training_id, q.id`

// ReportQuizzes returns the closed pre-tests, post-tests and evaluations
// of the counted trainings, with their titles and answers.
func (s *Store) ReportQuizzes(ctx context.Context, f model.ReportFilter) ([]model.ReportQuiz, error) {
	scope, args := reportScope(f, false)
	var ids []int64
	err := s.read(ctx).Raw(scope+quizIDsSQL, args...).Scan(&ids).Error
	if err != nil || len(ids) == 0 {
		return nil, mapErr("report questionnaires", err)
	}
	var qs []model.Questionnaire
	if err := s.read(ctx).Where("id IN ?", ids).Order("training_id, id").Find(&qs).Error; err != nil {
		return nil, mapErr("report questionnaires", err)
	}
	var rs []model.QuizResponse
	if err := s.read(ctx).Where("questionnaire_id IN ?", ids).Order("id").Find(&rs).Error; err != nil {
		return nil, mapErr("report questionnaire answers", err)
	}
	var titles []struct {
		ID               int64
		TitleEn, TitleAr string
	}
	if err := s.read(ctx).Raw("SELECT id, title_en, title_ar FROM trainings WHERE id IN (SELECT training_id FROM questionnaires WHERE id IN ?)", ids).
		Scan(&titles).Error; err != nil {
		return nil, mapErr("report questionnaire titles", err)
	}
	out := make([]model.ReportQuiz, len(qs))
	at := map[int64]int{}
	for i, q := range qs {
		out[i].Quiz, at[q.ID] = q, i
		for _, t := range titles {
			if t.ID == q.TrainingID {
				out[i].TitleEn, out[i].TitleAr = t.TitleEn, t.TitleAr
			}
		}
	}
	for _, r := range rs {
		out[at[r.QuestionnaireID]].Responses = append(out[at[r.QuestionnaireID]].Responses, r)
	}
	return out, nil
}
