package migrations

import (
	"time"

	"gorm.io/gorm"
)

// m0011Questionnaire is a questionnaire of a training that participants
// answer on their own phones: a pre-test, a post-test or an evaluation.
// Its questions are kept as one JSON document (Questions) together with
// the text the officer typed them as (Source), because they are always
// read and written whole.
type m0011Questionnaire struct {
	ID         int64          `gorm:"primaryKey"`
	TrainingID int64          `gorm:"not null;uniqueIndex:ux_questionnaires_training_kind"`
	Training   *m0011Training `gorm:"constraint:OnDelete:CASCADE"`
	Kind       string         `gorm:"size:16;not null;uniqueIndex:ux_questionnaires_training_kind"`
	State      string         `gorm:"size:16;not null"`
	Anonymous  bool           `gorm:"not null;default:false"`
	Source     string         `gorm:"type:text;not null;default:''"`
	Questions  string         `gorm:"type:text;not null;default:''"`
	OpenedAt   *time.Time     `gorm:""`
	ClosedAt   *time.Time     `gorm:""`
	CreatedAt  time.Time      `gorm:"not null"`
	UpdatedAt  time.Time      `gorm:"not null"`
}

func (m0011Questionnaire) TableName() string { return "questionnaires" }

// m0011Response is one participant's answers. RegistrationID is empty for
// an anonymous evaluation; who answered it is then only in
// m0011Respondent, with no link to the answers.
type m0011Response struct {
	ID              int64               `gorm:"primaryKey"`
	QuestionnaireID int64               `gorm:"not null;uniqueIndex:ux_questionnaire_responses_reg"`
	Questionnaire   *m0011Questionnaire `gorm:"constraint:OnDelete:CASCADE"`
	RegistrationID  *int64              `gorm:"uniqueIndex:ux_questionnaire_responses_reg"`
	Registration    *m0011Registration  `gorm:"constraint:OnDelete:CASCADE"`
	Answers         string              `gorm:"type:text;not null"`
	Score           *float64            `gorm:""`
	SubmittedAt     time.Time           `gorm:"not null"`
}

func (m0011Response) TableName() string { return "questionnaire_responses" }

// m0011Respondent records that a registration answered a questionnaire,
// so that an anonymous one is answered once and the trainer sees who has
// not answered yet.
type m0011Respondent struct {
	QuestionnaireID int64               `gorm:"primaryKey;autoIncrement:false"`
	Questionnaire   *m0011Questionnaire `gorm:"constraint:OnDelete:CASCADE"`
	RegistrationID  int64               `gorm:"primaryKey;autoIncrement:false"`
	Registration    *m0011Registration  `gorm:"constraint:OnDelete:CASCADE"`
}

func (m0011Respondent) TableName() string { return "questionnaire_respondents" }

// m0011Assessment adds where each score came from: "" when typed on the
// scores table, "questionnaire" when a closed questionnaire wrote it.
type m0011Assessment struct {
	PreSource  string `gorm:"size:16;not null;default:''"`
	PostSource string `gorm:"size:16;not null;default:''"`
	SatSource  string `gorm:"size:16;not null;default:''"`
}

func (m0011Assessment) TableName() string { return "assessments" }

// m0011Training and m0011Registration are the targets of the foreign keys.
type m0011Training struct {
	ID int64 `gorm:"primaryKey"`
}

func (m0011Training) TableName() string { return "trainings" }

type m0011Registration struct {
	ID int64 `gorm:"primaryKey"`
}

func (m0011Registration) TableName() string { return "registrations" }

func m0011(tx *gorm.DB) error {
	if err := createTables(tx, &m0011Questionnaire{}, &m0011Response{}, &m0011Respondent{}); err != nil {
		return err
	}
	for _, col := range []string{"PreSource", "PostSource", "SatSource"} {
		if err := tx.Migrator().AddColumn(&m0011Assessment{}, col); err != nil {
			return err
		}
	}
	return nil
}
