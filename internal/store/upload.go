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

// ImportItem is one row of a confirmed import: link an existing person or
// create a new one, then register them.
type ImportItem struct {
	Line     int
	PersonID int64         // link to this person, or 0 to create New
	New      *model.Person // the person to create
	Reg      model.Registration
}

// ImportResult says what happened to one row.
type ImportResult struct {
	Line           int
	PersonID       int64
	RegistrationID int64
	Created        bool
}

// ImportError names the row that stopped an import.
type ImportError struct {
	Line int
	Err  error
}

func (e *ImportError) Error() string { return e.Err.Error() }

// Unwrap gives the cause (for errors.Is with the registration errors).
func (e *ImportError) Unwrap() error { return e.Err }

// ApplyImport creates and registers every item in one transaction: if one
// row fails (the training is full, a person is already on it), nothing at
// all is saved and the error names the row.
func (s *Store) ApplyImport(ctx context.Context, trainingID int64, items []ImportItem, by *int64) ([]ImportResult, error) {
	var out []ImportResult
	err := s.Tx(ctx, func(ctx context.Context) error {
		out = out[:0]
		for _, it := range items {
			res := ImportResult{Line: it.Line, PersonID: it.PersonID}
			if it.PersonID == 0 {
				if err := s.CreatePerson(ctx, it.New); err != nil {
					return &ImportError{it.Line, err}
				}
				res.PersonID, res.Created = it.New.ID, true
			}
			r := it.Reg
			r.TrainingID, r.PersonID = trainingID, res.PersonID
			if err := s.Register(ctx, &r, by); err != nil {
				return &ImportError{it.Line, err}
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
