package store

import (
	"context"

	"gorm.io/gorm/clause"

	"github.com/traindesk/traindesk/internal/model"
)

// PrivacyNotice returns the privacy notice; one never saved is the zero
// value (the catalogues' default text is then shown).
func (s *Store) PrivacyNotice(ctx context.Context) (model.PrivacyNotice, error) {
	var n model.PrivacyNotice
	err := s.read(ctx).Where("id = 1").Limit(1).Find(&n).Error
	return n, mapErr("privacy notice", err)
}

// SavePrivacyNotice writes the privacy notice (its one row).
func (s *Store) SavePrivacyNotice(ctx context.Context, n *model.PrivacyNotice) error {
	n.ID, n.UpdatedAt = 1, s.Now()
	up := clause.OnConflict{Columns: []clause.Column{{Name: "id"}}, UpdateAll: true} // PostgreSQL needs the target
	return mapErr("save privacy notice", s.write(ctx).Clauses(up).Create(n).Error)
}
