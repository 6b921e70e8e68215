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

// MarkHistory lists every change of one person's mark at one session,
// newest first.
func (s *Store) MarkHistory(ctx context.Context, registrationID, sittingID int64) ([]model.MarkChange, error) {
	var out []model.MarkChange
	err := s.read(ctx).Raw(`
SELECT h.*, COALESCE(u.name, '') AS user_name FROM attendance_history h LEFT JOIN users u ON u.id = h.recorded_by_id
WHERE h.registration_id = ? AND h.sitting_id = ? ORDER BY h.recorded_at DESC, h.id DESC`, registrationID, sittingID).Scan(&out).Error
	return out, mapErr("mark history", err)
}

// Assessments lists a training's assessments by registration.
func (s *Store) Assessments(ctx context.Context, trainingID int64) (map[int64]model.Assessment, error) {
	var rows []model.Assessment
	err := s.read(ctx).Raw(`SELECT a.* FROM assessments a JOIN registrations r ON r.id = a.registration_id WHERE r.training_id = ?`,
		trainingID).Scan(&rows).Error
	out := make(map[int64]model.Assessment, len(rows))
	for _, a := range rows {
		out[a.RegistrationID] = a
	}
	return out, mapErr("assessments", err)
}

// SaveAssessments writes a training's scores in one transaction; a row
// with no score at all is removed.
func (s *Store) SaveAssessments(ctx context.Context, rows []model.Assessment) error {
	return s.Tx(ctx, func(ctx context.Context) error {
		db := s.write(ctx)
		for _, a := range rows {
			if err := db.Exec("DELETE FROM assessments WHERE registration_id = ?", a.RegistrationID).Error; err != nil {
				return mapErr("save assessments", err)
			}
			if a.PreScore == nil && a.PostScore == nil && a.Satisfaction == nil {
				continue
			}
			a.UpdatedAt = s.Now()
			if err := db.Create(&a).Error; err != nil {
				return mapErr("save assessments", err)
			}
		}
		return nil
	})
}
