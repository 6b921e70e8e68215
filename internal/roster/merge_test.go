package roster_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster"
)

func TestMerge_MovesAndUndoes(t *testing.T) {
	ctx := context.Background()
	each(t, func(t *testing.T, f *fixture) {
		before := f.history(f.survivor)
		res, err := f.svc.Merge(ctx, f.po, f.duplicate, f.survivor)
		if err != nil {
			t.Fatal(err)
		}
		m := res.Merge
		if ids, _ := m.MovedIDs(); len(ids) != 1 || ids[0] != f.dupRegistration {
			t.Fatalf("moved = %s, want [%d]", m.MovedRegistrations, f.dupRegistration)
		}
		if m.MergedByID == nil || *m.MergedByID != f.po.ID {
			t.Fatalf("merged by %v, want %d", m.MergedByID, f.po.ID)
		}
		if f.owner(f.dupRegistration) != f.survivor {
			t.Fatal("the registration did not move to the survivor")
		}
		after, _ := f.s.PersonHistory(ctx, f.survivor)
		if len(after) != before+1 {
			t.Fatalf("survivor history %d → %d trainings", before, len(after))
		}
		for _, h := range after {
			if h.TrainingID == f.refresher && h.Attended != 1 {
				t.Errorf("the moved registration lost its mark: %+v", h)
			}
		}
		dup, _ := f.s.Person(ctx, f.duplicate)
		if dup.MergedIntoID == nil || *dup.MergedIntoID != f.survivor {
			t.Fatalf("duplicate merged into %v", dup.MergedIntoID)
		}
		if pg, err := f.svc.PersonPage(ctx, f.po, f.duplicate); err != nil || pg.Merge == nil || pg.Merge.ID != m.ID ||
			pg.MergedInto == nil || pg.MergedInto.ID != f.survivor {
			t.Fatalf("merged person's page = %+v, %v", pg, err)
		}
		if pg, _ := f.svc.PersonPage(ctx, f.po, f.survivor); len(pg.MergedFrom) != 1 || pg.MergedFrom[0].Person.ID != f.duplicate {
			t.Fatalf("survivor's page lists %+v as merged into it", pg.MergedFrom)
		}
		f.checkMergedLeavesRegistry(t)
		if _, err := f.svc.Merge(ctx, f.po, f.duplicate, f.survivor); !errors.Is(err, model.ErrPersonMerged) {
			t.Errorf("merging again: %v", err)
		}
		f.checkUndo(t, m.ID, before)
	})
}

// checkMergedLeavesRegistry finds the merged duplicate neither in the
// search nor among the likely duplicates of his own name.
func (f *fixture) checkMergedLeavesRegistry(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	res, _ := f.svc.Search(ctx, f.po, roster.Query{Text: "احمد محمود", Limit: 50})
	for _, r := range res.Rows {
		if r.ID == f.duplicate {
			t.Error("the merged person is still found by the search")
		}
	}
	matches, _ := f.svc.Duplicates(ctx, f.po, model.Person{NameArabic: "احمد محمود عبدالرحمن"}, 0)
	for _, m := range matches {
		if m.Person.ID == f.duplicate {
			t.Error("the merged person is still a duplicate candidate")
		}
	}
}

// checkUndo undoes merge mid and finds the fixture as it was, with the
// survivor back to wantHistory trainings.
func (f *fixture) checkUndo(t *testing.T, mid int64, wantHistory int) {
	t.Helper()
	ctx := context.Background()
	undone, err := f.svc.UndoMerge(ctx, f.po, mid)
	if err != nil {
		t.Fatal(err)
	}
	if undone.UndoneAt == nil || undone.UndoneByID == nil || *undone.UndoneByID != f.po.ID {
		t.Fatalf("undo not recorded: %+v", undone)
	}
	if f.owner(f.dupRegistration) != f.duplicate {
		t.Fatal("the registration did not move back")
	}
	if h := f.history(f.survivor); h != wantHistory {
		t.Fatalf("survivor history after undo: %d, want %d", h, wantHistory)
	}
	if dup, _ := f.s.Person(ctx, f.duplicate); dup.MergedIntoID != nil {
		t.Fatal("the duplicate is still marked as merged")
	}
	if m, err := f.svc.UndoMerge(ctx, f.po, mid); !errors.Is(err, model.ErrMergeUndone) || m.MergedID != f.duplicate {
		t.Errorf("undoing twice: %v (merge %+v)", err, m)
	}
	if _, err := f.svc.Merge(ctx, f.po, f.survivor, f.survivor); !errors.Is(err, model.ErrMergeSelf) {
		t.Errorf("merging into oneself: %v", err)
	}
}

