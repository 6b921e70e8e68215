package trainings_test

import (
	"slices"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
)

func TestCreateAndUpdate(t *testing.T) {
	e := newEnv(t, model.MustDate("2023-02-01"))
	officer := e.actor["officer"]
	t.Run("ErrOutsideProject", func(t *testing.T) {
		project := int64(1)
		in := input(func(in *model.TrainingInput) {
			in.ProjectID, in.StartsOn, in.EndsOn = &project, "2021-06-01", "2021-06-02"
		})
		_, err := e.svc.Create(e.ctx, officer, in)
		if model.FieldErrors(err)["starts_on"] != "training.error.outside_project" {
			t.Fatalf("outside the project's period: %v", err)
		}
		in.OutsideOK = true
		if _, err := e.svc.Create(e.ctx, officer, in); err != nil {
			t.Fatalf("confirmed: %v", err)
		}
	})
	t.Run("ErrForbidden", func(t *testing.T) {
		_, err := e.svc.Create(e.ctx, e.actor["manager"], input(nil))
		wantErr(t, "a manager plans", err, model.ErrForbidden)
	})
	id := e.create(nil)
	d, err := e.svc.Training(e.ctx, officer, id)
	if err != nil || d.Status != model.StatusDraft || d.CreatedByID == nil || *d.CreatedByID != officer.ID {
		t.Fatalf("created: %+v, %v", d.Training, err)
	}
	sits, _ := e.st.Sittings(e.ctx, id)
	if len(sits) != 3 || sits[0].StartsAt != "09:30" || sits[2].Date != model.MustDate("2023-03-07") {
		t.Fatalf("one session a day: %+v", sits)
	}
	// Longer dates add a session for the new day and keep the others.
	err = e.svc.Update(e.ctx, officer, id, input(func(in *model.TrainingInput) { in.EndsOn, in.Capacity = "2023-03-08", "25" }))
	if err != nil {
		t.Fatal(err)
	}
	if sits, _ := e.st.Sittings(e.ctx, id); len(sits) != 4 {
		t.Fatalf("after extending: %d sessions, want 4", len(sits))
	}
	lines := e.audit(model.AuditTrainingUpdate)
	if len(lines) != 1 || !slices.Equal(lines[0].Changed, []string{"capacity", "ends_on"}) {
		t.Fatalf("update audit = %+v", lines)
	}
}

func TestSetStatus(t *testing.T) {
	e := newEnv(t, model.MustDate("2023-02-01"))
	officer := e.actor["officer"]
	id := e.create(nil)
	status := func() model.Training {
		d, _ := e.svc.Training(e.ctx, officer, id)
		return d.Training
	}
	if err := e.svc.SetStatus(e.ctx, officer, id, model.StatusPlanned, ""); err != nil {
		t.Fatal(err)
	}
	wantErr(t, "planned to completed", e.svc.SetStatus(e.ctx, officer, id, model.StatusCompleted, ""), model.ErrStatusMove)
	if err := e.svc.SetStatus(e.ctx, officer, id, model.StatusCancelled, "  "); model.FieldErrors(err)["reason"] != "training.error.cancel_reason" {
		t.Fatalf("cancel without a reason: %v", err)
	}
	if st := status(); st.Status != model.StatusPlanned {
		t.Fatalf("a refused move changed the status to %s", st.Status)
	}
	if err := e.svc.SetStatus(e.ctx, officer, id, model.StatusCancelled, "Port closed by weather"); err != nil {
		t.Fatal(err)
	}
	if st := status(); st.Status != model.StatusCancelled || st.CancelReason != "Port closed by weather" {
		t.Fatalf("cancelled: %+v", st)
	}
	if err := e.svc.SetStatus(e.ctx, officer, id, model.StatusDraft, "ignored"); err != nil {
		t.Fatal(err)
	}
	if st := status(); st.Status != model.StatusDraft || st.CancelReason != "" {
		t.Fatalf("back to draft keeps %q", st.CancelReason)
	}
	lines := e.audit(model.AuditTrainingStatus)
	if len(lines) != 3 || lines[1].Values["to"] != "cancelled" || lines[0].Values["from"] != "cancelled" {
		t.Fatalf("status audit = %+v", lines)
	}
	noNames(t, lines[1], "Port closed")
}

