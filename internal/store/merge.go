package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/traindesk/traindesk/internal/model"
)

// MergeClashes lists the trainings that stop merging duplicate into
// survivor: both are registered on them, and the duplicate's registration
// is not a withdrawn one that holds nothing (that one simply stays with the
// merged record).
func (s *Store) MergeClashes(ctx context.Context, duplicate, survivor int64) ([]model.MergeClash, error) {
	shared, err := s.sharedTrainings(ctx, duplicate, survivor)
	if err != nil {
		return nil, err
	}
	stay, err := s.emptyWithdrawn(ctx, duplicate)
	if err != nil {
		return nil, err
	}
	var out []model.MergeClash
	for _, c := range shared {
		if _, harmless := stay[c.TrainingID]; !harmless {
			out = append(out, c)
		}
	}
	return out, nil
}

// sharedTrainings lists the trainings both persons are registered on.
func (s *Store) sharedTrainings(ctx context.Context, a, b int64) ([]model.MergeClash, error) {
	var out []model.MergeClash
	err := s.read(ctx).Raw(`
SELECT t.id AS training_id, t.title, t.starts_on, t.ends_on
FROM trainings t
WHERE EXISTS (SELECT 1 FROM registrations r WHERE r.training_id = t.id AND r.person_id = ?)
  AND EXISTS (SELECT 1 FROM registrations r WHERE r.training_id = t.id AND r.person_id = ?)
ORDER BY t.starts_on, t.id`, a, b).Scan(&out).Error
	return out, mapErr("merge clashes", err)
}

// livePerson reads a person inside a transaction and fails when they were
// merged already.
func (s *Store) livePerson(ctx context.Context, id int64) (model.Person, error) {
	var p model.Person
	if err := s.write(ctx).First(&p, id).Error; err != nil {
		return p, mapErr("person", err)
	}
	if p.MergedIntoID != nil {
		return p, model.ErrAlreadyMerged
	}
	return p, nil
}

// MergePersons merges the duplicate into the survivor in one transaction:
// the duplicate's registrations (with their attendance, scores and
// certificates, which hang off the registration) move to the survivor, the
// duplicate is marked as merged, and a person_merges row remembers exactly
// which registrations moved so that UndoMerge can put them back. The
// survivor's own fields are left as they are. When both are registered on
// a training it refuses with a *model.MergeClashError.
func (s *Store) MergePersons(ctx context.Context, duplicateID, survivorID int64, by *int64) (model.PersonMerge, error) {
	var m model.PersonMerge
	if duplicateID == survivorID {
		return m, model.ErrMergeSelf
	}
	err := s.Tx(ctx, func(ctx context.Context) error {
		if _, err := s.livePerson(ctx, duplicateID); err != nil {
			return err
		}
		if _, err := s.livePerson(ctx, survivorID); err != nil {
			return err
		}
		clashes, err := s.MergeClashes(ctx, duplicateID, survivorID)
		if err != nil {
			return err
		}
		if len(clashes) > 0 {
			return &model.MergeClashError{Trainings: clashes}
		}
		shared, err := s.sharedTrainings(ctx, duplicateID, survivorID)
		if err != nil {
			return err
		}
		stay, err := s.emptyWithdrawn(ctx, duplicateID)
		if err != nil {
			return err
		}
		// A withdrawn registration that holds nothing (no mark, score or
		// certificate) on a training the survivor is on stays with the
		// merged record: it counts nowhere and moving it would clash.
		var moved []int64
		if err := s.write(ctx).Raw("SELECT id FROM registrations WHERE person_id = ? ORDER BY id", duplicateID).
			Scan(&moved).Error; err != nil {
			return mapErr("merge: registrations", err)
		}
		kept := map[int64]bool{}
		for _, c := range shared {
			kept[stay[c.TrainingID]] = true
		}
		moving := []int64{}
		for _, id := range moved {
			if !kept[id] {
				moving = append(moving, id)
			}
		}
		moved = moving
		now := s.Now()
		if len(moved) > 0 {
			if err := s.write(ctx).Exec("UPDATE registrations SET person_id = ?, updated_at = ? WHERE id IN ?",
				survivorID, now, moved).Error; err != nil {
				return mapErr("merge: move registrations", err)
			}
		}
		if err := s.write(ctx).Exec("UPDATE persons SET merged_into_id = ?, updated_at = ? WHERE id = ?",
			survivorID, now, duplicateID).Error; err != nil {
			return mapErr("merge: mark person", err)
		}
		ids, _ := json.Marshal(moved)
		m = model.PersonMerge{SurvivorID: survivorID, MergedID: duplicateID, MovedRegistrations: string(ids),
			MergedByID: by, MergedAt: now}
		return mapErr("merge: record", s.write(ctx).Create(&m).Error)
	})
	return m, err
}

