package evidence

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gabriel-vasile/mimetype"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/filestore"
	"github.com/traindesk/traindesk/internal/model"
)

// Incoming is one uploaded file as the browser sent it. Data holds at most
// model.EvidenceFileLimit+1 bytes; Size is the length the browser declared.
type Incoming struct {
	Name string
	Size int64
	Data []byte
}

// UploadInput is the upload form: where the files go, what they show, and
// the files.
type UploadInput struct {
	SittingID int64 // 0: the training itself
	Kind      model.EvidenceKind
	Caption   string
	Files     []Incoming
}

// accepted maps the content types we keep to the extension the stored
// file gets. The type is detected from the bytes; the name's extension is
// ignored.
var accepted = map[string]string{
	"application/pdf": ".pdf",
	"image/jpeg":      ".jpg",
	"image/png":       ".png",
	"image/webp":      ".webp",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":       ".xlsx",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}

// prepared is a checked file, ready to store.
type prepared struct {
	name, ctype string
	data, thumb []byte
}

// Upload attaches files to training id or to one of its sessions. Each file
// is checked by its content (type, size, what an image decodes to),
// pictures are re-encoded without their metadata and given a thumbnail,
// and the training's total is kept under its limit. Either every file is
// saved or none is: a refusal is a *model.ValidationError on the form's
// fields ("files", "kind", "caption", "sitting_id").
func (s *Service) Upload(ctx context.Context, a model.Actor, id int64, in UploadInput) ([]model.EvidenceFile, error) {
	t, err := s.training(ctx, a, id, auth.AddEvidence)
	if err != nil {
		return nil, err
	}
	errs := model.Errors{}
	in.Caption = strings.TrimSpace(in.Caption)
	if !in.Kind.Valid() {
		errs.Add("kind", "error.required")
	}
	if utf8.RuneCountInString(in.Caption) > 200 {
		errs.Add("caption", "error.too_long")
	}
	if in.SittingID != 0 && !hasSitting(ctx, s, id, in.SittingID) {
		errs.Add("sitting_id", "evidence.error.session")
	}
	files := s.check(in.Files, errs)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	keys, out, err := s.put(ctx, files)
	if err != nil {
		return nil, err
	}
	var dups []string // bytes stored for files that were already held
	err = s.store.Tx(ctx, func(ctx context.Context) error {
		dups = dups[:0]
		used, err := s.store.EvidenceBytes(ctx, id)
		if err != nil {
			return err
		}
		held, err := s.heldFiles(ctx, id, in)
		if err != nil {
			return err
		}
		// A file already held (a resend whose answer was lost) or twice
		// in this upload takes its room once.
		adds := map[string]bool{}
		for _, f := range out {
			if _, ok := held[f.SHA256]; !ok && !adds[f.SHA256] {
				adds[f.SHA256] = true
				used += f.Size
			}
		}
		if used > model.EvidenceTrainingLimit {
			return &model.ValidationError{Fields: map[string]string{"files": "evidence.error.training_full"}}
		}
		for i := range out {
			if prev, ok := held[out[i].SHA256]; ok {
				// The same file, for the same place and kind, is kept once:
				// a tablet that sends a photo again because its answer was
				// lost gets the first copy back.
				dups = append(dups, out[i].StorageKey, out[i].ThumbKey)
				out[i] = prev
				continue
			}
			out[i].TrainingID, out[i].Kind, out[i].Caption, out[i].UploadedByID = t.ID, in.Kind, in.Caption, a.UserID()
			out[i].CreatedAt = s.now().UTC()
			if in.SittingID != 0 {
				sid := in.SittingID
				out[i].SittingID = &sid
			}
			if err := s.store.InsertEvidence(ctx, &out[i]); err != nil {
				return err
			}
			held[out[i].SHA256] = out[i]
			if err := s.store.RecordAudit(ctx, model.AuditEvent{Kind: model.AuditEvidenceUpload, Actor: a,
				Object:  model.AuditObject{Type: "evidence", ID: out[i].ID},
				Related: related(id, in.SittingID),
				Values: map[string]string{"kind": string(in.Kind), "type": out[i].ContentType,
					"size": strconv.FormatInt(out[i].Size, 10), "sha256": out[i].SHA256}}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		// Nothing was recorded: the stored bytes must not stay behind.
		for _, k := range keys {
			_ = s.files.Delete(ctx, k)
		}
		return nil, err
	}
	for _, k := range dups {
		if k != "" {
			_ = s.files.Delete(ctx, k)
		}
	}
	return out, nil
}

// heldFiles are training id's files already kept for the place and kind
// in asks for, by checksum.
func (s *Service) heldFiles(ctx context.Context, id int64, in UploadInput) (map[string]model.EvidenceFile, error) {
	rows, err := s.store.EvidenceFiles(ctx, id)
	if err != nil {
		return nil, err
	}
	held := map[string]model.EvidenceFile{}
	for _, r := range rows {
		var sid int64
		if r.SittingID != nil {
			sid = *r.SittingID
		}
		if r.Kind == in.Kind && sid == in.SittingID {
			held[r.SHA256] = r.EvidenceFile
		}
	}
	return held, nil
}

func related(trainingID, sittingID int64) map[string]int64 {
	r := map[string]int64{"training": trainingID}
	if sittingID != 0 {
		r["session"] = sittingID
	}
	return r
}

func hasSitting(ctx context.Context, s *Service, trainingID, sittingID int64) bool {
	rows, err := s.store.Sittings(ctx, trainingID)
	if err != nil {
		return false
	}
	for _, r := range rows {
		if r.ID == sittingID {
			return true
		}
	}
	return false
}

// check decides on each file; the first problem found is said beside the
// files field.
func (s *Service) check(in []Incoming, errs model.Errors) []prepared {
	if len(in) == 0 {
		errs.Add("files", "evidence.error.none")
		return nil
	}
	var out []prepared
	var total int64
	for _, f := range in {
		if f.Size > model.EvidenceFileLimit || int64(len(f.Data)) > model.EvidenceFileLimit {
			errs.Add("files", "evidence.error.too_big")
			return nil
		}
		if len(f.Data) == 0 {
			errs.Add("files", "evidence.error.empty")
			return nil
		}
		total += int64(len(f.Data))
		ctype := mimetype.Detect(f.Data).String()
		if i := strings.IndexByte(ctype, ';'); i >= 0 {
			ctype = ctype[:i]
		}
		ext, ok := accepted[ctype]
		if !ok && (ctype == "image/heic" || ctype == "image/heif") {
			// No well-kept decoder is at hand to strip a HEIC photo of its
			// location: it is refused with a way to send it as JPEG.
			errs.Add("files", "evidence.error.heic")
			return nil
		} else if !ok {
			errs.Add("files", "evidence.error.type")
			return nil
		}
		p := prepared{name: cleanName(f.Name, ext), ctype: ctype, data: f.Data}
		if strings.HasPrefix(ctype, "image/") {
			clean, thumb, outType, err := reencode(f.Data, ctype)
			if err != nil {
				errs.Add("files", "evidence.error.image")
				return nil
			}
			p.data, p.thumb, p.ctype = clean, thumb, outType
			p.name = cleanName(f.Name, accepted[outType])
		}
		out = append(out, p)
	}
	if total > model.EvidenceTrainingLimit {
		errs.Add("files", "evidence.error.training_full")
	}
	return out
}

// put stores the checked files and their thumbnails, and returns the keys
// written and the records to insert.
func (s *Service) put(ctx context.Context, files []prepared) ([]string, []model.EvidenceFile, error) {
	var keys []string
	out := make([]model.EvidenceFile, 0, len(files))
	fail := func(err error) ([]string, []model.EvidenceFile, error) {
		for _, k := range keys {
			_ = s.files.Delete(ctx, k)
		}
		return nil, nil, err
	}
	for _, p := range files {
		key, err := filestore.NewKey()
		if err != nil {
			return fail(err)
		}
		if err := s.files.Put(ctx, key, bytes.NewReader(p.data)); err != nil {
			return fail(err)
		}
		keys = append(keys, key)
		sum := sha256.Sum256(p.data)
		rec := model.EvidenceFile{FileName: p.name, ContentType: p.ctype, Size: int64(len(p.data)),
			SHA256: hex.EncodeToString(sum[:]), StorageKey: key}
		if p.thumb != nil {
			if err := s.files.Put(ctx, key+".thumb", bytes.NewReader(p.thumb)); err != nil {
				return fail(err)
			}
			keys = append(keys, key+".thumb")
			rec.ThumbKey = key + ".thumb"
		}
		out = append(out, rec)
	}
	return keys, out, nil
}

// cleanName keeps the user's file name for display and downloads, without
// folders or control characters, and with the extension of its real type.
func cleanName(name, ext string) string {
	name = filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || strings.ContainsRune(`"/:*?<>|`, r) {
			return -1
		}
		return r
	}, name)
	base := strings.TrimSuffix(name, filepath.Ext(name))
	if base == "" || base == "." {
		base = "file"
	}
	if r := []rune(base); len(r) > 120 {
		base = string(r[:120])
	}
	return base + ext
}
