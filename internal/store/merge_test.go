package store_test

import (
	"context"
	"errors"
	"strconv"
	"testing"

	"github.com/traindesk/traindesk/db/seed"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// mergeFixture is the demo data plus a duplicate of its first officer
// (Ahmed Mahmoud Abdelrahman, on three trainings) registered on the one
// training he is not on, with a mark, so that the merge has a registration
// with attendance to move.
type mergeFixture struct {
	s                   *store.Store
	survivor, duplicate int64
	refresher, hurghada int64
	dupRegistration     int64
}

func newMergeFixture(t *testing.T, s *store.Store) mergeFixture {
	t.Helper()
	ctx := context.Background()
	if _, err := s.LoadDemo(ctx, seed.Build(model.MustDate("2023-01-17")), store.DemoOptions{PasswordHash: "h", NameKey: roster.NameKey}); err != nil {
		t.Fatal(err)
	}
	f := mergeFixture{s: s}
	f.survivor = mustID(t, s.MustString(ctx, "SELECT CAST(id AS TEXT) FROM persons WHERE name_latin = 'Ahmed Mahmoud Abdelrahman'"))
	f.hurghada = mustID(t, s.MustString(ctx, "SELECT CAST(id AS TEXT) FROM trainings WHERE starts_on = '2023-01-16'"))
	f.refresher = mustID(t, s.MustString(ctx, "SELECT CAST(id AS TEXT) FROM trainings WHERE title LIKE 'Counter-smuggling refresher%'"))
	d := model.Person{NameArabic: "احمد محمود عبدالرحمن", Sex: model.SexMale, Phone: "+201012003100"}
	d.NameKey = roster.NameKey(d.NameLatin, d.NameArabic)
	if err := s.CreatePerson(ctx, &d); err != nil {
		t.Fatal(err)
	}
	f.duplicate = d.ID
	r := model.Registration{TrainingID: f.refresher, PersonID: d.ID, Status: model.RegNominated}
	if err := s.Register(ctx, &r, nil); err != nil {
		t.Fatal(err)
	}
	f.dupRegistration = r.ID
	sitting := mustID(t, s.MustString(ctx, "SELECT CAST(MIN(id) AS TEXT) FROM sittings WHERE training_id = ?", f.refresher))
	if err := s.Exec(ctx, "INSERT INTO attendance (registration_id, sitting_id, status, recorded_at) VALUES (?, ?, 'present', ?)",
		r.ID, sitting, s.Now()); err != nil {
		t.Fatal(err)
	}
	return f
}

func mustID(t *testing.T, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatalf("id %q: %v", s, err)
	}
	return n
}

func (f mergeFixture) owner(t *testing.T, reg int64) int64 {
	t.Helper()
	r, err := f.s.Registration(context.Background(), reg)
	if err != nil {
		t.Fatal(err)
	}
	return r.PersonID
}

func TestMergePersons_MovesAndUndoes(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		f := newMergeFixture(t, s)
		before, _ := s.PersonHistory(ctx, f.survivor)
		by := int64(1)
		m, err := s.MergePersons(ctx, f.duplicate, f.survivor, &by)
		if err != nil {
			t.Fatal(err)
		}
		if ids, _ := store.MovedIDs(m); len(ids) != 1 || ids[0] != f.dupRegistration {
			t.Fatalf("moved = %s, want [%d]", m.MovedRegistrations, f.dupRegistration)
		}
		if f.owner(t, f.dupRegistration) != f.survivor {
			t.Fatal("the registration did not move to the survivor")
		}
		after, _ := s.PersonHistory(ctx, f.survivor)
		if len(after) != len(before)+1 {
			t.Fatalf("survivor history %d → %d trainings", len(before), len(after))
		}
		for _, h := range after {
			if h.TrainingID == f.refresher && h.Attended != 1 {
				t.Errorf("the moved registration lost its mark: %+v", h)
			}
		}
		dup, _ := s.Person(ctx, f.duplicate)
		if dup.MergedIntoID == nil || *dup.MergedIntoID != f.survivor {
			t.Fatalf("duplicate merged into %v", dup.MergedIntoID)
		}
		if a, err := s.ActiveMergeOf(ctx, f.duplicate); err != nil || a.ID != m.ID {
			t.Fatalf("active merge = %+v, %v", a, err)
		}
		// Merged persons leave the search and the duplicate pool.
		rows, _, _ := s.Persons(ctx, model.PersonFilter{Terms: roster.SearchTerms("احمد محمود"), Limit: 50})
		for _, r := range rows {
			if r.ID == f.duplicate {
				t.Error("the merged person is still found by the search")
			}
		}
		pool, _ := s.AllCandidates(ctx)
		for _, p := range pool {
			if p.ID == f.duplicate {
				t.Error("the merged person is still a duplicate candidate")
			}
		}
		if _, err := s.MergePersons(ctx, f.duplicate, f.survivor, nil); !errors.Is(err, model.ErrAlreadyMerged) {
			t.Errorf("merging again: %v", err)
		}

		f.checkUndo(t, m.ID, len(before))
	})
}

