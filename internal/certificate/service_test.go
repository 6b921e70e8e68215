package certificate_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/traindesk/traindesk/db/seed"
	"github.com/traindesk/traindesk/internal/certificate"
	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// base is the site's public address the service is configured with.
const base = "https://traindesk.example"

// fixture is the demo, with the certificate service on its store and the
// actors of every role.
type fixture struct {
	st                     *store.Store
	svc                    *certificate.Service
	officer, manager       model.Actor
	facilitator, outsider  model.Actor
	done, notDone, another certificate.Person
	ctx                    context.Context
}

// codes hands out the given codes in turn, then the last one for ever.
func codes(list ...string) func() (string, error) {
	i := 0
	return func() (string, error) {
		c := list[min(i, len(list)-1)]
		i++
		return c, nil
	}
}

// setup loads the demo as of 17 January 2023 and runs the service on 25
// January, after the Hurghada course (training 1) ended. newCode is nil
// for random codes.
func setup(t *testing.T, s *store.Store, newCode func() (string, error)) fixture {
	t.Helper()
	ctx := context.Background()
	if _, err := s.LoadDemo(ctx, seed.Build(model.MustDate("2023-01-17")), store.DemoOptions{PasswordHash: "h"}); err != nil {
		t.Fatal(err)
	}
	now := func() time.Time { return time.Date(2023, 1, 25, 9, 0, 0, 0, time.UTC) }
	f := fixture{st: s, ctx: ctx, svc: certificate.New(s, certificate.Options{Now: now, NewCode: newCode, BaseURL: base})}
	for _, u := range []struct {
		email string
		dst   *model.Actor
	}{{"officer@traindesk.local", &f.officer}, {"manager@traindesk.local", &f.manager}, {"trainer@traindesk.local", &f.facilitator}} {
		user, err := s.UserByEmail(ctx, u.email)
		if err != nil {
			t.Fatalf("%s: %v", u.email, err)
		}
		*u.dst = model.Actor{User: user, IP: "192.0.2.1"}
	}
	f.outsider = model.Actor{User: model.User{ID: 4242, Role: model.RoleTrainer, Active: true}}
	li, err := f.svc.List(ctx, f.officer, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range li.Course.People {
		switch {
		case p.Result.Completed && f.done.ID == 0:
			f.done = p
		case p.Result.Completed && f.another.ID == 0:
			f.another = p
		case !p.Result.Completed && f.notDone.ID == 0:
			f.notDone = p
		}
	}
	if f.done.ID == 0 || f.another.ID == 0 || f.notDone.ID == 0 {
		t.Fatal("the demo course lacks two completers and a non-completer")
	}
	return f
}

// audits counts the audit lines of kind.
func (f fixture) audits(t *testing.T, kind model.AuditKind) []model.AuditLine {
	t.Helper()
	lines, _, err := f.st.AuditLog(f.ctx, model.AuditFilter{Kind: kind, Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	return lines
}

// TestCertificate_IssueOnce: a completer's certificate exists only once
// an editor issued it (a download never issues), and is issued once; a
// non-completer gets none; a manager downloads issued certificates but
// does not issue.
func TestCertificate_IssueOnce(t *testing.T) {
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		f := setup(t, s, nil)
		var re *certificate.Refused
		if _, err := f.svc.Certificate(f.ctx, f.officer, 1, f.done.ID); !errors.As(err, &re) || !errors.Is(err, certificate.ErrNotIssued) {
			t.Fatalf("downloading before issuing: %v", err)
		}
		if _, err := f.svc.Issue(f.ctx, f.manager, 1, f.done.ID); !errors.Is(err, model.ErrForbidden) {
			t.Fatalf("a manager issuing: %v", err)
		}
		if certs, _ := s.Certificates(f.ctx, 1); len(certs) != 0 {
			t.Fatalf("issued before any Issue: %v", certs)
		}
		for i, want := range []int{1, 0} {
			if n, err := f.svc.Issue(f.ctx, f.officer, 1, f.done.ID); err != nil || n != want {
				t.Fatalf("issue #%d: %d, %v; want %d", i+1, n, err, want)
			}
		}
		doc, err := f.svc.Certificate(f.ctx, f.officer, 1, f.done.ID)
		if err != nil || !strings.HasPrefix(string(doc.PDF), "%PDF") || !strings.HasPrefix(doc.Name, "certificate-") {
			t.Fatalf("certificate: %q, %v", doc.Name, err)
		}
		again, err := f.svc.Certificate(f.ctx, f.manager, 1, f.done.ID)
		if err != nil || again.Name != doc.Name {
			t.Fatalf("asked again by a manager: %q, %v", again.Name, err)
		}
		if n := len(f.audits(t, model.AuditCertificateIssue)); n != 1 {
			t.Errorf("%d issue events, want 1", n)
		}
		if n := len(f.audits(t, model.AuditCertificateDownload)); n != 2 {
			t.Errorf("%d download events, want 2", n)
		}
		for name, try := range map[string]func() error{
			"issue":    func() error { _, err := f.svc.Issue(f.ctx, f.officer, 1, f.notDone.ID); return err },
			"download": func() error { _, err := f.svc.Certificate(f.ctx, f.officer, 1, f.notDone.ID); return err },
		} {
			err := try()
			if !errors.As(err, &re) || !errors.Is(err, certificate.ErrNotCompleted) || re.TrainingID != 1 || re.TitleEn == "" {
				t.Errorf("non-completer's %s: %v", name, err)
			}
		}
		if _, err := f.svc.Certificate(f.ctx, f.officer, 1, 999999); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("unknown registration: %v", err)
		}
		if _, err := f.svc.Issue(f.ctx, f.officer, 1, 999999); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("issuing to an unknown registration: %v", err)
		}
		certs, _ := s.Certificates(f.ctx, 1)
		if len(certs) != 1 || certs[f.done.ID].Code+".pdf" != strings.TrimPrefix(doc.Name, "certificate-") {
			t.Errorf("certificates: %v", certs)
		}
	})
}

