package store

import (
	"context"

	"github.com/traindesk/traindesk/internal/model"
)

// The queries behind merging persons and undoing a merge. Which
// registrations may move and when a merge or an undo is refused are the
// registry's rules (internal/roster); the store only reads and moves rows,
// inside the caller's transaction.

// SharedTrainings lists the trainings both persons are registered on.
func (s *Store) SharedTrainings(ctx context.Context, a, b int64) ([]model.MergeClash, error) {
	var out []model.MergeClash
	err := s.read(ctx).Raw(`
SELECT t.id AS training_id, t.title_en, t.title_ar, t.starts_on, t.ends_on
FROM trainings t
WHERE EXISTS (SELECT 1 FROM registrations r WHERE r.training_id = t.id AND r.person_id = ?)
  AND EXISTS (SELECT 1 FROM registrations r WHERE r.training_id = t.id AND r.person_id = ?)
ORDER BY t.starts_on, t.id`, a, b).Scan(&out).Error
	return out, mapErr("shared trainings", err)
}

// MergeRegistrations lists a person's registrations, oldest first, with how
// many marks, scores and certificates hang off each.
func (s *Store) MergeRegistrations(ctx context.Context, personID int64) ([]model.MergeRegistration, error) {
	var out []model.MergeRegistration
	err := s.read(ctx).Raw(`
SELECT r.id, r.training_id, r.status,
  (SELECT COUNT(*) FROM attendance a WHERE a.registration_id = r.id)
  + (SELECT COUNT(*) FROM assessments x WHERE x.registration_id = r.id)
  + (SELECT COUNT(*) FROM certificates c WHERE c.registration_id = r.id) AS records
FROM registrations r WHERE r.person_id = ? ORDER BY r.id`, personID).Scan(&out).Error
	return out, mapErr("merge registrations", err)
}

// MoveRegistrations gives the registrations ids that belong to person from
// to person to, and returns how many moved (those that no longer belong to
// from stay where they are).
func (s *Store) MoveRegistrations(ctx context.Context, ids []int64, from, to int64) (int64, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	res := s.write(ctx).Exec("UPDATE registrations SET person_id = ?, updated_at = ? WHERE person_id = ? AND id IN ?",
		to, s.Now(), from, ids)
	return res.RowsAffected, mapErr("move registrations", res.Error)
}

// SetMergedInto marks a person as merged into another, or (into nil) as
// live again.
func (s *Store) SetMergedInto(ctx context.Context, personID int64, into *int64) error {
	err := s.write(ctx).Exec("UPDATE persons SET merged_into_id = ?, updated_at = ? WHERE id = ?", into, s.Now(), personID).Error
	return mapErr("set merged into", err)
}

// CreatePersonMerge records a merge; MergedAt defaults to now.
func (s *Store) CreatePersonMerge(ctx context.Context, m *model.PersonMerge) error {
	if m.MergedAt.IsZero() {
		m.MergedAt = s.Now()
	}
	return mapErr("record merge", s.write(ctx).Create(m).Error)
}

// MarkMergeUndone stamps a merge as undone now by user by.
func (s *Store) MarkMergeUndone(ctx context.Context, m *model.PersonMerge, by *int64) error {
	now := s.Now()
	m.UndoneAt, m.UndoneByID = &now, by
	return mapErr("undo merge: record", s.write(ctx).Model(m).Select("UndoneAt", "UndoneByID").Updates(m).Error)
}

// PersonMergeByID returns one merge record.
func (s *Store) PersonMergeByID(ctx context.Context, id int64) (model.PersonMerge, error) {
	var m model.PersonMerge
	return m, mapErr("merge", s.read(ctx).First(&m, id).Error)
}

// ActiveMergeOf returns the merge, not undone, that merged the person away.
func (s *Store) ActiveMergeOf(ctx context.Context, mergedID int64) (model.PersonMerge, error) {
	var m model.PersonMerge
	err := s.read(ctx).Where("merged_id = ? AND undone_at IS NULL", mergedID).Order("id DESC").First(&m).Error
	return m, mapErr("active merge", err)
}

// MergesInto lists the live merges into a survivor, newest first.
func (s *Store) MergesInto(ctx context.Context, survivorID int64) ([]model.PersonMerge, []model.Person, error) {
	var ms []model.PersonMerge
	if err := s.read(ctx).Where("survivor_id = ? AND undone_at IS NULL", survivorID).Order("id DESC").Find(&ms).Error; err != nil {
		return nil, nil, mapErr("merges into", err)
	}
	people := make([]model.Person, len(ms))
	for i, m := range ms {
		if err := s.read(ctx).First(&people[i], m.MergedID).Error; err != nil {
			return nil, nil, mapErr("merged person", err)
		}
	}
	return ms, people, nil
}