func TestMerge_RefusesSharedTraining(t *testing.T) {
	ctx := context.Background()
	each(t, func(t *testing.T, f *fixture) {
		reg := f.register(f.duplicate, f.hurghada, model.RegNominated)
		_, err := f.svc.Merge(ctx, f.po, f.duplicate, f.survivor)
		var ce *model.MergeClashError
		if !errors.As(err, &ce) || !errors.Is(err, model.ErrConflict) {
			t.Fatalf("merge = %v, want a clash", err)
		}
		if len(ce.Trainings) != 1 || ce.Trainings[0].TrainingID != f.hurghada {
			t.Fatalf("clashes = %+v", ce.Trainings)
		}
		// Nothing changed.
		if f.owner(reg) != f.duplicate || f.owner(f.dupRegistration) != f.duplicate {
			t.Error("a registration moved although the merge was refused")
		}
		if dup, _ := f.s.Person(ctx, f.duplicate); dup.MergedIntoID != nil {
			t.Error("the duplicate was marked as merged")
		}
		if n := f.s.MustCount(ctx, "person_merges"); n != 0 {
			t.Errorf("%d merge rows after a refused merge", n)
		}
		if _, n := f.audit(model.AuditPersonMerge); n != 0 {
			t.Errorf("%d merge events after a refused merge", n)
		}
		// The merge screen shows the same clash before the officer tries.
		v, err := f.svc.MergeScreen(ctx, f.po, f.duplicate, roster.Query{}, f.survivor)
		if err != nil || v.Survivor == nil || len(v.Clashes) != 1 || v.Clashes[0].TrainingID != f.hurghada {
			t.Fatalf("merge screen: clashes %+v, %v", v.Clashes, err)
		}
	})
}

