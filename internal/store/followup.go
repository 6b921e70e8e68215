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
