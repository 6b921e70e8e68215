package model

import "time"

// BankEntry is a questionnaire's questions kept in the bank of a thematic
// area, as the builder's text. Kind is BankTest (pre- and post-tests share
// their entries) or BankEvaluation.
type BankEntry struct {
	ID             int64
	ThematicAreaID int64
	Kind           string
	TitleEn        string // the training it was saved from
	TitleAr        string
	Source         string
	Questions      int
	CreatedAt      time.Time
}

// TableName is the bank's table, created by db/migrations.
func (BankEntry) TableName() string { return "question_bank" }

// The kinds of bank entry.
const (
	BankTest       = "test"
	BankEvaluation = "evaluation"
)

// BankKind is the bank a questionnaire of kind k goes to, or "" for one
// that is never banked (a follow-up).
func BankKind(k QuizKind) string {
	switch k {
	case QuizPre, QuizPost:
		return BankTest
	case QuizEvaluation:
		return BankEvaluation
	}
	return ""
}
