package migrations

import (
	"time"

	"gorm.io/gorm"
)

type m0016Training struct {
	ID int64 `gorm:"primaryKey"`
}

func (m0016Training) TableName() string { return "trainings" }

type m0016Sitting struct {
	ID int64 `gorm:"primaryKey"`
}

func (m0016Sitting) TableName() string { return "sittings" }

type m0016User struct {
	ID int64 `gorm:"primaryKey"`
}

func (m0016User) TableName() string { return "users" }

// m0016EvidenceFile is one evidence file of a training or of one of its
// sessions. The bytes are in file storage (a folder or a bucket) under
// storage_key; the row says who added it, when, what it shows and its
// checksum.
type m0016EvidenceFile struct {
	ID           int64          `gorm:"primaryKey"`
	TrainingID   int64          `gorm:"not null;index:ix_evidence_training"`
	Training     *m0016Training `gorm:"constraint:OnDelete:RESTRICT"`
	SittingID    *int64         `gorm:"index:ix_evidence_sitting"`
	Sitting      *m0016Sitting  `gorm:"constraint:OnDelete:SET NULL"`
	Kind         string         `gorm:"size:24;not null"`
	Caption      string         `gorm:"size:200;not null;default:''"`
	FileName     string         `gorm:"size:255;not null"`
	ContentType  string         `gorm:"size:120;not null"`
	Size         int64          `gorm:"not null"`
	SHA256       string         `gorm:"column:sha256;size:64;not null"`
	StorageKey   string         `gorm:"size:80;not null;uniqueIndex:ux_evidence_key"`
	ThumbKey     string         `gorm:"size:80;not null;default:''"`
	UploadedByID *int64         `gorm:""`
	UploadedBy   *m0016User     `gorm:"constraint:OnDelete:SET NULL"`
	CreatedAt    time.Time      `gorm:"not null"`
}

func (m0016EvidenceFile) TableName() string { return "evidence_files" }

// m0016Person adds when a person's identity was erased: the record stays,
// under a pseudonym, so that the donor's counts do not change.
type m0016Person struct {
	ErasedAt *time.Time
}

func (m0016Person) TableName() string { return "persons" }

func m0016(tx *gorm.DB) error {
	if err := createTables(tx, &m0016EvidenceFile{}); err != nil {
		return err
	}
	return tx.Migrator().AddColumn(&m0016Person{}, "ErasedAt")
}
