package report

import (
	"context"

	"github.com/traindesk/traindesk/internal/model"
)

// addQuestions fills the results per test question and the agreement per
// evaluation item of the counted trainings. The answers are counted by the
// questionnaires' own rule (model.QuizResults), so that the report and the
// trainer's sheet agree.
func addQuestions(ctx context.Context, q Querier, f model.ReportFilter, fig *model.Figures) error {
	quizzes, err := q.ReportQuizzes(ctx, f)
	if err != nil {
		return err
	}
	byTraining := map[int64]map[model.QuizKind]model.ReportQuiz{}
	var order []int64
	for _, rq := range quizzes {
		if byTraining[rq.Quiz.TrainingID] == nil {
			byTraining[rq.Quiz.TrainingID] = map[model.QuizKind]model.ReportQuiz{}
			order = append(order, rq.Quiz.TrainingID)
		}
		byTraining[rq.Quiz.TrainingID][rq.Quiz.Kind] = rq
	}
	for _, id := range order {
		k := byTraining[id]
		fig.Questions = append(fig.Questions, testQuestions(k[model.QuizPre], k[model.QuizPost])...)
		if ev, ok := k[model.QuizEvaluation]; ok {
			fig.Agreement = append(fig.Agreement, agreement(ev)...)
		}
	}
	return nil
}

// testQuestions lines up a training's pre- and post-test question by
// question: the post-test's questions (or the pre-test's without one), the
// pre-test's figures when it asks the same questions, and the gain.
func testQuestions(pre, post model.ReportQuiz) []model.QuestionFigures {
	main := post
	if post.Quiz.ID == 0 {
		main = pre
	}
	if main.Quiz.ID == 0 {
		return nil
	}
	var preRes, postRes []model.QuestionResult
	if pre.Quiz.ID != 0 && (post.Quiz.ID == 0 || model.SameQuestions(pre.Quiz.Questions, post.Quiz.Questions)) {
		preRes = model.QuizResults(pre.Quiz.Questions, pre.Responses)
	}
	if post.Quiz.ID != 0 {
		postRes = model.QuizResults(post.Quiz.Questions, post.Responses)
	}
	var out []model.QuestionFigures
	for i, qu := range main.Quiz.Questions {
		if !qu.Graded() {
			continue
		}
		r := model.QuestionFigures{TrainingID: main.Quiz.TrainingID, TitleEn: main.TitleEn, TitleAr: main.TitleAr,
			Number: i + 1, TextEn: qu.Text.EN, TextAr: qu.Text.AR}
		if preRes != nil {
			r.PreAnswered, r.PreRight = preRes[i].Answered, preRes[i].Right
			r.PreShare = share(r.PreRight, r.PreAnswered)
		}
		if postRes != nil {
			r.Answered, r.Right = postRes[i].Answered, postRes[i].Right
			r.PostShare = share(r.Right, r.Answered)
		}
		if r.PreShare != nil && r.PostShare != nil {
			g := *r.PostShare - *r.PreShare
			r.Gain = &g
		}
		out = append(out, r)
	}
	return out
}

// agreement is the share of "agree" and "strongly agree" per rating item
// of an evaluation.
func agreement(ev model.ReportQuiz) []model.AgreeFigures {
	var out []model.AgreeFigures
	for i, r := range model.QuizResults(ev.Quiz.Questions, ev.Responses) {
		if r.Question.Kind != model.QRating {
			continue
		}
		out = append(out, model.AgreeFigures{TrainingID: ev.Quiz.TrainingID, TitleEn: ev.TitleEn, TitleAr: ev.TitleAr,
			Number: i + 1, TextEn: r.Question.Text.EN, TextAr: r.Question.Text.AR, Answered: r.Answered, Agree: r.Agree,
			Share: share(r.Agree, r.Answered)})
	}
	return out
}

// questions is the table of results per test question.
func (e Export) questions() Table {
	l := e.Loc
	cols := sized(e.cols(14, "training_id", "training", "number", "question", "pre_correct_percent", "post_correct_percent",
		"gain_points"), map[string]float64{"training_id": 9, "training": 34, "number": 6, "question": 48}, "training", "question")
	var rs [][]Cell
	for _, q := range e.Fig.Questions {
		rs = append(rs, []Cell{Int(int(q.TrainingID)), Text(l.Pick(q.TitleEn, q.TitleAr)), Int(q.Number),
			Text(l.Pick(q.TextEn, q.TextAr)), Percent(q.PreShare), Percent(q.PostShare), Decimal(q.Gain)})
	}
	return e.named("questions", cols, rs)
}

// agreement is the table of agreement per evaluation item.
func (e Export) agreement() Table {
	l := e.Loc
	cols := sized(e.cols(12, "training_id", "training", "number", "statement", "answered", "agree", "agree_percent"),
		map[string]float64{"training_id": 9, "training": 34, "number": 6, "statement": 48}, "training", "statement")
	var rs [][]Cell
	for _, a := range e.Fig.Agreement {
		rs = append(rs, []Cell{Int(int(a.TrainingID)), Text(l.Pick(a.TitleEn, a.TitleAr)), Int(a.Number),
			Text(l.Pick(a.TextEn, a.TextAr)), Int(a.Answered), Int(a.Agree), Percent(a.Share)})
	}
	return e.named("agreement", cols, rs)
}
