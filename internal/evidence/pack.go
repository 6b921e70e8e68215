package evidence

import (
	"archive/zip"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// Pack is a training's evidence as one zip for an auditor: an index
// (index.csv: session, kind, file name, size, checksum, who added it and
// when) and every file, named by session date, kind and a number.
type Pack struct {
	Name  string // the zip's file name
	files []model.EvidenceRow
	open  func(key string) (io.ReadCloser, error)
	t     model.TrainingDetail
}

// Pack reads training id's evidence for a, and records the download: the
// pack holds papers and photos that name and show people.
func (s *Service) Pack(ctx context.Context, a model.Actor, id int64) (Pack, error) {
	t, err := s.training(ctx, a, id, auth.ViewTraining)
	if err != nil {
		return Pack{}, err
	}
	files, err := s.store.EvidenceFiles(ctx, id)
	if err != nil {
		return Pack{}, err
	}
	if err := s.store.RecordAudit(ctx, model.AuditEvent{Kind: model.AuditEvidencePack, Actor: a,
		Object: model.AuditObject{Type: "training", ID: id},
		Values: map[string]string{"files": strconv.Itoa(len(files))}}); err != nil {
		return Pack{}, err
	}
	open := func(key string) (io.ReadCloser, error) { return s.files.Open(ctx, key) }
	return Pack{Name: fmt.Sprintf("training-%d-evidence.zip", id), files: files, open: open, t: t}, nil
}

// entryName is where a file sits in the pack: by session date (or
// "training"), then kind, then a number that keeps names apart.
func entryName(i int, f model.EvidenceRow) string {
	where := "training"
	if f.SittingDate != nil {
		where = "session-" + f.SittingDate.String()
	}
	return fmt.Sprintf("%s/%s/%03d-%s", where, f.Kind, i+1, f.FileName)
}

// Write streams the zip to w, one file at a time.
func (p Pack) Write(w io.Writer) error {
	z := zip.NewWriter(w)
	idx, err := z.Create("index.csv")
	if err != nil {
		return err
	}
	c := csv.NewWriter(idx)
	_ = c.Write([]string{"training_id", "training_en", "training_ar", "session_date", "kind", "caption", "file", "content_type",
		"size", "sha256", "added_by", "added_at"})
	for i, f := range p.files {
		date := ""
		if f.SittingDate != nil {
			date = f.SittingDate.String()
		}
		_ = c.Write([]string{strconv.FormatInt(p.t.ID, 10), inert(p.t.TitleEn), inert(p.t.TitleAr), date, string(f.Kind), inert(f.Caption),
			inert(entryName(i, f)), f.ContentType, strconv.FormatInt(f.Size, 10), f.SHA256, inert(f.UploadedBy),
			f.CreatedAt.UTC().Format("2006-01-02T15:04:05Z")})
	}
	c.Flush()
	if err := c.Error(); err != nil {
		return err
	}
	for i, f := range p.files {
		if err := p.add(z, entryName(i, f), f.StorageKey); err != nil {
			return err
		}
	}
	return z.Close()
}

func (p Pack) add(z *zip.Writer, name, key string) error {
	r, err := p.open(key)
	if err != nil {
		return err
	}
	defer r.Close()
	w, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
	if err != nil {
		return err
	}
	_, err = io.Copy(w, r)
	return err
}

// inert keeps typed text from being taken as a formula by a spreadsheet
// that opens the index.
func inert(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
