package store_test

import (
	"context"
	"errors"
	"reflect"
	"strconv"
	"testing"

	"github.com/traindesk/traindesk/db/seed"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// demoIDs loads the demo data and returns the ids of its reference entries.
func demoIDs(t *testing.T, s *store.Store) map[model.RefKind]int64 {
	t.Helper()
	ctx := context.Background()
	if _, err := s.LoadDemo(ctx, seed.Build(model.MustDate("2026-11-27")), store.DemoOptions{PasswordHash: "h"}); err != nil {
		t.Fatal(err)
	}
	p, err := s.ProjectByCode(ctx, "SPHERE II")
	if err != nil {
		t.Fatal(err)
	}
	as, _ := s.Agencies(ctx, false)
	ds, _ := s.DutyStations(ctx, false)
	th, _ := s.ThematicAreas(ctx, false)
	ids := map[model.RefKind]int64{model.RefDonor: p.DonorID, model.RefProject: p.ID, model.RefAgency: as[0].ID}
	for _, d := range ds {
		if d.NameEn == "Safaga seaport" {
			ids[model.RefStation] = d.ID
		}
	}
	for _, a := range th {
		if a.NameEn == "Counter-smuggling" {
			ids[model.RefThematic] = a.ID
		}
	}
	return ids
}

func TestReferences_CountWhatPointsAtAnEntry(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		ids := demoIDs(t, s)
		regs := s.MustCount(ctx, "registrations")
		safagaRegsText := s.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM registrations WHERE duty_station_id = ?", ids[model.RefStation])
		safagaPersons := s.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM persons WHERE duty_station_id = ?", ids[model.RefStation])
		cases := []struct {
			kind model.RefKind
			want []model.Use
		}{
			{model.RefDonor, []model.Use{{What: "projects", Count: 1}}},
			{model.RefProject, []model.Use{{What: "trainings", Count: 4}}},
			{model.RefAgency, []model.Use{{What: "trainings", Count: 4}, {What: "persons", Count: 32}, {What: "registrations", Count: regs}, {What: "duty_stations", Count: 3}}},
			{model.RefThematic, []model.Use{{What: "trainings", Count: 2}}},
			{model.RefStation, []model.Use{{What: "persons", Count: atoi(t, safagaPersons)}, {What: "registrations", Count: atoi(t, safagaRegsText)}}},
		}
		for _, c := range cases {
			got, err := s.References(ctx, c.kind, ids[c.kind])
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("%s: references %v, want %v", c.kind, got, c.want)
			}
		}
		// An unused thematic area has no references and goes.
		unused := model.ThematicArea{NameEn: "Maritime search and rescue"}
		if err := s.CreateThematicArea(ctx, &unused); err != nil {
			t.Fatal(err)
		}
		if got, err := s.References(ctx, model.RefThematic, unused.ID); err != nil || len(got) != 0 {
			t.Fatalf("unused area: %v, %v", got, err)
		}
		if err := s.DeleteReference(ctx, model.RefThematic, unused.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ThematicAreaByID(ctx, unused.ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("deleted area still found: %v", err)
		}
		if err := s.DeleteReference(ctx, model.RefThematic, unused.ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("deleting twice = %v, want ErrNotFound", err)
		}
	})
}

func atoi(t *testing.T, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n == 0 {
		t.Fatalf("count %q: %v", s, err)
	}
	return n
}

func TestReferences_ArchiveKeepsTheFirstDay(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		d := model.Donor{NameEn: "European Union", ShortName: "EU"}
		if err := s.CreateDonor(ctx, &d); err != nil {
			t.Fatal(err)
		}
		if err := s.SetArchived(ctx, model.RefDonor, d.ID, true); err != nil {
			t.Fatal(err)
		}
		first, _ := s.DonorByID(ctx, d.ID)
		if first.ArchivedAt == nil {
			t.Fatal("not archived")
		}
		if active, _ := s.Donors(ctx, false); len(active) != 0 {
			t.Errorf("an archived donor is listed for forms: %v", active)
		}
		s.SetArchived(ctx, model.RefDonor, d.ID, true)
		if again, _ := s.DonorByID(ctx, d.ID); !again.ArchivedAt.Equal(*first.ArchivedAt) {
			t.Errorf("archiving twice moved the day from %v to %v", first.ArchivedAt, again.ArchivedAt)
		}
		if err := s.SetArchived(ctx, model.RefDonor, d.ID, false); err != nil {
			t.Fatal(err)
		}
		if back, _ := s.DonorByID(ctx, d.ID); back.ArchivedAt != nil {
			t.Error("restoring left the donor archived")
		}
		if err := s.SetArchived(ctx, model.RefAgency, 4242, true); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("archiving a missing agency = %v", err)
		}
	})
}

func TestProjects_CodeTakenAndIndicatorsGoWithTheProject(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		d := model.Donor{NameEn: "Kingdom of the Netherlands"}
		s.CreateDonor(ctx, &d)
		p := model.Project{Code: "BRIDGE", TitleEn: "Bridge", DonorID: d.ID, StartsOn: model.MustDate("2024-01-01"),
			EndsOn: model.MustDate("2025-12-31"), MasteryThreshold: 70}
		if err := s.CreateProject(ctx, &p); err != nil {
			t.Fatal(err)
		}
		if taken, err := s.ProjectCodeTaken(ctx, "bridge", 0); err != nil || !taken {
			t.Errorf("a code differing only by case: taken = %v, %v", taken, err)
		}
		if taken, _ := s.ProjectCodeTaken(ctx, "BRIDGE", p.ID); taken {
			t.Error("a project's own code counts as taken")
		}
		dup := p
		dup.ID = 0
		if err := s.CreateProject(ctx, &dup); !errors.Is(err, model.ErrConflict) {
			t.Errorf("the same code twice = %v, want ErrConflict", err)
		}
		p.TitleEn = "Bridge, second phase"
		if err := s.UpdateProject(ctx, &p); err != nil {
			t.Errorf("saving a project under its own code: %v", err)
		}
		i := model.Indicator{ProjectID: p.ID, Code: "1", NameEn: "Officers trained", Unit: "count",
			Metric: model.MetricOfficialsTrained, Target: 50}
		if err := s.CreateIndicator(ctx, &i); err != nil {
			t.Fatal(err)
		}
		i.Target = 60
		if err := s.UpdateIndicator(ctx, &i); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.IndicatorByID(ctx, p.ID, i.ID); got.Target != 60 {
			t.Errorf("target = %v", got.Target)
		}
		if _, err := s.IndicatorByID(ctx, p.ID+1, i.ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("an indicator read through another project: %v", err)
		}
		if err := s.DeleteReference(ctx, model.RefProject, p.ID); err != nil {
			t.Fatal(err)
		}
		if n := s.MustCount(ctx, "indicators"); n != 0 {
			t.Errorf("%d indicators outlived their project", n)
		}
	})
}
