package certificate

import (
	"context"
	"fmt"
	"strings"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// maxReason bounds a revocation's reason, in characters.
const maxReason = 500

// Revoke withdraws certificate id with a reason, which the certificates
// page shows and the verification page does not. It returns the
// certificate's training, also when the revocation is refused, so that the
// page can be shown again: a missing or too long reason is a
// *model.ValidationError on "reason"; revoking a revoked certificate is
// ErrAlreadyRevoked, so that the first reason and date stay.
func (s *Service) Revoke(ctx context.Context, a model.Actor, id int64, reason string) (trainingID int64, err error) {
	err = s.store.Tx(ctx, func(ctx context.Context) error {
		row, err := s.editable(ctx, a, id)
		if err != nil {
			return err
		}
		trainingID = row.TrainingID
		reason = strings.TrimSpace(reason)
		errs := model.Errors{}
		switch {
		case reason == "":
			errs.Add("reason", "certificate.error.reason")
		case len([]rune(reason)) > maxReason:
			errs.Add("reason", "certificate.error.reason_long")
		}
		if err := errs.Err(); err != nil {
			return err
		}
		if row.RevokedAt != nil {
			return ErrAlreadyRevoked
		}
		if err := s.store.RevokeCertificate(ctx, id, reason, a.UserID()); err != nil {
			return err
		}
		// The reason is free text and may name people: it stays out of
		// the audit log.
		return s.record(ctx, a, model.AuditCertificateRevoke, row)
	})
	return trainingID, err
}

// Reinstate makes a revoked certificate valid again, for a revocation made
// in error; a valid one is ErrNotRevoked. It returns the certificate's
// training.
func (s *Service) Reinstate(ctx context.Context, a model.Actor, id int64) (trainingID int64, err error) {
	err = s.store.Tx(ctx, func(ctx context.Context) error {
		row, err := s.editable(ctx, a, id)
		if err != nil {
			return err
		}
		trainingID = row.TrainingID
		if row.RevokedAt == nil {
			return ErrNotRevoked
		}
		if err := s.store.ReinstateCertificate(ctx, id); err != nil {
			return err
		}
		return s.record(ctx, a, model.AuditCertificateReinstate, row)
	})
	return trainingID, err
}

// editable locks certificate id for a change by a, who must edit its
// training.
func (s *Service) editable(ctx context.Context, a model.Actor, id int64) (model.CertificateRow, error) {
	row, err := s.store.LockCertificate(ctx, id)
	if err != nil {
		return row, err
	}
	t, err := s.training(ctx, a, row.TrainingID)
	if err != nil {
		return row, err
	}
	if !auth.Allow(a.User, auth.EditTrainings, object(t)) {
		return row, fmt.Errorf("certificate: change certificate %d: %w", id, model.ErrForbidden)
	}
	return row, nil
}

// record writes a change of certificate row to the audit log.
func (s *Service) record(ctx context.Context, a model.Actor, kind model.AuditKind, row model.CertificateRow) error {
	return s.store.RecordAudit(ctx, model.AuditEvent{Kind: kind, Actor: a,
		Object:  model.AuditObject{Type: "certificate", ID: row.ID},
		Related: map[string]int64{"training": row.TrainingID, "registration": row.RegistrationID}})
}
