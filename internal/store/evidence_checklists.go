package store

import (
	"context"

	"github.com/traindesk/traindesk/internal/model"
)

// idChunk bounds the ids one IN list carries, well under what SQLite and
// PostgreSQL accept as parameters of one statement.
const idChunk = 500

// EvidenceOfTrainings returns what the evidence checklists of trainings
// ids are built from: each training's live sessions (in date order) and
// its evidence files' records, by training id. Two queries a few hundred
// trainings at a time, however many trainings a report counts.
func (s *Store) EvidenceOfTrainings(ctx context.Context, ids []int64) (map[int64][]model.Sitting, map[int64][]model.EvidenceFile, error) {
	sits := map[int64][]model.Sitting{}
	files := map[int64][]model.EvidenceFile{}
	for len(ids) > 0 {
		n := min(len(ids), idChunk)
		chunk := ids[:n]
		ids = ids[n:]
		var ss []model.Sitting
		if err := s.read(ctx).Where("training_id IN ? AND deleted_at IS NULL", chunk).
			Order("date, starts_at, id").Find(&ss).Error; err != nil {
			return nil, nil, mapErr("sessions of trainings", err)
		}
		for _, x := range ss {
			sits[x.TrainingID] = append(sits[x.TrainingID], x)
		}
		var fs []model.EvidenceFile
		if err := s.read(ctx).Where("training_id IN ?", chunk).Order("id").Find(&fs).Error; err != nil {
			return nil, nil, mapErr("evidence of trainings", err)
		}
		for _, f := range fs {
			files[f.TrainingID] = append(files[f.TrainingID], f)
		}
	}
	return sits, files, nil
}
