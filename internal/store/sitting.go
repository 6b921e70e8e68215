package store

import (
	"context"

	"github.com/traindesk/traindesk/internal/model"
)

// Sittings lists a training's sessions by date and hour, with their marks.
func (s *Store) Sittings(ctx context.Context, trainingID int64) ([]model.SittingRow, error) {
	var out []model.SittingRow
	err := s.read(ctx).Raw(`
SELECT s.*, (SELECT COUNT(*) FROM attendance a WHERE a.sitting_id = s.id) AS marks
FROM sittings s WHERE s.training_id = ? AND s.deleted_at IS NULL ORDER BY s.date, s.starts_at, s.id`, trainingID).Scan(&out).Error
	return out, mapErr("sessions", err)
}

// Sitting returns one live session.
func (s *Store) Sitting(ctx context.Context, id int64) (model.Sitting, error) {
	var si model.Sitting
	err := s.read(ctx).Where("id = ? AND deleted_at IS NULL", id).First(&si).Error
	return si, mapErr("session", err)
}

// AddSitting adds a session.
func (s *Store) AddSitting(ctx context.Context, si *model.Sitting) error {
	return mapErr("add session", s.write(ctx).Create(si).Error)
}

// UpdateSitting changes a session's date, hours and topic.
func (s *Store) UpdateSitting(ctx context.Context, si *model.Sitting) error {
	res := s.write(ctx).Model(si).Where("deleted_at IS NULL").Select("Date", "StartsAt", "EndsAt", "Topic", "UpdatedAt").Updates(si)
	if res.Error == nil && res.RowsAffected == 0 {
		return mapErr("update session", model.ErrNotFound)
	}
	return mapErr("update session", res.Error)
}

// AddSittings adds sessions in one statement; none is fine.
func (s *Store) AddSittings(ctx context.Context, sits []model.Sitting) error {
	if len(sits) == 0 {
		return nil
	}
	return mapErr("add sessions", s.write(ctx).Create(&sits).Error)
}

// RemoveSitting hides a session. Its marks and their history stay in the
// database; whether a session that holds marks may go is the trainings
// service's question.
func (s *Store) RemoveSitting(ctx context.Context, id int64) error {
	res := s.write(ctx).Model(&model.Sitting{}).Where("id = ? AND deleted_at IS NULL", id).Update("deleted_at", s.Now())
	if res.Error == nil && res.RowsAffected == 0 {
		return mapErr("remove session", model.ErrNotFound)
	}
	return mapErr("remove session", res.Error)
}

// SittingMarkCount counts the marks a session holds.
func (s *Store) SittingMarkCount(ctx context.Context, id int64) (int, error) {
	var n int64
	err := s.read(ctx).Model(&model.Attendance{}).Where("sitting_id = ?", id).Count(&n).Error
	return int(n), mapErr("count session marks", err)
}
