package roster_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster"
)

// TestCreatePerson_RefusesLikelyDuplicates types the demo's Ahmed in Arabic
// only: the registry refuses with the match and saves nothing, and saves
// once the officer confirms that this is someone else.
func TestCreatePerson_RefusesLikelyDuplicates(t *testing.T) {
	ctx := context.Background()
	each(t, func(t *testing.T, f *fixture) {
		before := f.s.MustCount(ctx, "persons")
		req := roster.PersonRequest{Input: model.PersonInput{NameArabic: "  أحمد   محمود عبدالرحمن ", Sex: "M", Basis: testBasis}}
		res, err := f.svc.CreatePerson(ctx, f.po, req)
		var de *roster.DuplicatesError
		if !errors.As(err, &de) || !errors.Is(err, model.ErrConflict) {
			t.Fatalf("create = %v, want a DuplicatesError", err)
		}
		if !hasMatch(de.Matches, f.survivor) || !hasMatch(res.Form.Matches, f.survivor) {
			t.Fatalf("matches %+v lack person %d", de.Matches, f.survivor)
		}
		if res.Form.Input.NameArabic != "أحمد محمود عبدالرحمن" {
			t.Errorf("the form shows %q, not the tidied input", res.Form.Input.NameArabic)
		}
		if n := f.s.MustCount(ctx, "persons"); n != before {
			t.Fatal("a person was saved before the officer confirmed")
		}
		req.ConfirmNew = true
		res, err = f.svc.CreatePerson(ctx, f.po, req)
		if err != nil || res.Person.ID == 0 || res.Person.NameKey != roster.NameKey("", "أحمد محمود عبدالرحمن") {
			t.Fatalf("create anyway = %+v, %v", res.Person, err)
		}
		l, n := f.audit(model.AuditPersonCreate)
		if n != 1 || l.EntityID != res.Person.ID || l.Values["despite_matches"] != "true" ||
			strings.Join(l.Changed, ",") != "basis_on,basis_purpose,lawful_basis,name_arabic,sex" || strings.Contains(l.Detail, "محمود") {
			t.Errorf("audit line %+v", l)
		}
	})
}

func hasMatch(ms []model.PersonMatch, id int64) bool {
	for _, m := range ms {
		if m.Person.ID == id {
			return true
		}
	}
	return false
}

// TestUpdatePerson_ChecksOnlyIdentity asks about duplicates when an edit
// changes a national ID to one the registry holds, not when it fixes a
// rank; a phone the registry holds under another name (an office line) is
// no duplicate.
func TestUpdatePerson_ChecksOnlyIdentity(t *testing.T) {
	ctx := context.Background()
	each(t, func(t *testing.T, f *fixture) {
		other := f.id("SELECT CAST(id AS TEXT) FROM persons WHERE name_latin = 'Mostafa Kamal Hassan'")
		p, _ := f.s.Person(ctx, other)
		in := model.PersonInputOf(p)
		in.Rank = "Chief Inspector"
		res, err := f.svc.UpdatePerson(ctx, f.po, other, roster.PersonRequest{Input: in})
		if err != nil {
			t.Fatalf("fixing the rank: %v", err)
		}
		// The demo keeps the phone as typed; saving stores it normalised.
		if l, _ := f.audit(model.AuditPersonUpdate); l.EntityID != other || strings.Join(l.Changed, ",") != "phone,rank" {
			t.Errorf("audit line %+v", l)
		}
		in = model.PersonInputOf(res.Person)
		in.Phone = "0020 10 1200 3100" // the duplicate's phone, typed otherwise
		if res, err = f.svc.UpdatePerson(ctx, f.po, other, roster.PersonRequest{Input: in}); err != nil {
			t.Fatalf("a phone shared with someone of another name = %v", err)
		}
		// Another instance of the application gives the duplicate an ID.
		if err := f.s.Exec(ctx, "UPDATE persons SET national_ref = '28201011234517', updated_at = '2099-01-01 00:00:00' WHERE id = ?", f.duplicate); err != nil {
			t.Fatal(err)
		}
		in = model.PersonInputOf(res.Person)
		in.NationalRef = "2 820101 12 34517" // the duplicate's ID, typed otherwise
		_, err = f.svc.UpdatePerson(ctx, f.po, other, roster.PersonRequest{Input: in})
		var de *roster.DuplicatesError
		if !errors.As(err, &de) || !hasMatch(de.Matches, f.duplicate) {
			t.Fatalf("changing the ID to a known one = %v", err)
		}
		for _, m := range de.Matches {
			if m.Person.ID == f.duplicate && !slices.Equal(m.Reasons, []string{roster.ReasonSameNationalRef,
				roster.ReasonSamePhone, roster.ReasonSameBirthYear, roster.ReasonNamesDiffer}) {
				t.Errorf("the match says %v", m.Reasons)
			}
		}
		if q, _ := f.s.Person(ctx, other); q.NationalRef != "" {
			t.Fatal("the ID was saved before the officer confirmed")
		}
		// A merged person is read-only.
		if _, err := f.svc.Merge(ctx, f.po, f.duplicate, f.survivor); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.UpdatePerson(ctx, f.po, f.duplicate, roster.PersonRequest{Input: in}); !errors.Is(err, model.ErrPersonMerged) {
			t.Errorf("editing a merged person: %v", err)
		}
		if _, err := f.svc.EditPersonForm(ctx, f.po, f.duplicate); !errors.Is(err, model.ErrPersonMerged) {
			t.Errorf("the form of a merged person: %v", err)
		}
	})
}

