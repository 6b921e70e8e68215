package model

// QuestionFigures is how one test question of a counted training was
// answered: on the pre-test, on the post-test, and the gain between them
// in percentage points (when both tests ask the same questions). A side
// without a closed test has no share.
type QuestionFigures struct {
	TrainingID            int64    `json:"training_id"`
	TitleEn               string   `json:"title_en"`
	TitleAr               string   `json:"title_ar"`
	Number                int      `json:"number"` // from 1
	TextEn                string   `json:"text_en"`
	TextAr                string   `json:"text_ar"`
	PreAnswered, PreRight int      `json:"-"`
	PreShare              *float64 `json:"pre_correct_percent"`
	Answered, Right       int      `json:"-"`
	PostShare             *float64 `json:"post_correct_percent"`
	Gain                  *float64 `json:"gain_points"`
}

// AgreeFigures is one rating item of a counted training's evaluation: how
// many rated it and the share who agree or strongly agree (4 or 5).
type AgreeFigures struct {
	TrainingID int64    `json:"training_id"`
	TitleEn    string   `json:"title_en"`
	TitleAr    string   `json:"title_ar"`
	Number     int      `json:"number"`
	TextEn     string   `json:"text_en"`
	TextAr     string   `json:"text_ar"`
	Answered   int      `json:"answered"`
	Agree      int      `json:"agree"`
	Share      *float64 `json:"agree_percent"`
}

// ReportQuiz is a closed questionnaire of a counted training with its
// answers, for the report's per-question results.
type ReportQuiz struct {
	Quiz             Questionnaire
	TitleEn, TitleAr string
	Responses        []QuizResponse
}
