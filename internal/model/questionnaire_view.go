package model

import "strconv"

// QuizSheet is what a trainer sees of a questionnaire: how many have
// answered, who has not, and once it is closed the results per question
// and the scores that could not be written.
type QuizSheet struct {
	Training  Training
	Quiz      Questionnaire
	Link      string // the participants' link, signed
	QR        []byte // the link's QR code (PNG), when the site's address is known
	Expected  int    // participants registered
	Answered  int
	Missing   []RosterRow // not answered yet (empty for an anonymous one)
	Results   []QuestionResult
	Conflicts []ScoreConflict
	CanRun    bool // the actor may open and close it
	CanBank   bool // the actor may keep its questions in the bank
}

// QuizList is a training's questionnaires, by kind, for its page.
type QuizList struct {
	Training Training
	Quizzes  map[QuizKind]QuizSummary
	FollowUp FollowUpView
	CanBuild bool // the actor may build and change questionnaires
}

// QuizSummary is one questionnaire in a list.
type QuizSummary struct {
	Questionnaire
	Answered int
}

// QuestionResult is how a question was answered.
type QuestionResult struct {
	Question Question
	Answered int
	Right    int   // answered rightly (a graded question)
	Counts   []int // per choice, per truth (true, false) or per rating (1–5)
	Agree    int   // ratings of 4 or 5: "agree" or "strongly agree"
	Texts    []string
	// PreAnswered and PreRight are the pre-test's figures for the same
	// question, on a post-test that shares its questions: the gain.
	PreAnswered, PreRight int
	HasPre                bool
}

// ScoreConflict is a participant whose score on the scores table was typed
// by hand and differs from their questionnaire's: it is left as typed.
type ScoreConflict struct {
	Person RosterRow
	Typed  float64
	Quiz   float64
}

// QuizResults counts the answers to each question.
func QuizResults(qs []Question, rs []QuizResponse) []QuestionResult {
	out := make([]QuestionResult, len(qs))
	for i, q := range qs {
		r := QuestionResult{Question: q}
		switch q.Kind {
		case QChoice:
			r.Counts = make([]int, len(q.Choices))
		case QTrue:
			r.Counts = make([]int, 2)
		case QRating:
			r.Counts = make([]int, 5)
		}
		for _, resp := range rs {
			vals := resp.Answers[i]
			if len(vals) == 0 {
				continue
			}
			r.Answered++
			if q.Graded() && q.Correct(vals) {
				r.Right++
			}
			r.count(vals)
		}
		out[i] = r
	}
	return out
}

func (r *QuestionResult) count(vals []string) {
	switch r.Question.Kind {
	case QChoice:
		for _, v := range vals {
			if n, err := strconv.Atoi(v); err == nil && n >= 0 && n < len(r.Counts) {
				r.Counts[n]++
			}
		}
	case QTrue:
		if vals[0] == "true" {
			r.Counts[0]++
		} else {
			r.Counts[1]++
		}
	case QRating:
		if n, err := strconv.Atoi(vals[0]); err == nil && n >= 1 && n <= 5 {
			r.Counts[n-1]++
			if n >= 4 {
				r.Agree++
			}
		}
	case QText:
		r.Texts = append(r.Texts, vals[0])
	}
}

// SameQuestions reports whether two tests ask the same questions in the
// same order (a post-test copied from its pre-test), so that their results
// compare question by question.
func SameQuestions(a, b []Question) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Kind != b[i].Kind || a[i].Text != b[i].Text || len(a[i].Choices) != len(b[i].Choices) {
			return false
		}
	}
	return true
}

// QuizForm is the participants' page: the questionnaire, what was typed,
// and the message beside each wrong field.
type QuizForm struct {
	TitleEn, TitleAr string // the training's title
	Quiz             Questionnaire
	Token            string
	Code             string
	Typed            Answers
	Errors           map[string]string
}

// QuizLinks are the personal links of a questionnaire, one per
// participant, to print or hand out: each carries the participant's code,
// so that scanning it is all they do.
type QuizLinks struct {
	Training Training
	Quiz     Questionnaire
	Links    []QuizLink
}

// QuizLink is one participant's personal link and its QR code (PNG; nil
// when the site's address is not configured).
type QuizLink struct {
	Person RosterRow
	Link   string
	QR     []byte
}
