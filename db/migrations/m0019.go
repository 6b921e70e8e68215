package migrations

import (
	"time"

	"gorm.io/gorm"
)

type m0019Training struct {
	ID int64 `gorm:"primaryKey"`
}

func (m0019Training) TableName() string { return "trainings" }

type m0019Questionnaire struct {
	ID int64 `gorm:"primaryKey"`
}

func (m0019Questionnaire) TableName() string { return "questionnaires" }

// m0019FollowUp is a training's follow-up months after it: the delay the
// officer chose (0, 3 or 6 months), the follow-up questionnaire once the
// daily job has built it, and when the mail and its one reminder were
// queued, so that a second run sends nothing.
type m0019FollowUp struct {
	TrainingID      int64               `gorm:"primaryKey;autoIncrement:false"`
	Training        *m0019Training      `gorm:"constraint:OnDelete:CASCADE"`
	Months          int                 `gorm:"not null;default:0"`
	QuestionnaireID *int64              `gorm:""`
	Questionnaire   *m0019Questionnaire `gorm:"constraint:OnDelete:SET NULL"`
	SentAt          *time.Time          `gorm:""`
	RemindedAt      *time.Time          `gorm:""`
	UpdatedAt       time.Time           `gorm:"not null"`
}

func (m0019FollowUp) TableName() string { return "training_followups" }

// m0019Response adds a follow-up answer's "did you use what you learned",
// so that the donor report counts it with one SQL aggregate.
type m0019Response struct {
	Used *bool `gorm:""`
}

func (m0019Response) TableName() string { return "questionnaire_responses" }

type m0019Thematic struct {
	ID int64 `gorm:"primaryKey"`
}

func (m0019Thematic) TableName() string { return "thematic_areas" }

// m0019BankEntry is a questionnaire's questions kept in the bank of a
// thematic area, as the builder's text, so that another training of the
// same area starts from them. Kind is "test" (a pre- or post-test) or
// "evaluation".
type m0019BankEntry struct {
	ID             int64          `gorm:"primaryKey"`
	ThematicAreaID int64          `gorm:"not null;index:ix_question_bank_area"`
	ThematicArea   *m0019Thematic `gorm:"constraint:OnDelete:CASCADE"`
	Kind           string         `gorm:"size:16;not null"`
	TitleEn        string         `gorm:"size:300;not null;default:''"`
	TitleAr        string         `gorm:"size:300;not null;default:''"`
	Source         string         `gorm:"type:text;not null"`
	Questions      int            `gorm:"not null"`
	CreatedAt      time.Time      `gorm:"not null"`
}

func (m0019BankEntry) TableName() string { return "question_bank" }

func m0019(tx *gorm.DB) error {
	if err := createTables(tx, &m0019FollowUp{}, &m0019BankEntry{}); err != nil {
		return err
	}
	return tx.Migrator().AddColumn(&m0019Response{}, "Used")
}
