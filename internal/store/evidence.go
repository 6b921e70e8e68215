package store

import (
	"context"

	"github.com/traindesk/traindesk/internal/model"
)

// InsertEvidence adds an evidence file's record.
func (s *Store) InsertEvidence(ctx context.Context, f *model.EvidenceFile) error {
	return mapErr("insert evidence", s.write(ctx).Create(f).Error)
}

// EvidenceFiles lists a training's evidence files, sessions' first in
// the order of their dates, then the training's own, newest last.
func (s *Store) EvidenceFiles(ctx context.Context, trainingID int64) ([]model.EvidenceRow, error) {
	var out []model.EvidenceRow
	err := s.read(ctx).Raw(`
SELECT e.*, COALESCE(u.name, '') AS uploaded_by, st.date AS sitting_date,
  (SELECT COUNT(*) FROM evidence_persons ep WHERE ep.evidence_file_id = e.id) AS people
FROM evidence_files e
LEFT JOIN users u ON u.id = e.uploaded_by_id
LEFT JOIN sittings st ON st.id = e.sitting_id
WHERE e.training_id = ?
ORDER BY CASE WHEN st.date IS NULL THEN 1 ELSE 0 END, st.date, e.kind, e.id`, trainingID).Scan(&out).Error
	return out, mapErr("evidence files", err)
}

// EvidenceFile returns one evidence file of a training.
func (s *Store) EvidenceFile(ctx context.Context, trainingID, id int64) (model.EvidenceFile, error) {
	var f model.EvidenceFile
	err := s.read(ctx).Where("id = ? AND training_id = ?", id, trainingID).First(&f).Error
	return f, mapErr("evidence file", err)
}

// EvidenceBytes is the total size of a training's evidence files.
func (s *Store) EvidenceBytes(ctx context.Context, trainingID int64) (int64, error) {
	var n int64
	err := s.read(ctx).Raw("SELECT COALESCE(SUM(size), 0) FROM evidence_files WHERE training_id = ?", trainingID).Scan(&n).Error
	return n, mapErr("evidence size", err)
}

// DeleteEvidence removes an evidence file's record.
func (s *Store) DeleteEvidence(ctx context.Context, id int64) error {
	return mapErr("delete evidence", s.write(ctx).Delete(&model.EvidenceFile{}, id).Error)
}
