package store

import (
	"context"

	"github.com/traindesk/traindesk/internal/model"
)

// scopeSQL limits a query on trainings aliased t to a scope decided by the
// access policy: every training, or only those one user facilitates (none
// when the scope names nobody).
func scopeSQL(sc model.TrainingScope) (string, []any) {
	if sc.All {
		return "1 = 1", nil
	}
	return "EXISTS (SELECT 1 FROM training_facilitators f WHERE f.training_id = t.id AND f.user_id = ?)", []any{sc.FacilitatorID}
}

func statusStrings(sts []model.TrainingStatus) []string {
	out := make([]string, len(sts))
	for i, st := range sts {
		out[i] = string(st)
	}
	return out
}

// SittingsOn lists the live sessions held on day by trainings in scope
// whose status is one of statuses, by hour, with how many live
// registrations each training has and how many of them are marked.
func (s *Store) SittingsOn(ctx context.Context, sc model.TrainingScope, day model.Date, statuses []model.TrainingStatus) ([]model.TodaySitting, error) {
	scope, args := scopeSQL(sc)
	var out []model.TodaySitting
	err := s.read(ctx).Raw(`
SELECT s.id AS sitting_id, t.id AS training_id, t.title_en, t.title_ar, t.venue_en, t.venue_ar, t.city, s.date, s.starts_at, s.ends_at, s.topic,
  (SELECT COUNT(*) FROM registrations r WHERE r.training_id = t.id AND r.status <> 'withdrawn') AS registered,
  (SELECT COUNT(*) FROM attendance a JOIN registrations r ON r.id = a.registration_id
     WHERE a.sitting_id = s.id AND r.status <> 'withdrawn') AS marked
FROM sittings s JOIN trainings t ON t.id = s.training_id
WHERE s.deleted_at IS NULL AND s.date = ? AND t.status IN ? AND `+scope+`
ORDER BY s.starts_at, t.id`, append([]any{day, statusStrings(statuses)}, args...)...).Scan(&out).Error
	return out, mapErr("sessions of the day", err)
}

// TrainingsEndingFrom lists the first limit trainings in scope, by first
// day, whose status is one of statuses and whose last day is day or later.
func (s *Store) TrainingsEndingFrom(ctx context.Context, sc model.TrainingScope, day model.Date, statuses []model.TrainingStatus, limit int) ([]model.UpcomingTraining, error) {
	scope, args := scopeSQL(sc)
	var out []model.UpcomingTraining
	err := s.read(ctx).Raw(`
SELECT t.id, t.title_en, t.title_ar, t.starts_on, t.ends_on, t.city, t.venue_en, t.venue_ar, t.status, t.capacity,
  (SELECT COUNT(*) FROM registrations r WHERE r.training_id = t.id AND r.status <> 'withdrawn') AS participants
FROM trainings t
WHERE t.ends_on >= ? AND t.status IN ? AND `+scope+`
ORDER BY t.starts_on, t.id
LIMIT ?`, append(append([]any{day, statusStrings(statuses)}, args...), limit)...).Scan(&out).Error
	return out, mapErr("trainings from a day", err)
}

// Headline counts the dashboard's figures over the trainings in scope on
// the day today. Their definitions are the dashboard's own for now (the
// donor report counts its figures elsewhere): cancelled trainings count
// nowhere; people count once their training has started; marks count on
// live sessions of live registrations.
func (s *Store) Headline(ctx context.Context, sc model.TrainingScope, today model.Date) (model.Headline, error) {
	scope, args := scopeSQL(sc)
	db := s.read(ctx)
	var h model.Headline
	err := db.Raw(`
SELECT COUNT(*) AS trainings,
  COALESCE(SUM(CASE WHEN t.status = 'completed' THEN 1 ELSE 0 END), 0) AS completed,
  COALESCE(SUM(CASE WHEN t.starts_on > ? THEN 1 ELSE 0 END), 0) AS upcoming
FROM trainings t WHERE t.status <> 'cancelled' AND `+scope, append([]any{today}, args...)...).Scan(&h).Error
	if err != nil {
		return h, mapErr("headline trainings", err)
	}
	var people struct{ Individuals, Participations, Women int }
	err = db.Raw(`
SELECT COUNT(DISTINCT r.person_id) AS individuals, COUNT(*) AS participations,
  COUNT(DISTINCT CASE WHEN p.sex = 'F' THEN p.id END) AS women
FROM registrations r JOIN trainings t ON t.id = r.training_id JOIN persons p ON p.id = r.person_id
WHERE r.status <> 'withdrawn' AND t.status <> 'cancelled' AND t.starts_on <= ? AND `+scope, append([]any{today}, args...)...).Scan(&people).Error
	if err != nil {
		return h, mapErr("headline people", err)
	}
	h.Individuals, h.Participations, h.Women = people.Individuals, people.Participations, people.Women
	var marks struct{ Attended, Marks int }
	err = db.Raw(`
SELECT COALESCE(SUM(CASE WHEN a.status IN ('present', 'late') THEN 1 ELSE 0 END), 0) AS attended, COUNT(*) AS marks
FROM attendance a JOIN registrations r ON r.id = a.registration_id JOIN trainings t ON t.id = r.training_id
  JOIN sittings s ON s.id = a.sitting_id
WHERE r.status <> 'withdrawn' AND s.deleted_at IS NULL AND `+scope, args...).Scan(&marks).Error
	h.Attended, h.Marks = marks.Attended, marks.Marks
	return h, mapErr("headline marks", err)
}
