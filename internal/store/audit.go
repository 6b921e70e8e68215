package store

import (
	"context"
	"encoding/json"

	"github.com/traindesk/traindesk/internal/model"
)

// auditDetail is how an event's ids, changed fields and values are kept in
// the audit_log.detail column.
type auditDetail struct {
	Related map[string]int64  `json:"related,omitempty"`
	Changed []string          `json:"changed,omitempty"`
	Values  map[string]string `json:"values,omitempty"`
}

// RecordAudit writes one audit event. Called with a transaction's context,
// it is saved or rolled back with the change it records.
func (s *Store) RecordAudit(ctx context.Context, ev model.AuditEvent) error {
	ev.Normalize()
	d := ""
	if len(ev.Related) > 0 || len(ev.Changed) > 0 || len(ev.Values) > 0 {
		b, err := json.Marshal(auditDetail{Related: ev.Related, Changed: ev.Changed, Values: ev.Values})
		if err != nil {
			return err
		}
		d = string(b)
	}
	e := model.AuditEntry{At: s.Now(), UserID: ev.Actor.UserID(), Action: string(ev.Kind), Entity: ev.Object.Type,
		EntityID: ev.Object.ID, Detail: d, IP: ev.Actor.IP}
	return mapErr("audit", s.write(ctx).Create(&e).Error)
}

// AuditLog lists the newest entries first, and counts all that match.
func (s *Store) AuditLog(ctx context.Context, f model.AuditFilter) ([]model.AuditLine, int64, error) {
	q := s.read(ctx).Table("audit_log a").Joins("LEFT JOIN users u ON u.id = a.user_id")
	if f.UserID != nil {
		q = q.Where("a.user_id = ?", *f.UserID)
	}
	if f.Kind != "" {
		q = q.Where("a.action = ?", string(f.Kind))
	}
	if f.ObjectType != "" {
		q = q.Where("a.entity = ?", f.ObjectType)
	}
	if f.ObjectID != 0 {
		q = q.Where("a.entity_id = ?", f.ObjectID)
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, mapErr("count audit", err)
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 50
	}
	var rows []struct {
		model.AuditEntry
		UserName string
	}
	err := q.Select("a.*, COALESCE(u.name, '') AS user_name").Order("a.at DESC, a.id DESC").
		Limit(f.Limit).Offset(f.Offset).Scan(&rows).Error
	if err != nil {
		return nil, 0, mapErr("audit log", err)
	}
	out := make([]model.AuditLine, len(rows))
	for i, r := range rows {
		out[i] = model.AuditLine{AuditEntry: r.AuditEntry, UserName: r.UserName}
		var d auditDetail
		if r.Detail != "" && json.Unmarshal([]byte(r.Detail), &d) == nil {
			out[i].Related, out[i].Changed, out[i].Values = d.Related, d.Changed, d.Values
		}
	}
	return out, total, nil
}
