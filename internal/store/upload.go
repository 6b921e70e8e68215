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

// SetUploadReading stores how a kept list is to be read, and the column
// mapping that goes with the columns read so.
func (s *Store) SetUploadReading(ctx context.Context, id int64, separator, encoding, mapping string) error {
	err := s.write(ctx).Model(&model.Upload{}).Where("id = ?", id).
		Updates(map[string]any{"separator": separator, "encoding": encoding, "mapping": mapping}).Error
	return mapErr("set reading", err)
}

// DeleteUpload forgets a kept list.
func (s *Store) DeleteUpload(ctx context.Context, id int64) error {
	return mapErr("delete upload", s.write(ctx).Delete(&model.Upload{}, id).Error)
}

// PurgeUploads forgets the lists kept since before cutoff.
func (s *Store) PurgeUploads(ctx context.Context, cutoff time.Time) error {
	return mapErr("purge uploads", s.write(ctx).Where("created_at < ?", cutoff).Delete(&model.Upload{}).Error)
}
