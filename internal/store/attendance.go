package store

import (
	"context"

	"github.com/traindesk/traindesk/internal/model"
)

// TrainingMarks lists the current marks of a training's live sessions.
func (s *Store) TrainingMarks(ctx context.Context, trainingID int64) ([]model.Attendance, error) {
	var out []model.Attendance
	err := s.read(ctx).Raw(`
SELECT a.* FROM attendance a JOIN sittings s ON s.id = a.sitting_id
WHERE s.training_id = ? AND s.deleted_at IS NULL`, trainingID).Scan(&out).Error
	return out, mapErr("training marks", err)
}
