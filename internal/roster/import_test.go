package roster_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster"
	"github.com/traindesk/traindesk/internal/trainings"
)

// failingRegistrar registers through next until the n-th call, which it
// refuses as a full training would.
type failingRegistrar struct {
	next  roster.Registrar
	n     int
	calls int
}

func (r *failingRegistrar) Enrol(ctx context.Context, a model.Actor, reg *model.Registration) error {
	r.calls++
	if r.calls == r.n {
		return model.ErrFull
	}
	return r.next.Enrol(ctx, a, reg)
}

const threeOfficers = "Name,Phone\nAlpha One,01011111111\nBravo Two,01022222222\nCharlie Three,01033333333\n"

// TestConfirmImport_AllOrNothing refuses the third row at the Registrar:
// the two persons created before it and their registrations are gone too,
// and the list is kept for another try.
func TestConfirmImport_AllOrNothing(t *testing.T) {
	ctx := context.Background()
	each(t, func(t *testing.T, f *fixture) {
		reg := &failingRegistrar{next: trainings.New(f.s, time.Now, time.UTC), n: 3}
		svc := roster.New(f.s, reg, func() time.Time { return time.Date(2023, 1, 17, 8, 30, 0, 0, time.UTC) }, time.UTC)
		u, _, err := svc.Upload(ctx, f.po, f.refresher, "list.csv", []byte(threeOfficers))
		if err != nil {
			t.Fatal(err)
		}
		persons, regs := f.s.MustCount(ctx, "persons"), f.s.MustCount(ctx, "registrations")
		res, err := svc.ConfirmImport(ctx, f.po, f.refresher, u.ID, nil, "", testBasis)
		var ie *model.ImportError
		if !errors.As(err, &ie) || ie.Line != 4 || !errors.Is(err, model.ErrFull) {
			t.Fatalf("confirm = %v, want row 4 refused", err)
		}
		if len(res.Preview.Rows) != 3 {
			t.Errorf("the refusal shows %d rows", len(res.Preview.Rows))
		}
		if p, r := f.s.MustCount(ctx, "persons"), f.s.MustCount(ctx, "registrations"); p != persons || r != regs {
			t.Fatalf("a refused import saved %d persons and %d registrations", p-persons, r-regs)
		}
		if _, n := f.audit(model.AuditImport); n != 0 {
			t.Error("a refused import was audited")
		}
		// The same list through the store's Registrar goes in whole.
		res, err = f.svc.ConfirmImport(ctx, f.po, f.refresher, u.ID, map[int]string{3: model.ImportActionSkip}, "", testBasis)
		if err != nil || len(res.Done.Results) != 2 || !res.Done.Results[0].Created {
			t.Fatalf("confirm = %+v, %v", res.Done.Results, err)
		}
		if p := f.s.MustCount(ctx, "persons"); p != persons+2 {
			t.Errorf("persons grew by %d, want 2", p-persons)
		}
		if n := f.s.MustCount(ctx, "import_uploads"); n != 0 {
			t.Errorf("%d lists kept after the import", n)
		}
		l, n := f.audit(model.AuditImport)
		if n != 1 || l.EntityID != f.refresher || l.Values["rows"] != "3" || l.Values["registered"] != "2" ||
			l.Values["created"] != "2" || strings.Contains(l.Detail, "list.csv") || strings.Contains(l.Detail, "Alpha") {
			t.Errorf("audit line %+v", l)
		}
	})
}

// TestConfirmImport_BadAction refuses a link to a person merged since the
// preview, and saves nothing.
func TestConfirmImport_BadAction(t *testing.T) {
	ctx := context.Background()
	each(t, func(t *testing.T, f *fixture) {
		u, _, err := f.svc.Upload(ctx, f.po, f.refresher, "list.csv", []byte(threeOfficers))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.Merge(ctx, f.po, f.duplicate, f.survivor); err != nil {
			t.Fatal(err)
		}
		persons := f.s.MustCount(ctx, "persons")
		_, err = f.svc.ConfirmImport(ctx, f.po, f.refresher, u.ID, map[int]string{2: model.ImportLinkAction(f.duplicate), 3: "link:x"}, "", testBasis)
		var be *roster.BadActionsError
		if !errors.As(err, &be) || be.Count != 2 {
			t.Fatalf("confirm = %v, want 2 bad actions", err)
		}
		if p := f.s.MustCount(ctx, "persons"); p != persons {
			t.Errorf("a refused import created %d persons", p-persons)
		}
	})
}

// TestUpload_RefusesAndMaps refuses unreadable files and a manager, and
// keeps the officer's mapping.
func TestUpload_RefusesAndMaps(t *testing.T) {
	ctx := context.Background()
	each(t, func(t *testing.T, f *fixture) {
		var fe *roster.FileError
		if _, _, err := f.svc.Upload(ctx, f.po, f.refresher, "list.csv", nil); !errors.As(err, &fe) || fe.Key != "import.empty" {
			t.Errorf("empty file: %v", err)
		}
		big := make([]byte, roster.MaxFileSize+1)
		if _, _, err := f.svc.Upload(ctx, f.po, f.refresher, "list.csv", big); !errors.As(err, &fe) || fe.Key != "import.too_large" {
			t.Errorf("large file: %v", err)
		}
		if _, _, err := f.svc.Upload(ctx, f.manager, f.refresher, "list.csv", []byte(threeOfficers)); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("a manager uploading: %v", err)
		}
		u, _, err := f.svc.Upload(ctx, f.po, f.refresher, "list.csv", []byte(threeOfficers))
		if err != nil {
			t.Fatal(err)
		}
		v, err := f.svc.ImportColumns(ctx, f.po, f.refresher, u.ID)
		if err != nil || strings.Join(v.Mapping, ",") != "name_latin,phone" || v.Rows != 3 || v.Samples[0][0] != "Alpha One" {
			t.Fatalf("columns = %+v, %v", v, err)
		}
		var me *roster.MappingError
		if _, err := f.svc.SetImportMapping(ctx, f.po, f.refresher, u.ID, []string{"", "phone"}); !errors.As(err, &me) {
			t.Fatalf("a mapping without a name: %v", err)
		}
		if _, err := f.svc.ImportPreview(ctx, f.po, f.refresher, u.ID); err != nil {
			t.Errorf("the refused mapping was saved: %v", err)
		}
		if _, err := f.svc.SetImportMapping(ctx, f.po, f.refresher, u.ID, []string{"name_arabic", ""}); err != nil {
			t.Fatal(err)
		}
		if v, _ := f.svc.ImportColumns(ctx, f.po, f.refresher, u.ID); strings.Join(v.Mapping, ",") != "name_arabic," {
			t.Errorf("mapping saved as %q", v.Mapping)
		}
		if _, err := f.svc.ImportColumns(ctx, f.po, f.hurghada, u.ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("the list under another training: %v", err)
		}
	})
}
