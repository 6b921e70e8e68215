package store

import (
	"context"

	"github.com/traindesk/traindesk/internal/model"
)

// SubjectMarks are the attendance marks of persons ids.
func (s *Store) SubjectMarks(ctx context.Context, ids []int64) ([]model.SubjectMark, error) {
	var out []model.SubjectMark
	err := s.read(ctx).Raw(`
SELECT r.training_id, st.date, a.status, a.recorded_at
FROM attendance a JOIN registrations r ON r.id = a.registration_id JOIN sittings st ON st.id = a.sitting_id
WHERE r.person_id IN ? ORDER BY st.date, a.id`, ids).Scan(&out).Error
	return out, mapErr("subject marks", err)
}

// SubjectScores are the test scores and ratings of persons ids.
func (s *Store) SubjectScores(ctx context.Context, ids []int64) ([]model.SubjectScore, error) {
	var out []model.SubjectScore
	err := s.read(ctx).Raw(`
SELECT r.training_id, x.pre_score, x.post_score, x.satisfaction
FROM assessments x JOIN registrations r ON r.id = x.registration_id
WHERE r.person_id IN ? ORDER BY r.training_id`, ids).Scan(&out).Error
	return out, mapErr("subject scores", err)
}

// SubjectCertificates are the certificates of persons ids.
func (s *Store) SubjectCertificates(ctx context.Context, ids []int64) ([]model.SubjectCertificate, error) {
	var out []model.SubjectCertificate
	err := s.read(ctx).Raw(`
SELECT r.training_id, c.code, c.issued_at, c.revoked_at
FROM certificates c JOIN registrations r ON r.id = c.registration_id
WHERE r.person_id IN ? ORDER BY c.issued_at`, ids).Scan(&out).Error
	return out, mapErr("subject certificates", err)
}

// SubjectMessages are the messages the outbox holds for persons ids.
func (s *Store) SubjectMessages(ctx context.Context, ids []int64) ([]model.SubjectMessage, error) {
	var out []model.SubjectMessage
	err := s.read(ctx).Raw(`
SELECT m.training_id, m.kind, m.lang, m.to_addr, m.subject, m.status, m.queued_at, m.sent_at
FROM outbox_messages m WHERE m.person_id IN ? ORDER BY m.queued_at, m.id`, ids).Scan(&out).Error
	return out, mapErr("subject messages", err)
}

// SubjectAudit is the audit trail of persons ids' records: each line whose
// object is one of them.
func (s *Store) SubjectAudit(ctx context.Context, ids []int64) ([]model.SubjectAuditLine, error) {
	var out []model.SubjectAuditLine
	err := s.read(ctx).Raw(`
SELECT a.at, a.action, a.user_id, COALESCE(u.name, '') AS "user"
FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
WHERE a.entity = 'person' AND a.entity_id IN ? ORDER BY a.at, a.id`, ids).Scan(&out).Error
	return out, mapErr("subject audit", err)
}

// DeletePersonMessages removes the messages the outbox holds for persons
// ids, and says how many went.
func (s *Store) DeletePersonMessages(ctx context.Context, ids []int64) (int64, error) {
	res := s.write(ctx).Where("person_id IN ?", ids).Delete(&model.OutboxMessage{})
	return res.RowsAffected, mapErr("delete person messages", res.Error)
}
