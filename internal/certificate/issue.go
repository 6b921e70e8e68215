package certificate

import (
	"context"
	"errors"
	"fmt"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// codeAttempts bounds how often a new code is drawn after a collision.
// With 60 random bits a second draw is already astronomically unlikely; a
// bound keeps a broken code source from looping for ever.
const codeAttempts = 8

// Issue issues the missing certificates on training trainingID: that of
// registration regID, or, when regID is 0, those of every participant who
// completed. It is the only way a certificate comes to be (a POST, never a
// download), and it returns how many it issued now: 0 when every one asked
// for existed already. A registration that is not live on the training is
// model.ErrNotFound; nobody to issue to, or a refusal by the rules of issue,
// is a *Refused.
func (s *Service) Issue(ctx context.Context, a model.Actor, trainingID, regID int64) (int, error) {
	var n int
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		co, err := s.handled(ctx, a, trainingID)
		if err != nil {
			return err
		}
		people := co.Completers()
		if regID != 0 {
			p, ok := co.Person(regID)
			if !ok {
				return fmt.Errorf("certificate: registration %d on training %d: %w", regID, trainingID, model.ErrNotFound)
			}
			people = []Person{p}
		}
		if len(people) == 0 {
			return refused(co, ErrNoneCompleted)
		}
		n, err = s.issue(ctx, a, &co, people...)
		return refused(co, err)
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// issue makes sure each of people has a certificate, inside the caller's
// transaction, records the new ones in co and counts them. The rules, in
// the order they answer:
//
//   - a certificate issued earlier is never issued again, and stays valid
//     until it is revoked, even if a later correction of the roll changed
//     the verdict;
//   - only a participant who completed gets one (ErrNotCompleted);
//   - only editors issue (model.ErrForbidden);
//   - only when the site's public address is known (ErrNoAddress), so that
//     a certificate never exists that cannot be drawn with a true link;
//   - only when the course is issuable (see Course.Issuable).
func (s *Service) issue(ctx context.Context, a model.Actor, co *Course, people ...Person) (int, error) {
	var missing []Person
	for _, p := range people {
		if _, ok := co.Certs[p.ID]; ok {
			continue
		}
		if !p.Result.Completed {
			return 0, ErrNotCompleted
		}
		missing = append(missing, p)
	}
	if len(missing) == 0 {
		return 0, nil
	}
	if !auth.Allow(a.User, auth.EditTrainings, object(co.T)) {
		return 0, fmt.Errorf("certificate: issue on training %d: %w", co.T.ID, model.ErrForbidden)
	}
	if _, err := s.verifyBase(); err != nil {
		return 0, err
	}
	if err := co.Issuable(s.today()); err != nil {
		return 0, err
	}
	n := 0
	for _, p := range missing {
		cert, created, err := s.insert(ctx, p.ID)
		if err != nil {
			return 0, err
		}
		co.Certs[p.ID] = cert
		if !created {
			continue
		}
		n++
		err = s.store.RecordAudit(ctx, model.AuditEvent{Kind: model.AuditCertificateIssue, Actor: a,
			Object:  model.AuditObject{Type: "certificate", ID: cert.ID},
			Related: map[string]int64{"training": co.T.ID, "registration": p.ID},
			Values:  map[string]string{"code": cert.Code}})
		if err != nil {
			return 0, err
		}
	}
	return n, nil
}

// insert gives registration regID a certificate with a fresh code. The
// insert does nothing on a clash: either another request issued the same
// certificate first, which is then the one (created is false), or the code
// is taken, and another is drawn.
func (s *Service) insert(ctx context.Context, regID int64) (cert model.Certificate, created bool, err error) {
	for range codeAttempts {
		code, err := s.newCode()
		if err != nil {
			return cert, false, fmt.Errorf("certificate: code: %w", err)
		}
		cert = model.Certificate{RegistrationID: regID, Code: code}
		ok, err := s.store.InsertCertificate(ctx, &cert)
		if err != nil || ok {
			return cert, ok, err
		}
		have, err := s.store.CertificateOfRegistration(ctx, regID)
		if err == nil {
			return have, false, nil
		} else if !errors.Is(err, model.ErrNotFound) {
			return cert, false, err
		}
	}
	return model.Certificate{}, false, fmt.Errorf("certificate: no free code for registration %d after %d attempts: %w",
		regID, codeAttempts, model.ErrConflict)
}