func TestCopy(t *testing.T) {
	e := newEnv(t, model.MustDate("2023-02-01"))
	admin := e.actor["admin"]
	cp, err := e.svc.Copy(e.ctx, admin, hurghada)
	if err != nil {
		t.Fatal(err)
	}
	src, _ := e.svc.Training(e.ctx, admin, hurghada)
	d, _ := e.svc.Training(e.ctx, admin, cp.ID)
	if d.Status != model.StatusDraft || d.CopiedFromID == nil || *d.CopiedFromID != hurghada || *d.CreatedByID != admin.ID ||
		d.TitleEn != src.TitleEn || !slices.Equal(d.SDGs, src.SDGs) || !slices.Equal(d.FacilitatorIDs(), src.FacilitatorIDs()) {
		t.Fatalf("copy = %+v", d)
	}
	srcSits, _ := e.st.Sittings(e.ctx, hurghada)
	sits, _ := e.st.Sittings(e.ctx, cp.ID)
	if len(sits) != len(srcSits) || sits[0].Topic != srcSits[0].Topic || sits[0].Marks != 0 {
		t.Fatalf("copied sessions = %+v", sits)
	}
	if roster, _ := e.st.Roster(e.ctx, cp.ID); len(roster) != 0 {
		t.Fatalf("the copy has %d participants", len(roster))
	}
	if lines := e.audit(model.AuditTrainingCopy); len(lines) != 1 || lines[0].EntityID != cp.ID || lines[0].Related["copied_from"] != hurghada {
		t.Fatalf("copy audit = %+v", lines)
	}
}

// TestVisibility: a trainer sees the trainings they facilitate and no
// other; seeing is not changing.
func TestVisibility(t *testing.T) {
	e := newEnv(t, model.MustDate("2023-01-17"))
	other, trainer := e.actor["other"], e.actor["trainer"]
	sits, _ := e.st.Sittings(e.ctx, hurghada)
	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := e.svc.Training(e.ctx, other, hurghada)
		wantErr(t, "training", err, model.ErrNotFound)
		_, err = e.svc.Page(e.ctx, other, hurghada)
		wantErr(t, "page", err, model.ErrNotFound)
		_, err = e.svc.Sheet(e.ctx, other, hurghada, sits[0].ID)
		wantErr(t, "sheet", err, model.ErrNotFound)
		wantErr(t, "status", e.svc.SetStatus(e.ctx, other, hurghada, model.StatusCompleted, ""), model.ErrNotFound)
	})
	t.Run("ErrForbidden", func(t *testing.T) {
		wantErr(t, "trainer sets status", e.svc.SetStatus(e.ctx, trainer, hurghada, model.StatusCompleted, ""), model.ErrForbidden)
		_, err := e.svc.Copy(e.ctx, e.actor["manager"], hurghada)
		wantErr(t, "manager copies", err, model.ErrForbidden)
	})
	if p, err := e.svc.Page(e.ctx, trainer, hurghada); err != nil || len(p.Roster) != 27 {
		t.Fatalf("the facilitator's page: %v", err)
	}
	if sh, err := e.svc.Sheet(e.ctx, trainer, hurghada, sits[1].ID); err != nil || sh.Number != 2 {
		t.Fatalf("the facilitator's sheet: %+v, %v", sh.Number, err)
	}
	all, _ := e.svc.List(e.ctx, e.actor["manager"], model.TrainingFilter{})
	none, _ := e.svc.List(e.ctx, other, model.TrainingFilter{})
	if all.Total != 4 || none.Total != 0 {
		t.Fatalf("lists: manager %d, other trainer %d", all.Total, none.Total)
	}
	month, err := e.svc.Calendar(e.ctx, trainer, model.Date{})
	if err != nil || month.Month != 1 || month.Year != 2023 || len(month.Rows) != 2 || month.Rows[0].ID != hurghada {
		t.Fatalf("this month's calendar: %d trainings, %v", len(month.Rows), err)
	}
	if month, _ := e.svc.Calendar(e.ctx, other, model.Date{}); len(month.Rows) != 0 {
		t.Fatalf("an unrelated trainer's calendar shows %d trainings", len(month.Rows))
	}
}
