package store

import (
	"context"

	"gorm.io/gorm/clause"

	"github.com/traindesk/traindesk/internal/model"
)

// Questionnaires lists a training's questionnaires.
func (s *Store) Questionnaires(ctx context.Context, trainingID int64) ([]model.Questionnaire, error) {
	var qs []model.Questionnaire
	err := s.read(ctx).Where("training_id = ?", trainingID).Order("id").Find(&qs).Error
	return qs, mapErr("questionnaires", err)
}

// Questionnaire returns questionnaire id, or model.ErrNotFound.
func (s *Store) Questionnaire(ctx context.Context, id int64) (model.Questionnaire, error) {
	var q model.Questionnaire
	err := s.read(ctx).Where("id = ?", id).First(&q).Error
	return q, mapErr("questionnaire", err)
}

// SaveQuestionnaire adds q, or writes it back when it has an id.
func (s *Store) SaveQuestionnaire(ctx context.Context, q *model.Questionnaire) error {
	now := s.Now()
	q.UpdatedAt = now
	if q.ID == 0 {
		q.CreatedAt = now
		return mapErr("add questionnaire", s.write(ctx).Create(q).Error)
	}
	return mapErr("save questionnaire", s.write(ctx).Save(q).Error)
}

// QuizResponses lists a questionnaire's answers.
func (s *Store) QuizResponses(ctx context.Context, questionnaireID int64) ([]model.QuizResponse, error) {
	var rs []model.QuizResponse
	err := s.read(ctx).Where("questionnaire_id = ?", questionnaireID).Order("id").Find(&rs).Error
	return rs, mapErr("questionnaire responses", err)
}

// QuizRespondents lists the registrations that answered a questionnaire.
func (s *Store) QuizRespondents(ctx context.Context, questionnaireID int64) ([]int64, error) {
	var ids []int64
	err := s.read(ctx).Table("questionnaire_respondents").Where("questionnaire_id = ?", questionnaireID).
		Order("registration_id").Pluck("registration_id", &ids).Error
	return ids, mapErr("questionnaire respondents", err)
}

// AddQuizRespondent records that registrationID answered; it reports
// false when they had answered before.
func (s *Store) AddQuizRespondent(ctx context.Context, questionnaireID, registrationID int64) (bool, error) {
	res := s.write(ctx).Table("questionnaire_respondents").Clauses(clause.OnConflict{DoNothing: true}).
		Create(map[string]any{"questionnaire_id": questionnaireID, "registration_id": registrationID})
	return res.RowsAffected == 1, mapErr("add questionnaire respondent", res.Error)
}

// PutQuizResponse stores r; an identified participant's earlier answers
// to the same questionnaire are replaced.
func (s *Store) PutQuizResponse(ctx context.Context, r *model.QuizResponse) error {
	db := s.write(ctx)
	if r.RegistrationID != nil {
		if err := db.Where("questionnaire_id = ? AND registration_id = ?", r.QuestionnaireID, *r.RegistrationID).
			Delete(&model.QuizResponse{}).Error; err != nil {
			return mapErr("replace questionnaire response", err)
		}
	}
	r.SubmittedAt = s.Now()
	return mapErr("add questionnaire response", db.Create(r).Error)
}

// QuizCounts returns how many answered each questionnaire of a training.
func (s *Store) QuizCounts(ctx context.Context, trainingID int64) (map[int64]int, error) {
	var rows []struct {
		QuestionnaireID int64
		N               int
	}
	err := s.read(ctx).Raw(`SELECT r.questionnaire_id, COUNT(*) AS n FROM questionnaire_respondents r
JOIN questionnaires q ON q.id = r.questionnaire_id WHERE q.training_id = ? GROUP BY r.questionnaire_id`, trainingID).
		Scan(&rows).Error
	out := make(map[int64]int, len(rows))
	for _, r := range rows {
		out[r.QuestionnaireID] = r.N
	}
	return out, mapErr("questionnaire counts", err)
}

// AddBankEntry keeps questions in a thematic area's bank.
func (s *Store) AddBankEntry(ctx context.Context, b *model.BankEntry) error {
	b.CreatedAt = s.Now()
	return mapErr("add bank entry", s.write(ctx).Create(b).Error)
}

// BankEntries lists a thematic area's bank entries of a kind, newest first.
func (s *Store) BankEntries(ctx context.Context, thematicAreaID int64, kind string) ([]model.BankEntry, error) {
	var out []model.BankEntry
	err := s.read(ctx).Where("thematic_area_id = ? AND kind = ?", thematicAreaID, kind).Order("id DESC").Limit(50).Find(&out).Error
	return out, mapErr("bank entries", err)
}

// BankEntry returns bank entry id, or model.ErrNotFound.
func (s *Store) BankEntry(ctx context.Context, id int64) (model.BankEntry, error) {
	var b model.BankEntry
	err := s.read(ctx).Where("id = ?", id).First(&b).Error
	return b, mapErr("bank entry", err)
}
