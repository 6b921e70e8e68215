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