// checkUndo undoes merge mid and finds the fixture as it was, with the
// survivor back to wantHistory trainings.
func (f mergeFixture) checkUndo(t *testing.T, mid int64, wantHistory int) {
	t.Helper()
	ctx, by := context.Background(), int64(1)
	s := f.s
	undone, err := s.UndoMerge(ctx, mid, &by)
	if err != nil {
		t.Fatal(err)
	}
	if undone.UndoneAt == nil || undone.UndoneByID == nil || *undone.UndoneByID != by {
		t.Fatalf("undo not recorded: %+v", undone)
	}
	if f.owner(t, f.dupRegistration) != f.duplicate {
		t.Fatal("the registration did not move back")
	}
	if h, _ := s.PersonHistory(ctx, f.survivor); len(h) != wantHistory {
		t.Fatalf("survivor history after undo: %d, want %d", len(h), wantHistory)
	}
	if dup, _ := s.Person(ctx, f.duplicate); dup.MergedIntoID != nil {
		t.Fatal("the duplicate is still marked as merged")
	}
	if _, err := s.UndoMerge(ctx, mid, &by); !errors.Is(err, model.ErrMergeUndone) {
		t.Errorf("undoing twice: %v", err)
	}
	if _, err := s.MergePersons(ctx, f.survivor, f.survivor, nil); !errors.Is(err, model.ErrMergeSelf) {
		t.Errorf("merging into oneself: %v", err)
	}
}

func TestMergePersons_RefusesSharedTraining(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		f := newMergeFixture(t, s)
		r := model.Registration{TrainingID: f.hurghada, PersonID: f.duplicate, Status: model.RegNominated}
		if err := s.Register(ctx, &r, nil); err != nil {
			t.Fatal(err)
		}
		_, err := s.MergePersons(ctx, f.duplicate, f.survivor, nil)
		var ce *model.MergeClashError
		if !errors.As(err, &ce) || !errors.Is(err, model.ErrConflict) {
			t.Fatalf("merge = %v, want a clash", err)
		}
		if len(ce.Trainings) != 1 || ce.Trainings[0].TrainingID != f.hurghada {
			t.Fatalf("clashes = %+v", ce.Trainings)
		}
		// Nothing changed.
		if f.owner(t, r.ID) != f.duplicate || f.owner(t, f.dupRegistration) != f.duplicate {
			t.Error("a registration moved although the merge was refused")
		}
		if dup, _ := s.Person(ctx, f.duplicate); dup.MergedIntoID != nil {
			t.Error("the duplicate was marked as merged")
		}
		if n := s.MustCount(ctx, "person_merges"); n != 0 {
			t.Errorf("%d merge rows after a refused merge", n)
		}
	})
}

func TestUndoMerge_AfterSurvivorMergedAgain(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		f := newMergeFixture(t, s)
		first, err := s.MergePersons(ctx, f.duplicate, f.survivor, nil)
		if err != nil {
			t.Fatal(err)
		}
		third := model.Person{NameLatin: "Ahmed M. Abdelrahman", Sex: model.SexMale}
		third.NameKey = roster.NameKey(third.NameLatin, "")
		if err := s.CreatePerson(ctx, &third); err != nil {
			t.Fatal(err)
		}
		second, err := s.MergePersons(ctx, f.survivor, third.ID, nil)
		if err != nil {
			t.Fatal(err)
		}
		if f.owner(t, f.dupRegistration) != third.ID {
			t.Fatal("the second merge did not carry the first one's registration along")
		}
		if _, err := s.UndoMerge(ctx, first.ID, nil); !errors.Is(err, model.ErrSurvivorMerged) {
			t.Fatalf("undoing the first merge while its survivor is merged: %v", err)
		}
		// Undone in reverse order, both merges come apart exactly.
		if _, err := s.UndoMerge(ctx, second.ID, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := s.UndoMerge(ctx, first.ID, nil); err != nil {
			t.Fatal(err)
		}
		if f.owner(t, f.dupRegistration) != f.duplicate {
			t.Fatal("the registration is not back with the duplicate")
		}
		if h, _ := s.PersonHistory(ctx, third.ID); len(h) != 0 {
			t.Fatalf("the third person kept %d registrations", len(h))
		}
	})
}

// TestMergePersons_EmptyWithdrawnStays merges persons who are both on a
// training where the duplicate had withdrawn before anything was recorded:
// that registration stays with the merged record, the rest moves, and
// undo restores everything.
func TestMergePersons_EmptyWithdrawnStays(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		f := newMergeFixture(t, s)
		r := model.Registration{TrainingID: f.hurghada, PersonID: f.duplicate, Status: model.RegWithdrawn}
		if err := s.Register(ctx, &r, nil); err != nil {
			t.Fatal(err)
		}
		m, err := s.MergePersons(ctx, f.duplicate, f.survivor, nil)
		if err != nil {
			t.Fatalf("merge: %v", err)
		}
		if f.owner(t, r.ID) != f.duplicate || f.owner(t, f.dupRegistration) != f.survivor {
			t.Fatal("the empty withdrawn registration moved, or the real one stayed")
		}
		if ids, _ := store.MovedIDs(m); len(ids) != 1 || ids[0] != f.dupRegistration {
			t.Fatalf("moved = %v", ids)
		}
		if _, err := s.UndoMerge(ctx, m.ID, nil); err != nil {
			t.Fatal(err)
		}
		if f.owner(t, r.ID) != f.duplicate || f.owner(t, f.dupRegistration) != f.duplicate {
			t.Fatal("undo did not restore the registrations")
		}
		// With a mark on the withdrawn registration it is a real clash again.
		sitting := mustID(t, s.MustString(ctx, "SELECT CAST(MIN(id) AS TEXT) FROM sittings WHERE training_id = ?", f.hurghada))
		if err := s.Exec(ctx, "INSERT INTO attendance (registration_id, sitting_id, status, recorded_at) VALUES (?, ?, 'absent', ?)",
			r.ID, sitting, s.Now()); err != nil {
			t.Fatal(err)
		}
		var ce *model.MergeClashError
		if _, err := s.MergePersons(ctx, f.duplicate, f.survivor, nil); !errors.As(err, &ce) {
			t.Fatalf("merge with a marked withdrawn registration = %v, want a clash", err)
		}
	})
}
