package migrations

import (
	"time"

	"gorm.io/gorm"
)

// m0014Questionnaire is a questionnaire of a training that participants
// answer on their own phones: a pre-test, a post-test or an evaluation.
// Its questions are kept as one JSON document (Questions) together with
// the text the officer typed them as (Source), because they are always
// read and written whole.
type m0014Questionnaire struct {
	ID         int64          `gorm:"primaryKey"`
	TrainingID int64          `gorm:"not null;uniqueIndex:ux_questionnaires_training_kind"`
	Training   *m0014Training `gorm:"constraint:OnDelete:CASCADE"`
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

func (m0014Questionnaire) TableName() string { return "questionnaires" }

// m0014Response is one participant's answers. RegistrationID is empty for
// an anonymous evaluation; who answered it is then only in
// m0014Respondent, with no link to the answers.
type m0014Response struct {
	ID              int64               `gorm:"primaryKey"`
	QuestionnaireID int64               `gorm:"not null;uniqueIndex:ux_questionnaire_responses_reg"`
	Questionnaire   *m0014Questionnaire `gorm:"constraint:OnDelete:CASCADE"`
	RegistrationID  *int64              `gorm:"uniqueIndex:ux_questionnaire_responses_reg"`
	Registration    *m0014Registration  `gorm:"constraint:OnDelete:CASCADE"`
	Answers         string              `gorm:"type:text;not null"`
	Score           *float64            `gorm:""`
	SubmittedAt     time.Time           `gorm:"not null"`
}

func (m0014Response) TableName() string { return "questionnaire_responses" }

// m0014Respondent records that a registration answered a questionnaire,
// so that an anonymous one is answered once and the trainer sees who has
// not answered yet.
type m0014Respondent struct {
	QuestionnaireID int64               `gorm:"primaryKey;autoIncrement:false"`
	Questionnaire   *m0014Questionnaire `gorm:"constraint:OnDelete:CASCADE"`
	RegistrationID  int64               `gorm:"primaryKey;autoIncrement:false"`
	Registration    *m0014Registration  `gorm:"constraint:OnDelete:CASCADE"`
}

func (m0014Respondent) TableName() string { return "questionnaire_respondents" }

// m0014Assessment adds where each score came from: "" when typed on the
// scores table, "questionnaire" when a closed questionnaire wrote it.
type m0014Assessment struct {
	PreSource  string `gorm:"size:16;not null;default:''"`
	PostSource string `gorm:"size:16;not null;default:''"`
	SatSource  string `gorm:"size:16;not null;default:''"`
}

func (m0014Assessment) TableName() string { return "assessments" }

// m0014Training and m0014Registration are the targets of the foreign keys.
type m0014Training struct {
	ID int64 `gorm:"primaryKey"`
}

func (m0014Training) TableName() string { return "trainings" }

type m0014Registration struct {
	ID int64 `gorm:"primaryKey"`
}

func (m0014Registration) TableName() string { return "registrations" }

func m0014(tx *gorm.DB) error {
	if err := createTables(tx, &m0014Questionnaire{}, &m0014Response{}, &m0014Respondent{}); err != nil {
		return err
	}
	for _, col := range []string{"PreSource", "PostSource", "SatSource"} {
		if err := tx.Migrator().AddColumn(&m0014Assessment{}, col); err != nil {
			return err
		}
	}
	return nil
}
