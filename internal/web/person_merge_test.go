package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// registrationsOf lists a person's registration ids, oldest first.
func registrationsOf(t *testing.T, env *webtest.Env, personID int64) string {
	t.Helper()
	agg := "GROUP_CONCAT(id, ',')"
	if env.Store.Dialect() == "postgres" {
		agg = "string_agg(CAST(id AS TEXT), ',')"
	}
	return env.Store.MustString(context.Background(),
		"SELECT COALESCE("+agg+", '') FROM (SELECT id FROM registrations WHERE person_id = ? ORDER BY id) r", personID)
}

// newDuplicate creates, through the pages, an Arabic-only duplicate of a
// demo officer and registers it on a training.
func newDuplicate(t *testing.T, env *webtest.Env, po *webtest.Client, arabic, trainingID string) string {
	t.Helper()
	id := createdPerson(t, po.Post("/persons", url.Values{"name_arabic": {arabic}, "sex": {"M"}, "confirm_new": {"1"}, "basis": {"consent"}, "basis_purpose": {"Training"}}))
	if r := po.Post("/trainings/"+trainingID+"/registrations", url.Values{"person_id": {id}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("register the duplicate = %d", r.StatusCode)
	}
	return id
}

// mergeCase is a demo officer (the survivor) and an Arabic-only duplicate
// of him on another training, with both registration lists before a merge.
type mergeCase struct {
	env               *webtest.Env
	po                *webtest.Client
	keep, dup         string
	keepRegs, dupRegs string
	keepID, dupID     int64
}

func TestRegistry_MergeAndUndo(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	ahmed := demoPerson(t, env, "Ahmed Mahmoud Abdelrahman")
	c := mergeCase{env: env, po: po, keep: itoa(ahmed.ID), keepID: ahmed.ID,
		dup: newDuplicate(t, env, po, "احمد محمود عبدالرحمن", demoTraining(t, env, "Counter-smuggling refresher"))}
	c.dupID = mustID(c.dup)
	c.keepRegs, c.dupRegs = registrationsOf(t, env, c.keepID), registrationsOf(t, env, c.dupID)
	if strings.Count(c.keepRegs, ",") != 2 || c.dupRegs == "" || strings.Contains(c.dupRegs, ",") {
		t.Fatalf("before: survivor %q, duplicate %q", c.keepRegs, c.dupRegs)
	}

	// Without a search the screen suggests the likely duplicate.
	r := po.Get("/persons/" + c.dup + "/merge")
	if r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "/persons/"+c.dup+"/merge?into="+c.keep) {
		t.Fatalf("merge screen = %d, does not suggest the demo officer", r.StatusCode)
	}
	r = po.Get("/persons/" + c.dup + "/merge?into=" + c.keep)
	for _, want := range []string{"What the merge will do", "with their attendance, test scores and certificates: 1.",
		`name="into" value="` + c.keep + `"`, "data-confirm"} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("compare screen lacks %q", want)
		}
	}
	r = po.Post("/persons/"+c.dup+"/merge", url.Values{"into": {c.keep}})
	if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/persons/"+c.keep {
		t.Fatalf("merge = %d to %q", r.StatusCode, r.Header.Get("Location"))
	}
	mid := c.checkMerged(t)
	c.checkPagesAfterMerge(t, mid)
	c.checkUndo(t, mid)
	lines, _, _ := env.Store.AuditLog(context.Background(), model.AuditFilter{ObjectType: "person", Limit: 10})
	actions := map[string]bool{}
	for _, l := range lines {
		actions[l.Action] = true
	}
	if !actions["person_merge"] || !actions["person_merge_undo"] || !actions["person_create"] {
		t.Errorf("audit actions = %v", actions)
	}
}

// checkMerged finds the registrations moved and the merge row; it returns
// the merge's id.
func (c mergeCase) checkMerged(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	if got := registrationsOf(t, c.env, c.keepID); got != c.keepRegs+","+c.dupRegs {
		t.Fatalf("survivor registrations = %q, want %q", got, c.keepRegs+","+c.dupRegs)
	}
	if got := registrationsOf(t, c.env, c.dupID); got != "" {
		t.Fatalf("the duplicate kept %q", got)
	}
	mid := c.env.Store.MustString(ctx, "SELECT CAST(id AS TEXT) FROM person_merges WHERE merged_id = ? AND survivor_id = ? AND undone_at IS NULL", c.dupID, c.keepID)
	m, err := c.env.Store.PersonMergeByID(ctx, mustID(mid))
	if err != nil || m.MovedRegistrations != "["+c.dupRegs+"]" || m.MergedByID == nil {
		t.Fatalf("merge row %+v, %v", m, err)
	}
	return mid
}

