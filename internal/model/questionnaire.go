package model

import (
	"strconv"
	"strings"
	"time"
)

// QuizKind is what a questionnaire is for.
type QuizKind string

// The kinds of questionnaire; a training has at most one of each.
const (
	QuizPre        QuizKind = "pre"
	QuizPost       QuizKind = "post"
	QuizEvaluation QuizKind = "evaluation"
	// QuizFollowUp is the questionnaire sent months after a training; it
	// is built by the follow-up job, never on the builder's form, so it is
	// not among QuizKinds.
	QuizFollowUp QuizKind = "followup"
)

// QuizKinds lists the kinds in the order pages show them.
var QuizKinds = []QuizKind{QuizPre, QuizPost, QuizEvaluation}

// ParseQuizKind returns the kind named s.
func ParseQuizKind(s string) (QuizKind, bool) {
	for _, k := range QuizKinds {
		if string(k) == s {
			return k, true
		}
	}
	return "", false
}

// Graded reports whether the kind is a test, scored from 0 to 100.
func (k QuizKind) Graded() bool { return k == QuizPre || k == QuizPost }

// QuizState is where a questionnaire is in its life: built (draft), being
// answered (open), or done (closed). Only an open one takes answers.
type QuizState string

// The states of a questionnaire.
const (
	QuizDraft  QuizState = "draft"
	QuizOpen   QuizState = "open"
	QuizClosed QuizState = "closed"
)

// QuestionKind is how a question is answered.
type QuestionKind string

// The kinds of question.
const (
	QChoice QuestionKind = "choice" // pick one or several of the choices
	QTrue   QuestionKind = "tf"     // true or false
	QNumber QuestionKind = "number" // a short number
	QRating QuestionKind = "rating" // 1 (strongly disagree) to 5 (strongly agree)
	QText   QuestionKind = "text"   // free text, never graded
)

// Bilingual is a text in English and in Arabic.
type Bilingual struct {
	EN string `json:"en"`
	AR string `json:"ar"`
}

// Choice is one answer a choice question offers.
type Choice struct {
	Text  Bilingual `json:"text"`
	Right bool      `json:"right,omitempty"`
}

// Question is one question of a questionnaire. A test's question has a
// right answer: the choices marked Right, True, or Number.
type Question struct {
	Kind    QuestionKind `json:"kind"`
	Text    Bilingual    `json:"text"`
	Choices []Choice     `json:"choices,omitempty"`
	True    *bool        `json:"true,omitempty"`
	Number  *float64     `json:"number,omitempty"`
}

// Multiple reports whether a choice question has several right answers,
// so that the page offers boxes to tick rather than one to pick.
func (q Question) Multiple() bool {
	n := 0
	for _, c := range q.Choices {
		if c.Right {
			n++
		}
	}
	return n > 1
}

// Graded reports whether the question has a right answer.
func (q Question) Graded() bool {
	switch q.Kind {
	case QTrue:
		return q.True != nil
	case QNumber:
		return q.Number != nil
	case QChoice:
		for _, c := range q.Choices {
			if c.Right {
				return true
			}
		}
	}
	return false
}

// Questionnaire is a pre-test, post-test or evaluation of a training.
type Questionnaire struct {
	ID         int64
	TrainingID int64
	Kind       QuizKind
	State      QuizState
	Anonymous  bool
	Source     string
	Questions  []Question `gorm:"serializer:json"`
	OpenedAt   *time.Time
	ClosedAt   *time.Time
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// QuizInput is a questionnaire as typed on the builder's form.
type QuizInput struct {
	Kind      string
	Source    string
	Anonymous bool
}

// ParseQuestions reads the builder's text, one line at a time:
//
//	Q: question | سؤال       a choice question; its choices follow,
//	+ right | صحيح            "+" for a right one,
//	- wrong | خطأ             "-" for another
//	TF: statement | عبارة     true or false, followed by "= true" or "= false"
//	N: question | سؤال        a number, followed by "= 42"
//	R: statement | عبارة      a rating from 1 to 5 (evaluations)
//	T: question | سؤال        free text (evaluations)
//
// Every text needs its English and its Arabic, either side of "|". A
// test's questions all need a right answer; an evaluation's choices none.
// On a mistake it returns the message key and the line's number.
func ParseQuestions(src string, kind QuizKind) ([]Question, string, int) {
	var qs []Question
	for i, raw := range strings.Split(src, "\n") {
		line := strings.TrimSpace(raw)
		if line == "" {
			continue
		}
		n := i + 1
		head, rest, _ := strings.Cut(line, ":")
		if k, ok := questionHeads[strings.ToUpper(strings.TrimSpace(head))]; ok && !strings.HasPrefix(line, "=") {
			text, ok := bilingual(rest)
			if !ok {
				return nil, "quiz.error.both_languages", n
			}
			if kind.Graded() && (k == QRating || k == QText) {
				return nil, "quiz.error.test_kind", n
			}
			qs = append(qs, Question{Kind: k, Text: text})
			continue
		}
		if len(qs) == 0 {
			return nil, "quiz.error.no_question", n
		}
		if msg := qs[len(qs)-1].addLine(line); msg != "" {
			return nil, msg, n
		}
	}
	if len(qs) == 0 {
		return nil, "quiz.error.empty", 0
	}
	for _, q := range qs {
		if msg := q.complete(kind); msg != "" {
			return nil, msg, 0
		}
	}
	return qs, "", 0
}

var questionHeads = map[string]QuestionKind{"Q": QChoice, "TF": QTrue, "N": QNumber, "R": QRating, "T": QText}

// addLine adds a choice or a right answer to q.
func (q *Question) addLine(line string) string {
	switch {
	case q.Kind == QChoice && (line[0] == '+' || line[0] == '-'):
		text, ok := bilingual(line[1:])
		if !ok {
			return "quiz.error.both_languages"
		}
		q.Choices = append(q.Choices, Choice{Text: text, Right: line[0] == '+'})
	case q.Kind == QTrue && line[0] == '=':
		v := strings.ToLower(strings.TrimSpace(line[1:]))
		if v != "true" && v != "false" {
			return "quiz.error.true_false"
		}
		b := v == "true"
		q.True = &b
	case q.Kind == QNumber && line[0] == '=':
		v, err := strconv.ParseFloat(strings.TrimSpace(strings.Replace(line[1:], ",", ".", 1)), 64)
		if err != nil {
			return "quiz.error.number"
		}
		q.Number = &v
	default:
		return "quiz.error.line"
	}
	return ""
}

// complete checks a question once all its lines are read.
func (q Question) complete(kind QuizKind) string {
	if q.Kind == QChoice && len(q.Choices) < 2 {
		return "quiz.error.choices"
	}
	if kind.Graded() && !q.Graded() {
		return "quiz.error.right_answer"
	}
	return ""
}

// bilingual splits "English | عربي".
func bilingual(s string) (Bilingual, bool) {
	en, ar, ok := strings.Cut(s, "|")
	b := Bilingual{EN: strings.TrimSpace(en), AR: strings.TrimSpace(ar)}
	return b, ok && b.EN != "" && b.AR != "" && len(b.EN) <= 500 && len(b.AR) <= 1000
}
