// Package evidence keeps the files that prove what a training's figures
// say: signed attendance sheets, agendas, photos, test papers. It decides
// what may be uploaded (by content, not by name), strips pictures of their
// metadata, keeps the bytes in file storage and the records in the
// database, and hands files and whole evidence packs out to those who may
// see them, recording each download.
package evidence

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// Store is what the service needs from the database; *store.Store
// implements it.
type Store interface {
	Tx(ctx context.Context, fn func(ctx context.Context) error) error
	RecordAudit(ctx context.Context, ev model.AuditEvent) error
	TrainingDetail(ctx context.Context, id int64) (model.TrainingDetail, error)
	Sittings(ctx context.Context, trainingID int64) ([]model.SittingRow, error)
	InsertEvidence(ctx context.Context, f *model.EvidenceFile) error
	EvidenceFiles(ctx context.Context, trainingID int64) ([]model.EvidenceRow, error)
	EvidenceFile(ctx context.Context, trainingID, id int64) (model.EvidenceFile, error)
	EvidenceBytes(ctx context.Context, trainingID int64) (int64, error)
	DeleteEvidence(ctx context.Context, id int64) error
	EvidenceOfTrainings(ctx context.Context, ids []int64) (map[int64][]model.Sitting, map[int64][]model.EvidenceFile, error)
	PeopleStore
}

// Files is where the bytes are kept (internal/filestore's Folder or
// Bucket).
type Files interface {
	Put(ctx context.Context, key string, r io.Reader) error
	Open(ctx context.Context, key string) (io.ReadCloser, error)
	Delete(ctx context.Context, key string) error
}

// Service is the evidence of trainings. Every method checks the access
// policy; a training the actor may not see is model.ErrNotFound.
type Service struct {
	store Store
	files Files
	now   func() time.Time
	loc   *time.Location
}

// New returns the service over st, keeping bytes in files.
func New(st Store, files Files, now func() time.Time, loc *time.Location) *Service {
	if now == nil {
		now = time.Now
	}
	if loc == nil {
		loc = time.UTC
	}
	if files == nil {
		files = noFiles{}
	}
	return &Service{store: st, files: files, now: now, loc: loc}
}

// training loads training id and checks that a may do act to it.
func (s *Service) training(ctx context.Context, a model.Actor, id int64, act auth.Action) (model.TrainingDetail, error) {
	t, err := s.store.TrainingDetail(ctx, id)
	if err != nil {
		return t, err
	}
	if err := auth.CheckTraining(a.User, act, t); err != nil {
		return model.TrainingDetail{}, fmt.Errorf("evidence: %w", err)
	}
	return t, nil
}

// List reads training id's evidence: its files, its checklist and what a
// may do. It only reads.
func (s *Service) List(ctx context.Context, a model.Actor, id int64) (model.EvidencePage, error) {
	t, err := s.training(ctx, a, id, auth.ViewTraining)
	if err != nil {
		return model.EvidencePage{}, err
	}
	rows, err := s.store.Sittings(ctx, id)
	if err != nil {
		return model.EvidencePage{}, err
	}
	files, err := s.store.EvidenceFiles(ctx, id)
	if err != nil {
		return model.EvidencePage{}, err
	}
	p := model.EvidencePage{Training: t, Files: files}
	sits := make([]model.Sitting, len(rows))
	for i, r := range rows {
		sits[i] = r.Sitting
	}
	plain := make([]model.EvidenceFile, len(files))
	for i, f := range files {
		plain[i] = f.EvidenceFile
		p.Used += f.Size
	}
	p.Sittings, p.Checklist = sits, model.BuildEvidenceChecklist(sits, plain)
	o := auth.TrainingObject(t.FacilitatorIDs())
	p.MayAdd = auth.Allow(a.User, auth.AddEvidence, o)
	if p.MayAdd {
		if p.Participants, err = s.store.EvidenceParticipants(ctx, id); err != nil {
			return model.EvidencePage{}, err
		}
		if p.Shown, err = s.store.EvidenceShown(ctx, id); err != nil {
			return model.EvidencePage{}, err
		}
	}
	p.MayDelete = auth.Allow(a.User, auth.EditTrainings, o)
	return p, nil
}