// checkPagesAfterMerge reads the survivor's and the duplicate's pages and
// the search after a merge.
func (c mergeCase) checkPagesAfterMerge(t *testing.T, mid string) {
	t.Helper()
	page := c.po.Get("/persons/" + c.keep)
	if !strings.Contains(page.Body, "was merged into") || !strings.Contains(page.Body, "Trainings: 4") ||
		!strings.Contains(page.Body, "Records merged into this one") {
		t.Error("the survivor's page does not show the merge")
	}
	if body := c.po.Get("/persons?q=" + url.QueryEscape("احمد محمود")).Body; strings.Contains(body, `href="/persons/`+c.dup+`"`) ||
		!strings.Contains(body, `href="/persons/`+c.keep+`"`) {
		t.Error("search after the merge still finds the duplicate, or lost the survivor")
	}
	if !strings.Contains(c.po.Get("/persons?q=Abdelrahman+Mahmoud").Body, ">4</td>") {
		t.Error("the survivor's training count did not grow to 4")
	}
	gone := c.po.Get("/persons/" + c.dup)
	if !strings.Contains(gone.Body, "This record was merged into:") || !strings.Contains(gone.Body, `action="/persons/merges/`+mid+`/undo"`) {
		t.Fatal("the merged person's page lacks the notice or the undo button")
	}
	if r := c.po.Get("/persons/" + c.dup + "/edit"); r.StatusCode != http.StatusSeeOther {
		t.Errorf("editing a merged person = %d, want a redirect", r.StatusCode)
	}
}

// checkUndo undoes the merge and finds everything as it was.
func (c mergeCase) checkUndo(t *testing.T, mid string) {
	t.Helper()
	ctx := context.Background()
	r := c.po.Post("/persons/merges/"+mid+"/undo", nil)
	if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/persons/"+c.dup {
		t.Fatalf("undo = %d to %q", r.StatusCode, r.Header.Get("Location"))
	}
	if a, d := registrationsOf(t, c.env, c.keepID), registrationsOf(t, c.env, c.dupID); a != c.keepRegs || d != c.dupRegs {
		t.Fatalf("after undo: survivor %q (want %q), duplicate %q (want %q)", a, c.keepRegs, d, c.dupRegs)
	}
	if p, _ := c.env.Store.Person(ctx, c.dupID); p.MergedIntoID != nil {
		t.Fatal("the duplicate is still merged")
	}
	if m, _ := c.env.Store.PersonMergeByID(ctx, mustID(mid)); m.UndoneAt == nil || m.UndoneByID == nil {
		t.Fatal("the undo was not recorded")
	}
	if !strings.Contains(c.po.Get("/persons/"+c.dup).Body, "The merge was undone") {
		t.Error("no confirmation after the undo")
	}
	c.po.Post("/persons/merges/"+mid+"/undo", nil)
	if !strings.Contains(c.po.Get("/persons/"+c.dup).Body, "already been undone") {
		t.Error("undoing twice was not explained")
	}
}

func TestRegistry_MergeRefusesSharedTraining(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	ahmed := demoPerson(t, env, "Ahmed Mahmoud Abdelrahman")
	keep := itoa(ahmed.ID)
	hurghada := demoTraining(t, env, "Counter-smuggling for customs officers")
	dup := newDuplicate(t, env, po, "احمد محمود عبدالرحمن", hurghada)
	before := registrationsOf(t, env, mustID(dup))

	// The compare screen already warns and offers no merge button.
	r := po.Get("/persons/" + dup + "/merge?into=" + keep)
	if !strings.Contains(r.Body, "cannot be merged") || strings.Contains(r.Body, `name="into"`) {
		t.Error("the compare screen does not warn about the shared training")
	}
	r = po.Post("/persons/"+dup+"/merge", url.Values{"into": {keep}})
	if r.StatusCode != http.StatusConflict || !strings.Contains(r.Body, "Counter-smuggling for customs officers") ||
		!strings.Contains(r.Body, "/trainings/"+hurghada) {
		t.Fatalf("merge with a shared training = %d, or the training is not named", r.StatusCode)
	}
	if got := registrationsOf(t, env, mustID(dup)); got != before {
		t.Fatalf("a refused merge moved registrations: %q → %q", before, got)
	}
	if n := env.Store.MustCount(context.Background(), "person_merges"); n != 0 {
		t.Fatalf("%d merge rows after a refusal", n)
	}
}