// TestDuplicates_FormAndImportAgree runs the person form's check and an
// import's preview on the same officer: both find the same person with the
// same score, because both ask the same index.
func TestDuplicates_FormAndImportAgree(t *testing.T) {
	ctx := context.Background()
	each(t, func(t *testing.T, f *fixture) {
		typed := model.Person{NameLatin: "Mohamed Abdullah Elgammal", NameArabic: "محمد عبدالله الجمال"}
		form, err := f.svc.Duplicates(ctx, f.po, typed, f.hurghada)
		if err != nil || len(form) == 0 {
			t.Fatalf("form check = %+v, %v", form, err)
		}
		want := form[0]
		if want.Person.NameLatin != "Mohammed Abdullah El-Gammal" || !want.OnTraining {
			t.Fatalf("best match %+v, want the demo's El-Gammal, on the Hurghada course", want)
		}
		u, _, err := f.svc.Upload(ctx, f.po, f.refresher, "list.csv",
			[]byte("Name,الاسم\n"+typed.NameLatin+","+typed.NameArabic+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		v, err := f.svc.ImportPreview(ctx, f.po, f.refresher, u.ID)
		if err != nil || len(v.Rows) != 1 || len(v.Rows[0].Matches) == 0 {
			t.Fatalf("preview = %+v, %v", v.Rows, err)
		}
		got := v.Rows[0].Matches[0]
		if got.PersonID != want.Person.ID || got.Score != want.Score || strings.Join(got.Reasons, ",") != strings.Join(want.Reasons, ",") {
			t.Errorf("import matched %+v, the form %+v", got, want)
		}
		if v.Rows[0].Action != model.ImportLinkAction(want.Person.ID) {
			t.Errorf("suggested %q", v.Rows[0].Action)
		}
	})
}

// TestCreatePerson_ForTraining creates a person for a training and finds
// them registered, and refuses a training the actor may not see.
func TestCreatePerson_ForTraining(t *testing.T) {
	ctx := context.Background()
	each(t, func(t *testing.T, f *fixture) {
		req := roster.PersonRequest{Input: model.PersonInput{NameLatin: "Youssef Adel Kamel", Sex: "M", Basis: testBasis}, TrainingID: f.refresher}
		res, err := f.svc.CreatePerson(ctx, f.po, req)
		if err != nil || res.RegisterErr != nil || res.Registration == nil || res.Registration.TrainingID != f.refresher {
			t.Fatalf("create for a training = %+v, %v", res, err)
		}
		if l, n := f.audit(model.AuditRegistrationCreate); n != 1 || l.Related["person"] != res.Person.ID ||
			l.Related["registration"] != res.Registration.ID {
			t.Errorf("registration audit %+v", l)
		}
		// The same person again: the registry saves them (confirmed), the
		// training refuses a second registration.
		req.ConfirmNew = true
		req.Input.NameLatin = "Youssef Adel Kamel Two"
		if err := f.s.Exec(ctx, "UPDATE trainings SET capacity = 1 WHERE id = ?", f.refresher); err != nil {
			t.Fatal(err)
		}
		res, err = f.svc.CreatePerson(ctx, f.po, req)
		if err != nil || res.Person.ID == 0 || !errors.Is(res.RegisterErr, model.ErrFull) {
			t.Fatalf("create for a full training = %+v, %v", res.RegisterErr, err)
		}
		req.TrainingID = 999999
		if _, err := f.svc.CreatePerson(ctx, f.po, req); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("create for an unknown training: %v", err)
		}
		if _, err := f.svc.CreatePerson(ctx, f.manager, roster.PersonRequest{Input: req.Input}); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("a manager creating: %v", err)
		}
	})
}
