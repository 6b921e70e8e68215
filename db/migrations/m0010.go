package migrations

import (
	"time"

	"gorm.io/gorm"
)

// m0010Token is a personal API token as this migration creates it.
type m0010Token struct {
	ID           int64     `gorm:"primaryKey"`
	UserID       int64     `gorm:"not null;index:ix_api_tokens_user"`
	User         m0001User `gorm:"foreignKey:UserID;constraint:OnDelete:CASCADE"`
	Name         string    `gorm:"size:100;not null"`
	Hash         string    `gorm:"size:64;not null;uniqueIndex:ux_api_tokens_hash"`
	Prefix       string    `gorm:"size:16;not null"`
	Scope        string    `gorm:"size:20;not null;default:'read'"`
	PersonalData bool      `gorm:"not null;default:false"`
	ExpiresAt    time.Time `gorm:"not null"`
	RevokedAt    *time.Time
	LastUsedAt   *time.Time
	CreatedAt    time.Time `gorm:"not null"`
}

func (m0010Token) TableName() string { return "api_tokens" }

// m0010Minute counts a token's requests in one minute, for the rate limit
// that every instance shares through the database.
type m0010Minute struct {
	TokenID int64      `gorm:"primaryKey;autoIncrement:false"`
	Token   m0010Token `gorm:"foreignKey:TokenID;constraint:OnDelete:CASCADE"`
	Minute  int64      `gorm:"primaryKey;autoIncrement:false"` // Unix time / 60
	Hits    int        `gorm:"not null"`
}

func (m0010Minute) TableName() string { return "api_token_minutes" }

func m0010(tx *gorm.DB) error {
	return createTables(tx, &m0010Token{}, &m0010Minute{})
}
