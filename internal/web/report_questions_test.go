package web_test

import (
	"context"
	"encoding/csv"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestReportQuestions_HandCount: three participants answer training 1's
// pre-test, post-test and evaluation on their phones; once each is closed
// the donor report (figures, page and CSV) holds the results per question
// and the agreement per item as counted by hand:
//
//	           pre        post        gain
//	Q1   1/3 = 33.3   3/3 = 100.0    66.7
//	Q2   2/3 = 66.7   3/3 = 100.0    33.3
//	Q3   2/3 = 66.7   2/3 =  66.7     0.0
//	agree (4 or 5): "Useful" 5, 4, 2 → 66.7; "Well paced" 3, 2, 4 → 33.3
func TestReportQuestions_HandCount(t *testing.T) { reportQuestions(t, false) }

// TestReportQuestions_HandCount_Postgres runs the same on PostgreSQL.
func TestReportQuestions_HandCount_Postgres(t *testing.T) { reportQuestions(t, true) }

func reportQuestions(t *testing.T, pg bool) {
	env := webtest.New(t, webtest.Options{Demo: true, Postgres: pg})
	ctx := context.Background()
	roster, err := env.Store.Roster(ctx, 1)
	if err != nil || len(roster) < 3 {
		t.Fatalf("roster: %d, %v", len(roster), err)
	}
	phone := env.Client()
	officer := env.SignIn(model.RoleProgramOfficer)
	answer := func(link string, who int, vals ...string) {
		t.Helper()
		form := url.Values{"code": {badgeCode(env, roster[who].ID)}}
		for i, v := range vals {
			form.Set("q_"+strconv.Itoa(i), v)
		}
		if r := phone.Post(link, form); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("answer %v = %d\n%s", vals, r.StatusCode, r.Body)
		}
	}
	closeQuiz := func(sheet string) {
		t.Helper()
		if r := officer.Post(sheet+"/close", nil); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("close %s = %d", sheet, r.StatusCode)
		}
	}
	sheet, link := openQuiz(t, env, "pre", quizSource)
	answer(link, 0, "0", "true", "14")
	answer(link, 1, "1", "true", "10")
	answer(link, 2, "1", "false", "14")
	closeQuiz(sheet)
	sheet, link = openQuiz(t, env, "post", quizSource)
	answer(link, 0, "0", "true", "14")
	answer(link, 1, "0", "true", "10")
	answer(link, 2, "0", "true", "14")
	closeQuiz(sheet)
	sheet, link = openQuiz(t, env, "evaluation", "R: Useful | مفيدة\nR: Well paced | إيقاع مناسب")
	answer(link, 0, "5", "3")
	answer(link, 1, "4", "2")
	answer(link, 2, "2", "4")
	closeQuiz(sheet)

	fig := reportFor(t, env, 1)
	want := [][3]float64{{100.0 / 3, 100, 200.0 / 3}, {200.0 / 3, 100, 100.0 / 3}, {200.0 / 3, 200.0 / 3, 0}}
	var mine []model.QuestionFigures
	for _, q := range fig.Questions {
		if q.TrainingID == 1 {
			mine = append(mine, q)
		}
	}
	if len(mine) != 3 {
		t.Fatalf("%d questions of training 1 in the report: %+v", len(mine), fig.Questions)
	}
	for i, q := range mine {
		if !near(q.PreShare, want[i][0]) || !near(q.PostShare, want[i][1]) || !near(q.Gain, want[i][2]) {
			t.Errorf("Q%d: pre %v post %v gain %v; want %v", q.Number, val(q.PreShare), val(q.PostShare), val(q.Gain), want[i])
		}
	}
	if len(fig.Agreement) != 2 || !near(fig.Agreement[0].Share, 200.0/3) || !near(fig.Agreement[1].Share, 100.0/3) ||
		fig.Agreement[0].Answered != 3 {
		t.Errorf("agreement: %+v", fig.Agreement)
	}

	q := "project=" + strconv.FormatInt(fig.Project.ID, 10) + "&from=" + fig.Period.From.String() + "&to=" + fig.Period.To.String()
	page := env.SignIn(model.RoleManager).Get("/reports?" + q).Body
	for _, s := range []string{`data-question="1.1"`, `data-cell="gain">66.7`, `data-cell="gain">33.3`, `data-cell="agree">66.7%`,
		"Which document lists a ship&#39;s cargo?"} {
		if !strings.Contains(page, s) {
			t.Errorf("the report page lacks %s", s)
		}
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(env.SignIn(model.RoleManager).Get("/reports/export/questions.csv?"+q).Body, "\uFEFF"))).ReadAll()
	if err != nil || len(rows) < 4 {
		t.Fatalf("questions.csv: %d rows, %v", len(rows), err)
	}
	if got := strings.Join(rows[1][4:], " "); got != "33.3 100.0 66.7" {
		t.Errorf("questions.csv first row pre, post, gain = %q", got)
	}
}

func near(p *float64, v float64) bool { return p != nil && math.Abs(*p-v) < 1e-9 }

func val(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestQuestionBank_SaveAndCopy: the officer keeps training 1's pre-test
// in its thematic area's bank; the builder of another training of the same
// area offers it and starts from its questions; a training of another area
// neither offers nor takes it.
func TestQuestionBank_SaveAndCopy(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	ctx := context.Background()
	officer := env.SignIn(model.RoleProgramOfficer)
	sheet, _ := openQuiz(t, env, "pre", quizSource)
	if r := officer.Post(sheet+"/bank", nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("keep in the bank = %d", r.StatusCode)
	}
	n, _ := strconv.Atoi(env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM question_bank WHERE kind = 'test'"))
	if n != 1 {
		t.Fatalf("%d bank entries; want 1", n)
	}
	entry := env.Store.MustString(ctx, "SELECT CAST(MAX(id) AS TEXT) FROM question_bank")
	same := env.Store.MustString(ctx, `SELECT CAST(MIN(id) AS TEXT) FROM trainings WHERE id <> 1
		AND thematic_area_id = (SELECT thematic_area_id FROM trainings WHERE id = 1)`)
	other := env.Store.MustString(ctx, `SELECT CAST(MIN(id) AS TEXT) FROM trainings
		WHERE thematic_area_id <> (SELECT thematic_area_id FROM trainings WHERE id = 1)`)
	if same == "" || other == "" {
		t.Fatalf("the demo lacks a training of the same area (%q) or of another (%q)", same, other)
	}
	build := "/trainings/" + same + "/questionnaires/build?kind=post"
	if page := officer.Get(build); !strings.Contains(page.Body, `data-bank="`+entry+`"`) {
		t.Fatalf("the builder of training %s does not offer the bank entry", same)
	}
	copied := officer.Get(build + "&bank=" + entry)
	if copied.StatusCode != http.StatusOK || !strings.Contains(copied.Body, "The manifest | بيان الحمولة") {
		t.Fatalf("copy from the bank = %d without the questions", copied.StatusCode)
	}
	if r := officer.Get("/trainings/" + other + "/questionnaires/build?kind=pre&bank=" + entry); r.StatusCode != http.StatusNotFound {
		t.Errorf("another area's training takes the entry: %d", r.StatusCode)
	}
	if r := officer.Post("/trainings/"+same+"/questionnaires", url.Values{"kind": {"pre"}, "source": {quizSource}}); r.StatusCode != http.StatusSeeOther {
		t.Errorf("saving the copied questions = %d", r.StatusCode)
	}
}
