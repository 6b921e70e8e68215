package reference_test

import (
	"context"
	"errors"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/reference"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

func TestIndicators_BelongToTheirProject(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		svc, officer := reference.New(s), actor(t, s, model.RoleProgramOfficer)
		ids := demo(t, s)
		pid := ids[model.RefProject]
		p, draft, err := svc.NewIndicator(ctx, officer, pid)
		if err != nil || p.ID != pid || draft.Unit != model.UnitCount || draft.Baseline != "0" {
			t.Fatalf("new indicator %+v %+v, %v", p, draft, err)
		}
		existing, _ := s.Indicators(ctx, pid)
		if draft.Position != itoa(int64(len(existing)+1)) {
			t.Errorf("position %s after %d indicators", draft.Position, len(existing))
		}
		draft.Code, draft.NameEn, draft.Metric, draft.Target = "9", "Officers briefed", string(model.MetricOfficialsTrained), "40"
		_, i, err := svc.SaveIndicator(ctx, officer, pid, 0, &draft)
		if err != nil {
			t.Fatal(err)
		}
		ev := events(t, s, model.AuditReferenceCreate)
		if len(ev) != 1 || ev[0].Entity != "indicator" || ev[0].Related["project"] != pid {
			t.Errorf("indicator events %+v", ev)
		}
		// Through another project the indicator is not found.
		other := model.ProjectInput{Code: "OTHER", TitleEn: "Other", DonorID: itoa(ids[model.RefDonor]), StartsOn: "2024-01-01",
			EndsOn: "2024-12-31", MasteryThreshold: "70"}
		op, err := svc.SaveProject(ctx, officer, 0, &other)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := svc.Indicator(ctx, officer, op.ID, i.ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("an indicator read through another project: %v", err)
		}
		if _, err := svc.DeleteIndicator(ctx, officer, op.ID, i.ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("an indicator deleted through another project: %v", err)
		}
		bad := model.IndicatorInput{NameEn: "Share of women", Metric: string(model.MetricWomenShare), Unit: model.UnitCount, Target: "30"}
		if _, _, err := svc.SaveIndicator(ctx, officer, pid, i.ID, &bad); model.FieldErrors(err)["unit"] == "" {
			t.Errorf("a count for a percentage = %v", err)
		}
		if _, err := svc.DeleteIndicator(ctx, officer, pid, i.ID); err != nil {
			t.Fatal(err)
		}
		if ev := events(t, s, model.AuditReferenceDelete); len(ev) != 1 || ev[0].Related["project"] != pid {
			t.Errorf("delete events %+v", ev)
		}
		// A project nothing uses goes with its indicators.
		if _, _, err := svc.SaveIndicator(ctx, officer, op.ID, 0, &model.IndicatorInput{NameEn: "Trainings held",
			Metric: string(model.MetricTrainingsHeld), Unit: model.UnitCount, Target: "2"}); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Delete(ctx, officer, model.RefProject, op.ID); err != nil {
			t.Fatal(err)
		}
		if left, _ := s.Indicators(ctx, op.ID); len(left) != 0 {
			t.Errorf("%d indicators outlived their project", len(left))
		}
	})
}
