package roster

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// ErrNoSurvivor refuses a merge request that names no record to keep.
var ErrNoSurvivor = errors.New("roster: the merge names no record to keep")

// mergeChoices bounds the search results offered as the record to keep.
const mergeChoices = 25

// MergeScreen gathers the merge screen for the person dupID: the persons
// matching q (or, without search text, dupID's likely duplicates) and,
// when into names a live person, both side by side with the trainings
// that stop the merge. A merged person is refused with
// model.ErrPersonMerged. Search text that is too long is a
// *model.ValidationError on "q", returned with the rest of the screen.
func (s *Service) MergeScreen(ctx context.Context, actor model.Actor, dupID int64, q Query, into int64) (model.MergeView, error) {
	var v model.MergeView
	if err := allow(actor, auth.EditPersons); err != nil {
		return v, err
	}
	var err error
	if v.Dup, err = s.store.Person(ctx, dupID); err != nil {
		return v, err
	}
	if v.Dup.MergedIntoID != nil {
		return v, model.ErrPersonMerged
	}
	if v.Refs, err = s.store.AllRefs(ctx); err != nil {
		return v, err
	}
	if v.DupHistory, err = s.store.PersonHistory(ctx, dupID); err != nil {
		return v, err
	}
	// A search that is too long offers no choices; the rest of the
	// screen is shown, and the refusal returned with it.
	searchErr := s.mergeChoices(ctx, &v, q)
	if searchErr != nil && model.FieldErrors(searchErr) == nil {
		return v, searchErr
	}
	if err := s.survivor(ctx, &v, dupID, into); err != nil {
		return v, err
	}
	return v, searchErr
}

// survivor fills in the record chosen to be kept, its history and the
// trainings that stop the merge; a stale or forged choice leaves the screen
// without a survivor.
func (s *Service) survivor(ctx context.Context, v *model.MergeView, dupID, into int64) error {
	if into == 0 || into == dupID {
		return nil
	}
	survivor, err := s.store.Person(ctx, into)
	if err != nil || survivor.MergedIntoID != nil {
		return nil
	}
	v.Survivor = &survivor
	if v.SurvivorHistory, err = s.store.PersonHistory(ctx, into); err != nil {
		return err
	}
	_, v.Clashes, err = s.mergePlan(ctx, dupID, into)
	return err
}

// mergeChoices offers the records that could be kept: the search results
// for q, or without search text the duplicate's likely duplicates.
func (s *Service) mergeChoices(ctx context.Context, v *model.MergeView, q Query) error {
	q.Text = strings.TrimSpace(q.Text)
	v.Query = q.Text
	if q.Text == "" {
		v.Suggested = true
		matches, err := s.duplicates(ctx, v.Dup, 0)
		for _, m := range matches {
			v.Choices = append(v.Choices, model.PersonMatch{Person: m.Person, Score: m.Score, Reasons: m.Reasons})
		}
		return err
	}
	q.Limit, q.Offset = mergeChoices, 0
	f, err := q.filter()
	if err != nil {
		return err
	}
	rows, _, err := s.store.Persons(ctx, f)
	for _, r := range rows {
		if r.ID != v.Dup.ID {
			v.Choices = append(v.Choices, model.PersonMatch{Person: r.Person})
		}
	}
	return err
}

// mergePlan reads what merging dup into survivor would do: the
// registrations that would move and the trainings that stop it.
func (s *Service) mergePlan(ctx context.Context, dup, survivor int64) ([]int64, []model.MergeClash, error) {
	shared, err := s.store.SharedTrainings(ctx, dup, survivor)
	if err != nil {
		return nil, nil, err
	}
	regs, err := s.store.MergeRegistrations(ctx, dup)
	if err != nil {
		return nil, nil, err
	}
	moving, clashes := planMerge(shared, regs)
	return moving, clashes, nil
}

// Merged is a merge done: the record merged away, the one kept, and the
// merge (for undo).
type Merged struct {
	Merge    model.PersonMerge
	Dup      model.Person
	Survivor model.Person
}

