package trainings_test

import (
	"errors"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
)

// TestSetRegistrationStatuses confirms a whole list at once on a full
// training of four places with one place for Safaga: the nominated are
// confirmed, the one coming back from withdrawn finds no place and is
// refused by name, and the rest is saved with its history and audit.
// Later, with a place free, a Safaga officer is refused by the quota.
func TestSetRegistrationStatuses(t *testing.T) {
	e := newEnv(t, model.MustDate("2023-02-01"))
	officer := e.actor["officer"]
	refs, err := e.st.AllRefs(e.ctx)
	if err != nil {
		t.Fatal(err)
	}
	safaga, airport := refs.Stations[0].ID, refs.Stations[1].ID
	id := e.create(func(in *model.TrainingInput) {
		in.Capacity = "4"
		in.Quotas = []model.QuotaInput{{StationID: &safaga, Places: "1"}}
	})
	s1, s2 := e.person("Safaga One", &safaga), e.person("Safaga Two", &safaga)
	a, b, c := e.person("Airport A", &airport), e.person("Airport B", &airport), e.person("Airport C", &airport)
	reg := map[string]int64{}
	for _, p := range []model.Person{s1, a, b} {
		reg[p.NameLatin] = e.register(id, p)
	}
	// Safaga One withdraws and Safaga Two takes the Safaga place; Airport
	// C fills the training.
	e.setStatus(id, reg["Safaga One"], model.RegWithdrawn)
	reg["Safaga Two"], reg["Airport C"] = e.register(id, s2), e.register(id, c)
	before := len(e.audit(model.AuditRegistrationStatus))

	all := []int64{reg["Safaga One"], reg["Airport A"], reg["Airport B"], reg["Airport C"], reg["Safaga Two"]}
	res, err := e.svc.SetRegistrationStatuses(e.ctx, officer, id, all, model.RegConfirmed, "Agency confirmed")
	if err != nil {
		t.Fatal(err)
	}
	if res.Changed != 4 || res.Unchanged != 0 || len(res.Refused) != 1 {
		t.Fatalf("result = %+v, want 4 changed and 1 refused", res)
	}
	if r := res.Refused[0]; r.NameLatin != "Safaga One" || !errors.Is(r.Err, model.ErrFull) {
		t.Errorf("refused = %+v, want Safaga One, the training being full", r)
	}
	wantStatuses(t, e, id, map[string]model.RegistrationStatus{"Safaga One": model.RegWithdrawn, "Airport A": model.RegConfirmed,
		"Airport B": model.RegConfirmed, "Airport C": model.RegConfirmed, "Safaga Two": model.RegConfirmed})
	if n := e.st.MustString(e.ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM registration_history WHERE new_status = 'confirmed' AND reason = 'Agency confirmed'"); n != "4" {
		t.Errorf("%s history lines for the confirmations, want 4", n)
	}
	lines := e.audit(model.AuditRegistrationStatus)
	if len(lines)-before != 4 {
		t.Errorf("%d audit events, want 4", len(lines)-before)
	}
	noNames(t, lines[0], "Airport", "Safaga")

	// Confirming again changes nothing.
	res, err = e.svc.SetRegistrationStatuses(e.ctx, officer, id, all[1:], model.RegConfirmed, "")
	if err != nil || res.Changed != 0 || res.Unchanged != 4 {
		t.Errorf("again = %+v, %v", res, err)
	}

	t.Run("QuotaError", func(t *testing.T) {
		if res, err := e.svc.SetRegistrationStatuses(e.ctx, officer, id, []int64{reg["Airport A"]}, model.RegWithdrawn, ""); err != nil || res.Changed != 1 {
			t.Fatalf("withdraw A = %+v, %v", res, err)
		}
		res, err := e.svc.SetRegistrationStatuses(e.ctx, officer, id, []int64{reg["Safaga One"]}, model.RegConfirmed, "")
		var qe *model.QuotaError
		if err != nil || len(res.Refused) != 1 || !errors.As(res.Refused[0].Err, &qe) || *qe.Quota.DutyStationID != safaga {
			t.Fatalf("Safaga One back = %+v, %v; want refused by the Safaga quota", res, err)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		other := e.register(anotherTraining(t, e), a)
		_, err := e.svc.SetRegistrationStatuses(e.ctx, officer, id, []int64{reg["Airport B"], other}, model.RegWithdrawn, "")
		wantErr(t, "a registration of another training", err, model.ErrNotFound)
		wantStatuses(t, e, id, map[string]model.RegistrationStatus{"Airport B": model.RegConfirmed})
	})
	t.Run("ValidationError", func(t *testing.T) {
		_, err := e.svc.SetRegistrationStatuses(e.ctx, officer, id, all, "maybe", "")
		if model.FieldErrors(err)["status"] == "" {
			t.Fatalf("unknown status: %v", err)
		}
	})
	t.Run("ErrForbidden", func(t *testing.T) {
		_, err := e.svc.SetRegistrationStatuses(e.ctx, e.actor["manager"], id, all, model.RegWithdrawn, "")
		wantErr(t, "manager", err, model.ErrForbidden)
	})
}

// register puts p on training id as the officer and returns the
// registration's id.
func (e *env) register(id int64, p model.Person) int64 {
	e.t.Helper()
	if _, err := e.svc.Register(e.ctx, e.actor["officer"], id, p.ID); err != nil {
		e.t.Fatalf("register %s: %v", p.NameLatin, err)
	}
	return e.regID(id, p.ID)
}

// regID is the registration of person on training id.
func (e *env) regID(id, person int64) int64 {
	e.t.Helper()
	roster, err := e.st.Roster(e.ctx, id)
	if err != nil {
		e.t.Fatal(err)
	}
	for _, r := range roster {
		if r.PersonID == person {
			return r.ID
		}
	}
	e.t.Fatalf("person %d is not on training %d", person, id)
	return 0
}

// setStatus changes one registration's status as the officer.
func (e *env) setStatus(id, rid int64, to model.RegistrationStatus) {
	e.t.Helper()
	if err := e.svc.SetRegistrationStatus(e.ctx, e.actor["officer"], id, rid, to, ""); err != nil {
		e.t.Fatalf("status of %d: %v", rid, err)
	}
}

// anotherTraining is a second editable training for the test.
func anotherTraining(t *testing.T, e *env) int64 {
	t.Helper()
	return e.create(func(in *model.TrainingInput) { in.TitleEn = "Another course" })
}

// wantStatuses checks the status of the named people on training id.
func wantStatuses(t *testing.T, e *env, id int64, want map[string]model.RegistrationStatus) {
	t.Helper()
	roster, err := e.st.Roster(e.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range roster {
		if w, ok := want[r.NameLatin]; ok && r.Status != w {
			t.Errorf("%s is %s, want %s", r.NameLatin, r.Status, w)
		}
	}
}
