package store

import (
	"context"
	"encoding/json"
	"sort"
	"strings"

	"github.com/traindesk/traindesk/internal/model"
)

// The primitives below let the attendance service apply a batch of marks
// set-wise, in one transaction it opens with Tx: claim the batch's
// operation ids, load what deciding needs, read the current marks of the
// cells concerned, then write the winners and their history, each in one
// statement. Deciding is the service's business; these only store.
//
// One statement carries at most a few thousand parameters: a batch is
// bounded (attendance.MaxBatch), well under SQLite's 32,766 and
// PostgreSQL's 65,535.

// ClaimOps records the operations' ids as seen, for userID, and returns
// the ids this call claimed. An id claimed before (by an earlier batch, or
// by a concurrent one that committed first) is not returned: its answer is
// already stored (OpResults). An id repeated in ops is claimed once. Ids
// are inserted in sorted order so that two batches sharing ids never wait
// on each other in a cycle.
func (s *Store) ClaimOps(ctx context.Context, userID int64, ops []model.MarkOp) (map[string]bool, error) {
	claimed := map[string]bool{}
	if len(ops) == 0 {
		return claimed, nil
	}
	first := map[string]model.MarkOp{}
	for _, op := range ops {
		if _, ok := first[op.OpID]; !ok {
			first[op.OpID] = op
		}
	}
	ids := make([]string, 0, len(first))
	for id := range first {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	now := s.Now()
	args := make([]any, 0, 5*len(ids))
	for _, id := range ids {
		op := first[id]
		args = append(args, id, userID, truncate(op.DeviceID, 64), op.SittingID, now)
	}
	q := "INSERT INTO sync_ops (op_id, user_id, device_id, sitting_id, result, applied_at) VALUES " +
		rows(len(ids), "(?, ?, ?, ?, '', ?)") + " ON CONFLICT (op_id) DO NOTHING RETURNING op_id"
	var got []string
	if err := s.write(ctx).Raw(q, args...).Scan(&got).Error; err != nil {
		return nil, mapErr("claim operations", err)
	}
	for _, id := range got {
		claimed[id] = true
	}
	return claimed, nil
}

// OpResults returns what is kept of operations claimed before: the
// answer each got, and the user and device that first sent it.
func (s *Store) OpResults(ctx context.Context, opIDs []string) (map[string]model.OpRecord, error) {
	out := map[string]model.OpRecord{}
	if len(opIDs) == 0 {
		return out, nil
	}
	var stored []struct {
		OpID     string
		UserID   *int64
		DeviceID string
		Result   string
	}
	q := "SELECT op_id, user_id, device_id, result FROM sync_ops WHERE op_id IN ?"
	if err := s.read(ctx).Raw(q, opIDs).Scan(&stored).Error; err != nil {
		return nil, mapErr("operation results", err)
	}
	for _, st := range stored {
		rec := model.OpRecord{DeviceID: st.DeviceID}
		if st.UserID != nil {
			rec.UserID = *st.UserID
		}
		if err := json.Unmarshal([]byte(st.Result), &rec.Result); err != nil {
			return nil, mapErr("operation results", err)
		}
		rec.Result.OpID = st.OpID
		out[st.OpID] = rec
	}
	return out, nil
}

// SetOpResults stores the answers of claimed operations in one statement,
// so that a replay gets them back unchanged.
func (s *Store) SetOpResults(ctx context.Context, results []model.OpResult) error {
	if len(results) == 0 {
		return nil
	}
	args := make([]any, 0, 2*len(results))
	for _, r := range results {
		j, err := json.Marshal(r)
		if err != nil {
			return err
		}
		args = append(args, r.OpID, string(j))
	}
	// VALUES names its columns column1, column2 on SQLite and PostgreSQL alike.
	q := "UPDATE sync_ops SET result = v.column2 FROM (VALUES " + rows(len(results), "(?, ?)") +
		") AS v WHERE sync_ops.op_id = v.column1"
	return mapErr("store operation results", s.write(ctx).Exec(q, args...).Error)
}

// MarkingScope loads, in two queries, the live sessions among sittingIDs
// with their trainings' facilitators, and the registrations among
// registrationIDs. On PostgreSQL the sessions' rows stay locked until the
// transaction ends, so that two batches marking the same session take
// turns and each reads the marks the other wrote; SQLite's single writer
// gives the same order.
func (s *Store) MarkingScope(ctx context.Context, sittingIDs, registrationIDs []int64) (model.MarkingScope, error) {
	sc := model.MarkingScope{Sittings: map[int64]model.Sitting{}, Facilitators: map[int64][]int64{},
		Registrations: map[int64]model.Registration{}}
	if len(sittingIDs) > 0 {
		q := `SELECT s.*, f.user_id AS facilitator_id FROM sittings s
LEFT JOIN training_facilitators f ON f.training_id = s.training_id
WHERE s.id IN ? AND s.deleted_at IS NULL ORDER BY s.id, f.user_id`
		if s.dialect == "postgres" {
			// NO KEY UPDATE: marks referencing the session still pass
			// their foreign-key check, which takes KEY SHARE.
			q += " FOR NO KEY UPDATE OF s"
		}
		var found []struct {
			model.Sitting
			FacilitatorID *int64
		}
		if err := s.write(ctx).Raw(q, sittingIDs).Scan(&found).Error; err != nil {
			return sc, mapErr("marking scope", err)
		}
		for _, f := range found {
			sc.Sittings[f.ID] = f.Sitting
			if _, ok := sc.Facilitators[f.TrainingID]; !ok {
				sc.Facilitators[f.TrainingID] = []int64{}
			}
			if f.FacilitatorID != nil {
				sc.Facilitators[f.TrainingID] = append(sc.Facilitators[f.TrainingID], *f.FacilitatorID)
			}
		}
	}
	if len(registrationIDs) > 0 {
		var regs []model.Registration
		if err := s.write(ctx).Where("id IN ?", registrationIDs).Find(&regs).Error; err != nil {
			return sc, mapErr("marking scope", err)
		}
		for _, r := range regs {
			sc.Registrations[r.ID] = r
		}
	}
	return sc, nil
}

// CurrentMarks returns the current marks of the given cells, in one query.
func (s *Store) CurrentMarks(ctx context.Context, keys []model.MarkKey) (map[model.MarkKey]model.Attendance, error) {
	out := make(map[model.MarkKey]model.Attendance, len(keys))
	if len(keys) == 0 {
		return out, nil
	}
	args := make([]any, 0, 2*len(keys))
	for _, k := range keys {
		args = append(args, k.RegistrationID, k.SittingID)
	}
	var found []model.Attendance
	q := "SELECT * FROM attendance WHERE (registration_id, sitting_id) IN (" + rows(len(keys), "(?, ?)") + ")"
	if err := s.write(ctx).Raw(q, args...).Scan(&found).Error; err != nil {
		return nil, mapErr("current marks", err)
	}
	for _, a := range found {
		out[a.Key()] = a
	}
	return out, nil
}

// PutMarks makes marks the current ones of their cells in one multi-row
// upsert, with the version each carries. Each cell may appear once. The
// rows are written in the order of their cells (registration, session), so
// that two transactions writing the same cells lock them in the same order
// and never wait on each other in a cycle; on PostgreSQL the triggers that
// keep each registration's sums then also lock the registrations in
// ascending order.
func (s *Store) PutMarks(ctx context.Context, marks []model.Attendance) error {
	if len(marks) == 0 {
		return nil
	}
	sorted := append([]model.Attendance(nil), marks...)
	sort.Slice(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		return a.RegistrationID < b.RegistrationID || a.RegistrationID == b.RegistrationID && a.SittingID < b.SittingID
	})
	args := make([]any, 0, 11*len(sorted))
	for _, a := range sorted {
		args = append(args, a.RegistrationID, a.SittingID, a.Status, a.Note, a.ClientTime, truncate(a.DeviceID, 64),
			a.OpID, a.Via, a.RecordedByID, a.RecordedAt, a.Version)
	}
	q := `INSERT INTO attendance (registration_id, sitting_id, status, note, client_time, device_id, op_id, via, recorded_by_id, recorded_at, version)
VALUES ` + rows(len(sorted), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") + `
ON CONFLICT (registration_id, sitting_id) DO UPDATE SET status = excluded.status, note = excluded.note,
  client_time = excluded.client_time, device_id = excluded.device_id, op_id = excluded.op_id, via = excluded.via,
  recorded_by_id = excluded.recorded_by_id, recorded_at = excluded.recorded_at, version = excluded.version`
	return mapErr("put marks", s.write(ctx).Exec(q, args...).Error)
}

// AddMarkHistory appends lines to the marks' history in one insert.
func (s *Store) AddMarkHistory(ctx context.Context, changes []model.AttendanceChange) error {
	if len(changes) == 0 {
		return nil
	}
	for i := range changes {
		changes[i].DeviceID = truncate(changes[i].DeviceID, 64)
	}
	return mapErr("mark history", s.write(ctx).Create(&changes).Error)
}

// SessionMarks lists the current marks of sessions.
func (s *Store) SessionMarks(ctx context.Context, sittingIDs ...int64) ([]model.MarkState, error) {
	var out []model.MarkState
	if len(sittingIDs) == 0 {
		return out, nil
	}
	err := s.read(ctx).Model(&model.Attendance{}).Select("registration_id", "sitting_id", "status", "note", "client_time", "device_id", "version").
		Where("sitting_id IN ?", sittingIDs).Order("sitting_id, registration_id").Scan(&out).Error
	return out, mapErr("session marks", err)
}

// rows repeats one VALUES tuple n times, comma-separated.
func rows(n int, tuple string) string {
	return strings.TrimSuffix(strings.Repeat(tuple+", ", n), ", ")
}

// truncate cuts s to n bytes, for columns of a fixed width.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}