func TestUndoMerge_AfterSurvivorMergedAgain(t *testing.T) {
	ctx := context.Background()
	each(t, func(t *testing.T, f *fixture) {
		first, err := f.svc.Merge(ctx, f.po, f.duplicate, f.survivor)
		if err != nil {
			t.Fatal(err)
		}
		third := model.Person{NameLatin: "Ahmed M. Abdelrahman", Sex: model.SexMale}
		third.NameKey = roster.NameKey(third.NameLatin, "")
		if err := f.s.CreatePerson(ctx, &third); err != nil {
			t.Fatal(err)
		}
		second, err := f.svc.Merge(ctx, f.po, f.survivor, third.ID)
		if err != nil {
			t.Fatal(err)
		}
		if f.owner(f.dupRegistration) != third.ID {
			t.Fatal("the second merge did not carry the first one's registration along")
		}
		// A merge into a record merged away since is stale.
		other := f.id("SELECT CAST(id AS TEXT) FROM persons WHERE name_latin = 'Mostafa Kamal Hassan'")
		if _, err := f.svc.Merge(ctx, f.po, other, f.survivor); !errors.Is(err, model.ErrAlreadyMerged) {
			t.Fatalf("merging into a merged record: %v", err)
		}
		if _, err := f.svc.UndoMerge(ctx, f.po, first.Merge.ID); !errors.Is(err, model.ErrSurvivorMerged) {
			t.Fatalf("undoing the first merge while its survivor is merged: %v", err)
		}
		// Undone in reverse order, both merges come apart exactly.
		if _, err := f.svc.UndoMerge(ctx, f.po, second.Merge.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.UndoMerge(ctx, f.po, first.Merge.ID); err != nil {
			t.Fatal(err)
		}
		if f.owner(f.dupRegistration) != f.duplicate {
			t.Fatal("the registration is not back with the duplicate")
		}
		if h := f.history(third.ID); h != 0 {
			t.Fatalf("the third person kept %d registrations", h)
		}
	})
}

// TestMerge_EmptyWithdrawnStays merges persons who are both on a training
// where the duplicate had withdrawn before anything was recorded: that
// registration stays with the merged record, the rest moves, and undo
// restores everything.
func TestMerge_EmptyWithdrawnStays(t *testing.T) {
	ctx := context.Background()
	each(t, func(t *testing.T, f *fixture) {
		reg := f.register(f.duplicate, f.hurghada, model.RegWithdrawn)
		res, err := f.svc.Merge(ctx, f.po, f.duplicate, f.survivor)
		if err != nil {
			t.Fatalf("merge: %v", err)
		}
		if f.owner(reg) != f.duplicate || f.owner(f.dupRegistration) != f.survivor {
			t.Fatal("the empty withdrawn registration moved, or the real one stayed")
		}
		if ids, _ := res.Merge.MovedIDs(); len(ids) != 1 || ids[0] != f.dupRegistration {
			t.Fatalf("moved = %v", ids)
		}
		if _, err := f.svc.UndoMerge(ctx, f.po, res.Merge.ID); err != nil {
			t.Fatal(err)
		}
		if f.owner(reg) != f.duplicate || f.owner(f.dupRegistration) != f.duplicate {
			t.Fatal("undo did not restore the registrations")
		}
		// With a mark on the withdrawn registration it is a real clash again.
		f.mark(reg, f.hurghada, "absent")
		var ce *model.MergeClashError
		if _, err := f.svc.Merge(ctx, f.po, f.duplicate, f.survivor); !errors.As(err, &ce) {
			t.Fatalf("merge with a marked withdrawn registration = %v, want a clash", err)
		}
	})
}

// TestUndoMerge_RegistrationGone refuses to undo a merge when a moved
// registration no longer belongs to the survivor, and changes nothing.
func TestUndoMerge_RegistrationGone(t *testing.T) {
	ctx := context.Background()
	each(t, func(t *testing.T, f *fixture) {
		res, err := f.svc.Merge(ctx, f.po, f.duplicate, f.survivor)
		if err != nil {
			t.Fatal(err)
		}
		other := f.id("SELECT CAST(id AS TEXT) FROM persons WHERE name_latin = 'Mostafa Kamal Hassan'")
		if err := f.s.Exec(ctx, "UPDATE registrations SET person_id = ? WHERE id = ?", other, f.dupRegistration); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.UndoMerge(ctx, f.po, res.Merge.ID); !errors.Is(err, model.ErrRegistrationGone) {
			t.Fatalf("undo = %v, want ErrRegistrationGone", err)
		}
		if dup, _ := f.s.Person(ctx, f.duplicate); dup.MergedIntoID == nil {
			t.Error("a refused undo made the duplicate live again")
		}
		if m, _ := f.s.PersonMergeByID(ctx, res.Merge.ID); m.UndoneAt != nil {
			t.Error("a refused undo was stamped as done")
		}
	})
}

// TestMerge_AuditAndPolicy finds typed events without names for a merge
// and its undo, and refuses both to a manager, who may only read.
func TestMerge_AuditAndPolicy(t *testing.T) {
	ctx := context.Background()
	each(t, func(t *testing.T, f *fixture) {
		if _, err := f.svc.Merge(ctx, f.manager, f.duplicate, f.survivor); !errors.Is(err, model.ErrForbidden) {
			t.Fatalf("a manager merging: %v", err)
		}
		res, err := f.svc.Merge(ctx, f.po, f.duplicate, f.survivor)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.UndoMerge(ctx, f.manager, res.Merge.ID); !errors.Is(err, model.ErrForbidden) {
			t.Fatalf("a manager undoing: %v", err)
		}
		if _, err := f.svc.UndoMerge(ctx, f.po, res.Merge.ID); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			kind    model.AuditKind
			related string
		}{{model.AuditPersonMerge, "into"}, {model.AuditPersonMergeUndo, "from"}} {
			l, n := f.audit(c.kind)
			if n != 1 || l.Entity != "person" || l.EntityID != f.duplicate || l.Related[c.related] != f.survivor ||
				l.Related["merge"] != res.Merge.ID || l.UserID == nil || *l.UserID != f.po.ID || l.IP != "192.0.2.1" {
				t.Errorf("%s: %d lines, newest %+v", c.kind, n, l)
			}
			if strings.Contains(l.Detail, "Ahmed") || strings.Contains(l.Detail, "احمد") {
				t.Errorf("%s names the person: %s", c.kind, l.Detail)
			}
		}
	})
}
