package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/app"
	"github.com/traindesk/traindesk/internal/jobs"
	tdmail "github.com/traindesk/traindesk/internal/mail"
	"github.com/traindesk/traindesk/internal/mail/mailtest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/questionnaire"
	"github.com/traindesk/traindesk/internal/report"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestFollowUp_OnceAndOneReminder: a completed training's follow-up at 3
// months, by the server's clock: nothing the day before it is due; on the
// day each participant with an address gets one message at the mail
// server and the one without is listed with a printable link; a second
// run sends nothing; answering through the personal link moves the donor
// report's outcome figure; two weeks later one reminder goes to each who
// has not answered, and never again.
func TestFollowUp_OnceAndOneReminder(t *testing.T) { followUp(t, false) }

// TestFollowUp_OnceAndOneReminder_Postgres runs the same on PostgreSQL.
func TestFollowUp_OnceAndOneReminder_Postgres(t *testing.T) { followUp(t, true) }

func followUp(t *testing.T, pg bool) {
	srv := mailtest.Start(t, nil)
	env := webtest.New(t, webtest.Options{Demo: true, Postgres: pg, Adjust: func(o *app.Options) {
		o.Mail = &tdmail.Server{Host: "127.0.0.1", Port: srv.Port(), TLSOptional: true}
		o.MailFrom = tdmail.Address{Name: "Training unit", Addr: "training@traindesk.example"}
	}})
	ctx := context.Background()
	num := func(q string, args ...any) int {
		t.Helper()
		n, err := strconv.Atoi(env.Store.MustString(ctx, "SELECT CAST(("+q+") AS TEXT)", args...))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	id := int64(num("SELECT MIN(id) FROM trainings WHERE status = 'completed'"))
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(env.Store.Exec(ctx, `UPDATE persons SET email = 'officer' || id || '@customs.example'
		WHERE id IN (SELECT person_id FROM registrations WHERE training_id = ?)`, id))
	noMail := num("SELECT MIN(person_id) FROM registrations WHERE training_id = ? AND status <> 'withdrawn'", id)
	must(env.Store.Exec(ctx, "UPDATE persons SET email = '' WHERE id = ?", noMail))
	live := num("SELECT COUNT(*) FROM registrations WHERE training_id = ? AND status <> 'withdrawn'", id)

	officer := env.SignIn(model.RoleProgramOfficer)
	base := "/trainings/" + strconv.FormatInt(id, 10) + "/questionnaires"
	if r := officer.Post(base+"/followup", url.Values{"months": {"5"}}); r.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("5 months = %d; want 422", r.StatusCode)
	}
	if r := officer.Post(base+"/followup", url.Values{"months": {"3"}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("3 months = %d", r.StatusCode)
	}
	d, err := env.Store.TrainingDetail(ctx, id)
	must(err)
	due := model.FollowUpPending{FollowUp: model.FollowUp{Months: 3}, EndsOn: d.EndsOn}.DueOn()
	dueAt := time.Date(due.Year, due.Month, due.Day, 7, 0, 0, 0, env.Cairo)
	quizzes := env.Server.Questionnaires
	run := func() {
		t.Helper()
		must(quizzes.SendFollowUps(ctx, jobs.Job{}, questionnaire.FollowUpArgs{}))
	}
	sent := func(kind model.MessageKind) int {
		return num("SELECT COUNT(*) FROM outbox_messages WHERE kind = ? AND training_id = ?", string(kind), id)
	}

	env.Clock.Advance(dueAt.Add(-24 * time.Hour).Sub(env.Clock.Now()))
	run()
	if n := sent(model.MsgFollowUp); n != 0 {
		t.Fatalf("the day before it is due, %d follow-ups were queued", n)
	}
	env.Clock.Advance(24 * time.Hour)
	run()
	run()
	if n := sent(model.MsgFollowUp); n != live-1 {
		t.Fatalf("on the day, %d follow-ups; want %d (all but the one without an address)", n, live-1)
	}
	got := waitMail(t, srv, live-1)
	per := map[string]int{}
	for _, m := range got {
		per[m.To[0]]++
	}
	if len(per) != live-1 {
		t.Errorf("the mail server got %d messages for %d addresses; want one each for %d", len(got), len(per), live-1)
	}

	// The one without an address is the only printable link (signed in
	// again: months have passed).
	officer = env.SignIn(model.RoleProgramOfficer)
	qid := num("SELECT id FROM questionnaires WHERE training_id = ? AND kind = 'followup'", id)
	links := officer.Get(base + "/" + strconv.Itoa(qid) + "/links")
	if links.StatusCode != http.StatusOK || strings.Count(links.Body, "/q/") != 1 {
		t.Errorf("printable links = %d with %d links; want the one without an address", links.StatusCode, strings.Count(links.Body, "/q/"))
	}

	fig := outcome(t, env, id)
	if fig.Trained == 0 || fig.Answered != 0 || fig.Share != nil {
		t.Fatalf("before any answer the outcome is %+v", fig)
	}
	m := quizLink.FindStringSubmatch(officer.Get(base + "/" + strconv.Itoa(qid)).Body)
	if m == nil {
		t.Fatal("the follow-up's sheet shows no link")
	}
	reg := int64(num("SELECT MAX(id) FROM registrations WHERE training_id = ? AND status <> 'withdrawn'", id))
	phone := env.Client()
	answer := url.Values{"code": {badgeCode(env, reg)}, "q_0": {"0"}, "q_1": {"1"}, "q_2": {"Checked seals"}}
	if r := phone.Post("/q/"+m[1], answer); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("answer the follow-up = %d\n%s", r.StatusCode, r.Body)
	}
	after := outcome(t, env, id)
	if after.Answered != 1 || after.Used != 1 || after.Share == nil || *after.Share != 100 || after.Trained != fig.Trained {
		t.Fatalf("after one yes the outcome is %+v (trained before %d)", after, fig.Trained)
	}

	env.Clock.Advance(13 * 24 * time.Hour)
	run()
	if n := sent(model.MsgFollowUpReminder); n != 0 {
		t.Fatalf("after 13 days, %d reminders", n)
	}
	env.Clock.Advance(24 * time.Hour)
	run()
	run()
	if n := sent(model.MsgFollowUpReminder); n != live-2 {
		t.Fatalf("after 14 days, %d reminders; want %d (not the one who answered, not the one without an address)", n, live-2)
	}
	env.Clock.Advance(30 * 24 * time.Hour)
	run()
	if n := sent(model.MsgFollowUpReminder) + sent(model.MsgFollowUp); n != 2*live-3 {
		t.Errorf("a later run queued more: %d messages in all", n)
	}
	waitMail(t, srv, 2*live-3)

	// A follow-up whose message failed for good reached nobody: that
	// person's link is printed too.
	must(env.Store.Exec(ctx, `UPDATE outbox_messages SET status = 'failed' WHERE training_id = ? AND registration_id =
		(SELECT MIN(registration_id) FROM outbox_messages WHERE kind = 'followup' AND training_id = ? AND registration_id <> ?)`, id, id, reg))
	officer = env.SignIn(model.RoleProgramOfficer)
	if links := officer.Get(base + "/" + strconv.Itoa(qid) + "/links"); strings.Count(links.Body, "/q/") != 2 {
		t.Errorf("after a failed follow-up, %d printable links; want 2", strings.Count(links.Body, "/q/"))
	}
}