// TestCertificate_Bundle: a zip holds only what was issued — asking for
// it issues nothing, even as an editor —; issuing for everyone issues every
// completer's certificate in one go; revoked ones stay out of the zip.
func TestCertificate_Bundle(t *testing.T) {
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		f := setup(t, s, nil)
		for name, a := range map[string]model.Actor{"manager": f.manager, "officer": f.officer} {
			if _, err := f.svc.Bundle(f.ctx, a, 1); !errors.Is(err, certificate.ErrNoneToDownload) {
				t.Fatalf("%s's zip before any is issued: %v", name, err)
			}
		}
		if certs, _ := s.Certificates(f.ctx, 1); len(certs) != 0 {
			t.Fatalf("asking for the zip issued %d certificates", len(certs))
		}
		li, _ := f.svc.List(f.ctx, f.officer, 1)
		if n, err := f.svc.Issue(f.ctx, f.officer, 1, 0); err != nil || n != len(li.Course.Completers()) {
			t.Fatalf("issued %d for %d completers: %v", n, len(li.Course.Completers()), err)
		}
		b, err := f.svc.Bundle(f.ctx, f.officer, 1)
		if err != nil || b.Count() != len(li.Course.Completers()) || b.Name != "certificates-1.zip" {
			t.Fatalf("bundle of %d for %d completers: %v", b.Count(), len(li.Course.Completers()), err)
		}
		certs, _ := s.Certificates(f.ctx, 1)
		if _, err := f.svc.Revoke(f.ctx, f.officer, certs[f.done.ID].ID, "issued in error"); err != nil {
			t.Fatal(err)
		}
		b, err = f.svc.Bundle(f.ctx, f.manager, 1)
		if err != nil || b.Count() != len(certs)-1 {
			t.Fatalf("bundle after a revocation: %d of %d, %v", b.Count(), len(certs), err)
		}
		var zip strings.Builder
		if err := b.Write(&zip); err != nil || !strings.HasPrefix(zip.String(), "PK") {
			t.Fatalf("zip: %v", err)
		}
		lines := f.audits(t, model.AuditCertificateZip)
		if len(lines) != 2 || lines[0].Values["certificates"] != strconv.Itoa(len(certs)-1) || lines[0].EntityID != 1 {
			t.Errorf("zip events %+v", lines)
		}
	})
}

