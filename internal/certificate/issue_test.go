package certificate_test

import (
	"errors"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/certificate"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// TestCertificate_Codes: a code that is taken is drawn again; when no free
// code comes, nothing of the use case stays, not even its audit lines.
func TestCertificate_Codes(t *testing.T) {
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		f := setup(t, s, codes("AAAAAAAAAAAA", "AAAAAAAAAAAA", "BBBBBBBBBBBB", "AAAAAAAAAAAA"))
		for _, p := range []certificate.Person{f.done, f.another} {
			if _, err := f.svc.Issue(f.ctx, f.officer, 1, p.ID); err != nil {
				t.Fatal(err)
			}
		}
		certs, _ := s.Certificates(f.ctx, 1)
		if certs[f.done.ID].Code != "AAAAAAAAAAAA" || certs[f.another.ID].Code != "BBBBBBBBBBBB" {
			t.Fatalf("codes %v", certs)
		}
		if _, err := f.svc.Issue(f.ctx, f.officer, 1, 0); !errors.Is(err, model.ErrConflict) {
			t.Fatalf("a code source that only collides: %v", err)
		}
		if certs, _ := s.Certificates(f.ctx, 1); len(certs) != 2 {
			t.Errorf("%d certificates after a failed issue, want 2", len(certs))
		}
		if n := len(f.audits(t, model.AuditCertificateIssue)); n != 2 {
			t.Errorf("%d issue events after a failed issue, want 2", n)
		}
	})
}

// TestCertificate_NoAddress: without the site's public address the service
// neither issues nor draws a certificate, and says why.
func TestCertificate_NoAddress(t *testing.T) {
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		f := setup(t, s, nil)
		if _, err := f.svc.Issue(f.ctx, f.officer, 1, f.done.ID); err != nil {
			t.Fatal(err)
		}
		bare := certificate.New(s, certificate.Options{Now: func() time.Time { return time.Date(2023, 1, 25, 9, 0, 0, 0, time.UTC) }})
		li, err := bare.List(f.ctx, f.officer, 1)
		if err != nil || !li.NoAddress {
			t.Fatalf("listing without an address: %+v, %v", li.NoAddress, err)
		}
		var re *certificate.Refused
		for name, try := range map[string]func() error{
			"issue":     func() error { _, err := bare.Issue(f.ctx, f.officer, 1, f.another.ID); return err },
			"issue all": func() error { _, err := bare.Issue(f.ctx, f.officer, 1, 0); return err },
			"download":  func() error { _, err := bare.Certificate(f.ctx, f.officer, 1, f.done.ID); return err },
			"zip":       func() error { _, err := bare.Bundle(f.ctx, f.manager, 1); return err },
		} {
			if err := try(); !errors.As(err, &re) || !errors.Is(err, certificate.ErrNoAddress) ||
				certificate.Refusal(err) != "certificate.refused.no_address" {
				t.Errorf("%s without an address: %v", name, err)
			}
		}
		if certs, _ := s.Certificates(f.ctx, 1); len(certs) != 1 {
			t.Errorf("%d certificates, want the 1 issued with an address", len(certs))
		}
		if n := len(f.audits(t, model.AuditCertificateDownload)) + len(f.audits(t, model.AuditCertificateZip)); n != 0 {
			t.Errorf("%d downloads recorded that did not happen", n)
		}
	})
}
