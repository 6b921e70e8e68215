package roster

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster/nomination"
)

// Limits of a nomination list.
const (
	MaxFileSize = nomination.MaxFileSize // bytes
	MaxRows     = nomination.MaxRows
)

// uploadKept is how long a list waits for its confirmation.
const uploadKept = 24 * time.Hour

// FileError is a problem with a whole nomination list (empty, too large,
// not a spreadsheet…): a catalogue key and its arguments.
type FileError = nomination.Error

// ErrMappingIncomplete refuses to preview a list whose column mapping has
// problems: the officer finishes the mapping first.
var ErrMappingIncomplete = errors.New("roster: the column mapping is incomplete")

// MappingError refuses a column mapping; Problems are catalogue keys.
type MappingError struct {
	Problems []string
}

func (e *MappingError) Error() string { return "roster: mapping: " + strings.Join(e.Problems, ", ") }

// ImportTraining is the training a list is imported into, for the upload
// step: one the actor may not see is not found, and importing is changing
// the training.
func (s *Service) ImportTraining(ctx context.Context, actor model.Actor, trainingID int64) (model.Training, error) {
	d, err := s.training(ctx, actor, trainingID, auth.EditTrainings)
	return d.Training, err
}

// TemplateCSV is an empty nomination list in CSV, with every column the
// import reads.
func TemplateCSV() []byte { return nomination.TemplateCSV() }

// TemplateXLSX is the same template as a workbook, with drop-down lists.
func TemplateXLSX() ([]byte, error) { return nomination.TemplateXLSX() }

// Upload reads a nomination list and keeps it, with a guessed column
// mapping, until the officer confirms; nothing reaches the registry before
// then. A file that cannot be read is refused with a *FileError (the
// training is returned for the page that says so). Lists left unconfirmed
// for a day are forgotten on the way.
func (s *Service) Upload(ctx context.Context, actor model.Actor, trainingID int64, fileName string, data []byte) (model.Upload, model.Training, error) {
	var u model.Upload
	d, err := s.training(ctx, actor, trainingID, auth.EditTrainings)
	if err != nil {
		return u, d.Training, err
	}
	if len(data) > MaxFileSize {
		return u, d.Training, &FileError{Key: "import.too_large", Args: []any{MaxFileSize >> 20}}
	}
	table, err := nomination.Read(fileName, data)
	if err != nil {
		return u, d.Training, err
	}
	u = model.Upload{TrainingID: d.ID, UserID: actor.UserID(), FileName: fileName, Kind: table.Kind, Content: data,
		Mapping: mappingString(nomination.GuessMappingWithData(table))}
	err = s.store.Tx(ctx, func(ctx context.Context) error {
		if err := s.store.PurgeUploads(ctx, s.now().Add(-uploadKept)); err != nil {
			return err
		}
		return s.store.SaveUpload(ctx, &u)
	})
	return u, d.Training, err
}

func mappingString(m nomination.Mapping) string {
	parts := make([]string, len(m))
	for i, f := range m {
		parts[i] = string(f)
	}
	return strings.Join(parts, ",")
}

// kept is a list being imported: its training, the upload, its table and
// the column mapping as saved.
type kept struct {
	training model.TrainingDetail
	upload   model.Upload
	table    *nomination.Table
	mapping  nomination.Mapping
}

// kept loads list uploadID of training trainingID for the actor.
func (s *Service) kept(ctx context.Context, actor model.Actor, trainingID, uploadID int64) (kept, error) {
	var k kept
	var err error
	if k.training, err = s.training(ctx, actor, trainingID, auth.EditTrainings); err != nil {
		return k, err
	}
	if k.upload, err = s.store.Upload(ctx, k.training.ID, uploadID); err != nil {
		return k, err
	}
	if k.table, err = nomination.ReadWith(k.upload.FileName, k.upload.Content, readOptions(k.upload)); err != nil {
		return k, err
	}
	k.mapping = nomination.ParseMapping(strings.Split(k.upload.Mapping, ","))
	return k, nil
}

// ImportColumns is the mapping step of list uploadID: its columns with a
// few values each and the field each one feeds.
func (s *Service) ImportColumns(ctx context.Context, actor model.Actor, trainingID, uploadID int64) (model.ImportColumns, error) {
	k, err := s.kept(ctx, actor, trainingID, uploadID)
	if err != nil {
		return model.ImportColumns{}, err
	}
	return k.columns(k.mapping), nil
}

// SetImportMapping saves the officer's column mapping (one field per
// column, "" for none). A mapping with problems is refused with a
// *MappingError, and the columns returned show it as chosen.
func (s *Service) SetImportMapping(ctx context.Context, actor model.Actor, trainingID, uploadID int64, cols []string) (model.ImportColumns, error) {
	k, err := s.kept(ctx, actor, trainingID, uploadID)
	if err != nil {
		return model.ImportColumns{}, err
	}
	m := nomination.ParseMapping(cols)
	v := k.columns(m)
	if v.Problems = m.Validate(); len(v.Problems) > 0 {
		return v, &MappingError{Problems: v.Problems}
	}
	return v, s.store.SetUploadMapping(ctx, k.upload.ID, mappingString(m))
}

// columns is the mapping step's view of the list under mapping m.
func (k kept) columns(m nomination.Mapping) model.ImportColumns {
	v := model.ImportColumns{Training: k.training.Training, UploadID: k.upload.ID, FileName: k.upload.FileName,
		Rows: len(k.table.Rows), Headers: k.table.Headers, Reading: k.reading()}
	v.Fields = append(v.Fields, model.ImportField{Value: "", LabelKey: nomination.FieldIgnore.LabelKey()})
	for _, f := range nomination.Fields {
		v.Fields = append(v.Fields, model.ImportField{Value: string(f), LabelKey: f.LabelKey()})
	}
	for i, h := range k.table.Headers {
		field := ""
		if i < len(m) {
			field = string(m[i])
		}
		v.Mapping = append(v.Mapping, field)
		v.Samples = append(v.Samples, samples(k.table, i))
		if looks := nomination.LooksLike(h); field == "" && looks != nomination.FieldIgnore && looks != nomination.FieldNotes {
			v.Unmapped = append(v.Unmapped, model.ImportUnmapped{Column: i, Header: h, FieldLabelKey: looks.LabelKey()})
		}
	}
	return v
}

// samples returns up to three non-empty values of column col.
func samples(t *nomination.Table, col int) []string {
	var out []string
	for _, r := range t.Rows {
		if col < len(r) && r[col] != "" {
			out = append(out, r[col])
			if len(out) == 3 {
				break
			}
		}
	}
	return out
}
