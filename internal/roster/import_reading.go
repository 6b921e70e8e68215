package roster

import (
	"context"
	"errors"
	"slices"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster/nomination"
)

// separatorRunes are the characters of model.ImportSeparators.
var separatorRunes = map[string]rune{"comma": ',', "semicolon": ';', "tab": '\t'}

// readOptions is how a kept list is to be read, as the officer chose.
func readOptions(u model.Upload) nomination.Options {
	return nomination.Options{Separator: separatorRunes[u.Separator], Encoding: u.Encoding}
}

// reading says how the kept list was read.
func (k kept) reading() model.ImportReading {
	r := model.ImportReading{CSV: k.table.Kind == "csv", SeparatorChoice: k.upload.Separator,
		EncodingChoice: k.upload.Encoding, Ragged: k.table.Ragged(), Sheet: k.table.Sheet, HeaderLine: k.table.HeaderLine}
	if !r.CSV {
		return r
	}
	for name, sep := range separatorRunes {
		if sep == k.table.Separator {
			r.Separator = name
		}
	}
	r.Encoding = k.table.Encoding
	if r.Encoding == "utf-8-bom" {
		r.Encoding = "utf-8"
	}
	return r
}

// SetImportReading reads list uploadID again with the separator and the
// encoding the officer chose ("" for the guess; names of
// model.ImportSeparators and model.ImportEncodings), keeps the choice with
// the list, and guesses the column mapping again, since the columns may
// have changed. A choice that is not on offer is refused with a
// *model.ValidationError; a file that cannot be read so is refused with a
// *FileError, and nothing is kept. Either way the columns returned are
// those read before, with the choice and the error shown.
func (s *Service) SetImportReading(ctx context.Context, actor model.Actor, trainingID, uploadID int64, separator, encoding string) (model.ImportColumns, error) {
	k, err := s.kept(ctx, actor, trainingID, uploadID)
	if err != nil {
		return model.ImportColumns{}, err
	}
	v := k.columns(k.mapping)
	v.Reading.SeparatorChoice, v.Reading.EncodingChoice = separator, encoding
	bad := map[string]string{}
	if separator != "" && !slices.Contains(model.ImportSeparators, separator) {
		bad["separator"] = "import.error.reading"
	}
	if encoding != "" && !slices.Contains(model.ImportEncodings, encoding) {
		bad["encoding"] = "import.error.reading"
	}
	if len(bad) > 0 {
		v.Reading.Error = "import.error.reading"
		return v, &model.ValidationError{Fields: bad}
	}
	k.upload.Separator, k.upload.Encoding = separator, encoding
	table, err := nomination.ReadWith(k.upload.FileName, k.upload.Content, readOptions(k.upload))
	var fe *FileError
	if errors.As(err, &fe) {
		v.Reading.Error, v.Reading.ErrorArgs = fe.Key, fe.Args
		return v, err
	} else if err != nil {
		return v, err
	}
	k.table, k.mapping = table, nomination.GuessMappingWithData(table)
	if err := s.store.SetUploadReading(ctx, k.upload.ID, separator, encoding, mappingString(k.mapping)); err != nil {
		return v, err
	}
	return k.columns(k.mapping), nil
}
