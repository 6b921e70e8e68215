package store

import (
	"context"
	"strings"

	"gorm.io/gorm/clause"

	"github.com/traindesk/traindesk/internal/model"
)

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

// InsertCertificate inserts c, issued now, unless its registration has a
// certificate already or its code is taken: the unique indexes decide,
// whichever request comes first. It reports whether c was inserted.
func (s *Store) InsertCertificate(ctx context.Context, c *model.Certificate) (bool, error) {
	c.ID, c.IssuedAt = 0, s.Now()
	res := s.write(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(c)
	if res.Error != nil {
		return false, mapErr("insert certificate", res.Error)
	}
	return res.RowsAffected == 1, nil
}

// CertificateOfRegistration returns a registration's certificate, or
// model.ErrNotFound.
func (s *Store) CertificateOfRegistration(ctx context.Context, regID int64) (model.Certificate, error) {
	var c model.Certificate
	err := s.write(ctx).Where("registration_id = ?", regID).Limit(1).Find(&c).Error
	if err == nil && c.ID == 0 {
		err = model.ErrNotFound
	}
	return c, mapErr("certificate of registration", err)
}

// LockCertificate returns one certificate and its training. Inside a
// transaction the row stays locked until the transaction ends, so that a
// change decided on what was read cannot race another (PostgreSQL locks
// the row; SQLite's transactions hold the database's write lock already).
func (s *Store) LockCertificate(ctx context.Context, id int64) (model.CertificateRow, error) {
	q := `SELECT c.*, r.training_id FROM certificates c JOIN registrations r ON r.id = c.registration_id
WHERE c.id = ?`
	if s.dialect == "postgres" && InTx(ctx) {
		q += " FOR UPDATE OF c"
	}
	var c model.CertificateRow
	err := s.write(ctx).Raw(q, id).Scan(&c).Error
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
SELECT c.code, c.issued_at, c.revoked_at, p.name_latin, p.name_arabic, t.title_en, t.title_ar, t.starts_on, t.ends_on
FROM certificates c JOIN registrations r ON r.id = c.registration_id
JOIN persons p ON p.id = r.person_id JOIN trainings t ON t.id = r.training_id
WHERE c.code = ?`, code).Scan(&c).Error
	if err == nil && c.Code == "" {
		err = model.ErrNotFound
	}
	return c, mapErr("certificate by code", err)
}

// RevokeCertificate marks a certificate revoked now, with the reason and
// who did it.
func (s *Store) RevokeCertificate(ctx context.Context, id int64, reason string, by *int64) error {
	res := s.write(ctx).Model(&model.Certificate{}).Where("id = ?", id).
		Updates(map[string]any{"revoked_at": s.Now(), "revoked_reason": strings.TrimSpace(reason), "revoked_by_id": by})
	return certUpdated("revoke certificate", res.Error, res.RowsAffected)
}

// ReinstateCertificate clears a certificate's revocation.
func (s *Store) ReinstateCertificate(ctx context.Context, id int64) error {
	res := s.write(ctx).Model(&model.Certificate{}).Where("id = ?", id).
		Updates(map[string]any{"revoked_at": nil, "revoked_reason": "", "revoked_by_id": nil})
	return certUpdated("reinstate certificate", res.Error, res.RowsAffected)
}

// certUpdated maps an update of one row that touched none to not found.
func certUpdated(op string, err error, rows int64) error {
	if err == nil && rows == 0 {
		err = model.ErrNotFound
	}
	return mapErr(op, err)
}
