package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
	"github.com/traindesk/traindesk/internal/vcache"
)

// TestChangeCounters_OncePerRequest: a request carrying Counters reads
// both counters once (what another instance commits meanwhile is seen by
// the next request), and its own writes, in a transaction or alone, make
// it read them again, so it never compares against a counter older than
// what it wrote.
func TestChangeCounters_OncePerRequest(t *testing.T) {
	now := time.Date(2023, 1, 16, 9, 0, 0, 0, time.UTC)
	storetest.Each(t, store.Options{Now: func() time.Time { return now }}, func(t *testing.T, s *store.Store) {
		bg := context.Background()
		req := vcache.WithCounters(bg)
		read := func(ctx context.Context) (int64, int64) {
			t.Helper()
			a, err := s.AuthVersion(ctx)
			if err != nil {
				t.Fatal(err)
			}
			d, err := s.DataVersion(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return a, d
		}
		a0, d0 := read(req)
		if a, d := read(bg); a != a0 || d != d0 {
			t.Fatalf("the request read auth %d data %d, the database says %d %d", a0, d0, a, d)
		}
		// Another request (another instance) writes: this one keeps what it read.
		if err := s.CreatePerson(bg, &model.Person{NameLatin: "Elsewhere", Sex: model.SexFemale}); err != nil {
			t.Fatal(err)
		}
		if _, d := read(req); d != d0 {
			t.Errorf("the request read the data counter again: %d -> %d", d0, d)
		}
		if _, d := read(bg); d <= d0 {
			t.Fatalf("the write did not move the data counter (%d)", d)
		}
		// Its own write in a transaction: read again.
		err := s.Tx(req, func(ctx context.Context) error {
			return s.CreatePerson(ctx, &model.Person{NameLatin: "Own", Sex: model.SexMale})
		})
		if err != nil {
			t.Fatal(err)
		}
		_, d1 := read(req)
		if _, d := read(bg); d1 != d || d1 <= d0 {
			t.Errorf("after its own transaction the request reads %d, the database says %d", d1, d)
		}
		// Its own write outside a transaction: read again too.
		if err := s.Exec(req, "UPDATE persons SET name_latin = 'Renamed' WHERE name_latin = 'Own'"); err != nil {
			t.Fatal(err)
		}
		if _, d := read(req); d <= d1 {
			t.Errorf("after its own statement the request still reads %d", d)
		}
	})
}
