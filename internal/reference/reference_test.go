package reference_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/db/seed"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/reference"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// actor saves a user of role and returns them as an actor (events point
// at real accounts).
func actor(t *testing.T, s *store.Store, role model.Role) model.Actor {
	t.Helper()
	u := model.User{Email: string(role) + "@reference.test", Name: "Test " + string(role), Role: role, PasswordHash: "h", Active: true}
	if err := s.CreateUser(context.Background(), &u); err != nil {
		t.Fatal(err)
	}
	return model.Actor{User: u, IP: "192.0.2." + itoa(u.ID)}
}

// events lists the audit log's events of kind, oldest first.
func events(t *testing.T, s *store.Store, kind model.AuditKind) []model.AuditLine {
	t.Helper()
	lines, _, err := s.AuditLog(context.Background(), model.AuditFilter{Kind: kind, Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	slices.Reverse(lines)
	return lines
}

// demo loads the demo data and returns the id of one used entry per kind.
func demo(t *testing.T, s *store.Store) map[model.RefKind]int64 {
	t.Helper()
	ctx := context.Background()
	if _, err := s.LoadDemo(ctx, seed.Build(model.MustDate("2026-11-27")), store.DemoOptions{PasswordHash: "h"}); err != nil {
		t.Fatal(err)
	}
	r, err := s.AllRefs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[model.RefKind]int64{model.RefDonor: r.Projects[0].DonorID, model.RefProject: r.Projects[0].ID,
		model.RefAgency: r.Agencies[0].ID}
	for _, d := range r.Stations {
		if d.NameEn == "Safaga seaport" {
			ids[model.RefStation] = d.ID
		}
	}
	for _, a := range r.Thematic {
		if a.NameEn == "Counter-smuggling" {
			ids[model.RefThematic] = a.ID
		}
	}
	return ids
}

func TestDelete_RefusedWhileUsed(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		svc, officer := reference.New(s), actor(t, s, model.RoleProgramOfficer)
		for kind, id := range demo(t, s) {
			uses, err := s.References(ctx, kind, id)
			if err != nil || len(uses) == 0 {
				t.Fatalf("%s: uses %v, %v", kind, uses, err)
			}
			e, err := svc.Delete(ctx, officer, kind, id)
			var inUse *model.InUseError
			if !errors.As(err, &inUse) || !errors.Is(err, model.ErrConflict) || !reflect.DeepEqual(inUse.Uses, uses) {
				t.Errorf("%s: delete = %v, want an InUseError with %v", kind, err, uses)
			}
			if e.ID != id || e.NameEn == "" {
				t.Errorf("%s: the refused entry comes back as %+v", kind, e)
			}
		}
		if n := s.MustCount(ctx, "agencies"); n != 1 {
			t.Errorf("%d agencies after refused deletes, want the demo's one", n)
		}
		if ev := events(t, s, model.AuditReferenceDelete); len(ev) != 0 {
			t.Errorf("a refused delete is in the audit log: %+v", ev)
		}

		// An entry nothing uses goes, with its event.
		in := model.ThematicInput{NameEn: "Maritime search and rescue"}
		area, err := svc.SaveThematicArea(ctx, officer, 0, &in)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Delete(ctx, officer, model.RefThematic, area.ID); err != nil {
			t.Fatal(err)
		}
		ev := events(t, s, model.AuditReferenceDelete)
		if len(ev) != 1 || ev[0].Entity != "thematic_area" || ev[0].EntityID != area.ID || *ev[0].UserID != officer.User.ID {
			t.Errorf("delete events %+v", ev)
		}
		if _, err := svc.Delete(ctx, officer, model.RefThematic, area.ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("deleting twice = %v, want ErrNotFound", err)
		}
	})
}