// emptyWithdrawn maps each training on which the person has a withdrawn
// registration that holds no mark, score or certificate to that
// registration's id.
func (s *Store) emptyWithdrawn(ctx context.Context, personID int64) (map[int64]int64, error) {
	var rows []struct{ TrainingID, ID int64 }
	err := s.write(ctx).Raw(`
SELECT r.training_id, r.id FROM registrations r
WHERE r.person_id = ? AND r.status = 'withdrawn'
  AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.registration_id = r.id)
  AND NOT EXISTS (SELECT 1 FROM assessments x WHERE x.registration_id = r.id)
  AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.registration_id = r.id)`, personID).Scan(&rows).Error
	out := make(map[int64]int64, len(rows))
	for _, r := range rows {
		out[r.TrainingID] = r.ID
	}
	return out, mapErr("merge: withdrawn registrations", err)
}

// MovedIDs decodes the registration ids a merge moved.
func MovedIDs(m model.PersonMerge) ([]int64, error) {
	var ids []int64
	if err := json.Unmarshal([]byte(m.MovedRegistrations), &ids); err != nil {
		return nil, fmt.Errorf("store: merge %d: moved registrations: %w", m.ID, err)
	}
	return ids, nil
}

// UndoMerge reverses a merge in one transaction: exactly the registrations
// it moved go back to the merged person, who becomes live again, and the
// merge row is stamped as undone. It refuses when the survivor has been
// merged into someone else since (undo that merge first), or when one of
// the moved registrations no longer belongs to the survivor.
func (s *Store) UndoMerge(ctx context.Context, mergeID int64, by *int64) (model.PersonMerge, error) {
	var m model.PersonMerge
	err := s.Tx(ctx, func(ctx context.Context) error {
		if err := s.write(ctx).First(&m, mergeID).Error; err != nil {
			return mapErr("merge", err)
		}
		if m.UndoneAt != nil {
			return model.ErrMergeUndone
		}
		if _, err := s.livePerson(ctx, m.SurvivorID); err != nil {
			if errors.Is(err, model.ErrAlreadyMerged) {
				return model.ErrSurvivorMerged
			}
			return err
		}
		ids, err := MovedIDs(m)
		if err != nil {
			return err
		}
		now := s.Now()
		if len(ids) > 0 {
			res := s.write(ctx).Exec("UPDATE registrations SET person_id = ?, updated_at = ? WHERE person_id = ? AND id IN ?",
				m.MergedID, now, m.SurvivorID, ids)
			if res.Error != nil {
				return mapErr("undo merge: move registrations", res.Error)
			}
			if res.RowsAffected != int64(len(ids)) {
				return model.ErrRegistrationGone
			}
		}
		if err := s.write(ctx).Exec("UPDATE persons SET merged_into_id = NULL, updated_at = ? WHERE id = ?",
			now, m.MergedID).Error; err != nil {
			return mapErr("undo merge: person", err)
		}
		m.UndoneAt, m.UndoneByID = &now, by
		return mapErr("undo merge: record", s.write(ctx).Model(&m).Select("UndoneAt", "UndoneByID").Updates(&m).Error)
	})
	return m, err
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
