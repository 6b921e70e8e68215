package attendance

import (
	"context"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// Roll reads a session's roll call for the actor: the people still
// registered with their current marks and check-in codes, whether the
// actor may mark now, and the session's marks version. Changed holds the
// marks changed after version since when 0 < since <= the version (a
// delta), and every mark otherwise. Only those who may mark the training
// open it; a training the actor may not see is not found.
func (s *Service) Roll(ctx context.Context, actor model.Actor, sittingID, since int64) (model.RollCall, error) {
	var rc model.RollCall
	si, err := s.store.Sitting(ctx, sittingID)
	if err != nil {
		return rc, err
	}
	d, err := s.training(ctx, actor, si.TrainingID, auth.MarkAttendance)
	if err != nil {
		return rc, err
	}
	rc = model.RollCall{Training: d, Sitting: si, Marks: map[int64]model.MarkState{}, Codes: map[int64]string{},
		Now: s.cfg.Now()}
	rc.CanMark = s.mayMark(actor.User, d.FacilitatorIDs(), si, rc.Now) == ""
	if rc.Refs, err = s.store.AllRefs(ctx); err != nil {
		return rc, err
	}
	roster, err := s.store.Roster(ctx, d.ID)
	if err != nil {
		return rc, err
	}
	rc.People = live(roster)
	for _, r := range rc.People {
		rc.Codes[r.ID] = s.codes.Code(r.ID)
	}
	// The version is read before the marks: a mark changed in between is
	// sent again next time rather than missed.
	versions, err := s.store.SessionVersions(ctx, []int64{si.ID})
	if err != nil {
		return rc, err
	}
	rc.Version = versions[si.ID].Version
	rc.Delta = since > 0 && since <= rc.Version
	marks, err := s.store.SessionMarks(ctx, si.ID)
	if err != nil {
		return rc, err
	}
	rc.Changed = []model.MarkState{}
	for _, m := range marks {
		rc.Marks[m.RegistrationID] = m
		if !rc.Delta || m.Version > since {
			rc.Changed = append(rc.Changed, m)
		}
	}
	return rc, nil
}
