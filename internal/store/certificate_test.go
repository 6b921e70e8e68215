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

// TestCertificates stores certificates: the unique indexes refuse a second
// certificate for a registration and a code that is taken, revocation and
// reinstatement change the row they are told to, and an unknown
// certificate is not found. Who gets a certificate, and when it may be
// revoked, is the certificate service's rule (and its tests').
func TestCertificates(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		if _, err := s.LoadDemo(ctx, seed.Build(model.MustDate("2023-01-17")), store.DemoOptions{PasswordHash: "h"}); err != nil {
			t.Fatal(err)
		}
		roster, err := s.Roster(ctx, 1)
		if err != nil || len(roster) < 3 {
			t.Fatalf("roster: %d, %v", len(roster), err)
		}
		a, b := roster[0].ID, roster[1].ID

		ca := model.Certificate{RegistrationID: a, Code: "AAAAAAAAAAAA"}
		if ok, err := s.InsertCertificate(ctx, &ca); !ok || err != nil || ca.ID == 0 || ca.IssuedAt.IsZero() {
			t.Fatalf("insert: %v, %v, %+v", ok, err, ca)
		}
		for name, c := range map[string]model.Certificate{
			"a second certificate": {RegistrationID: a, Code: "CCCCCCCCCCCC"},
			"a code that is taken": {RegistrationID: b, Code: "AAAAAAAAAAAA"},
		} {
			if ok, err := s.InsertCertificate(ctx, &c); ok || err != nil {
				t.Errorf("%s: inserted %v, %v", name, ok, err)
			}
		}
		cb := model.Certificate{RegistrationID: b, Code: "BBBBBBBBBBBB"}
		if ok, err := s.InsertCertificate(ctx, &cb); !ok || err != nil {
			t.Fatalf("insert b: %v, %v", ok, err)
		}
		if got, err := s.CertificateOfRegistration(ctx, a); err != nil || got.Code != "AAAAAAAAAAAA" {
			t.Errorf("of registration: %+v, %v", got, err)
		}
		if _, err := s.CertificateOfRegistration(ctx, roster[2].ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("of a registration without one: %v", err)
		}
		if certs, _ := s.Certificates(ctx, 1); len(certs) != 2 || certs[b].Code != "BBBBBBBBBBBB" {
			t.Fatalf("certificates: %v", certs)
		}

		check, err := s.CertificateByCode(ctx, "BBBBBBBBBBBB")
		if err != nil || check.NameLatin != roster[1].NameLatin || check.StartsOn != model.MustDate("2023-01-16") || check.RevokedAt != nil {
			t.Fatalf("by code: %+v, %v", check, err)
		}
		if _, err := s.CertificateByCode(ctx, "ZZZZZZZZZZZZ"); !errors.Is(err, model.ErrNotFound) {
			t.Fatalf("unknown code: %v", err)
		}

		err = s.Tx(ctx, func(ctx context.Context) error {
			row, err := s.LockCertificate(ctx, cb.ID)
			if err != nil || row.TrainingID != 1 || row.RegistrationID != b {
				t.Fatalf("lock: %+v, %v", row, err)
			}
			return s.RevokeCertificate(ctx, cb.ID, " wrong person ", nil)
		})
		if err != nil {
			t.Fatal(err)
		}
		if row, _ := s.LockCertificate(ctx, cb.ID); row.RevokedAt == nil || row.RevokedReason != "wrong person" {
			t.Fatalf("revoked: %+v", row)
		}
		if check, _ := s.CertificateByCode(ctx, "BBBBBBBBBBBB"); check.RevokedAt == nil {
			t.Fatal("revoked certificate checks valid")
		}
		if err := s.ReinstateCertificate(ctx, cb.ID); err != nil {
			t.Fatal(err)
		}
		if row, _ := s.LockCertificate(ctx, cb.ID); row.RevokedAt != nil || row.RevokedReason != "" {
			t.Fatalf("reinstated: %+v", row)
		}
		for name, err := range map[string]error{
			"revoke":    s.RevokeCertificate(ctx, 4242, "x", nil),
			"reinstate": s.ReinstateCertificate(ctx, 4242),
			"lock":      func() error { _, err := s.LockCertificate(ctx, 4242); return err }(),
		} {
			if !errors.Is(err, model.ErrNotFound) {
				t.Errorf("%s an unknown certificate: %v", name, err)
			}
		}
	})
}
