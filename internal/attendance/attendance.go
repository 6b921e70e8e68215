// Package attendance takes the roll: it decides who may mark which session
// and when, applies batches of marks from tablets that were offline, signs
// the QR codes printed on badges, and computes completion.
package attendance

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"time"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/store"
)

// MaxFuture is how far ahead of the server's clock a tablet's clock may be
// before its marks are refused: a little drift is normal, a day is not.
const MaxFuture = 5 * time.Minute

// MaxBatch is the most operations one sync request may carry.
const MaxBatch = 1000

// Service applies marks for users.
type Service struct {
	Store     *store.Store
	Now       func() time.Time
	Location  *time.Location // the venues' time zone
	DaysAfter int            // days after a session during which its trainer may mark
	Codes     Codes
}

// MayMark reports whether user may mark session si of training t at the
// moment at (a device's clock): program officers and admins always;
// trainers only for trainings they facilitate, from the day before the
// session to DaysAfter days after it.
func (s Service) MayMark(u model.User, facilitates bool, si model.Sitting, at time.Time) string {
	if auth.Can(u.Role, auth.CorrectMarks) {
		return ""
	}
	if u.Role != model.RoleTrainer || !facilitates {
		return model.RefuseForbidden
	}
	day := model.DateOf(at.In(s.Location))
	if day.Before(si.Date.AddDays(-1)) || day.After(si.Date.AddDays(s.DaysAfter)) {
		return model.RefuseWindow
	}
	return ""
}

// check is the per-item decision for a sync batch.
func (s Service) check(u model.User) store.Check {
	now := s.Now()
	return func(c store.OpContext, op model.MarkOp) string {
		at := time.UnixMilli(op.ClientTime)
		if at.After(now.Add(MaxFuture)) {
			return model.RefuseFuture
		}
		if reason := s.MayMark(u, c.Facilitates, c.Sitting, at); reason != "" {
			return reason
		}
		if c.Registration.Status == model.RegWithdrawn {
			return model.RefuseWithdrawn
		}
		if op.Via == model.ViaQR {
			if id, ok := s.Codes.Parse(op.Code); !ok || id != c.Registration.ID {
				return model.RefuseCode
			}
		}
		return ""
	}
}

// Synced is the answer to a batch: one result per operation, and the
// current marks of every session the batch touched.
type Synced struct {
	Results    []model.OpResult  `json:"results"`
	Marks      []model.MarkState `json:"marks"`
	ServerTime int64             `json:"server_time"`
}

// Sync applies a batch of marks for u and returns the merged state.
func (s Service) Sync(ctx context.Context, u model.User, ops []model.MarkOp) (Synced, error) {
	for i := range ops {
		switch ops[i].Via {
		case "", model.ViaOnline, model.ViaSync, model.ViaQR:
		default:
			ops[i].Via = model.ViaOnline
		}
	}
	results, err := s.Store.ApplyOps(ctx, u.ID, ops, s.check(u))
	if err != nil {
		return Synced{}, err
	}
	seen := map[int64]bool{}
	var ids []int64
	for _, op := range ops {
		if op.SittingID > 0 && !seen[op.SittingID] {
			seen[op.SittingID] = true
			ids = append(ids, op.SittingID)
		}
	}
	marks, err := s.Store.SessionMarks(ctx, ids...)
	if err != nil {
		return Synced{}, err
	}
	return Synced{Results: results, Marks: marks, ServerTime: s.Now().UnixMilli()}, nil
}

// ErrNotAllowed refuses a correction by a user who may not correct marks.
var ErrNotAllowed = errors.New("attendance: only program officers and administrators correct marks")

// Correct changes one mark from the office: it is recorded as a correction
// with the server's time, so it replaces whatever the tablets sent.
func (s Service) Correct(ctx context.Context, u model.User, registrationID, sittingID int64, st model.Mark, note string) (model.OpResult, error) {
	if !auth.Can(u.Role, auth.CorrectMarks) {
		return model.OpResult{}, ErrNotAllowed
	}
	b := make([]byte, 12)
	rand.Read(b)
	op := model.MarkOp{OpID: "fix-" + hex.EncodeToString(b), RegistrationID: registrationID, SittingID: sittingID, Status: st,
		Note: note, ClientTime: s.Now().UnixMilli(), DeviceID: "office", Via: model.ViaCorrection}
	res, err := s.Store.ApplyOps(ctx, u.ID, []model.MarkOp{op}, s.check(u))
	if err != nil {
		return model.OpResult{}, err
	}
	return res[0], nil
}
