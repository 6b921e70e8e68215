package roster_test

import (
	"context"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster"
)

// testBasis is the lawful basis the tests record on the persons they create.
var testBasis = model.BasisInput{Basis: string(model.BasisConsent), Purpose: "Training and reporting"}

// TestCreatePerson_AsksForTheBasis refuses a new person without a basis
// (the message beside the field, nothing saved), records one given with
// today's server date and the officer who gave it, and lets an edit of an
// older record without a basis pass.
func TestCreatePerson_AsksForTheBasis(t *testing.T) {
	ctx := context.Background()
	each(t, func(t *testing.T, f *fixture) {
		in := model.PersonInput{NameLatin: "Hoda Samir Fathy", Sex: "F"}
		persons := f.s.MustCount(ctx, "persons")
		_, err := f.svc.CreatePerson(ctx, f.po, roster.PersonRequest{Input: in, ConfirmNew: true})
		if fe := model.FieldErrors(err); fe["basis"] != "privacy.error.basis" {
			t.Fatalf("no basis: %v", err)
		}
		in.Basis = model.BasisInput{Basis: "consent", On: "2023-01-18"}
		_, err = f.svc.CreatePerson(ctx, f.po, roster.PersonRequest{Input: in, ConfirmNew: true})
		if fe := model.FieldErrors(err); fe["basis_purpose"] != "privacy.error.purpose" || fe["basis_on"] != "privacy.error.date" {
			t.Fatalf("no purpose, a day after the server's today: %v", err)
		}
		if n := f.s.MustCount(ctx, "persons"); n != persons {
			t.Fatalf("a refused form saved %d persons", n-persons)
		}
		in.Basis = testBasis
		res, err := f.svc.CreatePerson(ctx, f.po, roster.PersonRequest{Input: in, ConfirmNew: true})
		if err != nil {
			t.Fatal(err)
		}
		p, _ := f.s.Person(ctx, res.Person.ID)
		if p.LawfulBasis != model.BasisConsent || p.BasisOn == nil || *p.BasisOn != today || p.BasisPurpose != "Training and reporting" ||
			p.BasisByID == nil || *p.BasisByID != *f.po.UserID() {
			t.Errorf("basis saved as %q %v %q %v", p.LawfulBasis, p.BasisOn, p.BasisPurpose, p.BasisByID)
		}
		// The duplicate has no basis (made before it was asked): an edit
		// of its rank passes, and keeps none.
		old, _ := f.s.Person(ctx, f.duplicate)
		edit := model.PersonInputOf(old)
		edit.Rank = "Captain"
		if _, err := f.svc.UpdatePerson(ctx, f.po, f.duplicate, roster.PersonRequest{Input: edit, ConfirmNew: true}); err != nil {
			t.Fatal(err)
		}
		if p, _ := f.s.Person(ctx, f.duplicate); p.LawfulBasis != "" || p.Rank != "Captain" {
			t.Errorf("edited older record: basis %q rank %q", p.LawfulBasis, p.Rank)
		}
	})
}

// TestConfirmImport_RecordsTheBasisOnEachNewPerson asks for the basis
// once when the import creates persons, and records it on each of them.
func TestConfirmImport_RecordsTheBasisOnEachNewPerson(t *testing.T) {
	ctx := context.Background()
	each(t, func(t *testing.T, f *fixture) {
		u, _, err := f.svc.Upload(ctx, f.po, f.refresher, "list.csv", []byte(threeOfficers))
		if err != nil {
			t.Fatal(err)
		}
		persons := f.s.MustCount(ctx, "persons")
		res, err := f.svc.ConfirmImport(ctx, f.po, f.refresher, u.ID, nil, "", model.BasisInput{})
		if fe := model.FieldErrors(err); fe["basis"] != "privacy.error.basis" || len(res.Preview.Rows) != 3 {
			t.Fatalf("confirm without a basis = %v", err)
		}
		if n := f.s.MustCount(ctx, "persons"); n != persons {
			t.Fatalf("a refused import saved %d persons", n-persons)
		}
		basis := model.BasisInput{Basis: "public_task", On: "2023-01-02", Purpose: "Nominated by the agency"}
		res, err = f.svc.ConfirmImport(ctx, f.po, f.refresher, u.ID, nil, "", basis)
		if err != nil || len(res.Done.Results) != 3 {
			t.Fatalf("confirm = %+v, %v", res.Done.Results, err)
		}
		for _, r := range res.Done.Results {
			p, _ := f.s.Person(ctx, r.PersonID)
			if p.LawfulBasis != model.BasisPublicTask || p.BasisOn == nil || p.BasisOn.String() != "2023-01-02" ||
				p.BasisPurpose != "Nominated by the agency" || p.BasisByID == nil {
				t.Errorf("person %d: basis %q %v %q", p.ID, p.LawfulBasis, p.BasisOn, p.BasisPurpose)
			}
		}
		if l, _ := f.audit(model.AuditImport); l.Values["basis"] != "public_task" {
			t.Errorf("import audit %+v", l.Values)
		}
	})
}

// TestConfirmImport_LinksOnlyNeedNoBasis: an import that creates nobody
// does not ask for one.
func TestConfirmImport_LinksOnlyNeedNoBasis(t *testing.T) {
	ctx := context.Background()
	each(t, func(t *testing.T, f *fixture) {
		u, _, err := f.svc.Upload(ctx, f.po, f.refresher, "list.csv", []byte(threeOfficers))
		if err != nil {
			t.Fatal(err)
		}
		skip := map[int]string{2: model.ImportActionSkip, 3: model.ImportActionSkip, 4: model.ImportActionSkip}
		if _, err := f.svc.ConfirmImport(ctx, f.po, f.refresher, u.ID, skip, "", model.BasisInput{}); err != nil {
			t.Fatalf("confirm skipping every row = %v", err)
		}
	})
}
