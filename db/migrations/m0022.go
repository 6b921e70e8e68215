package migrations

import "gorm.io/gorm"

// m0022Retention adds how long photos showing a person are kept after
// their last training; 0 (rows saved before) means the default.
type m0022Retention struct {
	PhotoYears int `gorm:"not null;default:0"`
}

func (m0022Retention) TableName() string { return "retention_settings" }

func m0022(tx *gorm.DB) error { return tx.Migrator().AddColumn(&m0022Retention{}, "PhotoYears") }
