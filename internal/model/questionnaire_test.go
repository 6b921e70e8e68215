package model

import "testing"

func TestParseQuestions(t *testing.T) {
	for _, c := range []struct {
		name, src string
		kind      QuizKind
		msg       string
		line      int
	}{
		{"a test", "Q: a | أ\n+ b | ب\n+ c | ج\n- d | د\nTF: e | هـ\n= false\nN: f | و\n= 2,5", QuizPre, "", 0},
		{"no Arabic", "Q: a\n+ b | ب", QuizPre, "quiz.error.both_languages", 1},
		{"rating in a test", "R: a | أ", QuizPost, "quiz.error.test_kind", 1},
		{"choice without a right one in a test", "Q: a | أ\n- b | ب\n- c | ج", QuizPre, "quiz.error.right_answer", 0},
		{"one choice", "Q: a | أ\n+ b | ب", QuizEvaluation, "quiz.error.choices", 0},
		{"stray line", "TF: a | أ\n+ b | ب", QuizPre, "quiz.error.line", 2},
		{"survey", "Q: a | أ\n- b | ب\n- c | ج\nR: d | د\nT: e | هـ", QuizEvaluation, "", 0},
		{"nothing", " \n", QuizPre, "quiz.error.empty", 0},
	} {
		_, msg, line := ParseQuestions(c.src, c.kind)
		if msg != c.msg || line != c.line {
			t.Errorf("%s: %q line %d; want %q line %d", c.name, msg, line, c.msg, c.line)
		}
	}
}

func TestCheckAnswersAndScore(t *testing.T) {
	qs, msg, _ := ParseQuestions("Q: a | أ\n+ b | ب\n+ c | ج\n- d | د\nTF: e | هـ\n= false\nN: f | و\n= 2.5", QuizPre)
	if msg != "" {
		t.Fatal(msg)
	}
	if _, errs := CheckAnswers(qs, Answers{0: {"0", "5"}, 1: {"maybe"}}); errs["q_0"] != "quiz.error.answer_choice" ||
		errs["q_1"] != "quiz.error.answer_choice" || errs["q_2"] != "quiz.error.answer_missing" {
		t.Errorf("bad answers pass: %v", errs)
	}
	// Both right choices, the wrong truth, the number with a comma: 2 of 3.
	a, errs := CheckAnswers(qs, Answers{0: {"1", "0"}, 1: {"true"}, 2: {"2,5"}})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if s := Score(qs, a); s == nil || *s != 66.7 {
		t.Errorf("score = %v; want 66.7", s)
	}
	// One of two right choices is not right.
	if qs[0].Correct([]string{"0"}) {
		t.Error("half of a multiple answer counts as right")
	}
}
