package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/attendance"
	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// quizSource is a three-question pre-test in both languages.
const quizSource = `Q: Which document lists a ship's cargo? | ما الوثيقة التي تبين حمولة السفينة؟
+ The manifest | بيان الحمولة
- The crew list | قائمة الطاقم
TF: A seal number must match the papers. | يجب أن يطابق رقم الختم الأوراق.
= true
N: How many days may a container wait? | كم يوماً قد تنتظر الحاوية؟
= 14`

var quizLink = regexp.MustCompile(`/q/([0-9]+-[0-9A-Z]+)`)

// openQuiz builds training 1's pre-test as the officer, opens it as the
// trainer, and returns the sheet's address and the participants' link.
func openQuiz(t *testing.T, env *webtest.Env, kind, src string) (sheet, link string) {
	t.Helper()
	officer := env.SignIn(model.RoleProgramOfficer)
	r := officer.Post("/trainings/1/questionnaires", url.Values{"kind": {kind}, "source": {src}})
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("save questionnaire = %d\n%s", r.StatusCode, r.Body)
	}
	sheet = r.Header.Get("Location")
	trainer := env.SignIn(model.RoleTrainer)
	if r := trainer.Post(sheet+"/open", nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("open = %d", r.StatusCode)
	}
	m := quizLink.FindStringSubmatch(trainer.Get(sheet).Body)
	if m == nil {
		t.Fatal("the sheet shows no participants' link")
	}
	return sheet, "/q/" + m[1]
}

// badgeCode is the check-in code printed on registration reg's badge.
func badgeCode(env *webtest.Env, reg int64) string {
	return attendance.Codes{Key: auth.DeriveKey(env.Secret, "checkin", 32)}.Code(reg)
}

func TestQuestionnaire_BuilderRefusesAndKeeps(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	officer := env.SignIn(model.RoleProgramOfficer)
	bad := "Q: Only English\n+ yes | نعم"
	r := officer.Post("/trainings/1/questionnaires", url.Values{"kind": {"pre"}, "source": {bad}})
	if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "Only English") || !strings.Contains(r.Body, "line 1") {
		t.Fatalf("a question without Arabic = %d; want 422 with the text kept and its line", r.StatusCode)
	}
	if n := env.Store.MustString(context.Background(), "SELECT CAST(COUNT(*) AS TEXT) FROM questionnaires"); n != "0" {
		t.Fatalf("%s questionnaires saved after a refusal", n)
	}
	if r := env.SignIn(model.RoleManager).Get("/trainings/1/questionnaires/build?kind=pre"); r.StatusCode != http.StatusForbidden {
		t.Fatalf("a manager opens the builder: %d", r.StatusCode)
	}
}

func TestQuestionnaire_AnswerAndClose(t *testing.T) { answerAndClose(t, webtest.Options{Demo: true}) }

// TestQuestionnaire_AnswerAndClose_Postgres runs the same on PostgreSQL.
func TestQuestionnaire_AnswerAndClose_Postgres(t *testing.T) {
	answerAndClose(t, webtest.Options{Demo: true, Postgres: true})
}

// answerAndClose answers a pre-test wrongly in every way the issue names,
// then rightly twice, and closes it over a score typed by hand.
func answerAndClose(t *testing.T, opt webtest.Options) {
	env := webtest.New(t, opt)
	ctx := context.Background()
	sheet, link := openQuiz(t, env, "pre", quizSource)
	roster, _ := env.Store.Roster(ctx, 1)
	a, b := roster[0].ID, roster[1].ID
	phone := env.Client()

	page := phone.Get(link + "?lang=ar")
	if page.StatusCode != http.StatusOK || !strings.Contains(page.Body, `dir="rtl"`) || !strings.Contains(page.Body, "بيان الحمولة") {
		t.Fatalf("the Arabic page = %d", page.StatusCode)
	}
	answers := func(code string, q0 ...string) url.Values {
		return url.Values{"code": {code}, "q_0": q0, "q_1": {"true"}, "q_2": {"14"}}
	}
	count := func() string {
		return env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM questionnaire_responses")
	}
	for name, c := range map[string]struct {
		path   string
		form   url.Values
		status int
		says   string
	}{
		"forged link":     {link + "X", answers(badgeCode(env, a), "0"), http.StatusNotFound, "لرابط غير صالح"},
		"forged code":     {link, answers("1-AAAAAAA", "1"), http.StatusUnprocessableEntity, "ليس رمز مشارك"},
		"not on training": {link, answers(badgeCode(env, 999999), "1"), http.StatusUnprocessableEntity, "ليس رمز مشارك"},
		"outside choices": {link, answers(badgeCode(env, a), "7"), http.StatusUnprocessableEntity, "اختر إحدى الإجابات"},
	} {
		r := phone.Post(c.path, c.form)
		if r.StatusCode != c.status || !strings.Contains(r.Body, c.says) {
			t.Errorf("%s = %d; want %d saying %q", name, r.StatusCode, c.status, c.says)
		}
		if c.status == http.StatusUnprocessableEntity && !strings.Contains(r.Body, `value="14"`) {
			t.Errorf("%s: the number typed is not kept", name)
		}
	}
	if n := count(); n != "0" {
		t.Fatalf("%s answers stored after refusals", n)
	}
	if r := phone.Post(link, answers(badgeCode(env, a), "1")); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("answer = %d\n%s", r.StatusCode, r.Body)
	}
	if n := env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM audit_log WHERE action = 'quiz_answer' AND detail LIKE '%registration%'"); n != "1" {
		t.Errorf("%s audit lines name the registration of an identified answer; want 1", n)
	}
	// A second submission replaces the first.
	if r := phone.Post(link, answers(badgeCode(env, a), "0")); r.StatusCode != http.StatusSeeOther || count() != "1" {
		t.Fatalf("second answer = %d, %s stored", r.StatusCode, count())
	}
	// b's pre-test score was typed by hand: closing keeps it, and says so.
	officer := env.SignIn(model.RoleProgramOfficer)
	if err := env.Store.Exec(ctx, "DELETE FROM assessments WHERE registration_id IN (?, ?)", a, b); err != nil {
		t.Fatal(err)
	}
	if err := env.Store.Exec(ctx, "INSERT INTO assessments (registration_id, pre_score, updated_at) VALUES (?, 40, CURRENT_TIMESTAMP)", b); err != nil {
		t.Fatal(err)
	}
	if r := phone.Post(link, answers(badgeCode(env, b), "0")); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("b answers = %d", r.StatusCode)
	}
	if r := officer.Post(sheet+"/close", nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("close = %d", r.StatusCode)
	}
	got := env.Store.MustString(ctx, "SELECT CAST(pre_score AS TEXT) || ' ' || pre_source FROM assessments WHERE registration_id = ?", a)
	if got != "100 questionnaire" && got != "100.0 questionnaire" {
		t.Errorf("a's pre-test score = %q; want 100 from the questionnaire", got)
	}
	if typed := env.Store.MustString(ctx, "SELECT CAST(pre_score AS TEXT) FROM assessments WHERE registration_id = ?", b); !strings.HasPrefix(typed, "40") {
		t.Errorf("b's typed score became %s", typed)
	}
	closed := officer.Get(sheet)
	if !strings.Contains(closed.Body, "typed 40, questionnaire 100") || !strings.Contains(closed.Body, "100% right (2 of 2)") {
		t.Errorf("the closed sheet shows no conflict or results:\n%s", closed.Body)
	}
	if r := phone.Post(link, answers(badgeCode(env, a), "0")); r.StatusCode != http.StatusConflict {
		t.Errorf("an answer after closing = %d; want 409", r.StatusCode)
	}
}

