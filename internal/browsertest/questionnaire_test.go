package browsertest_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/traindesk/traindesk/internal/app"
	"github.com/traindesk/traindesk/internal/attendance"
	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/browsertest"
	"github.com/traindesk/traindesk/internal/jobs"
	tdmail "github.com/traindesk/traindesk/internal/mail"
	"github.com/traindesk/traindesk/internal/mail/mailtest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/questionnaire"
	"github.com/traindesk/traindesk/internal/webtest"
)

const phoneQuiz = `Q: Which document lists a ship's cargo? | ما الوثيقة التي تبين حمولة السفينة؟
+ The manifest | بيان الحمولة
- The crew list | قائمة الطاقم
- The port clearance | إذن الميناء
TF: A seal number must match the papers. | يجب أن يطابق رقم الختم الأوراق.
= true
N: How many days may a container wait? | كم يوماً قد تنتظر الحاوية؟
= 14`

// TestBrowser_QuestionnaireOnPhones runs a pre-test as the issue tells it:
// the trainer opens it on the tablet, three participants answer on
// phone-sized pages (one in Arabic, one whose network drops before
// sending and comes back), the trainer sees 3 of 27 answered, closes it,
// and the scores table and the donor report show the scores and the
// results per question; then a completed course's follow-up reaches the
// mail server, is answered on a phone, and moves the report's outcome.
func TestBrowser_QuestionnaireOnPhones(t *testing.T) {
	ctx := browsertest.New(t)
	srv := mailtest.Start(t, nil)
	env := webtest.New(t, webtest.Options{Demo: true, RealClock: true, Adjust: func(o *app.Options) {
		o.Mail = &tdmail.Server{Host: "127.0.0.1", Port: srv.Port(), TLSOptional: true}
	}})
	bg := context.Background()
	officer := env.SignIn(model.RoleProgramOfficer)
	r := officer.Post("/trainings/1/questionnaires", url.Values{"kind": {"pre"}, "source": {phoneQuiz}})
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("build the pre-test = %d", r.StatusCode)
	}
	sheet := env.HTTP.URL + r.Header.Get("Location")
	if err := env.Store.Exec(bg, "DELETE FROM assessments WHERE registration_id IN (SELECT id FROM registrations WHERE training_id = 1)"); err != nil {
		t.Fatal(err)
	}

	// The trainer opens it on the tablet.
	browsertest.Viewport(t, ctx, 800, 1280)
	browsertest.SignIn(t, ctx, env, model.RoleTrainer)
	if err := chromedp.Do(ctx, chromedp.Navigate(sheet), chromedp.Click(chromedp.CSS("#quiz-live button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".quiz-qr"))); err != nil {
		t.Fatalf("open the pre-test: %v", err)
	}
	browsertest.Screenshot(t, ctx, "quiz-sheet-open-tablet")
	link := chromedp.Text(chromedp.CSS(".quiz-link"))
	text, err := chromedp.Run(ctx, link)
	if err != nil {
		t.Fatal(err)
	}
	path := regexp.MustCompile(`/q/[0-9A-Z-]+`).FindString(text)
	if path == "" {
		t.Fatalf("no link on the sheet: %q", text)
	}
	roster, _ := env.Store.Roster(bg, 1)
	codes := attendance.Codes{Key: auth.DeriveKey(env.Secret, "checkin", 32)}

	browsertest.Viewport(t, ctx, 390, 844)
	answer := func(lang string, reg int64, shot string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(env.HTTP.URL+path+"?lang="+lang), chromedp.WaitVisible(chromedp.CSS("#quiz-form")),
			chromedp.SendKeys(chromedp.CSS("#f-code"), codes.Code(reg)),
			chromedp.Click(chromedp.CSS(`input[name=q_0][value="0"]`)),
			chromedp.Click(chromedp.CSS(`input[name=q_1][value="true"]`)),
			chromedp.SendKeys(chromedp.CSS(`input[name=q_2]`), "14")); err != nil {
			t.Fatalf("answer as %d: %v", reg, err)
		}
		if shot != "" {
			browsertest.Axe(t, ctx, "questionnaire "+lang)
			browsertest.Screenshot(t, ctx, shot)
		}
	}
	send := func() {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#quiz-form button[type=submit]"))); err != nil {
			t.Fatal(err)
		}
	}
	thanked := func() bool {
		u, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`))
		return strings.HasSuffix(u, "/done")
	}
	answered := func() string {
		return env.Store.MustString(bg, "SELECT CAST(COUNT(*) AS TEXT) FROM questionnaire_responses")
	}

	answer("en", roster[0].ID, "quiz-phone-en")
	send()
	waitFor(t, "the English answer to be thanked", thanked)
	answer("ar", roster[1].ID, "quiz-phone-ar")
	dir, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.dir`))
	if dir != "rtl" {
		t.Errorf("the Arabic page's direction is %q", dir)
	}
	send()
	waitFor(t, "the Arabic answer to be thanked", thanked)

	// The third phone loses the network just before sending.
	answer("en", roster[2].ID, "")
	cutNetwork(t, ctx, env, true)
	send()
	waitFor(t, "the page to say the answers wait on the phone", func() bool {
		s, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#quiz-status")))
		return strings.Contains(s, "kept on this phone")
	})
	browsertest.Screenshot(t, ctx, "quiz-phone-offline")
	if n := answered(); n != "2" {
		t.Fatalf("%s answers stored while the third phone was offline", n)
	}
	cutNetwork(t, ctx, env, false)
	waitFor(t, "the kept answers to be sent when the network is back", thanked)
	if n := answered(); n != "3" {
		t.Fatalf("%s answers stored; want 3", n)
	}

	// Back on the tablet: 3 of 27, then close.
	browsertest.Viewport(t, ctx, 800, 1280)
	if err := chromedp.Do(ctx, chromedp.Navigate(sheet), chromedp.WaitVisible(chromedp.CSS("#quiz-answered"))); err != nil {
		t.Fatal(err)
	}
	count, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#quiz-answered")))
	if !strings.Contains(count, "3 of 27") {
		t.Errorf("the sheet says %q; want 3 of 27", count)
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.confirm = () => true; 0`),
		chromedp.Click(chromedp.CSS("#quiz-live button[type=submit]")), chromedp.WaitVisible(chromedp.CSS(".quiz-results"))); err != nil {
		t.Fatalf("close: %v", err)
	}
	browsertest.Screenshot(t, ctx, "quiz-sheet-closed-tablet")
	if err := chromedp.Do(ctx, chromedp.Navigate(env.HTTP.URL+"/trainings/1/assessments"), chromedp.WaitVisible(chromedp.CSS(".assess-table"))); err != nil {
		t.Fatal(err)
	}
	for _, reg := range []int64{roster[0].ID, roster[1].ID, roster[2].ID} {
		v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#pre_"+strconv.FormatInt(reg, 10))))
		if v != "100" {
			t.Errorf("the scores table shows %q as %d's pre-test; want 100", v, reg)
		}
	}
	// The donor report shows each question: all three answered rightly.
	browsertest.Viewport(t, ctx, 1280, 800)
	signOut := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, network.ClearBrowserCookies, cdp.Empty{})
		return err
	})
	if err := chromedp.Do(ctx, signOut); err != nil {
		t.Fatal(err)
	}
	browsertest.SignIn(t, ctx, env, model.RoleManager)
	report := reportURL(t, env, 1)
	if err := chromedp.Do(ctx, chromedp.Navigate(report), chromedp.WaitVisible(chromedp.CSS(`#questions-h`))); err != nil {
		t.Fatalf("the report's results per question: %v", err)
	}
	if rows, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('[data-question]').length`)); rows == 0 {
		body, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('.report') ? document.querySelector('.report').innerText.slice(0, 1500) : document.body.innerText.slice(0, 1500)`))
		t.Fatalf("the report shows no results per question:\n%s", body)
	}
	if pre, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`[data-question="1.1"] [data-cell=pre]`))); pre != "100.0%" {
		t.Errorf("the report shows question 1 of training 1 as %q right on the pre-test; want 100.0%%", pre)
	}
	browsertest.Screenshot(t, ctx, "quiz-report-questions-en")
	followUpOnPhone(t, ctx, env, srv)
}

