package migrations

import (
	"time"

	"gorm.io/gorm"
)

// m0018Person adds the lawful basis a person's data is held on: which
// basis, since when, for what purpose and who recorded it.
type m0018Person struct {
	LawfulBasis  string `gorm:"size:24;not null;default:''"`
	BasisOn      string `gorm:"size:10"`
	BasisPurpose string `gorm:"size:200;not null;default:''"`
	BasisByID    *int64
}

func (m0018Person) TableName() string { return "persons" }

// m0018PrivacyNotice is the privacy notice in both languages: one row,
// absent until an administrator first saves it.
type m0018PrivacyNotice struct {
	ID          int64  `gorm:"primaryKey"`
	TextEn      string `gorm:"type:text;not null;default:''"`
	TextAr      string `gorm:"type:text;not null;default:''"`
	UpdatedByID *int64
	UpdatedAt   time.Time `gorm:"not null"`
}

func (m0018PrivacyNotice) TableName() string { return "privacy_notices" }

func m0018(tx *gorm.DB) error {
	for _, col := range []string{"LawfulBasis", "BasisOn", "BasisPurpose", "BasisByID"} {
		if err := tx.Migrator().AddColumn(&m0018Person{}, col); err != nil {
			return err
		}
	}
	return createTables(tx, &m0018PrivacyNotice{})
}
