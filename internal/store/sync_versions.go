package store

import (
	"context"
	"sort"

	"github.com/traindesk/traindesk/internal/model"
)

// Marks versions let a tablet ask for only what changed since it last
// looked: each session counts the transactions that changed its marks
// (sittings.marks_version), and each mark keeps the count at which it last
// changed (attendance.version). The attendance service bumps the counter
// in the transaction that writes the marks; these only store and read.

// BumpMarkVersions adds one to the marks version of each session, in one
// statement, and returns the new versions. Sessions are updated in id
// order so that two transactions bumping the same sessions lock them in
// the same order.
func (s *Store) BumpMarkVersions(ctx context.Context, sittingIDs []int64) (map[int64]int64, error) {
	out := make(map[int64]int64, len(sittingIDs))
	if len(sittingIDs) == 0 {
		return out, nil
	}
	ids := append([]int64(nil), sittingIDs...)
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	var got []struct {
		ID           int64
		MarksVersion int64
	}
	q := "UPDATE sittings SET marks_version = marks_version + 1 WHERE id IN ? RETURNING id, marks_version"
	if err := s.write(ctx).Raw(q, ids).Scan(&got).Error; err != nil {
		return nil, mapErr("bump marks versions", err)
	}
	for _, g := range got {
		out[g.ID] = g.MarksVersion
	}
	return out, nil
}

// SessionVersions returns, in one query, the marks version of each live
// session among sittingIDs with its training and that training's
// facilitators (for the policy). Sessions that are unknown or removed are
// missing.
func (s *Store) SessionVersions(ctx context.Context, sittingIDs []int64) (map[int64]model.SessionVersion, error) {
	out := make(map[int64]model.SessionVersion, len(sittingIDs))
	if len(sittingIDs) == 0 {
		return out, nil
	}
	var found []struct {
		ID, TrainingID, MarksVersion int64
		FacilitatorID                *int64
	}
	q := `SELECT s.id, s.training_id, s.marks_version, f.user_id AS facilitator_id FROM sittings s
LEFT JOIN training_facilitators f ON f.training_id = s.training_id
WHERE s.id IN ? AND s.deleted_at IS NULL ORDER BY s.id, f.user_id`
	if err := s.read(ctx).Raw(q, sittingIDs).Scan(&found).Error; err != nil {
		return nil, mapErr("session versions", err)
	}
	for _, f := range found {
		v, ok := out[f.ID]
		if !ok {
			v = model.SessionVersion{SittingID: f.ID, TrainingID: f.TrainingID, Version: f.MarksVersion, Facilitators: []int64{}}
		}
		if f.FacilitatorID != nil {
			v.Facilitators = append(v.Facilitators, *f.FacilitatorID)
		}
		out[f.ID] = v
	}
	return out, nil
}

// MarksSince returns, in one query, the current marks of each session in
// since that changed after the version given for it (every mark for 0),
// ordered by session and registration.
func (s *Store) MarksSince(ctx context.Context, since map[int64]int64) ([]model.MarkState, error) {
	out := []model.MarkState{}
	if len(since) == 0 {
		return out, nil
	}
	ids := make([]int64, 0, len(since))
	for id := range since {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	args := make([]any, 0, 2*len(ids))
	for _, id := range ids {
		args = append(args, id, since[id])
	}
	// The casts give PostgreSQL the parameters' type, which a VALUES list
	// does not; VALUES names its columns column1, column2 on both databases.
	q := `SELECT a.registration_id, a.sitting_id, a.status, a.note, a.client_time, a.device_id, a.version
FROM attendance a JOIN (VALUES ` + rows(len(ids), "(CAST(? AS BIGINT), CAST(? AS BIGINT))") + `) AS v
  ON a.sitting_id = v.column1 AND (v.column2 = 0 OR a.version > v.column2)
ORDER BY a.sitting_id, a.registration_id`
	err := s.read(ctx).Raw(q, args...).Scan(&out).Error
	return out, mapErr("marks since", err)
}
