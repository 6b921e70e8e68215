package trainings_test

import (
	"errors"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
)

func TestRegister(t *testing.T) {
	e := newEnv(t, model.MustDate("2023-02-01"))
	officer := e.actor["officer"]
	refs, err := e.st.AllRefs(e.ctx)
	if err != nil || len(refs.Stations) < 2 {
		t.Fatalf("refs: %v, %d stations", err, len(refs.Stations))
	}
	safaga, airport := refs.Stations[0].ID, refs.Stations[1].ID
	// Three places, one of them for Safaga.
	id := e.create(func(in *model.TrainingInput) {
		in.Capacity = "3"
		in.Quotas = []model.QuotaInput{{StationID: &safaga, Places: "1"}}
	})
	first, second := e.person("Safaga One", &safaga), e.person("Safaga Two", &safaga)
	a, b, c := e.person("Airport A", &airport), e.person("Airport B", &airport), e.person("Airport C", &airport)

	if _, err := e.svc.Register(e.ctx, officer, id, first.ID); err != nil {
		t.Fatalf("first: %v", err)
	}
	t.Run("ErrAlreadyRegistered", func(t *testing.T) {
		_, err := e.svc.Register(e.ctx, officer, id, first.ID)
		wantErr(t, "again", err, model.ErrAlreadyRegistered)
	})
	t.Run("ErrQuotaFull", func(t *testing.T) {
		_, err := e.svc.Register(e.ctx, officer, id, second.ID)
		var qe *model.QuotaError
		if !errors.As(err, &qe) || qe.Quota.DutyStationID == nil || *qe.Quota.DutyStationID != safaga || qe.Used != 1 {
			t.Fatalf("second from Safaga: %v, want the Safaga quota used up", err)
		}
	})
	for _, p := range []model.Person{a, b} {
		if _, err := e.svc.Register(e.ctx, officer, id, p.ID); err != nil {
			t.Fatalf("%s: %v", p.NameLatin, err)
		}
	}
	t.Run("ErrFull", func(t *testing.T) {
		_, err := e.svc.Register(e.ctx, officer, id, c.ID)
		wantErr(t, "fourth", err, model.ErrFull)
	})
	t.Run("ErrPersonMerged", func(t *testing.T) {
		if err := e.st.Exec(e.ctx, "UPDATE persons SET merged_into_id = ? WHERE id = ?", a.ID, c.ID); err != nil {
			t.Fatal(err)
		}
		_, err := e.svc.Register(e.ctx, officer, id, c.ID)
		wantErr(t, "merged", err, model.ErrPersonMerged)
	})
	if n := e.st.MustString(e.ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM registrations WHERE training_id = ?", id); n != "3" {
		t.Fatalf("%s registrations, want 3: a refusal wrote something", n)
	}
	lines := e.audit(model.AuditRegistrationCreate)
	if len(lines) != 3 || lines[0].Entity != "registration" || lines[0].Related["training"] != id || lines[0].Related["person"] != b.ID {
		t.Fatalf("audit = %+v", lines)
	}
	noNames(t, lines[0], "Airport", "Safaga")
}

func TestSetRegistrationStatus(t *testing.T) {
	e := newEnv(t, model.MustDate("2023-02-01"))
	officer := e.actor["officer"]
	id := e.create(func(in *model.TrainingInput) { in.Capacity = "1" })
	a, b := e.person("Officer A", nil), e.person("Officer B", nil)
	if _, err := e.svc.Register(e.ctx, officer, id, a.ID); err != nil {
		t.Fatal(err)
	}
	roster, _ := e.st.Roster(e.ctx, id)
	ra := roster[0].ID
	if err := e.svc.SetRegistrationStatus(e.ctx, officer, id, ra, model.RegWithdrawn, "Posted abroad"); err != nil {
		t.Fatalf("withdraw: %v", err)
	}
	// The withdrawal frees the place: B takes it, and A cannot come back.
	if _, err := e.svc.Register(e.ctx, officer, id, b.ID); err != nil {
		t.Fatalf("B after the withdrawal: %v", err)
	}
	wantErr(t, "back from withdrawn", e.svc.SetRegistrationStatus(e.ctx, officer, id, ra, model.RegConfirmed, ""), model.ErrFull)
	if err := e.svc.SetRegistrationStatus(e.ctx, officer, id, ra, "gone", ""); model.FieldErrors(err)["status"] == "" {
		t.Fatalf("unknown status: %v", err)
	}
	other := e.create(nil)
	wantErr(t, "registration of another training", e.svc.SetRegistrationStatus(e.ctx, officer, other, ra, model.RegConfirmed, ""), model.ErrNotFound)

	if h := e.st.MustString(e.ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM registration_history WHERE registration_id = ?", ra); h != "2" {
		t.Errorf("history of A has %s lines, want 2 (nominated, withdrawn)", h)
	}
	lines := e.audit(model.AuditRegistrationStatus)
	if len(lines) != 1 || lines[0].Values["from"] != "nominated" || lines[0].Values["to"] != "withdrawn" {
		t.Fatalf("audit = %+v", lines)
	}
	noNames(t, lines[0], "Posted abroad")
}