// Download is one stored file on its way to the browser.
type Download struct {
	File model.EvidenceFile
	Body io.ReadCloser
}

// Open hands out evidence file fileID of training id (its thumbnail when
// thumb), and records the download of the file itself: evidence names and
// shows people, so who took a copy is kept.
func (s *Service) Open(ctx context.Context, a model.Actor, id, fileID int64, thumb bool) (Download, error) {
	if _, err := s.training(ctx, a, id, auth.ViewTraining); err != nil {
		return Download{}, err
	}
	f, err := s.store.EvidenceFile(ctx, id, fileID)
	if err != nil {
		return Download{}, err
	}
	key := f.StorageKey
	if thumb {
		if f.ThumbKey == "" {
			return Download{}, fmt.Errorf("evidence %d has no thumbnail: %w", fileID, model.ErrNotFound)
		}
		key = f.ThumbKey
		f.ContentType, f.FileName = "image/jpeg", "thumbnail.jpg"
	} else if err := s.store.RecordAudit(ctx, model.AuditEvent{Kind: model.AuditEvidenceDownload, Actor: a,
		Object: model.AuditObject{Type: "evidence", ID: f.ID}, Related: map[string]int64{"training": id}}); err != nil {
		return Download{}, err
	}
	body, err := s.files.Open(ctx, key)
	if err != nil {
		return Download{}, fmt.Errorf("evidence %d: %w", fileID, err)
	}
	return Download{File: f, Body: body}, nil
}

// Delete removes evidence file fileID of training id: the record and its
// audit line in one transaction, then the bytes. Only those who edit
// trainings delete evidence.
func (s *Service) Delete(ctx context.Context, a model.Actor, id, fileID int64) error {
	var gone model.FileRemoval
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		if _, err := s.training(ctx, a, id, auth.EditTrainings); err != nil {
			return err
		}
		f, err := s.store.EvidenceFile(ctx, id, fileID)
		if err != nil {
			return err
		}
		gone, err = s.remove(ctx, a, []model.EvidenceFile{f}, "")
		return err
	})
	if err != nil {
		return err
	}
	return s.Purge(ctx, gone)
}

// Purge deletes the stored bytes of the files whose records r removed.
// Call it after the transaction that removed them has committed: the
// record goes first, so that a failure leaves an unreferenced file rather
// than a record without its file.
func (s *Service) Purge(ctx context.Context, r model.FileRemoval) error {
	for _, key := range r.Keys {
		if err := s.files.Delete(ctx, key); err != nil {
			return err
		}
	}
	return nil
}

// remove deletes the records of files, each with its audit line (saying
// why, when a rule rather than a person's choice took it), in the
// transaction ctx carries. It is the one delete path of evidence.
func (s *Service) remove(ctx context.Context, a model.Actor, files []model.EvidenceFile, reason string) (model.FileRemoval, error) {
	var out model.FileRemoval
	for _, f := range files {
		if err := s.store.DeleteEvidence(ctx, f.ID); err != nil {
			return model.FileRemoval{}, err
		}
		v := map[string]string{"kind": string(f.Kind), "sha256": f.SHA256}
		if reason != "" {
			v["reason"] = reason
		}
		if err := s.store.RecordAudit(ctx, model.AuditEvent{Kind: model.AuditEvidenceDelete, Actor: a,
			Object: model.AuditObject{Type: "evidence", ID: f.ID}, Related: map[string]int64{"training": f.TrainingID},
			Values: v}); err != nil {
			return model.FileRemoval{}, err
		}
		for _, key := range []string{f.StorageKey, f.ThumbKey} {
			if key != "" {
				out.Keys = append(out.Keys, key)
			}
		}
		out.Count++
	}
	return out, nil
}

// noFiles stands for storage that was not configured: nothing can be kept.
type noFiles struct{}

var errNoStorage = errors.New("evidence: no file storage is configured")

func (noFiles) Put(context.Context, string, io.Reader) error        { return errNoStorage }
func (noFiles) Open(context.Context, string) (io.ReadCloser, error) { return nil, errNoStorage }
func (noFiles) Delete(context.Context, string) error                { return errNoStorage }
