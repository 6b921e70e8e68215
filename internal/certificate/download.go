package certificate

import (
	"bytes"
	"context"
	"fmt"

	"github.com/traindesk/traindesk/internal/model"
)

// Document is a PDF ready to send: its file name and its bytes.
type Document struct {
	Name string
	PDF  []byte
}

// Certificate hands out the certificate of registration regID on training
// trainingID as a PDF. It only hands out what was issued (see Issue): it
// changes nothing but the audit log, which records the download. A
// registration that is not live on the training is model.ErrNotFound; a
// certificate not issued, or one that cannot be drawn because the site's
// public address is not configured, is a *Refused. Revoked certificates
// are drawn too, marked as revoked.
func (s *Service) Certificate(ctx context.Context, a model.Actor, trainingID, regID int64) (Document, error) {
	var co Course
	var person Person
	var verify string
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		var err error
		if co, err = s.handled(ctx, a, trainingID); err != nil {
			return err
		}
		var ok bool
		if person, ok = co.Person(regID); !ok {
			return fmt.Errorf("certificate: registration %d on training %d: %w", regID, trainingID, model.ErrNotFound)
		}
		if verify, err = s.verifyBase(); err != nil {
			return refused(co, err)
		}
		cert, ok := co.Certs[regID]
		switch {
		case !ok && !person.Result.Completed:
			return refused(co, ErrNotCompleted)
		case !ok:
			return refused(co, ErrNotIssued)
		}
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
	if err := Write(&buf, co.Data(person, cert, verify, s.loc)); err != nil {
		return Document{}, err
	}
	return Document{Name: "certificate-" + cert.Code + ".pdf", PDF: buf.Bytes()}, nil
}
