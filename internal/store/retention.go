package store

import (
	"cmp"
	"context"
	"slices"
	"time"

	"gorm.io/gorm/clause"

	"github.com/traindesk/traindesk/internal/model"
)

// RetentionSettings returns the retention periods, the defaults when none
// was ever saved.
func (s *Store) RetentionSettings(ctx context.Context) (model.RetentionSettings, error) {
	var r model.RetentionSettings
	err := s.read(ctx).Where("id = 1").Limit(1).Find(&r).Error
	return r.WithDefaults(), mapErr("retention settings", err)
}

// SaveRetentionSettings writes the retention periods (their one row).
func (s *Store) SaveRetentionSettings(ctx context.Context, r *model.RetentionSettings) error {
	r.ID, r.UpdatedAt = 1, s.Now()
	up := clause.OnConflict{Columns: []clause.Column{{Name: "id"}}, UpdateAll: true} // PostgreSQL needs the target
	return mapErr("save retention settings", s.write(ctx).Clauses(up).Create(r).Error)
}

// RetentionDue lists the persons who still hold a contact and whose last
// training ended before cutoff, by id. A record merged into another
// counts the trainings of the record it was merged into too.
func (s *Store) RetentionDue(ctx context.Context, cutoff model.Date) ([]model.RetentionDue, error) {
	var out []model.RetentionDue
	err := s.read(ctx).Raw(`
SELECT p.id AS person_id, MAX(t.ends_on) AS last_training
FROM persons p
JOIN registrations r ON r.person_id = p.id OR r.person_id = p.merged_into_id
JOIN trainings t ON t.id = r.training_id
WHERE p.erased_at IS NULL AND (p.phone <> '' OR p.email <> '' OR p.national_ref <> '' OR p.notes <> '')
GROUP BY p.id
HAVING MAX(t.ends_on) < ?
ORDER BY p.id`, cutoff).Scan(&out).Error
	if err != nil {
		return nil, mapErr("retention due", err)
	}
	// A person never registered on a training is counted from the day
	// their record was made: otherwise they would keep their contacts for
	// ever.
	var never []struct {
		ID        int64
		CreatedAt time.Time
	}
	err = s.read(ctx).Raw(`
SELECT p.id, p.created_at FROM persons p
WHERE p.erased_at IS NULL AND (p.phone <> '' OR p.email <> '' OR p.national_ref <> '' OR p.notes <> '')
  AND p.created_at < ?
  AND NOT EXISTS (SELECT 1 FROM registrations r WHERE r.person_id = p.id OR r.person_id = p.merged_into_id)
ORDER BY p.id`, cutoff.Time().UTC()).Scan(&never).Error
	for _, n := range never {
		out = append(out, model.RetentionDue{PersonID: n.ID, LastTraining: model.DateOf(n.CreatedAt.UTC()), NeverTrained: true})
	}
	slices.SortFunc(out, func(a, b model.RetentionDue) int { return cmp.Compare(a.PersonID, b.PersonID) })
	return out, mapErr("retention due", err)
}

// ClearPersonContacts saves p's contacts as ClearContacts left them.
func (s *Store) ClearPersonContacts(ctx context.Context, p *model.Person) error {
	res := s.write(ctx).Model(p).Select("Phone", "Email", "NationalRef", "Notes", "UpdatedAt").Updates(p)
	if res.Error == nil && res.RowsAffected == 0 {
		return mapErr("clear contacts", model.ErrNotFound)
	}
	return mapErr("clear contacts", res.Error)
}
