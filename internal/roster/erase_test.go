package roster_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/report"
	"github.com/traindesk/traindesk/internal/report/reporttest"
	"github.com/traindesk/traindesk/internal/roster"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// TestErase_FiguresUnchanged computes every donor figure of the
// hand-counted fixture, erases three people (one of them with a duplicate
// record merged into him), and computes them again: nothing may change,
// on SQLite and PostgreSQL. The erased names are gone from the persons
// and from the audit log.
func TestErase_FiguresUnchanged(t *testing.T) {
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		fx, err := reporttest.Seed(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		figures := donorFigures(t, s, fx.ProjectID)
		before := figures()
		reporttest.Check(t, before[0])

		admin := newAdmin(t, s)
		actor := model.Actor{User: admin, IP: "192.0.2.1"}
		names := map[string]int64{}
		for _, name := range []string{"Hesham Farouk Osman", "Ahmed Mahmoud Abdelrahman", "Mona Abdelhalim Salem"} {
			id := storetestID(t, s, name)
			names[name] = id
		}
		svc := roster.New(s, nil, nil, nil)
		for _, id := range names {
			p, err := svc.Erase(ctx, actor, id)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(p.NameLatin, "Person ") || p.Phone != "" || p.Email != "" || p.ErasedAt == nil {
				t.Errorf("erased person %d: %+v", id, p)
			}
		}
		if after := figures(); !reflect.DeepEqual(before, after) {
			t.Errorf("the figures changed:\nbefore %+v\nafter  %+v", before, after)
		}
		dup, err := s.Person(ctx, fx.Duplicate)
		if err != nil || !strings.HasPrefix(dup.NameLatin, "Person ") || dup.ErasedAt == nil {
			t.Errorf("the duplicate merged into Hesham keeps %q (%v)", dup.NameLatin, err)
		}
		for name := range names {
			if n := s.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM persons WHERE name_latin = ?", name); n != "0" {
				t.Errorf("%s is still in the registry", name)
			}
			if n := s.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM audit_log WHERE detail LIKE ?", "%"+strings.Fields(name)[0]+"%"); n != "0" {
				t.Errorf("the audit log names %s", name)
			}
		}
		// What is held about an erased person: the pseudonym, the facts,
		// the marks, and the erasure in their audit trail.
		data, err := svc.SubjectAccess(ctx, actor, names["Hesham Farouk Osman"])
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(data.Person.NameLatin, "Person ") || len(data.MergedRecords) != 1 || len(data.Marks) == 0 ||
			len(data.Registrations) == 0 || len(data.Audit) == 0 || data.Audit[len(data.Audit)-1].Action != "person_erase" {
			t.Errorf("subject access after erasure: %+v", data)
		}
		if n := s.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM audit_log WHERE action = 'person_erase' AND user_id = ?", admin.ID); n != "3" {
			t.Errorf("%s erasure lines, want 3", n)
		}
	})
}

// TestErase_OnlyAdministrators: a programme officer edits persons but does
// not erase them; an erased person cannot be edited back.
func TestErase_OnlyAdministrators(t *testing.T) {
	ctx := context.Background()
	s := storetest.SQLite(t, store.Options{})
	if _, err := reporttest.Seed(ctx, s); err != nil {
		t.Fatal(err)
	}
	officer, _ := s.UserByEmail(ctx, "officer@traindesk.local")
	admin := newAdmin(t, s)
	id := storetestID(t, s, "Ahmed Mahmoud Abdelrahman")
	svc := roster.New(s, nil, nil, nil)
	if _, err := svc.Erase(ctx, model.Actor{User: officer}, id); err != model.ErrForbidden {
		t.Errorf("officer erases: %v", err)
	}
	if _, err := svc.Erase(ctx, model.Actor{User: admin}, id); err != nil {
		t.Fatal(err)
	}
	in := model.PersonInput{NameLatin: "Ahmed Mahmoud Abdelrahman", Sex: "M"}
	if _, err := svc.UpdatePerson(ctx, model.Actor{User: officer}, id, roster.PersonRequest{Input: in}); err != model.ErrPersonErased {
		t.Errorf("edit after erasure: %v", err)
	}
}

func storetestID(t *testing.T, s *store.Store, name string) int64 {
	t.Helper()
	var id int64
	v := s.MustString(context.Background(), "SELECT CAST(id AS TEXT) FROM persons WHERE name_latin = ? AND merged_into_id IS NULL", name)
	for _, c := range v {
		id = id*10 + int64(c-'0')
	}
	if id == 0 {
		t.Fatalf("no person %q", name)
	}
	return id
}

// newAdmin adds an administrator (the demo has none).
func newAdmin(t *testing.T, s *store.Store) model.User {
	t.Helper()
	u := model.User{Email: "dpo@example.org", Name: "Data protection", Role: model.RoleAdmin, PasswordHash: "x", Active: true}
	if err := s.CreateUser(context.Background(), &u); err != nil {
		t.Fatal(err)
	}
	return u
}

// donorFigures computes every donor figure of the hand-counted fixture's
// project, for a year and for all time, to compare before and after a
// change that must not move them.
func donorFigures(t *testing.T, s *store.Store, projectID int64) func() []model.Figures {
	from, to := model.YearPeriod(2023)
	filters := []report.Filter{
		{ProjectID: projectID, From: from, To: to, AsOf: reporttest.Today},
		{ProjectID: projectID, From: model.MustDate("2020-01-01"), To: model.MustDate("2030-12-31"), AsOf: reporttest.Today},
	}
	return func() []model.Figures {
		var out []model.Figures
		for _, f := range filters {
			fig, err := report.Compute(context.Background(), s, f)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, fig)
		}
		return out
	}
}
