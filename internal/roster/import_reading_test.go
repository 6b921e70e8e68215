package roster_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster"
)

// TestSetImportReading reads a kept list again with the separator the
// officer chose, keeps the choice and guesses the columns again; refuses a
// choice not on offer and an encoding the file is not in, keeping nothing.
func TestSetImportReading(t *testing.T) {
	ctx := context.Background()
	each(t, func(t *testing.T, f *fixture) {
		// Both the comma and the semicolon split every line in two: the
		// guess is the comma, the agency meant the semicolon.
		list := "Name;Sex,Agency\nAlpha One;M,Customs\nBravo Two;F,Police\n"
		u, _, err := f.svc.Upload(ctx, f.po, f.refresher, "list.csv", []byte(list))
		if err != nil {
			t.Fatal(err)
		}
		v, err := f.svc.ImportColumns(ctx, f.po, f.refresher, u.ID)
		if err != nil || !v.Reading.CSV || v.Reading.Separator != "comma" || v.Reading.SeparatorChoice != "" ||
			v.Reading.Encoding != "utf-8" || v.Headers[0] != "Name;Sex" {
			t.Fatalf("guessed %+v %q, %v", v.Reading, v.Headers, err)
		}
		v, err = f.svc.SetImportReading(ctx, f.po, f.refresher, u.ID, "semicolon", "")
		if err != nil || v.Reading.Separator != "semicolon" || strings.Join(v.Headers, "|") != "Name|Sex,Agency" ||
			v.Mapping[0] != "name_latin" {
			t.Fatalf("semicolon: %+v %q %q, %v", v.Reading, v.Headers, v.Mapping, err)
		}
		if v, _ := f.svc.ImportColumns(ctx, f.po, f.refresher, u.ID); v.Reading.SeparatorChoice != "semicolon" || v.Headers[0] != "Name" {
			t.Errorf("the choice was not kept: %+v", v.Reading)
		}
		p, err := f.svc.ImportPreview(ctx, f.po, f.refresher, u.ID)
		if err != nil || p.Reading.Separator != "semicolon" || len(p.Rows) != 2 || p.Rows[0].NameLatin != "Alpha One" {
			t.Fatalf("preview after the choice: %+v, %v", p.Reading, err)
		}
		var ve *model.ValidationError
		if _, err := f.svc.SetImportReading(ctx, f.po, f.refresher, u.ID, "pipe", ""); !errors.As(err, &ve) {
			t.Errorf("a separator not on offer: %v", err)
		}
		var fe *roster.FileError
		v, err = f.svc.SetImportReading(ctx, f.po, f.refresher, u.ID, "", "utf-16le")
		if !errors.As(err, &fe) || v.Reading.Error == "" || v.Reading.EncodingChoice != "utf-16le" {
			t.Errorf("an encoding the file is not in: %+v, %v", v.Reading, err)
		}
		if v, _ := f.svc.ImportColumns(ctx, f.po, f.refresher, u.ID); v.Reading.SeparatorChoice != "semicolon" || v.Reading.EncodingChoice != "" {
			t.Errorf("a refused choice was kept: %+v", v.Reading)
		}
		if _, err := f.svc.SetImportReading(ctx, f.manager, f.refresher, u.ID, "", ""); !errors.Is(err, model.ErrForbidden) && !errors.Is(err, model.ErrNotFound) {
			t.Errorf("a manager choosing: %v", err)
		}
	})
}
