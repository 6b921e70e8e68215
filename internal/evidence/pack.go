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
	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
)

// Pack is evidence as one zip for an auditor: an index (index.csv and
// index.pdf: training, session, kind, file name, checksum, who added it and
// when) and every file, filed by training (in a pack of several), session
// date, kind and a number.
type Pack struct {
	Name      string // the zip's file name
	trainings []packTraining
	several   bool // a folder per training
	heading   string
	lang      i18n.Lang
	open      func(key string) (io.ReadCloser, error)
}

// packTraining is one training's part of a pack.
type packTraining struct {
	t     model.Training
	files []model.EvidenceRow
}

// Pack reads training id's evidence for a, with its index in lang, and
// records the download: the pack holds papers and photos that name and
// show people.
func (s *Service) Pack(ctx context.Context, a model.Actor, id int64, lang i18n.Lang) (Pack, error) {
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
	return Pack{Name: fmt.Sprintf("training-%d-evidence.zip", id), trainings: []packTraining{{t: t.Training, files: files}},
		heading: i18n.Pick(lang, t.TitleEn, t.TitleAr), lang: lang, open: s.opener(ctx)}, nil
}

func (s *Service) opener(ctx context.Context) func(string) (io.ReadCloser, error) {
	return func(key string) (io.ReadCloser, error) { return s.files.Open(ctx, key) }
}

// entry is one file of a pack with the name it is filed under.
type entry struct {
	t    model.Training
	f    model.EvidenceRow
	name string
}

// entries files every file: by training when the pack holds several
// (start date and id, so that the folders sort by date), then by session
// date (or "training"), then kind, then a number that keeps names apart.
func (p Pack) entries() []entry {
	var out []entry
	for _, pt := range p.trainings {
		prefix := ""
		if p.several {
			prefix = fmt.Sprintf("%s-training-%d/", pt.t.StartsOn, pt.t.ID)
		}
		for i, f := range pt.files {
			where := "training"
			if f.SittingDate != nil {
				where = "session-" + f.SittingDate.String()
			}
			out = append(out, entry{t: pt.t, f: f, name: fmt.Sprintf("%s%s/%s/%03d-%s", prefix, where, f.Kind, i+1, f.FileName)})
		}
	}
	return out
}

// Write streams the zip to w: the two indexes first, then one file at a
// time.
func (p Pack) Write(w io.Writer) error {
	z := zip.NewWriter(w)
	es := p.entries()
	idx, err := z.Create("index.csv")
	if err != nil {
		return err
	}
	if err := writeCSV(idx, es); err != nil {
		return err
	}
	idx, err = z.Create("index.pdf")
	if err != nil {
		return err
	}
	if err := p.writePDF(idx, es); err != nil {
		return err
	}
	for _, e := range es {
		if err := p.add(z, e.name, e.f.StorageKey); err != nil {
			return err
		}
	}
	return z.Close()
}

func writeCSV(w io.Writer, es []entry) error {
	c := csv.NewWriter(w)
	_ = c.Write([]string{"training_id", "training_en", "training_ar", "session_date", "kind", "caption", "file", "content_type",
		"size", "sha256", "added_by", "added_at"})
	for _, e := range es {
		date := ""
		if e.f.SittingDate != nil {
			date = e.f.SittingDate.String()
		}
		_ = c.Write([]string{strconv.FormatInt(e.t.ID, 10), inert(e.t.TitleEn), inert(e.t.TitleAr), date, string(e.f.Kind),
			inert(e.f.Caption), inert(e.name), e.f.ContentType, strconv.FormatInt(e.f.Size, 10), e.f.SHA256,
			inert(e.f.UploadedBy), e.f.CreatedAt.UTC().Format("2006-01-02T15:04:05Z")})
	}
	c.Flush()
	return c.Error()
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
