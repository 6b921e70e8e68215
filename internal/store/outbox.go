package store

import (
	"context"
	"time"

	"gorm.io/gorm/clause"

	"github.com/traindesk/traindesk/internal/model"
)

// outboxList are the columns of a message without its rendered bytes.
var outboxList = []string{"id", "message_id", "kind", "lang", "to_addr", "to_name", "subject", "training_id",
	"registration_id", "person_id", "user_id", "version", "dedupe_key", "size", "status", "attempts", "last_error",
	"queued_by_id", "queued_at", "sent_at", "purged_at", "updated_at"}

// InsertOutbox adds a message, unless one with the same dedupe key exists:
// it reports whether it added it. It never fails on the duplicate, so a
// use case that queues many messages in one transaction keeps going.
func (s *Store) InsertOutbox(ctx context.Context, m *model.OutboxMessage) (bool, error) {
	res := s.write(ctx).Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "dedupe_key"}}, DoNothing: true}).Create(m)
	return res.RowsAffected == 1, mapErr("queue message", res.Error)
}

// OutboxMessage returns one message with its rendered bytes.
func (s *Store) OutboxMessage(ctx context.Context, id int64) (model.OutboxMessage, error) {
	var m model.OutboxMessage
	return m, mapErr("message", s.read(ctx).First(&m, id).Error)
}

// ClaimOutbox marks a queued message sent, and reports whether it was
// still queued: the claim and the record of the sending are one update,
// so of two senders only one sees true.
func (s *Store) ClaimOutbox(ctx context.Context, id int64) (bool, error) {
	now := s.Now()
	res := s.write(ctx).Model(&model.OutboxMessage{}).Where("id = ? AND status = ?", id, model.MsgQueued).
		Updates(map[string]any{"status": model.MsgSent, "sent_at": now, "attempts": clause.Expr{SQL: "attempts + 1"},
			"last_error": "", "updated_at": now})
	return res.RowsAffected == 1, mapErr("claim message", res.Error)
}

// FailOutbox records a failed attempt of a queued message: it stays
// queued with the reason, or becomes failed when final.
func (s *Store) FailOutbox(ctx context.Context, id int64, reason string, final bool) (bool, error) {
	to := model.MsgQueued
	if final {
		to = model.MsgFailed
	}
	res := s.write(ctx).Model(&model.OutboxMessage{}).Where("id = ? AND status = ?", id, model.MsgQueued).
		Updates(map[string]any{"status": to, "attempts": clause.Expr{SQL: "attempts + 1"}, "last_error": reason, "updated_at": s.Now()})
	return res.RowsAffected == 1, mapErr("record a failed attempt", res.Error)
}

// MoveOutbox changes a message's status when it is one of from, with the
// reason kept as its last error (or cleared), and reports whether it did.
func (s *Store) MoveOutbox(ctx context.Context, id int64, from []model.MessageStatus, to model.MessageStatus, reason string) (bool, error) {
	res := s.write(ctx).Model(&model.OutboxMessage{}).Where("id = ? AND status IN ?", id, from).
		Updates(map[string]any{"status": to, "last_error": reason, "updated_at": s.Now()})
	return res.RowsAffected == 1, mapErr("move message", res.Error)
}

// ListOutbox lists messages, newest first, without their bytes.
func (s *Store) ListOutbox(ctx context.Context, f model.OutboxFilter) ([]model.OutboxMessage, int64, error) {
	q := s.read(ctx).Model(&model.OutboxMessage{})
	if f.Status != "" {
		q = q.Where("status = ?", f.Status)
	}
	if f.Kind != "" {
		q = q.Where("kind = ?", f.Kind)
	}
	if f.TrainingID != 0 {
		q = q.Where("training_id = ?", f.TrainingID)
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, mapErr("count messages", err)
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 50
	}
	var out []model.OutboxMessage
	err := q.Select(outboxList).Order("queued_at DESC, id DESC").Limit(f.Limit).Offset(max(f.Offset, 0)).Find(&out).Error
	return out, total, mapErr("list messages", err)
}

// OutboxCounts counts messages by status, for one training or all (0).
func (s *Store) OutboxCounts(ctx context.Context, trainingID int64) (map[model.MessageStatus]int64, error) {
	var rows []struct {
		Status model.MessageStatus
		N      int64
	}
	q := s.read(ctx).Model(&model.OutboxMessage{}).Select("status, COUNT(*) AS n").Group("status")
	if trainingID != 0 {
		q = q.Where("training_id = ?", trainingID)
	}
	if err := q.Scan(&rows).Error; err != nil {
		return nil, mapErr("count messages", err)
	}
	out := map[model.MessageStatus]int64{}
	for _, r := range rows {
		out[r.Status] = r.N
	}
	return out, nil
}

// TrainingMessages lists a training's messages of the given kinds, oldest
// first, without their bytes.
func (s *Store) TrainingMessages(ctx context.Context, trainingID int64, kinds []model.MessageKind) ([]model.OutboxMessage, error) {
	var out []model.OutboxMessage
	err := s.read(ctx).Select(outboxList).Where("training_id = ? AND kind IN ?", trainingID, kinds).
		Order("queued_at, id").Find(&out).Error
	return out, mapErr("training messages", err)
}

// PurgeOutbox empties the rendered bytes of messages queued before
// before, except those still waiting to be sent. The cut is compared in
// UTC, as times are stored: SQLite compares them as text, and a cut in
// another zone would purge hours early.
func (s *Store) PurgeOutbox(ctx context.Context, before time.Time) (int64, error) {
	res := s.write(ctx).Model(&model.OutboxMessage{}).
		Where("queued_at < ? AND purged_at IS NULL AND status <> ?", before.UTC(), model.MsgQueued).
		Updates(map[string]any{"raw": nil, "purged_at": s.Now()})
	return res.RowsAffected, mapErr("purge messages", res.Error)
}

// Recipients lists the people registered on a training with what their
// messages need.
func (s *Store) Recipients(ctx context.Context, trainingID int64) ([]model.Recipient, error) {
	var out []model.Recipient
	err := s.read(ctx).Raw(`
SELECT r.id AS registration_id, r.person_id, r.status, p.name_latin, p.name_arabic, p.email, p.lang, p.agency_id
FROM registrations r JOIN persons p ON p.id = r.person_id
WHERE r.training_id = ? ORDER BY LOWER(p.name_latin), p.name_arabic, r.id`, trainingID).Scan(&out).Error
	return out, mapErr("recipients", err)
}