func TestSaveProject_CodeDiffersByMoreThanCase(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		svc, admin := reference.New(s), actor(t, s, model.RoleAdmin)
		din := model.DonorInput{NameEn: "  Kingdom of the Netherlands "}
		d, err := svc.SaveDonor(ctx, admin, 0, &din)
		if err != nil || d.NameEn != "Kingdom of the Netherlands" || din.NameEn != d.NameEn {
			t.Fatalf("donor %+v, form %+v, %v", d, din, err)
		}
		form := func(code string) *model.ProjectInput {
			return &model.ProjectInput{Code: code, TitleEn: "Bridge", DonorID: itoa(d.ID), StartsOn: "2024-01-01",
				EndsOn: "2025-12-31", MasteryThreshold: "70"}
		}
		p, err := svc.SaveProject(ctx, admin, 0, form("BRIDGE"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.SaveProject(ctx, admin, 0, form("bridge")); model.FieldErrors(err)["code"] != "error.code_taken" {
			t.Errorf("a code differing only by case = %v, want code_taken", err)
		}
		if n := s.MustCount(ctx, "projects"); n != 1 {
			t.Errorf("%d projects", n)
		}
		again := form("BRIDGE")
		again.TitleEn, again.MasteryThreshold = "Bridge, second phase", "070"
		if _, err := svc.SaveProject(ctx, admin, p.ID, again); err != nil {
			t.Fatalf("saving a project under its own code: %v", err)
		}
		ev := events(t, s, model.AuditReferenceUpdate)
		if len(ev) != 1 || !reflect.DeepEqual(ev[0].Changed, []string{"title_en"}) || ev[0].Entity != "project" {
			t.Errorf("update events %+v, want title_en changed", ev)
		}
		// The donor offered must be a donor the form offers.
		bad := form("OTHER")
		bad.DonorID = "999"
		if _, err := svc.SaveProject(ctx, admin, 0, bad); model.FieldErrors(err)["donor_id"] == "" {
			t.Errorf("an unknown donor = %v", err)
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestArchive_RestoreAndEvents(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		svc, officer := reference.New(s), actor(t, s, model.RoleProgramOfficer)
		in := model.AgencyInput{NameEn: "Border Guard", NameAr: "حرس الحدود", Kind: "police", FocalName: "Amr Saleh",
			FocalPhone: "+20 100 000 0000", FocalEmail: "amr@example.org"}
		a, err := svc.SaveAgency(ctx, officer, 0, &in)
		if err != nil {
			t.Fatal(err)
		}
		e, err := svc.SetArchived(ctx, officer, model.RefAgency, a.ID, true)
		if err != nil || e.NameEn != "Border Guard" || e.NameAr != "حرس الحدود" {
			t.Fatalf("archive = %+v, %v", e, err)
		}
		if active, _ := s.Agencies(ctx, false); len(active) != 0 {
			t.Errorf("an archived agency is offered to forms: %v", active)
		}
		if _, u, _ := svc.Agency(ctx, officer, a.ID); !u.Archived || len(u.Uses) != 0 {
			t.Errorf("usage %+v", u)
		}
		if _, err := svc.SetArchived(ctx, officer, model.RefAgency, a.ID, false); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.SetArchived(ctx, officer, model.RefAgency, 4242, true); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("archiving a missing agency = %v", err)
		}
		if _, err := svc.SetArchived(ctx, officer, model.RefKind("sdg"), 1, true); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("archiving a fixed list = %v", err)
		}
		for _, k := range []model.AuditKind{model.AuditReferenceCreate, model.AuditReferenceArchive, model.AuditReferenceRestore} {
			ev := events(t, s, k)
			if len(ev) != 1 || ev[0].Entity != "agency" || ev[0].EntityID != a.ID || ev[0].IP != officer.IP {
				t.Errorf("%s events %+v", k, ev)
			}
		}
		// The log names ids and fields, never the focal point's name or
		// contact.
		in.FocalName, in.FocalPhone = "Mona Adel", "+20 100 000 0001"
		if _, err := svc.SaveAgency(ctx, officer, a.ID, &in); err != nil {
			t.Fatal(err)
		}
		ev := events(t, s, model.AuditReferenceUpdate)
		if len(ev) != 1 || !reflect.DeepEqual(ev[0].Changed, []string{"focal_name", "focal_phone"}) {
			t.Errorf("update events %+v", ev)
		}
		lines, _, _ := s.AuditLog(ctx, model.AuditFilter{Limit: 500})
		for _, l := range lines {
			for _, word := range []string{"Amr", "Mona", "Border", "+20", "example.org"} {
				if strings.Contains(l.Detail, word) {
					t.Errorf("the audit log holds %q: %+v", word, l)
				}
			}
		}
	})
}

