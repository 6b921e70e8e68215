package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

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

// SubjectCertificateDownloads are the recorded downloads of the
// certificates of persons ids, one by one or in a training's zip (a zip
// holds every unrevoked certificate of its training).
func (s *Store) SubjectCertificateDownloads(ctx context.Context, ids []int64) ([]model.SubjectDisclosure, error) {
	var out []model.SubjectDisclosure
	err := s.read(ctx).Raw(`
SELECT a.at, a.action, a.user_id, COALESCE(u.name, '') AS "user", a.entity AS object, a.entity_id AS object_id
FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
WHERE (a.action = ? AND a.entity = 'certificate' AND a.entity_id IN (
    SELECT c.id FROM certificates c JOIN registrations r ON r.id = c.registration_id WHERE r.person_id IN ?))
  OR (a.action = ? AND a.entity = 'training' AND a.entity_id IN (
    SELECT r.training_id FROM certificates c JOIN registrations r ON r.id = c.registration_id WHERE r.person_id IN ?))
ORDER BY a.at, a.id`, string(model.AuditCertificateDownload), ids, string(model.AuditCertificateZip), ids).Scan(&out).Error
	return out, mapErr("subject certificate downloads", err)
}

// ContactExports are the recorded exports that held participants' phones
// and emails, each with the ids of the trainings it covered.
func (s *Store) ContactExports(ctx context.Context) ([]model.ContactExport, error) {
	var rows []struct {
		model.SubjectDisclosure
		Detail string
	}
	err := s.read(ctx).Raw(`
SELECT a.at, a.action, a.user_id, COALESCE(u.name, '') AS "user", a.entity AS object, a.entity_id AS object_id, a.detail
FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
WHERE a.action = ? ORDER BY a.at, a.id`, string(model.AuditContactExport)).Scan(&rows).Error
	if err != nil {
		return nil, mapErr("contact exports", err)
	}
	out := make([]model.ContactExport, 0, len(rows))
	for _, r := range rows {
		var d auditDetail
		if r.Detail != "" {
			if err := json.Unmarshal([]byte(r.Detail), &d); err != nil {
				return nil, fmt.Errorf("contact exports: %w", err)
			}
		}
		x := model.ContactExport{Line: r.SubjectDisclosure}
		for _, f := range strings.Split(d.Values["trainings"], ",") {
			if id, err := strconv.ParseInt(f, 10, 64); err == nil {
				x.TrainingIDs = append(x.TrainingIDs, id)
			}
		}
		out = append(out, x)
	}
	return out, nil
}

// SubjectEvidence lists the evidence files that name persons ids: the
// photos marked as showing them, and the signed attendance sheets of the
// trainings they were registered for (a sheet lists everyone registered).
func (s *Store) SubjectEvidence(ctx context.Context, ids []int64) ([]model.SubjectEvidence, error) {
	var out []model.SubjectEvidence
	err := s.read(ctx).Raw(`
SELECT e.id, e.training_id, st.date AS session_date, e.kind, e.file_name, e.sha256, e.created_at AS added_at
FROM evidence_files e LEFT JOIN sittings st ON st.id = e.sitting_id
WHERE (e.kind = ? AND e.id IN (SELECT evidence_file_id FROM evidence_persons WHERE person_id IN ?))
   OR (e.kind = ? AND e.training_id IN (SELECT training_id FROM registrations WHERE person_id IN ?))
ORDER BY e.training_id, CASE WHEN st.date IS NULL THEN 1 ELSE 0 END, st.date, e.kind, e.id`,
		model.EvidencePhoto, ids, model.EvidenceSignedSheet, ids).Scan(&out).Error
	return out, mapErr("subject evidence", err)
}
