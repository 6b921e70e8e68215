package attendance

import (
	"context"
	"fmt"
	"time"

	"github.com/traindesk/traindesk/internal/model"
)

// Synced is the answer to a batch: one result per operation and, for the
// sessions the caller may take the roll of among those the batch asked
// about or marked, each session's marks version now and the marks that
// changed after the version the tablet last saw.
type Synced struct {
	Results    []model.OpResult  `json:"results"`
	Marks      []model.MarkState `json:"marks"`
	Versions   map[int64]int64   `json:"versions"`
	ServerTime int64             `json:"server_time"`
}

// Sync applies a batch of marks from a tablet for the actor, in one
// transaction, and returns what changed. Each operation is applied at most
// once, and only for the user and device that first sent its id: a replay
// gets the answer stored the first time. A mark replaces the current one
// only if it wins by client time (model.Wins), so tablets that send the
// same session's marks in any order end with the same roster. A refused
// item never fails the batch, and reveals nothing about its session.
// since holds, by session, the marks version the tablet last saw; an empty
// batch with since is a pull.
func (s *Service) Sync(ctx context.Context, actor model.Actor, ops []model.MarkOp, since map[int64]int64) (Synced, error) {
	normalizeVia(ops)
	var results []model.OpResult
	// Two batches waiting on each other's rows are broken up by the
	// database; the one it aborted is run again, and it is safe to:
	// apply starts from nothing each time.
	err := s.store.RetryTx(ctx, func(ctx context.Context) error {
		var err error
		results, _, err = s.apply(ctx, actor.User, ops)
		return err
	})
	if err != nil {
		return Synced{}, err
	}
	out := Synced{Results: results}
	if out.Marks, out.Versions, err = s.changes(ctx, actor.User, asked(ops, results, since)); err != nil {
		return Synced{}, err
	}
	out.ServerTime = s.cfg.Now().UnixMilli()
	return out, nil
}

// apply runs a batch inside the caller's transaction: claim the ids, take
// the stored answers of replays, decide the new operations, write. It
// returns one result per operation, and the status each cell it decided on
// had before (for the audit of a correction).
func (s *Service) apply(ctx context.Context, u model.User, ops []model.MarkOp) ([]model.OpResult, map[model.MarkKey]model.Mark, error) {
	res := make([]model.OpResult, len(ops))
	valid := make([]model.MarkOp, 0, len(ops))
	for i, op := range ops {
		res[i].OpID = op.OpID
		if !model.ValidOpID(op.OpID) {
			// Never claimed: an id that cannot be stored is refused each time.
			res[i].Result, res[i].Reason = model.OpRefused, model.RefuseInvalid
			continue
		}
		valid = append(valid, op)
	}
	claimed, err := s.store.ClaimOps(ctx, u.ID, valid)
	if err != nil {
		return nil, nil, err
	}
	owner, fresh, replays := sortOut(ops, res, claimed)
	if err := s.replay(ctx, u, ops, replays, owner, res); err != nil {
		return nil, nil, err
	}
	before, err := s.decide(ctx, u, ops, fresh, res)
	if err != nil {
		return nil, nil, err
	}
	answers := make([]model.OpResult, 0, len(fresh))
	for _, i := range fresh {
		answers = append(answers, res[i])
	}
	// A repeat of an id within the batch is a replay of its first
	// occurrence and gets the same answer.
	for i, op := range ops {
		if res[i].Result == "" {
			res[i] = res[owner[op.OpID]]
		}
	}
	return res, before, s.store.SetOpResults(ctx, answers)
}

// sortOut finds, for each id still open, the operation that answers for it
// (its first occurrence), and splits those into the ones this batch
// claimed (fresh, by index) and the replays of earlier batches (by id).
func sortOut(ops []model.MarkOp, res []model.OpResult, claimed map[string]bool) (map[string]int, []int, []string) {
	owner := map[string]int{}
	var fresh []int
	var replays []string
	for i, op := range ops {
		if res[i].Result != "" {
			continue
		}
		if _, ok := owner[op.OpID]; ok {
			continue
		}
		owner[op.OpID] = i
		if claimed[op.OpID] {
			fresh = append(fresh, i)
		} else {
			replays = append(replays, op.OpID)
		}
	}
	return owner, fresh, replays
}

// replay answers operations applied before with their stored answers. An
// id first sent by another user or device is not theirs to replay: that
// item is refused, and the stored answer is not told.
func (s *Service) replay(ctx context.Context, u model.User, ops []model.MarkOp, ids []string, owner map[string]int, res []model.OpResult) error {
	stored, err := s.store.OpResults(ctx, ids)
	if err != nil {
		return err
	}
	for _, id := range ids {
		rec, ok := stored[id]
		if !ok {
			return fmt.Errorf("attendance: operation %s claimed but not stored", id)
		}
		i := owner[id]
		if rec.UserID != u.ID || rec.DeviceID != cut(ops[i].DeviceID, 64) {
			res[i] = model.OpResult{OpID: id, Result: model.OpRefused, Reason: model.RefuseOpTaken}
			continue
		}
		res[i] = rec.Result
	}
	return nil
}