func TestQuestionnaire_WrongCodesWait(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	_, link := openQuiz(t, env, "pre", quizSource)
	roster, _ := env.Store.Roster(context.Background(), 1)
	phone := env.Client()
	for i := 0; i < 20; i++ {
		if r := phone.Post(link, url.Values{"code": {"1-AAAAAAA"}}); r.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("wrong code %d = %d", i, r.StatusCode)
		}
	}
	r := phone.Post(link, url.Values{"code": {badgeCode(env, roster[0].ID)}, "q_0": {"0"}, "q_1": {"true"}, "q_2": {"14"}})
	if r.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("after 20 wrong codes = %d; want 429", r.StatusCode)
	}
}

func TestQuestionnaire_PersonalLinks(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	sheet, link := openQuiz(t, env, "pre", quizSource)
	roster, _ := env.Store.Roster(context.Background(), 1)
	code := badgeCode(env, roster[0].ID)
	page := env.SignIn(model.RoleTrainer).Get(sheet + "/links")
	personal := webtest.BaseURL + link + "?code=" + code
	if page.StatusCode != http.StatusOK || !strings.Contains(page.Body, personal) || !strings.Contains(page.Body, "data:image/png;base64,") {
		t.Fatalf("the links page = %d without %s and its QR: %.3000s", page.StatusCode, personal, page.Body[strings.Index(page.Body, "<main"):])
	}
	// The personal link opens the page with the code filled in.
	if r := env.Client().Get(link + "?code=" + code); !strings.Contains(r.Body, `value="`+code+`"`) {
		t.Errorf("the personal link does not fill in the code")
	}
}

// TestQuestionnaire_AnonymousEvaluation answers an anonymous evaluation:
// the answers keep no registration, the page says so, a second answer
// with the same code is refused, and closing writes no satisfaction.
func TestQuestionnaire_AnonymousEvaluation(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	ctx := context.Background()
	officer := env.SignIn(model.RoleProgramOfficer)
	r := officer.Post("/trainings/1/questionnaires", url.Values{"kind": {"evaluation"}, "anonymous": {"true"},
		"source": {"R: The course was useful. | كانت الدورة مفيدة.\nT: What would you change? | ما الذي ستغيره؟"}})
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("save = %d", r.StatusCode)
	}
	sheet := r.Header.Get("Location")
	officer.Post(sheet+"/open", nil)
	link := "/q/" + quizLink.FindStringSubmatch(officer.Get(sheet).Body)[1]
	roster, _ := env.Store.Roster(ctx, 1)
	phone := env.Client()
	if !strings.Contains(phone.Get(link).Body, "kept without your name") {
		t.Error("the page does not say it is anonymous")
	}
	form := url.Values{"code": {badgeCode(env, roster[0].ID)}, "q_0": {"5"}, "q_1": {"More practice"}}
	if r := phone.Post(link, form); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("answer = %d", r.StatusCode)
	}
	if r := phone.Post(link, form); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "already been answered") {
		t.Errorf("a second anonymous answer = %d", r.StatusCode)
	}
	if n := env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM questionnaire_responses WHERE registration_id IS NULL"); n != "1" {
		t.Errorf("%s anonymous answers without a registration; want 1", n)
	}
	if n := env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM audit_log WHERE action = 'quiz_answer' AND detail LIKE '%registration%'"); n != "0" {
		t.Errorf("the audit log ties an anonymous answer to a registration")
	}
	officer.Post(sheet+"/close", nil)
	closed := officer.Get(sheet).Body
	if !strings.Contains(closed, "100% agree or strongly agree (of 1)") || !strings.Contains(closed, "More practice") {
		t.Errorf("the closed evaluation shows no agreement share or free text")
	}
}
