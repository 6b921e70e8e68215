package store

import (
	"context"
	"fmt"
	"strings"

	"gorm.io/gorm/clause"

	"github.com/traindesk/traindesk/internal/model"
)

// codeAttempts bounds how often IssueCertificates draws a new code after a
// collision. With 60 random bits a second draw is already astronomically
// unlikely; a bound keeps a broken code source from looping for ever.
const codeAttempts = 8

// Certificates lists a training's certificates by registration.
func (s *Store) Certificates(ctx context.Context, trainingID int64) (map[int64]model.Certificate, error) {
	var rows []model.Certificate
	err := s.read(ctx).Raw(`SELECT c.* FROM certificates c JOIN registrations r ON r.id = c.registration_id
WHERE r.training_id = ?`, trainingID).Scan(&rows).Error
	out := make(map[int64]model.Certificate, len(rows))
	for _, c := range rows {
		out[c.RegistrationID] = c
	}
	return out, mapErr("certificates", err)
}

// IssueCertificates gives every registration in regIDs a certificate
// unless it has one already, in one transaction, and returns the
// certificates of all of them with the ids of the ones it created. It is
// idempotent: asking twice, or from two requests at once, yields one
// certificate per registration. newCode draws a candidate code; a code
// that is taken is drawn again.
func (s *Store) IssueCertificates(ctx context.Context, regIDs []int64, newCode func() (string, error)) (map[int64]model.Certificate, []int64, error) {
	out := make(map[int64]model.Certificate, len(regIDs))
	var created []int64
	err := s.Tx(ctx, func(ctx context.Context) error {
		for _, id := range uniq(regIDs) {
			c, isNew, err := s.issueOne(ctx, id, newCode)
			if err != nil {
				return err
			}
			out[id] = c
			if isNew {
				created = append(created, c.ID)
			}
		}
		return nil
	})
	return out, created, err
}

// issueOne returns the registration's certificate, creating it if needed.
// The insert does nothing on a clash, whether another request issued the
// same certificate first or the code is taken; reading again tells which.
func (s *Store) issueOne(ctx context.Context, regID int64, newCode func() (string, error)) (model.Certificate, bool, error) {
	for range codeAttempts {
		var have model.Certificate
		if err := s.write(ctx).Where("registration_id = ?", regID).Limit(1).Find(&have).Error; err != nil {
			return have, false, mapErr("find certificate", err)
		}
		if have.ID != 0 {
			return have, false, nil
		}
		code, err := newCode()
		if err != nil {
			return have, false, fmt.Errorf("store: certificate code: %w", err)
		}
		c := model.Certificate{RegistrationID: regID, Code: code, IssuedAt: s.Now()}
		res := s.write(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&c)
		if res.Error != nil {
			return c, false, mapErr("issue certificate", res.Error)
		}
		if res.RowsAffected == 1 {
			return c, true, nil
		}
	}
	return model.Certificate{}, false, fmt.Errorf("store: no free certificate code after %d attempts: %w", codeAttempts, model.ErrConflict)
}

// CertificateByID returns one certificate and its training.
func (s *Store) CertificateByID(ctx context.Context, id int64) (model.CertificateRow, error) {
	var c model.CertificateRow
	err := s.read(ctx).Raw(`SELECT c.*, r.training_id FROM certificates c JOIN registrations r ON r.id = c.registration_id
WHERE c.id = ?`, id).Scan(&c).Error
	if err == nil && c.ID == 0 {
		err = model.ErrNotFound
	}
	return c, mapErr("certificate", err)
}

// CertificateByCode looks a certificate up by its exact code. The codes
// are random and indexed, so the lookup says nothing about codes near it.
func (s *Store) CertificateByCode(ctx context.Context, code string) (model.CertificateCheck, error) {
	var c model.CertificateCheck
	err := s.read(ctx).Raw(`
SELECT c.code, c.issued_at, c.revoked_at, p.name_latin, p.name_arabic, t.title, t.starts_on, t.ends_on
FROM certificates c JOIN registrations r ON r.id = c.registration_id
JOIN persons p ON p.id = r.person_id JOIN trainings t ON t.id = r.training_id
WHERE c.code = ?`, code).Scan(&c).Error
	if err == nil && c.Code == "" {
		err = model.ErrNotFound
	}
	return c, mapErr("certificate by code", err)
}

// RevokeCertificate withdraws a certificate, with the reason and who did
// it. Revoking a revoked certificate is a conflict, so that the first
// reason and date stay.
func (s *Store) RevokeCertificate(ctx context.Context, id int64, reason string, by *int64) error {
	reason = strings.TrimSpace(reason)
	res := s.write(ctx).Model(&model.Certificate{}).Where("id = ? AND revoked_at IS NULL", id).
		Updates(map[string]any{"revoked_at": s.Now(), "revoked_reason": reason, "revoked_by_id": by})
	return s.changed(ctx, "revoke certificate", id, res.Error, res.RowsAffected)
}

// ReinstateCertificate makes a revoked certificate valid again, for a
// revocation made in error.
func (s *Store) ReinstateCertificate(ctx context.Context, id int64) error {
	res := s.write(ctx).Model(&model.Certificate{}).Where("id = ? AND revoked_at IS NOT NULL", id).
		Updates(map[string]any{"revoked_at": nil, "revoked_reason": "", "revoked_by_id": nil})
	return s.changed(ctx, "reinstate certificate", id, res.Error, res.RowsAffected)
}

// changed maps an update that touched no row to not found (no such
// certificate) or conflict (it is not in the state the change needs).
func (s *Store) changed(ctx context.Context, op string, id int64, err error, rows int64) error {
	if err != nil || rows > 0 {
		return mapErr(op, err)
	}
	var n int64
	if err := s.read(ctx).Model(&model.Certificate{}).Where("id = ?", id).Count(&n).Error; err != nil {
		return mapErr(op, err)
	}
	if n == 0 {
		return mapErr(op, model.ErrNotFound)
	}
	return mapErr(op, model.ErrConflict)
}
