package web_test

import (
	"context"
	"net/http"
	"testing"
)

// accessEvidence is the access table of a training's evidence files:
// editors add and delete, a trainer adds to their own training, managers
// read, and a trainer never learns of a foreign training's files.
var accessEvidence = []access{
	{route: "GET /trainings/:id/evidence", want: codes{see, ok, ok, ok, ok, nf}},
	// Without a file the upload is refused beside the field.
	{route: "POST /trainings/:id/evidence", want: codes{see, inv, inv, no, inv, nf}},
	{route: "GET /trainings/:id/evidence.zip", want: codes{see, ok, ok, ok, ok, nf}},
	{route: "GET /trainings/:id/evidence/:eid", want: codes{see, ok, ok, ok, ok, nf}},
	{route: "GET /trainings/:id/evidence/:eid/thumb", want: codes{see, ok, ok, ok, ok, nf}},
	// Marking nobody is a valid answer: editors and the training's own
	// trainer save it, managers only read. (Before the delete below, which
	// takes the fixture's photo.)
	{route: "POST /trainings/:id/evidence/:eid/people", want: codes{see, see, see, no, see, nf}},
	{route: "POST /trainings/:id/evidence/:eid/delete", want: codes{see, see, see, no, no, nf}, each: func(t *testing.T, f *accessFixture) map[string]string {
		return map[string]string{"E": f.evidence(t, f.own["T"])}
	}},
}

// evidence attaches a small photo to training id as the officer and
// returns the file's id.
func (f *accessFixture) evidence(t *testing.T, id string) string {
	t.Helper()
	r := f.clients[actOfficer].Upload("/trainings/"+id+"/evidence", "files", "photo.png", tinyPNG(t), map[string][]string{"kind": {"photo"}})
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("attach evidence to %s = %d", id, r.StatusCode)
	}
	return f.env.Store.MustString(context.Background(), "SELECT CAST(MAX(id) AS TEXT) FROM evidence_files WHERE training_id = ?", id)
}
