package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/traindesk/traindesk/db/seed"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// certCodeSource returns a code source that hands out the given codes in turn.
func certCodeSource(list ...string) func() (string, error) {
	i := 0
	return func() (string, error) {
		c := list[min(i, len(list)-1)]
		i++
		return c, nil
	}
}

func TestIssueCertificates(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		if _, err := s.LoadDemo(ctx, seed.Build(model.MustDate("2023-01-17")), store.DemoOptions{PasswordHash: "h"}); err != nil {
			t.Fatal(err)
		}
		roster, err := s.Roster(ctx, 1)
		if err != nil || len(roster) < 3 {
			t.Fatalf("roster: %d, %v", len(roster), err)
		}
		a, b, c := roster[0].ID, roster[1].ID, roster[2].ID

		// The second draw collides with the first code and is drawn again.
		got, created, err := s.IssueCertificates(ctx, []int64{a, b}, certCodeSource("AAAAAAAAAAAA", "AAAAAAAAAAAA", "BBBBBBBBBBBB"))
		if err != nil || len(created) != 2 || got[a].Code != "AAAAAAAAAAAA" || got[b].Code != "BBBBBBBBBBBB" {
			t.Fatalf("issue: %v, %v, %v", got, created, err)
		}
		again, created, err := s.IssueCertificates(ctx, []int64{a, a}, certCodeSource("CCCCCCCCCCCC"))
		if err != nil || len(created) != 0 || again[a].Code != "AAAAAAAAAAAA" {
			t.Fatalf("issue again: %v, %v, %v", again, created, err)
		}
		if _, _, err := s.IssueCertificates(ctx, []int64{c}, certCodeSource("AAAAAAAAAAAA")); !errors.Is(err, model.ErrConflict) {
			t.Fatalf("a code source that only collides: %v", err)
		}
		if certs, _ := s.Certificates(ctx, 1); len(certs) != 2 {
			t.Fatalf("%d certificates after a failed issue, want 2", len(certs))
		}

		check, err := s.CertificateByCode(ctx, "BBBBBBBBBBBB")
		if err != nil || check.NameLatin != roster[1].NameLatin || check.StartsOn != model.MustDate("2023-01-16") || check.RevokedAt != nil {
			t.Fatalf("by code: %+v, %v", check, err)
		}
		if _, err := s.CertificateByCode(ctx, "ZZZZZZZZZZZZ"); !errors.Is(err, model.ErrNotFound) {
			t.Fatalf("unknown code: %v", err)
		}

		id := got[b].ID
		if row, err := s.CertificateByID(ctx, id); err != nil || row.TrainingID != 1 {
			t.Fatalf("by id: %+v, %v", row, err)
		}
		if err := s.RevokeCertificate(ctx, id, " wrong person ", nil); err != nil {
			t.Fatal(err)
		}
		if err := s.RevokeCertificate(ctx, id, "again", nil); !errors.Is(err, model.ErrConflict) {
			t.Fatalf("revoke twice: %v", err)
		}
		if check, _ := s.CertificateByCode(ctx, "BBBBBBBBBBBB"); check.RevokedAt == nil {
			t.Fatal("revoked certificate checks valid")
		}
		if err := s.ReinstateCertificate(ctx, id); err != nil {
			t.Fatal(err)
		}
		if err := s.ReinstateCertificate(ctx, id); !errors.Is(err, model.ErrConflict) {
			t.Fatalf("reinstate a valid one: %v", err)
		}
		if err := s.RevokeCertificate(ctx, 4242, "x", nil); !errors.Is(err, model.ErrNotFound) {
			t.Fatalf("unknown certificate: %v", err)
		}
	})
}