// decide settles the operations ops[fresh] in order, as if each were
// applied alone: checks first, then each accepted mark against the cell's
// current mark. It returns the status each cell had before the batch.
func (s *Service) decide(ctx context.Context, u model.User, ops []model.MarkOp, fresh []int, res []model.OpResult) (map[model.MarkKey]model.Mark, error) {
	if len(fresh) == 0 {
		return nil, nil
	}
	sittings, registrations := idsOf(ops, fresh)
	sc, err := s.store.MarkingScope(ctx, sittings, registrations)
	if err != nil {
		return nil, err
	}
	now := s.cfg.Now()
	var accepted []int
	var keys []model.MarkKey
	seen := map[model.MarkKey]bool{}
	for _, i := range fresh {
		if reason := s.check(u, now, ops[i], sc); reason != "" {
			res[i].Result, res[i].Reason = model.OpRefused, reason
			continue
		}
		accepted = append(accepted, i)
		if k := ops[i].Key(); !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	current, err := s.store.CurrentMarks(ctx, keys)
	if err != nil {
		return nil, err
	}
	if current == nil {
		current = map[model.MarkKey]model.Attendance{}
	}
	before := make(map[model.MarkKey]model.Mark, len(keys))
	for _, k := range keys {
		before[k] = current[k].Status
	}
	return before, s.settle(ctx, u, now, ops, accepted, current, res)
}

// settle runs the accepted operations against the current marks, where a
// mark won earlier in the batch counts as current, and writes each cell's
// final mark in one upsert and one history line per mark that won.
func (s *Service) settle(ctx context.Context, u model.User, now time.Time, ops []model.MarkOp, accepted []int,
	current map[model.MarkKey]model.Attendance, res []model.OpResult) error {
	var order []model.MarkKey
	written := map[model.MarkKey]bool{}
	var history []model.AttendanceChange
	for _, i := range accepted {
		a := markOf(ops[i], u, now)
		cur, ok := current[a.Key()]
		if ok && !model.Wins(a.ClientTime, a.DeviceID, a.OpID, cur.ClientTime, cur.DeviceID, cur.OpID) {
			res[i].Result = model.OpSuperseded
			continue
		}
		res[i].Result = model.OpApplied
		history = append(history, changeOf(a, string(cur.Status)))
		current[a.Key()] = a
		if !written[a.Key()] {
			written[a.Key()] = true
			order = append(order, a.Key())
		}
	}
	marks := make([]model.Attendance, len(order))
	for j, k := range order {
		marks[j] = current[k]
	}
	if err := s.stamp(ctx, marks); err != nil {
		return err
	}
	if err := s.store.PutMarks(ctx, marks); err != nil {
		return err
	}
	return s.store.AddMarkHistory(ctx, history)
}

// stamp moves each session the marks change to its next marks version, and
// stamps the marks with it: one version per transaction and session.
func (s *Service) stamp(ctx context.Context, marks []model.Attendance) error {
	if len(marks) == 0 {
		return nil
	}
	var ids []int64
	seen := map[int64]bool{}
	for _, m := range marks {
		if !seen[m.SittingID] {
			seen[m.SittingID] = true
			ids = append(ids, m.SittingID)
		}
	}
	versions, err := s.store.BumpMarkVersions(ctx, ids)
	if err != nil {
		return err
	}
	for i := range marks {
		marks[i].Version = versions[marks[i].SittingID]
	}
	return nil
}

// idsOf lists, once each, the sessions and registrations ops[idx] name.
func idsOf(ops []model.MarkOp, idx []int) (sittings, registrations []int64) {
	seenS, seenR := map[int64]bool{}, map[int64]bool{}
	for _, i := range idx {
		if id := ops[i].SittingID; !seenS[id] {
			seenS[id] = true
			sittings = append(sittings, id)
		}
		if id := ops[i].RegistrationID; !seenR[id] {
			seenR[id] = true
			registrations = append(registrations, id)
		}
	}
	return sittings, registrations
}

// markOf is the mark an accepted operation makes. The device id is cut to
// its column's width here, so that ties compare what is stored.
func markOf(op model.MarkOp, u model.User, now time.Time) model.Attendance {
	via := op.Via
	if via == "" {
		via = model.ViaOnline
	}
	uid := u.ID
	return model.Attendance{RegistrationID: op.RegistrationID, SittingID: op.SittingID, Status: op.Status, Note: op.Note,
		ClientTime: op.ClientTime, DeviceID: cut(op.DeviceID, 64), OpID: op.OpID, Via: via, RecordedByID: &uid,
		RecordedAt: now.UTC()}
}

// changeOf is the history line of a mark that replaced one of status old
// ("" for none).
func changeOf(a model.Attendance, old string) model.AttendanceChange {
	return model.AttendanceChange{RegistrationID: a.RegistrationID, SittingID: a.SittingID, OldStatus: old,
		NewStatus: string(a.Status), Note: a.Note, ClientTime: a.ClientTime, DeviceID: a.DeviceID, OpID: a.OpID,
		Via: a.Via, RecordedByID: a.RecordedByID, RecordedAt: a.RecordedAt}
}

func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}
