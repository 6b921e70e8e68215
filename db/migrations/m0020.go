package migrations

import (
	"time"

	"gorm.io/gorm"
)

// m0020Retention is how long personal data is kept: one row, absent
// until an administrator first saves it (the defaults then apply).
type m0020Retention struct {
	ID           int64 `gorm:"primaryKey"`
	ContactYears int   `gorm:"not null"`
	OutboxDays   int   `gorm:"not null"`
	UpdatedByID  *int64
	UpdatedAt    time.Time `gorm:"not null"`
}

func (m0020Retention) TableName() string { return "retention_settings" }

func m0020(tx *gorm.DB) error { return createTables(tx, &m0020Retention{}) }
