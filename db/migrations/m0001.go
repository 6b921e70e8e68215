package migrations

import (
	"time"

	"gorm.io/gorm"
)

type m0001User struct {
	ID           int64  `gorm:"primaryKey"`
	Email        string `gorm:"size:254;not null;uniqueIndex:ux_users_email"`
	Name         string `gorm:"size:120;not null"`
	Role         string `gorm:"size:32;not null"`
	PasswordHash string `gorm:"size:100;not null"`
	Active       bool   `gorm:"not null;default:true"`
	Locale       string `gorm:"size:8;not null;default:''"`
	CreatedAt    time.Time
	UpdatedAt    time.Time
	LastLoginAt  *time.Time
}

func (m0001User) TableName() string { return "users" }

type m0001Login struct {
	ID         string     `gorm:"primaryKey;size:64"` // SHA-256 of the cookie's token
	UserID     int64      `gorm:"not null;index:ix_logins_user"`
	User       *m0001User `gorm:"constraint:OnDelete:CASCADE"`
	CreatedAt  time.Time  `gorm:"not null"`
	LastSeenAt time.Time  `gorm:"not null"`
	ExpiresAt  time.Time  `gorm:"not null"`
	RevokedAt  *time.Time
	IP         string `gorm:"size:64;not null;default:''"`
	UserAgent  string `gorm:"size:255;not null;default:''"`
}

func (m0001Login) TableName() string { return "logins" }

type m0001Audit struct {
	ID       int64      `gorm:"primaryKey"`
	At       time.Time  `gorm:"not null;index:ix_audit_at"`
	UserID   *int64     `gorm:"index:ix_audit_user"`
	User     *m0001User `gorm:"constraint:OnDelete:SET NULL"`
	Action   string     `gorm:"size:64;not null"`
	Entity   string     `gorm:"size:64;not null;index:ix_audit_entity,priority:1"`
	EntityID int64      `gorm:"not null;default:0;index:ix_audit_entity,priority:2"`
	Detail   string     `gorm:"type:text;not null;default:''"`
	IP       string     `gorm:"size:64;not null;default:''"`
}

func (m0001Audit) TableName() string { return "audit_log" }

type m0001Governorate struct {
	ID     int64  `gorm:"primaryKey;autoIncrement:false"`
	Code   string `gorm:"size:8;not null;uniqueIndex:ux_governorates_code"`
	NameEn string `gorm:"size:80;not null"`
	NameAr string `gorm:"size:80;not null"`
}

func (m0001Governorate) TableName() string { return "governorates" }

type m0001SDG struct {
	ID      int64  `gorm:"primaryKey;autoIncrement:false"`
	TitleEn string `gorm:"size:200;not null"`
	TitleAr string `gorm:"size:200;not null;default:''"`
}

func (m0001SDG) TableName() string { return "sdgs" }

type m0001GCM struct {
	ID      int64  `gorm:"primaryKey;autoIncrement:false"`
	TitleEn string `gorm:"size:300;not null"`
	TitleAr string `gorm:"size:300;not null;default:''"`
}

func (m0001GCM) TableName() string { return "gcm_objectives" }

type m0001Thematic struct {
	ID         int64  `gorm:"primaryKey"`
	NameEn     string `gorm:"size:120;not null"`
	NameAr     string `gorm:"size:120;not null;default:''"`
	ArchivedAt *time.Time
}

func (m0001Thematic) TableName() string { return "thematic_areas" }

func m0001(tx *gorm.DB) error {
	return createTables(tx, &m0001User{}, &m0001Login{}, &m0001Audit{},
		&m0001Governorate{}, &m0001SDG{}, &m0001GCM{}, &m0001Thematic{})
}