// Merge merges the person dupID (the duplicate) into intoID (the survivor)
// in one transaction: the duplicate's registrations, with the attendance,
// scores and certificates that hang off them, move to the survivor, the
// duplicate is marked as merged, and a merge row remembers exactly which
// registrations moved so that UndoMerge can put them back. The survivor's
// own fields are left as they are.
//
// Refusals: ErrNoSurvivor (intoID 0); model.ErrPersonMerged when the
// duplicate was merged already; model.ErrMergeSelf or
// model.ErrAlreadyMerged for a stale choice; a *model.MergeClashError
// naming the trainings both are on.
func (s *Service) Merge(ctx context.Context, actor model.Actor, dupID, intoID int64) (Merged, error) {
	var out Merged
	if err := allow(actor, auth.EditPersons); err != nil {
		return out, err
	}
	var err error
	if out.Dup, err = s.store.Person(ctx, dupID); err != nil {
		return out, err
	}
	if intoID == 0 {
		return out, ErrNoSurvivor
	}
	if out.Dup.MergedIntoID != nil {
		return out, model.ErrPersonMerged
	}
	if out.Survivor, err = s.store.Person(ctx, intoID); err != nil {
		return out, err
	}
	err = s.store.Tx(ctx, func(ctx context.Context) error {
		m, err := s.merge(ctx, actor, dupID, intoID)
		out.Merge = m
		return err
	})
	if err == nil {
		s.applyToRegistry(ctx, func(x *Index) { x.Remove(dupID) })
	}
	return out, err
}

// merge is Merge's transaction: it reads both records again (another
// officer may have merged one since), applies the rules and moves the rows.
func (s *Service) merge(ctx context.Context, actor model.Actor, dupID, intoID int64) (model.PersonMerge, error) {
	var m model.PersonMerge
	dup, err := s.store.Person(ctx, dupID)
	if err != nil {
		return m, err
	}
	survivor, err := s.store.Person(ctx, intoID)
	if err != nil {
		return m, err
	}
	if err := checkMergeable(dup, survivor); err != nil {
		return m, err
	}
	moving, clashes, err := s.mergePlan(ctx, dupID, intoID)
	if err != nil {
		return m, err
	}
	if len(clashes) > 0 {
		return m, &model.MergeClashError{Trainings: clashes}
	}
	if _, err := s.store.MoveRegistrations(ctx, moving, dupID, intoID); err != nil {
		return m, err
	}
	if err := s.store.SetMergedInto(ctx, dupID, &intoID); err != nil {
		return m, err
	}
	m = model.PersonMerge{SurvivorID: intoID, MergedID: dupID, MergedByID: actor.UserID()}
	m.SetMovedIDs(moving)
	if err := s.store.CreatePersonMerge(ctx, &m); err != nil {
		return m, err
	}
	ev := personEvent(model.AuditPersonMerge, actor, dupID)
	ev.Related = map[string]int64{"into": intoID, "merge": m.ID}
	ev.Values = map[string]string{"registrations": m.MovedRegistrations, "moved": strconv.Itoa(len(moving))}
	return m, s.store.RecordAudit(ctx, ev)
}

// UndoMerge reverses merge mergeID in one transaction: exactly the
// registrations it moved go back to the merged person, who becomes live
// again, and the merge is stamped as undone. The merge is returned even
// when refused, so that the caller knows whose page to show. Refusals:
// model.ErrMergeUndone, model.ErrSurvivorMerged (undo the later merge
// first), model.ErrRegistrationGone (a moved registration no longer
// belongs to the survivor).
func (s *Service) UndoMerge(ctx context.Context, actor model.Actor, mergeID int64) (model.PersonMerge, error) {
	if err := allow(actor, auth.EditPersons); err != nil {
		return model.PersonMerge{}, err
	}
	m, err := s.store.PersonMergeByID(ctx, mergeID)
	if err != nil {
		return m, err
	}
	err = s.store.Tx(ctx, func(ctx context.Context) error {
		// Read the merge again inside the transaction: another officer
		// may have undone it since.
		cur, err := s.store.PersonMergeByID(ctx, mergeID)
		if err != nil {
			return err
		}
		m = cur
		return s.undo(ctx, actor, &m)
	})
	s.registry.forget()
	return m, err
}

// undo is UndoMerge's transaction.
func (s *Service) undo(ctx context.Context, actor model.Actor, m *model.PersonMerge) error {
	survivor, err := s.store.Person(ctx, m.SurvivorID)
	if err != nil {
		return err
	}
	if err := checkUndoable(*m, survivor); err != nil {
		return err
	}
	ids, err := m.MovedIDs()
	if err != nil {
		return err
	}
	back, err := s.store.MoveRegistrations(ctx, ids, m.SurvivorID, m.MergedID)
	if err != nil {
		return err
	}
	if err := checkMovedBack(ids, back); err != nil {
		return err
	}
	if err := s.store.SetMergedInto(ctx, m.MergedID, nil); err != nil {
		return err
	}
	if err := s.store.MarkMergeUndone(ctx, m, actor.UserID()); err != nil {
		return err
	}
	ev := personEvent(model.AuditPersonMergeUndo, actor, m.MergedID)
	ev.Related = map[string]int64{"from": m.SurvivorID, "merge": m.ID}
	ev.Values = map[string]string{"registrations": m.MovedRegistrations, "moved": strconv.Itoa(len(ids))}
	return s.store.RecordAudit(ctx, ev)
}
