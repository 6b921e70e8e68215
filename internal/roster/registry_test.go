package roster_test

import (
	"context"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster"
)

// TestDuplicates_KeptIndexFollowsTheRegistry checks that the duplicate
// index kept between requests sees every change: a person created or
// edited here, a merge, and a person written by another instance of the
// application (straight into the database).
func TestDuplicates_KeptIndexFollowsTheRegistry(t *testing.T) {
	ctx := context.Background()
	each(t, func(t *testing.T, f *fixture) {
		offered := func(p model.Person, id int64) bool {
			t.Helper()
			ms, err := f.svc.Duplicates(ctx, f.po, p, 0)
			if err != nil {
				t.Fatal(err)
			}
			return hasMatch(ms, id)
		}
		samira := model.Person{NameLatin: "Samira Fawzy El-Adawy", Sex: model.SexFemale}
		if offered(samira, 0) {
			t.Fatal("offered before she exists")
		}
		in := model.PersonInputOf(samira)
		in.Basis = testBasis
		res, err := f.svc.CreatePerson(ctx, f.po, roster.PersonRequest{Input: in})
		if err != nil {
			t.Fatal(err)
		}
		id := res.Person.ID
		if !offered(model.Person{NameArabic: "سميرة فوزي العدوي"}, id) {
			t.Error("a person just created is not offered")
		}
		in = model.PersonInputOf(res.Person)
		in.NameLatin = "Samira Fawzy Attar"
		if _, err := f.svc.UpdatePerson(ctx, f.po, id, roster.PersonRequest{Input: in, ConfirmNew: true}); err != nil {
			t.Fatal(err)
		}
		if offered(model.Person{NameArabic: "سميرة فوزي العدوي"}, id) || !offered(model.Person{NameArabic: "سميرة فوزي العطار"}, id) {
			t.Error("the index holds her old name")
		}
		if _, err := f.svc.Merge(ctx, f.po, f.duplicate, f.survivor); err != nil {
			t.Fatal(err)
		}
		ahmed := model.Person{NameLatin: "Ahmed Mahmoud Abdelrahman", Sex: model.SexMale}
		if offered(ahmed, f.duplicate) || !offered(ahmed, f.survivor) {
			t.Error("a merged person is still offered")
		}
		if err := f.s.Exec(ctx, "INSERT INTO persons (name_latin, name_arabic, name_key, sex, phone, email, national_ref, "+
			"position, rank, age_band, notes, created_at, updated_at) VALUES ('Karim Nabil Shalaby', '', '', 'M', '', '', '', "+
			"'', '', '', '', '2099-01-01 00:00:00', '2099-01-01 00:00:00')"); err != nil {
			t.Fatal(err)
		}
		other := f.id("SELECT CAST(id AS TEXT) FROM persons WHERE name_latin = 'Karim Nabil Shalaby'")
		if !offered(model.Person{NameArabic: "كريم نبيل الشلبي"}, other) {
			t.Error("a person another instance wrote is not offered")
		}
	})
}