func TestPolicy_OnlyEditorsChangeReferenceData(t *testing.T) {
	ctx := context.Background()
	s := storetest.SQLite(t, store.Options{})
	svc := reference.New(s)
	admin, manager, trainer := actor(t, s, model.RoleAdmin), actor(t, s, model.RoleManager), actor(t, s, model.RoleTrainer)
	disabled := actor(t, s, model.RoleProgramOfficer)
	disabled.Active = false
	in := model.DonorInput{NameEn: "European Union"}
	d, err := svc.SaveDonor(ctx, model.System, 0, &in)
	if err != nil {
		t.Fatalf("the system adds a donor: %v", err)
	}
	for _, a := range []model.Actor{manager, trainer, disabled, {IP: "192.0.2.9"}} {
		calls := map[string]error{}
		_, calls["list"] = svc.Donors(ctx, a)
		_, calls["overview"] = svc.Overview(ctx, a)
		_, calls["save"] = svc.SaveDonor(ctx, a, d.ID, &model.DonorInput{NameEn: "EU"})
		_, calls["archive"] = svc.SetArchived(ctx, a, model.RefDonor, d.ID, true)
		_, calls["delete"] = svc.Delete(ctx, a, model.RefDonor, d.ID)
		for name, err := range calls {
			if !errors.Is(err, model.ErrForbidden) {
				t.Errorf("%s as %s (active %v) = %v, want ErrForbidden", name, a.Role, a.Active, err)
			}
		}
	}
	if got, _ := s.DonorByID(ctx, d.ID); got.NameEn != "European Union" || got.ArchivedAt != nil {
		t.Errorf("a refused actor changed the donor: %+v", got)
	}
	// Every signed-in screen reads the lists' names without asking.
	if r, err := svc.Refs(ctx); err != nil || len(r.Donors) != 1 {
		t.Errorf("refs = %v, %v", r.Donors, err)
	}
	counts, err := svc.Overview(ctx, admin)
	if err != nil || len(counts) != len(model.RefKinds) {
		t.Fatalf("overview %v, %v", counts, err)
	}
	areas, _ := s.ThematicAreas(ctx, true)
	for _, c := range counts {
		if want := map[model.RefKind]int{model.RefDonor: 1, model.RefThematic: len(areas)}[c.Kind]; c.Active != want || c.Archived != 0 {
			t.Errorf("%s: %d active, %d archived", c.Kind, c.Active, c.Archived)
		}
	}
}

func TestSave_InvalidFormChangesNothing(t *testing.T) {
	ctx := context.Background()
	s := storetest.SQLite(t, store.Options{})
	svc, officer := reference.New(s), actor(t, s, model.RoleProgramOfficer)
	in := model.StationInput{NameEn: "  ", Kind: "seaport", GovernorateID: "17"}
	if _, err := svc.SaveStation(ctx, officer, 0, &in); model.FieldErrors(err)["name_en"] != "error.required_one_language" {
		t.Errorf("a station without a name = %v", err)
	}
	in = model.StationInput{NameEn: "Safaga seaport", Kind: "seaport", GovernorateID: "99"}
	if _, err := svc.SaveStation(ctx, officer, 0, &in); model.FieldErrors(err)["governorate_id"] == "" {
		t.Errorf("an unknown governorate = %v", err)
	}
	if _, err := svc.SaveDonor(ctx, officer, 77, &model.DonorInput{NameEn: "X"}); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("saving a missing donor = %v", err)
	}
	if n := s.MustCount(ctx, "duty_stations") + s.MustCount(ctx, "audit_log"); n != 0 {
		t.Errorf("%d rows after refused forms", n)
	}
}
