package store

import (
	"context"

	"github.com/traindesk/traindesk/internal/model"
)

// visibleTrainings limits a query on trainings aliased t to what viewer may
// see: trainers see only the trainings they facilitate.
func visibleTrainings(viewer model.User) (string, []any) {
	if viewer.Role == model.RoleTrainer {
		return "EXISTS (SELECT 1 FROM training_facilitators f WHERE f.training_id = t.id AND f.user_id = ?)", []any{viewer.ID}
	}
	return "1 = 1", nil
}

// Dashboard gathers the home page for viewer on the day today.
func (s *Store) Dashboard(ctx context.Context, viewer model.User, today model.Date) (model.Dashboard, error) {
	var d model.Dashboard
	scope, args := visibleTrainings(viewer)
	db := s.read(ctx)

	err := db.Raw(`
SELECT s.id AS sitting_id, t.id AS training_id, t.title, t.venue, t.city, s.date, s.starts_at, s.ends_at, s.topic,
  (SELECT COUNT(*) FROM registrations r WHERE r.training_id = t.id AND r.status <> 'withdrawn') AS registered,
  (SELECT COUNT(*) FROM attendance a JOIN registrations r ON r.id = a.registration_id
     WHERE a.sitting_id = s.id AND r.status <> 'withdrawn') AS marked
FROM sittings s JOIN trainings t ON t.id = s.training_id
WHERE s.deleted_at IS NULL AND s.date = ? AND t.status <> 'cancelled' AND `+scope+`
ORDER BY s.starts_at, t.title`, append([]any{today}, args...)...).Scan(&d.Today).Error
	if err != nil {
		return d, mapErr("dashboard today", err)
	}

	err = db.Raw(`
SELECT t.id, t.title, t.starts_on, t.ends_on, t.city, t.venue, t.status, t.capacity,
  (SELECT COUNT(*) FROM registrations r WHERE r.training_id = t.id AND r.status <> 'withdrawn') AS participants
FROM trainings t
WHERE t.ends_on >= ? AND t.status <> 'cancelled' AND `+scope+`
ORDER BY t.starts_on, t.title
LIMIT 8`, append([]any{today}, args...)...).Scan(&d.Upcoming).Error
	if err != nil {
		return d, mapErr("dashboard upcoming", err)
	}

	h := &d.Headline
	err = db.Raw(`
SELECT COUNT(*) AS trainings,
  COALESCE(SUM(CASE WHEN t.status = 'completed' THEN 1 ELSE 0 END), 0) AS completed,
  COALESCE(SUM(CASE WHEN t.starts_on > ? THEN 1 ELSE 0 END), 0) AS upcoming
FROM trainings t WHERE t.status <> 'cancelled' AND `+scope, append([]any{today}, args...)...).Scan(h).Error
	if err != nil {
		return d, mapErr("dashboard trainings", err)
	}
	var people struct{ Individuals, Participations, Women int }
	err = db.Raw(`
SELECT COUNT(DISTINCT r.person_id) AS individuals, COUNT(*) AS participations,
  COUNT(DISTINCT CASE WHEN p.sex = 'F' THEN p.id END) AS women
FROM registrations r JOIN trainings t ON t.id = r.training_id JOIN persons p ON p.id = r.person_id
WHERE r.status <> 'withdrawn' AND t.status <> 'cancelled' AND t.starts_on <= ? AND `+scope, append([]any{today}, args...)...).Scan(&people).Error
	if err != nil {
		return d, mapErr("dashboard people", err)
	}
	h.Individuals, h.Participations, h.Women = people.Individuals, people.Participations, people.Women
	var marks struct{ Attended, Marks int }
	err = db.Raw(`
SELECT COALESCE(SUM(CASE WHEN a.status IN ('present', 'late') THEN 1 ELSE 0 END), 0) AS attended, COUNT(*) AS marks
FROM attendance a JOIN registrations r ON r.id = a.registration_id JOIN trainings t ON t.id = r.training_id
  JOIN sittings s ON s.id = a.sitting_id
WHERE r.status <> 'withdrawn' AND s.deleted_at IS NULL AND `+scope, args...).Scan(&marks).Error
	h.Attended, h.Marks = marks.Attended, marks.Marks
	return d, mapErr("dashboard marks", err)
}
