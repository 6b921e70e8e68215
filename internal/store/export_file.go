package store

import (
	"context"
	"fmt"
	"time"

	"github.com/traindesk/traindesk/internal/model"
)

// exportChunk is a row of export_file_chunks: one piece of a file.
type exportChunk struct {
	FileID string
	Seq    int
	Data   []byte
}

func (exportChunk) TableName() string { return "export_file_chunks" }

// ErrAttemptGone is returned to a job's attempt that no longer owns its
// file: the job was given up on (its instance looked dead) and tried again
// elsewhere, so this attempt must stop writing.
var ErrAttemptGone = fmt.Errorf("store: this attempt no longer owns the export file: %w", model.ErrConflict)

// CreateExportFile records a file a job is about to write.
func (s *Store) CreateExportFile(ctx context.Context, f *model.ExportFile) error {
	return mapErr("create export file", s.write(ctx).Create(f).Error)
}

// ExportFile returns the file id.
func (s *Store) ExportFile(ctx context.Context, id string) (model.ExportFile, error) {
	var f model.ExportFile
	err := s.read(ctx).Where("id = ?", id).First(&f).Error
	return f, mapErr("export file", err)
}

// CountUnfinishedExportFiles counts owner's files that are queued or being
// written.
func (s *Store) CountUnfinishedExportFiles(ctx context.Context, owner int64) (int64, error) {
	var n int64
	err := s.read(ctx).Model(&model.ExportFile{}).
		Where("owner_id = ? AND state IN ?", owner, []model.ExportState{model.ExportQueued, model.ExportRunning}).Count(&n).Error
	return n, mapErr("count export files", err)
}

// UnfinishedExportFiles lists files that are queued or being written and
// have not moved since before.
func (s *Store) UnfinishedExportFiles(ctx context.Context, before time.Time) ([]model.ExportFile, error) {
	var fs []model.ExportFile
	err := s.read(ctx).Where("state IN ? AND updated_at < ?", []model.ExportState{model.ExportQueued, model.ExportRunning}, before).
		Order("created_at").Find(&fs).Error
	return fs, mapErr("unfinished export files", err)
}

// BeginExportAttempt gives file id to a job's attempt: what an earlier,
// interrupted attempt wrote is removed, and the file is running again from
// its first row. A file already written is returned as it is, untouched.
func (s *Store) BeginExportAttempt(ctx context.Context, id string, attempt int) (model.ExportFile, error) {
	var f model.ExportFile
	err := s.Tx(ctx, func(ctx context.Context) error {
		g := s.write(ctx)
		if err := g.Where("id = ?", id).First(&f).Error; err != nil {
			return err
		}
		if f.State == model.ExportDone {
			return nil
		}
		if err := g.Where("file_id = ?", id).Delete(&exportChunk{}).Error; err != nil {
			return err
		}
		f.State, f.Rows, f.Attempt, f.Error, f.UpdatedAt = model.ExportRunning, 0, attempt, "", s.Now()
		return g.Model(&model.ExportFile{}).Where("id = ?", id).Updates(map[string]any{
			"state": f.State, "rows": 0, "attempt": attempt, "error": "", "updated_at": f.UpdatedAt}).Error
	})
	return f, mapErr("begin export attempt", err)
}

// ExportProgress records the rows an attempt has written (it also shows
// that the attempt is alive), and stores the next chunk of the file when
// chunk is not nil.
func (s *Store) ExportProgress(ctx context.Context, id string, attempt int, rows int64, seq int, chunk []byte) error {
	return mapErr("export progress", s.Tx(ctx, func(ctx context.Context) error {
		if err := s.ownExport(ctx, id, attempt, map[string]any{"rows": rows, "updated_at": s.Now()}); err != nil {
			return err
		}
		if chunk == nil {
			return nil
		}
		return s.write(ctx).Create(&exportChunk{FileID: id, Seq: seq, Data: chunk}).Error
	}))
}

