package migrations

import "gorm.io/gorm"

type m0021EvidenceFile struct {
	ID int64 `gorm:"primaryKey"`
}

func (m0021EvidenceFile) TableName() string { return "evidence_files" }

type m0021Person struct {
	ID int64 `gorm:"primaryKey"`
}

func (m0021Person) TableName() string { return "persons" }

// m0021EvidencePerson says that an evidence photo shows a registered
// participant. Deleting either side removes the line: a deleted photo
// names nobody, and the tag never outlives what it joins.
type m0021EvidencePerson struct {
	EvidenceFileID int64              `gorm:"primaryKey;autoIncrement:false"`
	EvidenceFile   *m0021EvidenceFile `gorm:"constraint:OnDelete:CASCADE"`
	PersonID       int64              `gorm:"primaryKey;autoIncrement:false;index:ix_evidence_persons_person"`
	Person         *m0021Person       `gorm:"constraint:OnDelete:CASCADE"`
}

func (m0021EvidencePerson) TableName() string { return "evidence_persons" }

func m0021(tx *gorm.DB) error { return createTables(tx, &m0021EvidencePerson{}) }
