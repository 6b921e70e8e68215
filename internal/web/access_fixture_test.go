package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// The actors of the access table. trainer facilitates every demo training;
// trainer2 facilitates only the training the fixture adds, so each of them
// has a training of their own and a foreign one.
const (
	actAnon     = "anonymous"
	actAdmin    = "admin"
	actOfficer  = "officer"
	actManager  = "manager"
	actTrainer  = "trainer"
	actTrainer2 = "trainer2"
)

// accessFixture is the demo plus what the access table's addresses need:
// a second trainer with a training of their own, an issued certificate, a
// pending upload, a merge, an export job per role and a spare user.
type accessFixture struct {
	env     *webtest.Env
	clients map[string]*webtest.Client
	// own holds the placeholders' values for the demo training (A), which
	// trainer facilitates; foreign those for the added training (B), which
	// only trainer2 facilitates. Placeholders outside a training are the
	// same in both.
	own, foreign map[string]string
	// jobs is each role's own export job.
	jobs map[string]string
}

// newAccessFixture builds the demo and everything the table refers to.
func newAccessFixture(t *testing.T) *accessFixture {
	t.Helper()
	env := webtest.New(t, webtest.Options{Demo: true})
	f := &accessFixture{env: env, clients: map[string]*webtest.Client{actAnon: env.Client()}, jobs: map[string]string{}}
	roles := map[string]model.Role{actAdmin: model.RoleAdmin, actOfficer: model.RoleProgramOfficer,
		actManager: model.RoleManager, actTrainer: model.RoleTrainer}
	for who, role := range roles {
		f.clients[who] = env.SignIn(role)
	}
	trainer2 := f.newUser(t, "second-trainer@example.org", model.RoleTrainer)
	spare := f.newUser(t, "spare-user@example.org", model.RoleManager)
	f.clients[actTrainer2] = env.Client()
	if r := f.clients[actTrainer2].SignIn("second-trainer@example.org", webtest.Password); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("the second trainer cannot sign in: %d", r.StatusCode)
	}

	a := "1"
	b := f.foreignTraining(t, a, trainer2)
	f.openQuizzes(t, a, b)
	f.own = f.trainingObjects(t, a)
	f.foreign = f.trainingObjects(t, b)
	shared := f.sharedObjects(t, a)
	shared["USER"] = spare
	for k, v := range shared {
		f.own[k], f.foreign[k] = v, v
	}
	for _, who := range []string{actAdmin, actOfficer, actManager} {
		f.jobs[who] = f.exportJob(t, f.clients[who])
	}
	return f
}

// newUser adds a user with the test password and returns their id.
func (f *accessFixture) newUser(t *testing.T, email string, role model.Role) string {
	t.Helper()
	r := f.clients[actAdmin].Post("/admin/users", url.Values{"email": {email}, "name": {"Access " + string(role)},
		"role": {string(role)}, "password": {webtest.Password}})
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("add user %s = %d", email, r.StatusCode)
	}
	id := f.env.Store.MustString(context.Background(), "SELECT CAST(id AS TEXT) FROM users WHERE email = ?", email)
	if id == "" {
		t.Fatalf("user %s not saved", email)
	}
	return id
}

