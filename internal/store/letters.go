package store

import (
	"context"

	"gorm.io/gorm/clause"

	"github.com/traindesk/traindesk/internal/model"
)

// InsertLetter adds a nomination letter; a reference number already taken
// is model.ErrConflict.
func (s *Store) InsertLetter(ctx context.Context, l *model.NominationLetter) error {
	return mapErr("add letter", s.write(ctx).Create(l).Error)
}

// LastLetterReference returns the highest reference number that starts
// with prefix, or "".
func (s *Store) LastLetterReference(ctx context.Context, prefix string) (string, error) {
	var refs []string
	err := s.read(ctx).Model(&model.NominationLetter{}).Where("reference LIKE ?", prefix+"%").
		Order("reference DESC").Limit(1).Pluck("reference", &refs).Error
	if err != nil || len(refs) == 0 {
		return "", mapErr("letter references", err)
	}
	return refs[0], nil
}

// Letters lists a training's letters, newest first, with who made and
// sent them.
func (s *Store) Letters(ctx context.Context, trainingID int64) ([]model.LetterRow, error) {
	var out []model.LetterRow
	err := s.read(ctx).Raw(`
SELECT l.*, COALESCE(c.name, '') AS created_by, COALESCE(u.name, '') AS sent_by
FROM nomination_letters l LEFT JOIN users c ON c.id = l.created_by_id LEFT JOIN users u ON u.id = l.sent_by_id
WHERE l.training_id = ? ORDER BY l.id DESC`, trainingID).Scan(&out).Error
	return out, mapErr("letters", err)
}

// Letter returns one letter.
func (s *Store) Letter(ctx context.Context, id int64) (model.NominationLetter, error) {
	var l model.NominationLetter
	return l, mapErr("letter", s.read(ctx).First(&l, id).Error)
}

// MarkLetterSent records that a letter was sent, by whom, when and how,
// unless it was recorded already; it reports whether it did.
func (s *Store) MarkLetterSent(ctx context.Context, id int64, by *int64, via string, outbox *int64) (bool, error) {
	res := s.write(ctx).Model(&model.NominationLetter{}).Where("id = ? AND sent_at IS NULL", id).
		Updates(map[string]any{"sent_by_id": by, "sent_at": s.Now(), "sent_via": via, "outbox_id": outbox})
	return res.RowsAffected == 1, mapErr("record letter sent", res.Error)
}

// Letterhead returns the letterhead; one never saved is the zero value.
func (s *Store) Letterhead(ctx context.Context) (model.Letterhead, error) {
	var l model.Letterhead
	err := s.read(ctx).Where("id = 1").Limit(1).Find(&l).Error
	return l, mapErr("letterhead", err)
}

// SaveLetterhead writes the letterhead (its one row).
func (s *Store) SaveLetterhead(ctx context.Context, l *model.Letterhead) error {
	l.ID, l.UpdatedAt = 1, s.Now()
	up := clause.OnConflict{Columns: []clause.Column{{Name: "id"}}, UpdateAll: true} // PostgreSQL needs the target
	return mapErr("save letterhead", s.write(ctx).Clauses(up).Create(l).Error)
}

// ReminderSettings returns a training's reminder settings, or the defaults
// when none were saved.
func (s *Store) ReminderSettings(ctx context.Context, trainingID int64) (model.ReminderSettings, error) {
	var rs []model.ReminderSettings
	if err := s.read(ctx).Where("training_id = ?", trainingID).Limit(1).Find(&rs).Error; err != nil {
		return model.ReminderSettings{}, mapErr("reminder settings", err)
	}
	if len(rs) == 0 {
		return model.DefaultReminders(trainingID), nil
	}
	return rs[0], nil
}

// SaveReminderSettings writes a training's reminder settings.
func (s *Store) SaveReminderSettings(ctx context.Context, r *model.ReminderSettings) error {
	r.UpdatedAt = s.Now()
	up := clause.OnConflict{Columns: []clause.Column{{Name: "training_id"}}, UpdateAll: true} // PostgreSQL needs the target
	return mapErr("save reminder settings", s.write(ctx).Clauses(up).Create(r).Error)
}

