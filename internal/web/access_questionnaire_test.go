package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"
)

// accessQuestionnaires is the access table of the questionnaires: staff
// build and run them; anybody with the signed link answers, with a
// participant's badge code. It comes last in the table because its last
// line closes the questionnaires.
var accessQuestionnaires = []access{
	// Managers read the questionnaires and their results; they do not run them.
	{route: "GET /trainings/:id/questionnaires", want: codes{see, ok, ok, ok, ok, nf}},
	{route: "GET /trainings/:id/questionnaires/build", path: "/trainings/{T}/questionnaires/build?kind=evaluation",
		want: codes{see, ok, ok, no, no, nf}},
	{route: "POST /trainings/:id/questionnaires", want: codes{see, see, see, no, no, nf},
		form: url.Values{"kind": {"evaluation"}, "source": {"R: Useful | مفيدة"}}},
	{route: "POST /trainings/:id/questionnaires/followup", want: codes{see, see, see, no, no, nf},
		form: url.Values{"months": {"3"}}},
	{route: "GET /trainings/:id/questionnaires/:qid", want: codes{see, ok, ok, ok, ok, nf}},
	{route: "GET /trainings/:id/questionnaires/:qid/links", want: codes{see, ok, ok, no, ok, nf}},
	{route: "POST /trainings/:id/questionnaires/:qid/bank", want: codes{see, see, see, no, no, nf}},
	{route: "POST /trainings/:id/questionnaires/:qid/open",
		want: codes{see, see, see, no, see, nf}},
	// Without an account: the signed link shows the questions to anybody.
	{route: "GET /q/:token", want: codes{ok, ok, ok, ok, ok, ok}},
	{route: "GET /q/:token/done", want: codes{ok, ok, ok, ok, ok, ok}},
	// Answering takes a participant's code (TestAccessQuestionnaire_Codes
	// tries the link and the code forged, and no code at all).
	{route: "POST /q/:token", path: "/q/{QT}?code={QCODE}&q_0=0&q_1=true&q_2=14", want: codes{see, see, see, see, see, see}},
	{route: "POST /trainings/:id/questionnaires/:qid/close",
		want: codes{see, see, see, no, see, nf}},
}

// TestAccessQuestionnaire_Codes asks the participants' routes as every
// actor with a forged link, no code, and a code that is no participant's:
// who is signed in changes nothing, and nothing is stored.
func TestAccessQuestionnaire_Codes(t *testing.T) {
	f := newAccessFixture(t)
	before := f.env.Store.MustString(t.Context(), "SELECT CAST(COUNT(*) AS TEXT) FROM questionnaire_responses")
	for _, a := range []access{
		{route: "GET /q/:token", path: "/q/{QZ}-AAAAAAAAAA", want: codes{nf, nf, nf, nf, nf, nf}},
		{route: "POST /q/:token", path: "/q/{QZ}-AAAAAAAAAA?code={QCODE}&q_0=0&q_1=true&q_2=14", want: codes{nf, nf, nf, nf, nf, nf}},
		{route: "POST /q/:token", path: "/q/{QT}?q_0=0&q_1=true&q_2=14", want: codes{inv, inv, inv, inv, inv, inv}},
		{route: "POST /q/:token", path: "/q/{QT}?code=1-AAAAAAA&q_0=0&q_1=true&q_2=14", want: codes{inv, inv, inv, inv, inv, inv}},
	} {
		if got := f.probe(t, a); got != a.want {
			t.Errorf("%s %s = %v; want %v", a.route, a.path, got, a.want)
		}
	}
	if after := f.env.Store.MustString(t.Context(), "SELECT CAST(COUNT(*) AS TEXT) FROM questionnaire_responses"); after != before {
		t.Errorf("answers stored by refused requests: %s, then %s", before, after)
	}
}

// openQuizzes gives each training an open pre-test.
func (f *accessFixture) openQuizzes(t *testing.T, ids ...string) {
	t.Helper()
	for _, id := range ids {
		r := f.clients[actAdmin].Post("/trainings/"+id+"/questionnaires", url.Values{"kind": {"pre"}, "source": {quizSource}})
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("build the pre-test of %s = %d", id, r.StatusCode)
		}
		if r := f.clients[actAdmin].Post(r.Header.Get("Location")+"/open", nil); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("open the pre-test of %s = %d", id, r.StatusCode)
		}
	}
}

// quizObjects adds the placeholders of a training's pre-test: its id (QZ),
// its link's token (QT) and the badge code of its first registration
// (QCODE).
func (f *accessFixture) quizObjects(t *testing.T, m map[string]string) {
	t.Helper()
	m["QZ"] = f.env.Store.MustString(t.Context(), "SELECT CAST(id AS TEXT) FROM questionnaires WHERE training_id = ? AND kind = 'pre'", m["T"])
	page := f.clients[actAdmin].Get("/trainings/" + m["T"] + "/questionnaires/" + m["QZ"])
	if l := quizLink.FindStringSubmatch(page.Body); l != nil {
		m["QT"] = l[1]
	}
	reg, _ := strconv.ParseInt(m["R"], 10, 64)
	m["QCODE"] = badgeCode(f.env, reg)
}