// TestCertificate_RevokeAndReinstate: the reason is required and bounded,
// a revoked certificate cannot be revoked again nor a valid one
// reinstated, only editors change certificates, and the reason stays out
// of the audit log.
func TestCertificate_RevokeAndReinstate(t *testing.T) {
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		f := setup(t, s, nil)
		if _, err := f.svc.Issue(f.ctx, f.officer, 1, f.done.ID); err != nil {
			t.Fatal(err)
		}
		certs, _ := s.Certificates(f.ctx, 1)
		id := certs[f.done.ID].ID
		for reason, key := range map[string]string{"  ": "certificate.error.reason", strings.Repeat("x", 501): "certificate.error.reason_long"} {
			tid, err := f.svc.Revoke(f.ctx, f.officer, id, reason)
			if model.FieldErrors(err)["reason"] != key || tid != 1 {
				t.Errorf("reason of %d characters: %v (training %d)", len(reason), err, tid)
			}
		}
		if _, err := f.svc.Revoke(f.ctx, f.manager, id, "x"); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("a manager revoking: %v", err)
		}
		if _, err := f.svc.Reinstate(f.ctx, f.officer, id); !errors.Is(err, certificate.ErrNotRevoked) {
			t.Errorf("reinstating a valid one: %v", err)
		}
		if _, err := f.svc.Revoke(f.ctx, f.officer, id, " Yasser's name misspelt "); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.Revoke(f.ctx, f.officer, id, "again"); !errors.Is(err, certificate.ErrAlreadyRevoked) {
			t.Errorf("revoking twice: %v", err)
		}
		if row, _ := s.LockCertificate(f.ctx, id); row.RevokedReason != "Yasser's name misspelt" || row.RevokedByID == nil {
			t.Errorf("the first revocation did not stay: %+v", row)
		}
		if _, err := f.svc.Reinstate(f.ctx, f.officer, id); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.Revoke(f.ctx, f.officer, 4242, "x"); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("unknown certificate: %v", err)
		}
		for _, kind := range []model.AuditKind{model.AuditCertificateRevoke, model.AuditCertificateReinstate} {
			lines := f.audits(t, kind)
			if len(lines) != 1 || lines[0].EntityID != id || lines[0].Related["training"] != 1 || strings.Contains(lines[0].Detail, "Yasser") {
				t.Errorf("%s events %+v", kind, lines)
			}
		}
	})
}

// TestCertificate_Access: a trainer sees the attendance sheet of a training
// they facilitate but does not handle its certificates; another training
// is not found.
func TestCertificate_Access(t *testing.T) {
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		f := setup(t, s, nil)
		if _, err := f.svc.List(f.ctx, f.facilitator, 1); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("facilitator's certificates page: %v", err)
		}
		for name, a := range map[string]model.Actor{"outsider": f.outsider, "signed out": {}} {
			if _, err := f.svc.List(f.ctx, a, 1); !errors.Is(err, model.ErrNotFound) {
				t.Errorf("%s's certificates page: %v", name, err)
			}
			if _, err := f.svc.AttendanceSheet(f.ctx, a, 1, i18n.EN); !errors.Is(err, model.ErrNotFound) {
				t.Errorf("%s's attendance sheet: %v", name, err)
			}
		}
		doc, err := f.svc.AttendanceSheet(f.ctx, f.facilitator, 1, i18n.AR)
		if err != nil || doc.Name != "attendance-1-ar.pdf" || !strings.HasPrefix(string(doc.PDF), "%PDF") {
			t.Fatalf("facilitator's attendance sheet: %q, %v", doc.Name, err)
		}
		lines := f.audits(t, model.AuditAttendanceSheet)
		if len(lines) != 1 || lines[0].Values["lang"] != "ar" || lines[0].Values["people"] == "" {
			t.Errorf("attendance sheet events %+v", lines)
		}
		li, err := f.svc.List(f.ctx, f.manager, 1)
		if err != nil || li.MayIssue || li.NotIssuable != nil {
			t.Errorf("manager's listing: issue %v, not issuable %v, %v", li.MayIssue, li.NotIssuable, err)
		}
	})
}

// TestCertificate_Verify reads a code as typed from paper.
func TestCertificate_Verify(t *testing.T) {
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		f := setup(t, s, codes("7KQ2MXA93B0F"))
		if _, err := f.svc.Issue(f.ctx, f.officer, 1, f.done.ID); err != nil {
			t.Fatal(err)
		}
		check, err := f.svc.Verify(f.ctx, "7kq2-mxa9-3bof")
		if err != nil || check.Code != "7KQ2MXA93B0F" || check.NameLatin != f.done.NameLatin {
			t.Errorf("typed code: %+v, %v", check, err)
		}
		for _, code := range []string{"0000000000ZZ", "short", "<script>"} {
			if _, err := f.svc.Verify(f.ctx, code); !errors.Is(err, model.ErrNotFound) {
				t.Errorf("%q: %v", code, err)
			}
		}
	})
}
