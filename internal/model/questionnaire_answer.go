package model

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// MaxTextAnswer is the longest free-text answer kept, in characters.
const MaxTextAnswer = 2000

// Answers are a participant's answers by question number (from 0): the
// chosen choices' numbers, "true"/"false", a number, a rating or a text.
type Answers map[int][]string

// QuizResponse is one stored set of answers. RegistrationID is nil for an
// anonymous evaluation.
type QuizResponse struct {
	ID              int64
	QuestionnaireID int64
	RegistrationID  *int64
	Answers         Answers `gorm:"serializer:json"`
	Score           *float64
	Used            *bool // a follow-up's answer: the skills were used
	SubmittedAt     time.Time
}

// TableName is the responses' table, created by db/migrations.
func (QuizResponse) TableName() string { return "questionnaire_responses" }

// TableName is the questionnaires' table, created by db/migrations.
func (Questionnaire) TableName() string { return "questionnaires" }

// CheckAnswers keeps what typed says for each question and checks it: a
// question other than free text must be answered, with one of its own
// choices, a number, or a rating from 1 to 5. Errors are keyed "q_<n>".
func CheckAnswers(qs []Question, typed Answers) (Answers, map[string]string) {
	out, errs := Answers{}, map[string]string{}
	for i, q := range qs {
		vals := nonEmpty(typed[i])
		field := "q_" + strconv.Itoa(i)
		if len(vals) == 0 {
			if q.Kind != QText {
				errs[field] = "quiz.error.answer_missing"
			}
			continue
		}
		if msg := q.check(vals); msg != "" {
			errs[field] = msg
			continue
		}
		out[i] = vals
	}
	return out, errs
}

func (q Question) check(vals []string) string {
	if q.Kind != QChoice || !q.Multiple() {
		if len(vals) > 1 {
			return "quiz.error.answer_one"
		}
	}
	v := vals[0]
	switch q.Kind {
	case QChoice:
		for _, s := range vals {
			n, err := strconv.Atoi(s)
			if err != nil || n < 0 || n >= len(q.Choices) {
				return "quiz.error.answer_choice"
			}
		}
	case QTrue:
		if v != "true" && v != "false" {
			return "quiz.error.answer_choice"
		}
	case QNumber:
		if _, ok := parseNumber(v); !ok {
			return "quiz.error.answer_number"
		}
	case QRating:
		if n, err := strconv.Atoi(v); err != nil || n < 1 || n > 5 {
			return "quiz.error.answer_choice"
		}
	case QText:
		if len([]rune(v)) > MaxTextAnswer {
			return "quiz.error.answer_long"
		}
	}
	return ""
}

func parseNumber(s string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.TrimSpace(strings.Replace(s, ",", ".", 1)), 64)
	return v, err == nil && !math.IsNaN(v) && !math.IsInf(v, 0)
}

func nonEmpty(vals []string) []string {
	var out []string
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// Correct reports whether vals answer q rightly: every right choice and
// no other, the right truth, or the right number.
func (q Question) Correct(vals []string) bool {
	if len(vals) == 0 {
		return false
	}
	switch q.Kind {
	case QChoice:
		var want, got []string
		for i, c := range q.Choices {
			if c.Right {
				want = append(want, strconv.Itoa(i))
			}
		}
		got = slices.Clone(vals)
		slices.Sort(got)
		got = slices.Compact(got)
		return slices.Equal(want, got)
	case QTrue:
		return q.True != nil && vals[0] == strconv.FormatBool(*q.True)
	case QNumber:
		v, ok := parseNumber(vals[0])
		return ok && q.Number != nil && math.Abs(v-*q.Number) < 1e-9
	}
	return false
}

// Score is the share of a test's graded questions answered rightly, from 0
// to 100 with one decimal; nil when nothing is graded.
func Score(qs []Question, a Answers) *float64 {
	graded, right := 0, 0
	for i, q := range qs {
		if !q.Graded() {
			continue
		}
		graded++
		if q.Correct(a[i]) {
			right++
		}
	}
	if graded == 0 {
		return nil
	}
	s := math.Round(float64(right)*1000/float64(graded)) / 10
	return &s
}
