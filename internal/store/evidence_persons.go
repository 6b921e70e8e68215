package store

import (
	"context"

	"github.com/traindesk/traindesk/internal/model"
)

// EvidenceParticipants lists the persons a training's photos may show:
// its registrations not withdrawn, by name.
func (s *Store) EvidenceParticipants(ctx context.Context, trainingID int64) ([]model.EvidenceParticipant, error) {
	var out []model.EvidenceParticipant
	err := s.read(ctx).Raw(`
SELECT p.id AS person_id, p.name_latin, p.name_arabic
FROM registrations r JOIN persons p ON p.id = r.person_id
WHERE r.training_id = ? AND r.status <> ?
ORDER BY LOWER(p.name_latin), p.name_arabic, p.id`, trainingID, model.RegWithdrawn).Scan(&out).Error
	return out, mapErr("evidence participants", err)
}

// EvidenceShown maps each photo of a training to the persons it is
// marked as showing.
func (s *Store) EvidenceShown(ctx context.Context, trainingID int64) (map[int64][]int64, error) {
	var rows []model.EvidencePerson
	err := s.read(ctx).Raw(`
SELECT ep.evidence_file_id, ep.person_id
FROM evidence_persons ep JOIN evidence_files e ON e.id = ep.evidence_file_id
WHERE e.training_id = ?
ORDER BY ep.evidence_file_id, ep.person_id`, trainingID).Scan(&rows).Error
	out := map[int64][]int64{}
	for _, r := range rows {
		out[r.EvidenceFileID] = append(out[r.EvidenceFileID], r.PersonID)
	}
	return out, mapErr("evidence shown", err)
}

// SetEvidencePersons replaces the persons photo fileID is marked as
// showing.
func (s *Store) SetEvidencePersons(ctx context.Context, fileID int64, personIDs []int64) error {
	w := s.write(ctx)
	if err := w.Where("evidence_file_id = ?", fileID).Delete(&model.EvidencePerson{}).Error; err != nil {
		return mapErr("clear evidence persons", err)
	}
	if len(personIDs) == 0 {
		return nil
	}
	rows := make([]model.EvidencePerson, len(personIDs))
	for i, id := range personIDs {
		rows[i] = model.EvidencePerson{EvidenceFileID: fileID, PersonID: id}
	}
	return mapErr("set evidence persons", w.Create(&rows).Error)
}

// PhotosShowing lists the evidence photos marked as showing any of the
// persons ids.
func (s *Store) PhotosShowing(ctx context.Context, ids []int64) ([]model.EvidenceFile, error) {
	var out []model.EvidenceFile
	if len(ids) == 0 {
		return out, nil
	}
	err := s.read(ctx).Where("id IN (SELECT evidence_file_id FROM evidence_persons WHERE person_id IN ?)", ids).
		Order("id").Find(&out).Error
	return out, mapErr("photos showing", err)
}

// RetentionPhotos lists the photos showing a person whose last training
// ended before cutoff (a record merged into another counts the trainings
// of the record it was merged into too), each with the earliest-ended
// such person.
func (s *Store) RetentionPhotos(ctx context.Context, cutoff model.Date) ([]model.RetentionPhoto, error) {
	var out []model.RetentionPhoto
	err := s.read(ctx).Raw(`
WITH last AS (
  SELECT p.id AS person_id, MAX(t.ends_on) AS last_training
  FROM persons p
  JOIN registrations r ON r.person_id = p.id OR r.person_id = p.merged_into_id
  JOIN trainings t ON t.id = r.training_id
  WHERE p.id IN (SELECT person_id FROM evidence_persons)
  GROUP BY p.id
  HAVING MAX(t.ends_on) < ?
), due AS (
  SELECT ep.evidence_file_id, MIN(l.last_training) AS last_training
  FROM evidence_persons ep JOIN last l ON l.person_id = ep.person_id
  GROUP BY ep.evidence_file_id
)
SELECT e.id AS file_id, e.training_id, t.title_en, t.title_ar, e.file_name, d.last_training,
  (SELECT MIN(l.person_id) FROM evidence_persons ep JOIN last l ON l.person_id = ep.person_id
   WHERE ep.evidence_file_id = e.id AND l.last_training = d.last_training) AS person_id
FROM due d JOIN evidence_files e ON e.id = d.evidence_file_id JOIN trainings t ON t.id = e.training_id
ORDER BY d.last_training, e.id`, cutoff).Scan(&out).Error
	return out, mapErr("retention photos", err)
}
