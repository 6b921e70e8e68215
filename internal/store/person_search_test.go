package store_test

import (
	"context"
	"testing"

	"github.com/traindesk/traindesk/db/seed"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// TestPersons_PhoneTail finds a phone stored as typed ("+20 10 1274 3206")
// from its digits, on both databases, and still lets names match.
func TestPersons_PhoneTail(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		if _, err := s.LoadDemo(ctx, seed.Build(model.MustDate("2023-01-17")), store.DemoOptions{PasswordHash: "h", NameKey: roster.NameKey}); err != nil {
			t.Fatal(err)
		}
		// An Arabic-only duplicate of the demo's first officer, saved with
		// the phone normalised.
		d := model.Person{NameArabic: "احمد محمود عبدالرحمن", Sex: model.SexMale, Phone: "+201012003100"}
		d.NameKey = roster.NameKey(d.NameLatin, d.NameArabic)
		if err := s.CreatePerson(ctx, &d); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			terms, tail string
			want        int
		}{
			{"01012743206", "1012743206", 1},
			{"Mostafa", "", 2}, // Mostafa Kamal Hassan and Dina Mostafa El-Sherif
			{"01099999999", "1099999999", 0},
			// The duplicate of the fixture was saved with the phone normalised.
			{"+20 10 1200 3100", "1012003100", 2},
		}
		for _, c := range cases {
			rows, total, err := s.Persons(ctx, model.PersonFilter{Terms: roster.SearchTerms(c.terms), PhoneTail: c.tail, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != c.want || total != int64(c.want) {
				t.Errorf("%q: %d rows (%d in all), want %d", c.terms, len(rows), total, c.want)
			}
		}
	})
}
