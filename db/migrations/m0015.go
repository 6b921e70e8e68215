package migrations

import (
	"time"

	"gorm.io/gorm"
)

type m0015Training struct {
	ID int64 `gorm:"primaryKey"`
}

func (m0015Training) TableName() string { return "trainings" }

type m0015Sitting struct {
	ID int64 `gorm:"primaryKey"`
}

func (m0015Sitting) TableName() string { return "sittings" }

type m0015User struct {
	ID int64 `gorm:"primaryKey"`
}

func (m0015User) TableName() string { return "users" }

// m0015EvidenceFile is one evidence file of a training or of one of its
// sessions. The bytes are in file storage (a folder or a bucket) under
// storage_key; the row says who added it, when, what it shows and its
// checksum.
type m0015EvidenceFile struct {
	ID           int64          `gorm:"primaryKey"`
	TrainingID   int64          `gorm:"not null;index:ix_evidence_training"`
	Training     *m0015Training `gorm:"constraint:OnDelete:RESTRICT"`
	SittingID    *int64         `gorm:"index:ix_evidence_sitting"`
	Sitting      *m0015Sitting  `gorm:"constraint:OnDelete:SET NULL"`
	Kind         string         `gorm:"size:24;not null"`
	Caption      string         `gorm:"size:200;not null;default:''"`
	FileName     string         `gorm:"size:255;not null"`
	ContentType  string         `gorm:"size:120;not null"`
	Size         int64          `gorm:"not null"`
	SHA256       string         `gorm:"column:sha256;size:64;not null"`
	StorageKey   string         `gorm:"size:80;not null;uniqueIndex:ux_evidence_key"`
	ThumbKey     string         `gorm:"size:80;not null;default:''"`
	UploadedByID *int64         `gorm:""`
	UploadedBy   *m0015User     `gorm:"constraint:OnDelete:SET NULL"`
	CreatedAt    time.Time      `gorm:"not null"`
}

func (m0015EvidenceFile) TableName() string { return "evidence_files" }

// m0015Person adds when a person's identity was erased: the record stays,
// under a pseudonym, so that the donor's counts do not change.
type m0015Person struct {
	ErasedAt *time.Time
}

func (m0015Person) TableName() string { return "persons" }

func m0015(tx *gorm.DB) error {
	if err := createTables(tx, &m0015EvidenceFile{}); err != nil {
		return err
	}
	return tx.Migrator().AddColumn(&m0015Person{}, "ErasedAt")
}