// foreignTraining copies training a (same dates, sessions and status),
// gives it one participant, and makes trainer2 its only facilitator.
func (f *accessFixture) foreignTraining(t *testing.T, a, trainer2 string) string {
	t.Helper()
	ctx := context.Background()
	b := createdID(t, f.clients[actAdmin].Post("/trainings/"+a+"/copy", nil))
	for _, q := range []string{
		"DELETE FROM training_facilitators WHERE training_id = " + b,
		"INSERT INTO training_facilitators (training_id, user_id) VALUES (" + b + ", " + trainer2 + ")",
		"UPDATE trainings SET status = (SELECT status FROM trainings WHERE id = " + a + ") WHERE id = " + b,
	} {
		if err := f.env.Store.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	person := f.env.Store.MustString(ctx, "SELECT CAST(MIN(person_id) AS TEXT) FROM registrations WHERE training_id = ?", a)
	if r := f.clients[actAdmin].Post("/trainings/"+b+"/registrations", url.Values{"person_id": {person}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("register on the foreign training = %d", r.StatusCode)
	}
	return b
}

// trainingObjects are the placeholders that belong to training id: the
// training, its first session, its first registration and an evidence file.
func (f *accessFixture) trainingObjects(t *testing.T, id string) map[string]string {
	t.Helper()
	ctx := context.Background()
	m := map[string]string{
		"T": id,
		"S": f.env.Store.MustString(ctx, "SELECT CAST(MIN(id) AS TEXT) FROM sittings WHERE training_id = ? AND deleted_at IS NULL", id),
		"R": f.env.Store.MustString(ctx, "SELECT CAST(MIN(id) AS TEXT) FROM registrations WHERE training_id = ?", id),
	}
	f.quizObjects(t, m)
	for k, v := range m {
		if v == "" {
			t.Fatalf("training %s has no %s", id, k)
		}
	}
	m["E"] = f.evidence(t, id)
	return m
}

var uploadID = regexp.MustCompile(`/import/(\d+)$`)

// sharedObjects are the placeholders outside a training, and the
// certificates and the upload of training a (roles that reach them see
// every training, so they need no foreign copy).
func (f *accessFixture) sharedObjects(t *testing.T, a string) map[string]string {
	t.Helper()
	ctx := context.Background()
	st := f.env.Store
	officer := f.clients[actOfficer]
	if r := officer.Post("/trainings/"+a+"/certificates/issue", nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("issue the certificates = %d", r.StatusCode)
	}
	cert := st.MustString(ctx, "SELECT CAST(MIN(c.id) AS TEXT) FROM certificates c JOIN registrations r ON r.id = c.registration_id WHERE r.training_id = ?", a)
	m := map[string]string{
		"C":        cert,
		"F":        st.MustString(ctx, "SELECT CAST(registration_id AS TEXT) FROM certificates WHERE id = ?", cert) + ".pdf",
		"CODE":     st.MustString(ctx, "SELECT code FROM certificates WHERE id = ?", cert),
		"U":        f.upload(t, a),
		"P":        st.MustString(ctx, "SELECT CAST(MIN(person_id) AS TEXT) FROM registrations WHERE training_id = ?", a),
		"M":        f.merge(t, a),
		"DONOR":    st.MustString(ctx, "SELECT CAST(MIN(id) AS TEXT) FROM donors"),
		"PROJECT":  st.MustString(ctx, "SELECT CAST(MIN(id) AS TEXT) FROM projects"),
		"AGENCY":   st.MustString(ctx, "SELECT CAST(MIN(id) AS TEXT) FROM agencies"),
		"STATION":  st.MustString(ctx, "SELECT CAST(MIN(id) AS TEXT) FROM duty_stations"),
		"THEMATIC": st.MustString(ctx, "SELECT CAST(MIN(id) AS TEXT) FROM thematic_areas"),
		"TOKEN":    f.adminToken(t),
		"ASSET":    "css/app.css",
		"CSV":      "trainings.csv",
	}
	m["IND"] = st.MustString(ctx, "SELECT CAST(MIN(id) AS TEXT) FROM indicators WHERE project_id = ?", m["PROJECT"])
	m["MSG"] = f.message(t, a)
	m["LTR"] = f.letter(t, a)
	m["FEED"] = "not-a-feed-token.ics"
	for k, v := range m {
		if v == "" || v == ".pdf" {
			t.Fatalf("no %s for the access table", k)
		}
	}
	return m
}

// upload sends a nomination list to training a and returns the upload's id.
func (f *accessFixture) upload(t *testing.T, a string) string {
	t.Helper()
	up := f.clients[actOfficer].Upload("/trainings/"+a+"/import", "file", "nominations.csv",
		[]byte("Name,الاسم\nAccess Test,اختبار الوصول\n"), nil)
	m := uploadID.FindStringSubmatch(up.Header.Get("Location"))
	if up.StatusCode != http.StatusSeeOther || m == nil {
		t.Fatalf("upload = %d to %q", up.StatusCode, up.Header.Get("Location"))
	}
	return m[1]
}

// indicator adds an indicator to project and returns its id.
func (f *accessFixture) indicator(t *testing.T, project string) string {
	t.Helper()
	r := f.clients[actOfficer].Post("/reference/projects/"+project+"/indicators", url.Values{"code": {"X"},
		"name_en": {"Access check"}, "unit": {"count"}, "metric": {"manual"}, "baseline": {"0"}, "target": {"1"}, "position": {"9"}})
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("add an indicator = %d", r.StatusCode)
	}
	return f.env.Store.MustString(context.Background(), "SELECT CAST(MAX(id) AS TEXT) FROM indicators WHERE project_id = ?", project)
}

// merge merges a new duplicate into a demo participant of training a and
// returns the merge's id.
func (f *accessFixture) merge(t *testing.T, a string) string {
	t.Helper()
	officer := f.clients[actOfficer]
	dup := createdPerson(t, officer.Post("/persons", url.Values{"name_arabic": {"مكرر للاختبار"}, "sex": {"M"}, "confirm_new": {"1"}, "basis": {"consent"}, "basis_purpose": {"Training"}}))
	keep := f.env.Store.MustString(context.Background(), "SELECT CAST(MAX(person_id) AS TEXT) FROM registrations WHERE training_id = ?", a)
	if r := officer.Post("/persons/"+dup+"/merge", url.Values{"into": {keep}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("merge = %d", r.StatusCode)
	}
	return f.env.Store.MustString(context.Background(), "SELECT CAST(id AS TEXT) FROM person_merges WHERE merged_id = ?", dup)
}

var jobPath = regexp.MustCompile(`^/reports/jobs/([^/]+)`)

// exportJob starts an export as c's user and returns the job's id.
func (f *accessFixture) exportJob(t *testing.T, c *webtest.Client) string {
	t.Helper()
	project := f.env.Store.MustString(context.Background(), "SELECT CAST(MIN(id) AS TEXT) FROM projects")
	r := c.Post("/reports/export", url.Values{"format": {"csv"}, "table": {"trainings"}, "async": {"1"},
		"project": {project}, "from": {"2023-01-01"}, "to": {"2023-12-31"}})
	m := jobPath.FindStringSubmatch(r.Header.Get("Location"))
	if r.StatusCode != http.StatusSeeOther || m == nil {
		t.Fatalf("start an export = %d to %q", r.StatusCode, r.Header.Get("Location"))
	}
	return m[1]
}