// reportURL is the donor report of training id's project over its period.
func reportURL(t *testing.T, env *webtest.Env, id int64) string {
	t.Helper()
	d, err := env.Store.TrainingDetail(context.Background(), id)
	if err != nil || d.ProjectID == nil {
		t.Fatalf("training %d's project: %v", id, err)
	}
	p, err := env.Store.ProjectByID(context.Background(), *d.ProjectID)
	if err != nil {
		t.Fatal(err)
	}
	return env.HTTP.URL + "/reports?project=" + strconv.FormatInt(p.ID, 10) + "&from=" + p.StartsOn.String() + "&to=" + p.EndsOn.String()
}

// followUpOnPhone chooses a follow-up at 3 months for a course that ended
// longer ago, runs the daily job, waits for the messages at the mail
// server, answers one on a phone in Arabic, and reads the report's
// outcome move from none to one answer.
func followUpOnPhone(t *testing.T, ctx context.Context, env *webtest.Env, srv *mailtest.Server) {
	t.Helper()
	bg := context.Background()
	id, _ := strconv.ParseInt(env.Store.MustString(bg, `SELECT CAST(COALESCE(MIN(id), 0) AS TEXT) FROM trainings
		WHERE status = 'completed' AND ends_on <= ? AND project_id IS NOT NULL`, model.DateOf(time.Now().AddDate(0, -4, 0))), 10, 64)
	if id == 0 {
		t.Fatal("the demo has no course that ended four months ago")
	}
	if err := env.Store.Exec(bg, `UPDATE persons SET email = 'officer' || id || '@customs.example'
		WHERE id IN (SELECT person_id FROM registrations WHERE training_id = ?)`, id); err != nil {
		t.Fatal(err)
	}
	base := "/trainings/" + strconv.FormatInt(id, 10) + "/questionnaires"
	if r := env.SignIn(model.RoleProgramOfficer).Post(base+"/followup", url.Values{"months": {"3"}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("choose the follow-up = %d", r.StatusCode)
	}
	if err := env.Server.Questionnaires.SendFollowUps(bg, jobs.Job{}, questionnaire.FollowUpArgs{}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the follow-ups at the mail server", func() bool { return len(srv.Messages()) > 0 })
	report := reportURL(t, env, id)
	outcome := func() string {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(report+"&lang=en"), chromedp.WaitVisible(chromedp.CSS(`[data-figure=followup_answered]`))); err != nil {
			t.Fatal(err)
		}
		s, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`[data-figure=followup_answered]`)))
		return s
	}
	if n := outcome(); n != "0" {
		t.Fatalf("before any answer the report says %q answered", n)
	}
	qid := env.Store.MustString(bg, "SELECT CAST(id AS TEXT) FROM questionnaires WHERE training_id = ? AND kind = 'followup'", id)
	page := env.SignIn(model.RoleProgramOfficer).Get(base + "/" + qid).Body
	path := regexp.MustCompile(`/q/[0-9A-Z-]+`).FindString(page)
	reg, _ := strconv.ParseInt(env.Store.MustString(bg, "SELECT CAST(MIN(id) AS TEXT) FROM registrations WHERE training_id = ? AND status <> 'withdrawn'", id), 10, 64)
	code := attendance.Codes{Key: auth.DeriveKey(env.Secret, "checkin", 32)}.Code(reg)
	browsertest.Viewport(t, ctx, 390, 844)
	if err := chromedp.Do(ctx, chromedp.Navigate(env.HTTP.URL+path+"?lang=ar&code="+code), chromedp.WaitVisible(chromedp.CSS("#quiz-form")),
		chromedp.Click(chromedp.CSS(`input[name=q_0][value="0"]`)), chromedp.Click(chromedp.CSS(`input[name=q_1][value="1"]`))); err != nil {
		t.Fatalf("the follow-up on a phone: %v", err)
	}
	browsertest.Screenshot(t, ctx, "quiz-followup-phone-ar")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#quiz-form button[type=submit]"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the follow-up answer to be thanked", func() bool {
		u, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`))
		return strings.HasSuffix(u, "/done")
	})
	browsertest.Viewport(t, ctx, 1280, 800)
	if n := outcome(); n != "1" {
		t.Errorf("after one answer the report says %q answered", n)
	}
	browsertest.Screenshot(t, ctx, "quiz-report-outcome-en")
}

// TestBrowser_QuestionnaireBuilder shows the builder refusing a question
// without its Arabic, in both languages at laptop, tablet and phone
// sizes, and keeps what was typed.
func TestBrowser_QuestionnaireBuilder(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true, RealClock: true})
	browsertest.SignIn(t, ctx, env, model.RoleProgramOfficer)
	sizes := []struct {
		name string
		w, h int64
	}{{"laptop", 1280, 800}, {"tablet", 800, 1280}, {"phone", 390, 844}}
	for _, lang := range []string{"en", "ar"} {
		for _, sz := range sizes {
			browsertest.Viewport(t, ctx, sz.w, sz.h)
			if err := chromedp.Do(ctx, chromedp.Navigate(env.HTTP.URL+"/trainings/1/questionnaires/build?kind=pre&lang="+lang),
				chromedp.WaitVisible(chromedp.CSS("#f-source")),
				chromedp.SendKeys(chromedp.CSS("#f-source"), "Q: Only English\n+ yes | نعم"),
				chromedp.Click(chromedp.CSS("form[action$='/questionnaires'] button[type=submit]")),
				chromedp.WaitVisible(chromedp.CSS(".field-error"))); err != nil {
				t.Fatalf("%s %s: %v", lang, sz.name, err)
			}
			kept, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#f-source")))
			if !strings.Contains(kept, "Only English") {
				t.Errorf("%s %s: the builder lost what was typed: %q", lang, sz.name, kept)
			}
			if over, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`)); over {
				t.Errorf("%s %s: the builder is wider than the screen", lang, sz.name)
			}
			browsertest.Screenshot(t, ctx, "quiz-builder-"+lang+"-"+sz.name)
		}
	}
}
