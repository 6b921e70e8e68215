package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestPersonPrivacy_WhoSawWhat: the download of a person's certificate and
// an export of the project's participants with their contacts are recorded
// and listed in that person's subject access download; an export without
// contacts is not, and a person of a training outside the project does not
// see the project's export.
func TestPersonPrivacy_WhoSawWhat(t *testing.T) {
	env, fx := reportEnv(t)
	ctx := context.Background()
	admin, po := env.SignIn(model.RoleAdmin), env.SignIn(model.RoleProgramOfficer)
	li, err := env.Server.Certificates.List(ctx, model.Actor{User: env.Users[model.RoleAdmin]}, fx.Hurghada)
	if err != nil {
		t.Fatal(err)
	}
	var reg int64
	for _, p := range li.Course.People {
		if p.Result.Completed {
			reg = p.ID
			break
		}
	}
	if reg == 0 {
		t.Fatal("no completer on the January course")
	}
	base := fmt.Sprintf("/trainings/%d/certificates", fx.Hurghada)
	if r := po.Post(base+"/issue", url.Values{"registration": {fmt.Sprint(reg)}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("issue = %d", r.StatusCode)
	}
	if r := po.Get(fmt.Sprintf("%s/%d.pdf", base, reg)); r.StatusCode != http.StatusOK {
		t.Fatalf("certificate download = %d", r.StatusCode)
	}
	manager := env.SignIn(model.RoleManager)
	for _, q := range []string{"&contact=1", ""} {
		if r := manager.Get("/reports/export/participants.csv?" + period2023(fx) + q); r.StatusCode != http.StatusOK {
			t.Fatalf("export%s = %d", q, r.StatusCode)
		}
	}
	person := env.Store.MustString(ctx, "SELECT CAST(person_id AS TEXT) FROM registrations WHERE id = ?", reg)
	got := disclosures(t, admin, person)
	want := map[string]int{"certificate_download": 1, "contact_export": 1}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("disclosures of a participant of the January course = %v, want %v", got, want)
	}
	outside := model.Person{NameLatin: "Outside Project", NameArabic: "خارج المشروع", Sex: model.SexFemale, Phone: "+20 100 000 0001"}
	if err := env.Store.CreatePerson(ctx, &outside); err != nil {
		t.Fatal(err)
	}
	if err := env.Store.InsertRegistration(ctx, &model.Registration{TrainingID: fx.OtherFunding, PersonID: outside.ID, Status: model.RegConfirmed}, nil); err != nil {
		t.Fatal(err)
	}
	if got := disclosures(t, admin, strconv.FormatInt(outside.ID, 10)); len(got) != 0 {
		t.Errorf("disclosures of a participant outside the project = %v", got)
	}
}

// disclosures counts, by kind, the disclosures in person id's subject
// access download.
func disclosures(t *testing.T, c *webtest.Client, id string) map[string]int {
	t.Helper()
	if _, err := strconv.ParseInt(id, 10, 64); err != nil {
		t.Fatalf("person id %q", id)
	}
	r := c.Get("/persons/" + id + "/data.json")
	var data model.SubjectAccess
	if err := json.Unmarshal([]byte(r.Body), &data); err != nil {
		t.Fatalf("data.json = %d: %v", r.StatusCode, err)
	}
	kinds := map[string]int{}
	for _, d := range data.Disclosures {
		if d.UserID == nil || d.ObjectID == 0 {
			t.Errorf("disclosure without who or what: %+v", d)
		}
		kinds[d.Action]++
	}
	return kinds
}