// FinishExportFile stores an attempt's last chunk (when not nil) and marks
// the file done, in one transaction: a file is either whole or not done.
func (s *Store) FinishExportFile(ctx context.Context, f model.ExportFile, last []byte) error {
	return mapErr("finish export file", s.Tx(ctx, func(ctx context.Context) error {
		now := s.Now()
		if err := s.ownExport(ctx, f.ID, f.Attempt, map[string]any{"state": model.ExportDone, "rows": f.Rows,
			"size": f.Size, "chunks": f.Chunks, "updated_at": now, "finished_at": now, "expires_at": f.ExpiresAt}); err != nil {
			return err
		}
		if last == nil {
			return nil
		}
		return s.write(ctx).Create(&exportChunk{FileID: f.ID, Seq: f.Chunks - 1, Data: last}).Error
	}))
}

// StopExportAttempt removes what an attempt wrote and leaves the file in
// state (queued, to be tried again, or failed), with the reason.
func (s *Store) StopExportAttempt(ctx context.Context, id string, attempt int, state model.ExportState, reason string, expires time.Time) error {
	return mapErr("stop export attempt", s.Tx(ctx, func(ctx context.Context) error {
		if err := s.ownExport(ctx, id, attempt, map[string]any{"state": state, "error": reason,
			"updated_at": s.Now(), "expires_at": expires}); err != nil {
			return err
		}
		return s.write(ctx).Where("file_id = ?", id).Delete(&exportChunk{}).Error
	}))
}

// ownExport updates file id with values if attempt still owns it.
func (s *Store) ownExport(ctx context.Context, id string, attempt int, values map[string]any) error {
	res := s.write(ctx).Model(&model.ExportFile{}).Where("id = ? AND attempt = ? AND state = ?", id, attempt, model.ExportRunning).Updates(values)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return ErrAttemptGone
	}
	return nil
}

// FailExportFile marks a file that no attempt will finish as failed and
// removes whatever was written of it. A file that is no longer unfinished
// is left as it is, bytes and all: the caller saw it unfinished, but its
// job may have finished it since (a poll racing the job's last chunk).
func (s *Store) FailExportFile(ctx context.Context, id, reason string, expires time.Time) error {
	return mapErr("fail export file", s.Tx(ctx, func(ctx context.Context) error {
		res := s.write(ctx).Model(&model.ExportFile{}).Where("id = ? AND state IN ?", id,
			[]model.ExportState{model.ExportQueued, model.ExportRunning}).
			Updates(map[string]any{"state": model.ExportFailed, "error": reason, "updated_at": s.Now(), "expires_at": expires})
		if res.Error != nil || res.RowsAffected == 0 {
			return res.Error
		}
		return s.write(ctx).Where("file_id = ?", id).Delete(&exportChunk{}).Error
	}))
}

// ExportChunk returns piece seq of file id.
func (s *Store) ExportChunk(ctx context.Context, id string, seq int) ([]byte, error) {
	var c exportChunk
	err := s.read(ctx).Where("file_id = ? AND seq = ?", id, seq).First(&c).Error
	return c.Data, mapErr("export chunk", err)
}

// CountExportChunks counts the stored pieces of file id.
func (s *Store) CountExportChunks(ctx context.Context, id string) (int64, error) {
	var n int64
	err := s.read(ctx).Model(&exportChunk{}).Where("file_id = ?", id).Count(&n).Error
	return n, mapErr("count export chunks", err)
}

// ExpireExportFiles forgets the files (and their bytes) whose time is up.
func (s *Store) ExpireExportFiles(ctx context.Context, now time.Time) (int64, error) {
	var n int64
	err := s.Tx(ctx, func(ctx context.Context) error {
		g := s.write(ctx)
		expired := g.Model(&model.ExportFile{}).Select("id").Where("expires_at < ?", now)
		if err := g.Where("file_id IN (?)", expired).Delete(&exportChunk{}).Error; err != nil {
			return err
		}
		res := g.Where("expires_at < ?", now).Delete(&model.ExportFile{})
		n = res.RowsAffected
		return res.Error
	})
	return n, mapErr("expire export files", err)
}
