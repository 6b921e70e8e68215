package trainings_test

import (
	"testing"

	"github.com/traindesk/traindesk/internal/model"
)

func TestSittings(t *testing.T) {
	e := newEnv(t, model.MustDate("2023-01-17"))
	officer := e.actor["officer"]
	sits, _ := e.st.Sittings(e.ctx, hurghada)
	marked := sits[0].ID
	t.Run("ErrOutsideDates", func(t *testing.T) {
		page, err := e.svc.UpdateSitting(e.ctx, officer, hurghada, marked, model.SittingInput{Date: "2023-02-20", StartsAt: "09:00", EndsAt: "15:00"})
		if model.FieldErrors(err)["date"] != "training.error.session_outside" || page.Marks != 27 || page.Training.ID != hurghada {
			t.Fatalf("outside the dates: %v, page %+v", err, page)
		}
	})
	t.Run("ErrHasAttendance", func(t *testing.T) {
		page, err := e.svc.RemoveSitting(e.ctx, officer, hurghada, marked, false)
		wantErr(t, "unconfirmed", err, model.ErrHasAttendance)
		if page.Marks != 27 || page.Sitting.ID != marked {
			t.Fatalf("the page to ask = %+v", page)
		}
		if n := len(mustSittings(t, e)); n != 4 {
			t.Fatalf("%d sessions left, want 4", n)
		}
	})
	if _, err := e.svc.RemoveSitting(e.ctx, officer, hurghada, marked, true); err != nil {
		t.Fatalf("confirmed: %v", err)
	}
	if n := len(mustSittings(t, e)); n != 3 {
		t.Fatalf("%d sessions left, want 3", n)
	}
	if n := e.st.MustString(e.ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM attendance WHERE sitting_id = ?", marked); n != "27" {
		t.Fatalf("the removed session keeps %s marks, want 27", n)
	}
	// A session without marks goes without asking.
	page, err := e.svc.AddSitting(e.ctx, officer, hurghada, model.SittingInput{Date: "2023-01-16", StartsAt: "16:00", EndsAt: "17:00", Topic: "Extra"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.RemoveSitting(e.ctx, officer, hurghada, page.Sitting.ID, false); err != nil {
		t.Fatalf("remove an empty session: %v", err)
	}
	other := e.create(nil)
	_, err = e.svc.Sitting(e.ctx, officer, other, sits[1].ID)
	wantErr(t, "a session through another training", err, model.ErrNotFound)
	lines := e.audit(model.AuditSessionDelete)
	if len(lines) != 2 || lines[1].Values["marks"] != "27" || lines[1].Values["confirmed"] != "true" || lines[1].Related["training"] != hurghada {
		t.Fatalf("delete audit = %+v", lines)
	}
}

func mustSittings(t *testing.T, e *env) []model.SittingRow {
	t.Helper()
	s, err := e.st.Sittings(e.ctx, hurghada)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
