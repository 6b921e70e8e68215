package certificate

import (
	"bytes"
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

// Document is a PDF ready to send: its file name and its bytes.
type Document struct {
	Name string
	PDF  []byte
}

// Certificate hands out the certificate of registration regID on training
// trainingID as a PDF, issuing it first when it is missing (see issue).
// verifyBase is the absolute address of the verification pages
// ("https://host/verify/"), which the QR code leads to. A registration
// that is not live on the training is model.ErrNotFound; a refusal is a
// *Refused.
func (s *Service) Certificate(ctx context.Context, a model.Actor, trainingID, regID int64, verifyBase string) (Document, error) {
	var co Course
	var person Person
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		var err error
		if co, err = s.handled(ctx, a, trainingID); err != nil {
			return err
		}
		var ok bool
		if person, ok = co.Person(regID); !ok {
			return fmt.Errorf("certificate: registration %d on training %d: %w", regID, trainingID, model.ErrNotFound)
		}
		if err := s.issue(ctx, a, &co, person); err != nil {
			return refused(co, err)
		}
		cert := co.Certs[regID]
		return s.store.RecordAudit(ctx, model.AuditEvent{Kind: model.AuditCertificateDownload, Actor: a,
			Object:  model.AuditObject{Type: "certificate", ID: cert.ID},
			Related: map[string]int64{"training": trainingID, "registration": regID}})
	})
	if err != nil {
		return Document{}, err
	}
	// The PDF is drawn after the transaction, so that drawing does not
	// hold the database's write lock.
	cert := co.Certs[regID]
	var buf bytes.Buffer
	if err := Write(&buf, co.Data(person, cert, verifyBase, s.loc)); err != nil {
		return Document{}, err
	}
	return Document{Name: "certificate-" + cert.Code + ".pdf", PDF: buf.Bytes()}, nil
}

// issue makes sure each of people has a certificate, inside the caller's
// transaction, and records the new ones in co. The rules, in the order
// they answer:
//
//   - a certificate issued earlier is never issued again, and stays valid
//     until it is revoked, even if a later correction of the roll changed
//     the verdict;
//   - only a participant who completed gets one (ErrNotCompleted);
//   - only editors issue (model.ErrForbidden), so a manager asking for a
//     missing certificate is refused;
//   - only when the course is issuable (see Course.Issuable).
func (s *Service) issue(ctx context.Context, a model.Actor, co *Course, people ...Person) error {
	var missing []Person
	for _, p := range people {
		if _, ok := co.Certs[p.ID]; ok {
			continue
		}
		if !p.Result.Completed {
			return ErrNotCompleted
		}
		missing = append(missing, p)
	}
	if len(missing) == 0 {
		return nil
	}
	if !auth.Allow(a.User, auth.EditTrainings, object(co.T)) {
		return fmt.Errorf("certificate: issue on training %d: %w", co.T.ID, model.ErrForbidden)
	}
	if err := co.Issuable(s.today()); err != nil {
		return err
	}
	for _, p := range missing {
		cert, created, err := s.insert(ctx, p.ID)
		if err != nil {
			return err
		}
		co.Certs[p.ID] = cert
		if !created {
			continue
		}
		err = s.store.RecordAudit(ctx, model.AuditEvent{Kind: model.AuditCertificateIssue, Actor: a,
			Object:  model.AuditObject{Type: "certificate", ID: cert.ID},
			Related: map[string]int64{"training": co.T.ID, "registration": p.ID},
			Values:  map[string]string{"code": cert.Code}})
		if err != nil {
			return err
		}
	}
	return nil
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
