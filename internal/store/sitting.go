package store

import (
	"context"
	"fmt"
	"time"

	"github.com/traindesk/traindesk/internal/model"
)

func timeMonth(m int) time.Month { return time.Month(m) }

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

// RemoveSitting removes a session. One that holds marks is removed only
// when confirmed, and then only hidden: its marks and their history stay in
// the database.
func (s *Store) RemoveSitting(ctx context.Context, id int64, confirmed bool) error {
	return s.Tx(ctx, func(ctx context.Context) error {
		var marks int64
		if err := s.write(ctx).Model(&model.Attendance{}).Where("sitting_id = ?", id).Count(&marks).Error; err != nil {
			return mapErr("count marks", err)
		}
		if marks > 0 && !confirmed {
			return fmt.Errorf("%w (%d marks)", model.ErrHasAttendance, marks)
		}
		res := s.write(ctx).Model(&model.Sitting{}).Where("id = ? AND deleted_at IS NULL", id).Update("deleted_at", s.Now())
		if res.Error == nil && res.RowsAffected == 0 {
			return mapErr("remove session", model.ErrNotFound)
		}
		return mapErr("remove session", res.Error)
	})
}

// SittingMarkCount counts the marks a session holds.
func (s *Store) SittingMarkCount(ctx context.Context, id int64) (int, error) {
	var n int64
	err := s.read(ctx).Model(&model.Attendance{}).Where("sitting_id = ?", id).Count(&n).Error
	return int(n), mapErr("count session marks", err)
}
