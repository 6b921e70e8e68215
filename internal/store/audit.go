package store

import (
	"context"
	"encoding/json"

	"github.com/traindesk/traindesk/internal/model"
)

// Audit writes one line of the audit log. detail is stored as JSON.
func (s *Store) Audit(ctx context.Context, userID *int64, ip, action, entity string, entityID int64, detail any) error {
	d := ""
	if detail != nil {
		b, err := json.Marshal(detail)
		if err != nil {
			return err
		}
		d = string(b)
	}
	e := model.AuditEntry{At: s.Now(), UserID: userID, Action: action, Entity: entity, EntityID: entityID, Detail: d, IP: ip}
	return mapErr("audit", s.write(ctx).Create(&e).Error)
}

// AuditFilter narrows the audit log.
type AuditFilter struct {
	UserID *int64
	Entity string
	Action string
	Limit  int
	Offset int
}

// AuditLine is an audit entry with the user's name.
type AuditLine struct {
	model.AuditEntry
	UserName string
}

// AuditLog lists the newest entries first, and counts all that match.
func (s *Store) AuditLog(ctx context.Context, f AuditFilter) ([]AuditLine, int64, error) {
	q := s.read(ctx).Table("audit_log a").Joins("LEFT JOIN users u ON u.id = a.user_id")
	if f.UserID != nil {
		q = q.Where("a.user_id = ?", *f.UserID)
	}
	if f.Entity != "" {
		q = q.Where("a.entity = ?", f.Entity)
	}
	if f.Action != "" {
		q = q.Where("a.action = ?", f.Action)
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, mapErr("count audit", err)
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 50
	}
	var out []AuditLine
	err := q.Select("a.*, COALESCE(u.name, '') AS user_name").Order("a.at DESC, a.id DESC").
		Limit(f.Limit).Offset(f.Offset).Scan(&out).Error
	return out, total, mapErr("audit log", err)
}