// SittingsFrom lists the live sessions dated from first to last of
// trainings in one of statuses, by date and hour.
func (s *Store) SittingsFrom(ctx context.Context, first, last model.Date, statuses []model.TrainingStatus) ([]model.Sitting, error) {
	var out []model.Sitting
	err := s.read(ctx).Raw(`
SELECT s.* FROM sittings s JOIN trainings t ON t.id = s.training_id
WHERE s.deleted_at IS NULL AND s.date >= ? AND s.date <= ? AND t.status IN ?
ORDER BY s.date, s.starts_at, s.id`, first, last, statuses).Scan(&out).Error
	return out, mapErr("sessions due", err)
}

// SaveFeed sets a user's calendar feed token (its hash), replacing any
// earlier one.
func (s *Store) SaveFeed(ctx context.Context, f *model.CalendarFeed) error {
	f.CreatedAt = s.Now()
	up := clause.OnConflict{Columns: []clause.Column{{Name: "user_id"}}, UpdateAll: true} // PostgreSQL needs the target
	return mapErr("save feed", s.write(ctx).Clauses(up).Create(f).Error)
}

// Feed returns a user's calendar feed; none is model.ErrNotFound.
func (s *Store) Feed(ctx context.Context, userID int64) (model.CalendarFeed, error) {
	var f model.CalendarFeed
	return f, mapErr("feed", s.read(ctx).Where("user_id = ?", userID).First(&f).Error)
}

// FeedByHash returns the feed whose token hashes to hash.
func (s *Store) FeedByHash(ctx context.Context, hash string) (model.CalendarFeed, error) {
	var f model.CalendarFeed
	return f, mapErr("feed", s.read(ctx).Where("token_hash = ?", hash).First(&f).Error)
}

// DeleteFeed removes a user's feed and reports whether there was one.
func (s *Store) DeleteFeed(ctx context.Context, userID int64) (bool, error) {
	res := s.write(ctx).Where("user_id = ?", userID).Delete(&model.CalendarFeed{})
	return res.RowsAffected == 1, mapErr("delete feed", res.Error)
}

// FacilitatedSittings lists the live sessions of the trainings a user
// facilitates that are neither drafts nor cancelled.
func (s *Store) FacilitatedSittings(ctx context.Context, userID int64) ([]model.FeedSitting, error) {
	var out []model.FeedSitting
	err := s.read(ctx).Raw(`
SELECT s.*, t.title_en, t.title_ar, t.venue_en, t.venue_ar, t.city, t.status, t.updated_at AS training_updated
FROM sittings s JOIN trainings t ON t.id = s.training_id
JOIN training_facilitators f ON f.training_id = t.id AND f.user_id = ?
WHERE s.deleted_at IS NULL AND t.status NOT IN ('draft', 'cancelled')
ORDER BY s.date, s.starts_at, s.id`, userID).Scan(&out).Error
	return out, mapErr("facilitated sessions", err)
}

// NewsItems returns a training's saved news items by language.
func (s *Store) NewsItems(ctx context.Context, trainingID int64) (map[string]model.NewsItem, error) {
	var rows []model.NewsItem
	if err := s.read(ctx).Where("training_id = ?", trainingID).Find(&rows).Error; err != nil {
		return nil, mapErr("news items", err)
	}
	out := map[string]model.NewsItem{}
	for _, r := range rows {
		out[r.Lang] = r
	}
	return out, nil
}

// SaveNews writes a training's news item in one language.
func (s *Store) SaveNews(ctx context.Context, n *model.NewsItem) error {
	n.UpdatedAt = s.Now()
	// The conflict target is named: PostgreSQL needs it, and the model
	// declares no primary key for gorm to infer it from.
	up := clause.OnConflict{Columns: []clause.Column{{Name: "training_id"}, {Name: "lang"}},
		DoUpdates: clause.AssignmentColumns([]string{"body", "updated_by_id", "updated_at"})}
	return mapErr("save news item", s.write(ctx).Clauses(up).Create(n).Error)
}