// outcome is the donor report's outcome figure for training id's project
// over its whole period.
func outcome(t *testing.T, env *webtest.Env, id int64) model.OutcomeFigures {
	t.Helper()
	return reportFor(t, env, id).Outcome
}

// reportFor computes the donor report's figures for training id's project
// over its whole period.
func reportFor(t *testing.T, env *webtest.Env, id int64) model.Figures {
	t.Helper()
	ctx := context.Background()
	d, err := env.Store.TrainingDetail(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if d.ProjectID == nil {
		t.Fatal("the training has no project")
	}
	p, err := env.Store.ProjectByID(ctx, *d.ProjectID)
	if err != nil {
		t.Fatal(err)
	}
	fig, err := report.Compute(ctx, env.Store, report.Filter{ProjectID: p.ID, From: p.StartsOn, To: p.EndsOn,
		AsOf: model.DateOf(env.Clock.Now().In(env.Cairo))})
	if err != nil {
		t.Fatal(err)
	}
	return fig
}

// waitMail waits until srv has accepted n messages in all.
func waitMail(t *testing.T, srv *mailtest.Server, n int) []mailtest.Received {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if got := srv.Messages(); len(got) >= n {
			return got
		}
	}
	t.Fatalf("%d messages arrived, want %d", len(srv.Messages()), n)
	return nil
}
