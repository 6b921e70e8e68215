package attendance_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/attendance"
	"github.com/traindesk/traindesk/internal/model"
)

// lastAudit returns the newest audit line of a kind.
func (f *fixture) lastAudit(t *testing.T, kind model.AuditKind) (model.AuditLine, int64) {
	t.Helper()
	lines, n, err := f.st.AuditLog(context.Background(), model.AuditFilter{Kind: kind, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) == 0 {
		return model.AuditLine{}, 0
	}
	return lines[0], n
}

func TestCorrect(t *testing.T) {
	each(t, func(t *testing.T, f *fixture) {
		ctx := context.Background()
		f.sync(t, f.trainer, f.op("op-before-001", 0, model.MarkPresent, f.clock.Now().Add(-time.Minute), "tablet-1"))
		in := model.Correction{TrainingID: f.course, RegistrationID: f.regs[0].ID, SittingID: f.today.ID,
			Status: model.MarkExcused, Note: "  Medical certificate  "}

		if _, err := f.svc.Correct(ctx, as(f.trainer), in); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("a trainer's correction: %v, want forbidden", err)
		}
		bad := in
		bad.Status = "sideways"
		var ve *model.ValidationError
		if _, err := f.svc.Correct(ctx, as(f.officer), bad); !errors.As(err, &ve) || ve.Fields["status"] != "attendance.error.choose" {
			t.Errorf("a bad status: %v", err)
		}
		if _, n := f.lastAudit(t, model.AuditMarkCorrect); n != 0 {
			t.Errorf("refused corrections left %d audit lines", n)
		}

		before, err := f.svc.Correct(ctx, as(f.officer), in)
		if err != nil || before.Mark != model.MarkPresent {
			t.Fatalf("correction: %v, cell before %+v", err, before)
		}
		cell, err := f.svc.Cell(ctx, as(f.manager), f.course, f.regs[0].ID, f.today.ID)
		if err != nil || cell.Mark != model.MarkExcused || cell.Note != "Medical certificate" || cell.CanCorrect {
			t.Fatalf("cell after: %v %+v", err, cell)
		}
		if len(cell.History) != 2 || cell.History[0].Via != model.ViaCorrection || cell.History[0].OldStatus != "present" {
			t.Errorf("history %+v", cell.History)
		}
		line, n := f.lastAudit(t, model.AuditMarkCorrect)
		if n != 1 || line.EntityID != f.regs[0].ID || line.Values["from"] != "present" || line.Values["to"] != "excused" ||
			line.Related["session"] != f.today.ID || line.Related["training"] != f.course || line.IP != "192.0.2.1" {
			t.Errorf("audit %+v", line)
		}
		if strings.Contains(line.Detail, "Medical") {
			t.Errorf("the note reached the audit log: %s", line.Detail)
		}
	})
}

func TestCorrect_RefusedAndNotFound(t *testing.T) {
	each(t, func(t *testing.T, f *fixture) {
		ctx := context.Background()
		gone := f.regs[f.withdraw(t, 3)]
		in := model.Correction{TrainingID: f.course, RegistrationID: gone.ID, SittingID: f.today.ID, Status: model.MarkPresent}
		var refused *attendance.RefusedError
		cell, err := f.svc.Correct(ctx, as(f.officer), in)
		if !errors.As(err, &refused) || refused.Reason != model.RefuseWithdrawn || cell.Person.ID != gone.ID {
			t.Errorf("withdrawn: %v %+v", err, cell.Person)
		}
		for name, in := range map[string]model.Correction{
			"session of another training":      {TrainingID: f.course, RegistrationID: f.regs[0].ID, SittingID: 1},
			"registration of another training": {TrainingID: f.course, RegistrationID: 1, SittingID: f.today.ID},
			"unknown training":                 {TrainingID: 999, RegistrationID: f.regs[0].ID, SittingID: f.today.ID},
		} {
			in.Status = model.MarkPresent
			if _, err := f.svc.Correct(ctx, as(f.officer), in); !errors.Is(err, model.ErrNotFound) {
				t.Errorf("%s: %v, want not found", name, err)
			}
		}
	})
}

func TestAssessments(t *testing.T) {
	each(t, func(t *testing.T, f *fixture) {
		ctx := context.Background()
		if _, err := f.svc.Assessments(ctx, as(f.manager), f.course); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("manager: %v, want forbidden", err)
		}
		sh, err := f.svc.Assessments(ctx, as(f.trainer), f.course)
		if err != nil || len(sh.Roster) != 17 {
			t.Fatalf("trainer's sheet: %v %d", err, len(sh.Roster))
		}
		id := f.regs[0].ID
		typed := map[int64]model.AssessmentInput{id: {Pre: "45", Post: "120", Satisfaction: "7"}}
		_, err = f.svc.SaveAssessments(ctx, as(f.trainer), f.course, typed)
		var ve *model.ValidationError
		post, sat := "post_"+itoa(id), "sat_"+itoa(id)
		if !errors.As(err, &ve) || ve.Fields[post] != "assessment.error.score" || ve.Fields[sat] != "assessment.error.satisfaction" || len(ve.Fields) != 2 {
			t.Fatalf("invalid scores: %v", err)
		}
		typed = map[int64]model.AssessmentInput{id: {Pre: "45,5", Post: "80", Satisfaction: "5"}}
		if _, err := f.svc.SaveAssessments(ctx, as(f.trainer), f.course, typed); err != nil {
			t.Fatal(err)
		}
		scores, _ := f.st.Assessments(ctx, f.course)
		if a := scores[id]; a.PreScore == nil || *a.PreScore != 45.5 || *a.PostScore != 80 || *a.Satisfaction != 5 || *a.UpdatedByID != f.trainer.ID {
			t.Fatalf("stored %+v", a)
		}
		if len(scores) != 1 {
			t.Errorf("%d rows kept scores, want only the one typed", len(scores))
		}
		line, n := f.lastAudit(t, model.AuditAssessmentsSave)
		if n != 1 || line.EntityID != f.course || line.Values["rows"] != "17" {
			t.Errorf("audit %+v", line)
		}
	})
}

func TestBadges(t *testing.T) {
	each(t, func(t *testing.T, f *fixture) {
		b, err := f.svc.Badges(context.Background(), as(f.manager), f.course)
		if err != nil || len(b.Roster) != 17 || len(b.QR) != 17 {
			t.Fatalf("badges: %v %d", err, len(b.Roster))
		}
		if id := b.Roster[0].ID; b.Codes[id] != f.codes.Code(id) || len(b.QR[id]) == 0 {
			t.Errorf("badge of %d: %q", id, b.Codes[id])
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
