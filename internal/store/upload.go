package store

import (
	"context"
	"time"

	"github.com/traindesk/traindesk/internal/model"
)

// SaveUpload keeps an uploaded list until the officer confirms or leaves.
func (s *Store) SaveUpload(ctx context.Context, u *model.Upload) error {
	return mapErr("save upload", s.write(ctx).Create(u).Error)
}

// Upload returns a kept list of a training.
func (s *Store) Upload(ctx context.Context, trainingID, id int64) (model.Upload, error) {
	var u model.Upload
	err := s.read(ctx).Where("id = ? AND training_id = ?", id, trainingID).First(&u).Error
	return u, mapErr("upload", err)
}

// SetUploadMapping stores the officer's column mapping.
func (s *Store) SetUploadMapping(ctx context.Context, id int64, mapping string) error {
	return mapErr("set mapping", s.write(ctx).Model(&model.Upload{}).Where("id = ?", id).Update("mapping", mapping).Error)
}

// DeleteUpload forgets a kept list.
func (s *Store) DeleteUpload(ctx context.Context, id int64) error {
	return mapErr("delete upload", s.write(ctx).Delete(&model.Upload{}, id).Error)
}

// PurgeUploads forgets lists left unconfirmed for more than a day.
func (s *Store) PurgeUploads(ctx context.Context) error {
	return mapErr("purge uploads", s.write(ctx).Where("created_at < ?", s.Now().Add(-24*time.Hour)).Delete(&model.Upload{}).Error)
}

// ApplyImport creates and registers every item in one transaction: if one
// row fails (the training is full, a person is already on it), nothing at
// all is saved and the error names the row.
func (s *Store) ApplyImport(ctx context.Context, trainingID int64, items []model.ImportItem, by *int64) ([]model.ImportResult, error) {
	var out []model.ImportResult
	err := s.Tx(ctx, func(ctx context.Context) error {
		out = out[:0]
		for _, it := range items {
			res := model.ImportResult{Line: it.Line, PersonID: it.PersonID}
			if it.PersonID == 0 {
				if err := s.CreatePerson(ctx, it.New); err != nil {
					return &model.ImportError{Line: it.Line, Err: err}
				}
				res.PersonID, res.Created = it.New.ID, true
			}
			r := it.Reg
			r.TrainingID, r.PersonID = trainingID, res.PersonID
			if err := s.Register(ctx, &r, by); err != nil {
				return &model.ImportError{Line: it.Line, Err: err}
			}
			res.RegistrationID = r.ID
			out = append(out, res)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
