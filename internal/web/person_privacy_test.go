package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestPersonPrivacy_AccessThenErase: an administrator downloads what is
// held about a participant (record, registrations, marks, audit trail),
// then erases them; the page then shows the pseudonym and no edit button,
// and both downloads and the erasure are in the audit log.
func TestPersonPrivacy_AccessThenErase(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	ctx := context.Background()
	admin := env.SignIn(model.RoleAdmin)
	id := env.Store.MustString(ctx, "SELECT CAST(MIN(person_id) AS TEXT) FROM registrations WHERE training_id = 1")
	name := env.Store.MustString(ctx, "SELECT name_latin FROM persons WHERE id = ?", id)
	pid, _ := strconv.ParseInt(id, 10, 64)
	msg := model.OutboxMessage{MessageID: "subject-access@traindesk.example", Kind: model.MsgInvitation, Lang: "ar",
		ToAddr: "officer@customs.example", Subject: "Invitation", PersonID: &pid, Raw: []byte("x"), Size: 1,
		Status: model.MsgSent, QueuedAt: time.Now()}
	if _, err := env.Store.InsertOutbox(ctx, &msg); err != nil {
		t.Fatal(err)
	}

	r := admin.Get("/persons/" + id + "/data.json")
	if r.StatusCode != http.StatusOK || !strings.HasPrefix(r.Header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("data = %d %q", r.StatusCode, r.Header.Get("Content-Disposition"))
	}
	var data model.SubjectAccess
	if err := json.Unmarshal([]byte(r.Body), &data); err != nil {
		t.Fatal(err)
	}
	if len(data.Messages) != 1 || data.Messages[0].Kind != model.MsgInvitation || data.Messages[0].ToAddr != "officer@customs.example" ||
		data.Person.LawfulBasis != model.BasisPublicTask || data.Person.BasisOn == nil {
		t.Errorf("subject access: messages %+v, basis %q", data.Messages, data.Person.LawfulBasis)
	}
	if data.Person.NameLatin != name || len(data.Registrations) == 0 || len(data.Marks) == 0 {
		t.Errorf("subject access: %s, %d registrations, %d marks", data.Person.NameLatin, len(data.Registrations), len(data.Marks))
	}

	if r := env.SignIn(model.RoleManager).Get("/persons/" + id); r.StatusCode != http.StatusOK {
		t.Fatalf("the manager views the person: %d", r.StatusCode)
	}
	if r := admin.Get("/persons/" + id + "/erase"); r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "erase-confirm") {
		t.Fatalf("confirmation = %d", r.StatusCode)
	}
	if r := admin.Post("/persons/"+id+"/erase", nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("erase = %d", r.StatusCode)
	}
	if n := env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM outbox_messages WHERE person_id = ?", id); n != "0" {
		t.Errorf("%s messages to the erased person kept", n)
	}
	if d := env.Store.MustString(ctx, "SELECT detail FROM audit_log WHERE action = 'person_erase'"); !strings.Contains(d, `"messages":"1"`) {
		t.Errorf("erasure audit %s", d)
	}
	page := admin.Get("/persons/" + id)
	if strings.Contains(page.Body, name) || !strings.Contains(page.Body, "erased-notice") || strings.Contains(page.Body, "/persons/"+id+"/edit") {
		t.Error("the page still shows the name, or no notice, or an edit button")
	}
	after := admin.Get("/persons/" + id + "/data.json")
	if strings.Contains(after.Body, name) {
		t.Error("the data download still holds the name")
	}
	if err := json.Unmarshal([]byte(after.Body), &data); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, l := range data.Audit {
		kinds[l.Action]++
	}
	if kinds["person_export"] != 1 || kinds["person_erase"] != 1 || kinds["person_view"] != 3 {
		// The manager's view, the confirmation page and the page after.
		t.Errorf("the audit trail in the download: %v", kinds)
	}
}
