package attendance

import (
	"context"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// asked lists the sessions a sync answer may speak of, with the marks
// version the tablet last saw of each: those named in since, and those of
// the operations that were not refused. A refused operation adds nothing,
// so that refusing an item reveals nothing about its session.
func asked(ops []model.MarkOp, res []model.OpResult, since map[int64]int64) map[int64]int64 {
	out := make(map[int64]int64, len(since)+1)
	for id, v := range since {
		if id > 0 {
			out[id] = max(v, 0)
		}
	}
	for i, op := range ops {
		if res[i].Result == model.OpRefused || op.SittingID <= 0 {
			continue
		}
		if _, ok := out[op.SittingID]; !ok {
			out[op.SittingID] = 0
		}
	}
	return out
}

// changes reads, for the sessions in asked whose roll u may take (the same
// question as for reading the roster), each session's marks version and
// the marks that changed after the version the tablet saw: every mark when
// it saw none, or a version this server never reached (a database restored
// from a backup). Versions are read before marks, so a mark that changes
// in between is sent again next time rather than missed.
func (s *Service) changes(ctx context.Context, u model.User, asked map[int64]int64) ([]model.MarkState, map[int64]int64, error) {
	versions := map[int64]int64{}
	if len(asked) == 0 {
		return []model.MarkState{}, versions, nil
	}
	ids := make([]int64, 0, len(asked))
	for id := range asked {
		ids = append(ids, id)
	}
	sessions, err := s.store.SessionVersions(ctx, ids)
	if err != nil {
		return nil, nil, err
	}
	from := map[int64]int64{}
	for id, sv := range sessions {
		if !auth.Allow(u, auth.MarkAttendance, auth.TrainingObject(sv.Facilitators)) {
			continue
		}
		versions[id] = sv.Version
		switch seen := asked[id]; {
		case seen <= 0 || seen > sv.Version:
			from[id] = 0
		case seen < sv.Version:
			from[id] = seen
		}
		// A tablet that saw the current version needs no marks.
	}
	marks, err := s.store.MarksSince(ctx, from)
	if marks == nil {
		marks = []model.MarkState{} // the page reads a list, never null
	}
	return marks, versions, err
}
