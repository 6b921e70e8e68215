package store

import (
	"context"
	"encoding/json"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/traindesk/traindesk/internal/model"
)

// OpContext is what deciding on one mark needs to know.
type OpContext struct {
	Sitting      model.Sitting
	Training     model.Training
	Registration model.Registration
	Facilitates  bool // the user facilitates the training
}

// Check decides whether an operation may be applied; it returns "" or a
// refusal reason (model.Refuse…).
type Check func(OpContext, model.MarkOp) string

// ApplyOps applies a batch of marks in one transaction. Each operation is
// applied at most once: its id is claimed first, and a replay returns the
// answer stored the first time. A mark replaces the current one only if it
// wins by client time (model.Wins), so tablets that send the same session's
// marks in any order end with the same roster. check refuses an item
// without failing the batch.
func (s *Store) ApplyOps(ctx context.Context, userID int64, ops []model.MarkOp, check Check) ([]model.OpResult, error) {
	out := make([]model.OpResult, 0, len(ops))
	err := s.Tx(ctx, func(ctx context.Context) error {
		out = out[:0]
		b := &opBatch{s: s, ctx: ctx, db: s.write(ctx), user: userID, check: check,
			sittings: map[int64]*OpContext{}, regs: map[int64]*model.Registration{}, large: len(ops) > 20}
		for _, op := range ops {
			r, err := b.apply(op)
			if err != nil {
				return err
			}
			out = append(out, r)
		}
		return nil
	})
	return out, mapErr("apply marks", err)
}

type opBatch struct {
	s        *Store
	ctx      context.Context
	db       *gorm.DB
	user     int64
	check    Check
	sittings map[int64]*OpContext // by sitting, with training and facilitation
	regs     map[int64]*model.Registration
	large    bool // a batch big enough to read registrations per training
}

type syncOp struct {
	OpID      string
	UserID    *int64
	DeviceID  string
	SittingID int64
	Result    string
	AppliedAt time.Time
}

func (syncOp) TableName() string { return "sync_ops" }

func (b *opBatch) apply(op model.MarkOp) (model.OpResult, error) {
	res := model.OpResult{OpID: op.OpID}
	if !model.ValidOpID(op.OpID) {
		res.Result, res.Reason = model.OpRefused, model.RefuseInvalid
		return res, nil
	}
	uid := b.user
	claim := syncOp{OpID: op.OpID, UserID: &uid, DeviceID: truncate(op.DeviceID, 64), SittingID: op.SittingID, AppliedAt: b.s.Now()}
	ins := b.db.Clauses(clause.OnConflict{DoNothing: true}).Create(&claim)
	if ins.Error != nil {
		return res, ins.Error
	}
	if ins.RowsAffected == 0 {
		var prev syncOp
		if err := b.db.Where("op_id = ?", op.OpID).First(&prev).Error; err != nil {
			return res, err
		}
		err := json.Unmarshal([]byte(prev.Result), &res)
		return res, err
	}
	res.Result, res.Reason = b.decide(op)
	if res.Result == model.OpApplied || res.Result == model.OpSuperseded {
		var err error
		if res.Result, err = b.write(op); err != nil {
			return res, err
		}
	}
	j, _ := json.Marshal(res)
	return res, b.db.Model(&syncOp{}).Where("op_id = ?", op.OpID).Update("result", string(j)).Error
}

// decide checks an operation before it touches the marks.
func (b *opBatch) decide(op model.MarkOp) (string, string) {
	if !op.Status.Valid() || len(op.Note) > 500 || op.ClientTime <= 0 {
		return model.OpRefused, model.RefuseInvalid
	}
	oc, err := b.context(op.SittingID)
	if err != nil || oc == nil {
		return model.OpRefused, model.RefuseUnknown
	}
	reg, ok := b.regs[op.RegistrationID]
	if !ok {
		var r model.Registration
		if err := b.db.Where("id = ?", op.RegistrationID).Limit(1).Find(&r).Error; err != nil || r.ID == 0 {
			return model.OpRefused, model.RefuseUnknown
		}
		reg = &r
		b.regs[r.ID] = reg
	}
	if reg.TrainingID != oc.Training.ID {
		return model.OpRefused, model.RefuseUnknown
	}
	c := *oc
	c.Registration = *reg
	if reason := b.check(c, op); reason != "" {
		return model.OpRefused, reason
	}
	return model.OpApplied, ""
}

// context loads a live session with its training and whether the user
// facilitates it, once per batch.
func (b *opBatch) context(sittingID int64) (*OpContext, error) {
	if oc, ok := b.sittings[sittingID]; ok {
		return oc, nil
	}
	var si model.Sitting
	if err := b.db.Where("id = ? AND deleted_at IS NULL", sittingID).Limit(1).Find(&si).Error; err != nil || si.ID == 0 {
		b.sittings[sittingID] = nil
		return nil, err
	}
	oc := &OpContext{Sitting: si}
	if err := b.db.First(&oc.Training, si.TrainingID).Error; err != nil {
		return nil, err
	}
	var n int64
	if err := b.db.Table("training_facilitators").Where("training_id = ? AND user_id = ?", si.TrainingID, b.user).Count(&n).Error; err != nil {
		return nil, err
	}
	oc.Facilitates = n > 0
	b.sittings[sittingID] = oc
	// A large batch marks the people of a few sessions: read each
	// training's registrations once instead of one query per mark.
	if !b.large {
		return oc, nil
	}
	var regs []model.Registration
	if err := b.db.Where("training_id = ?", si.TrainingID).Find(&regs).Error; err != nil {
		return nil, err
	}
	for i := range regs {
		b.regs[regs[i].ID] = &regs[i]
	}
	return oc, nil
}

// write applies a mark that passed its checks: it becomes the current mark
// unless a mark that wins by client time is already there.
func (b *opBatch) write(op model.MarkOp) (string, error) {
	via := op.Via
	if via == "" {
		via = model.ViaOnline
	}
	uid := b.user
	a := model.Attendance{RegistrationID: op.RegistrationID, SittingID: op.SittingID, Status: op.Status, Note: op.Note,
		ClientTime: op.ClientTime, DeviceID: truncate(op.DeviceID, 64), OpID: op.OpID, Via: via, RecordedByID: &uid, RecordedAt: b.s.Now()}
	ins := b.db.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "registration_id"}, {Name: "sitting_id"}}, DoNothing: true}).Create(&a)
	if ins.Error != nil {
		return "", ins.Error
	}
	old := ""
	if ins.RowsAffected == 0 {
		var cur model.Attendance
		q := b.db.Where("registration_id = ? AND sitting_id = ?", op.RegistrationID, op.SittingID)
		if b.s.dialect == "postgres" {
			q = q.Clauses(clause.Locking{Strength: "UPDATE"})
		}
		if err := q.First(&cur).Error; err != nil {
			return "", err
		}
		if !model.Wins(op.ClientTime, a.DeviceID, op.OpID, cur.ClientTime, cur.DeviceID, cur.OpID) {
			return model.OpSuperseded, nil
		}
		old = string(cur.Status)
		err := b.db.Model(&cur).Select("Status", "Note", "ClientTime", "DeviceID", "OpID", "Via", "RecordedByID", "RecordedAt").
			Updates(&a).Error
		if err != nil {
			return "", err
		}
	}
	h := model.AttendanceChange{RegistrationID: a.RegistrationID, SittingID: a.SittingID, OldStatus: old, NewStatus: string(a.Status),
		Note: a.Note, ClientTime: a.ClientTime, DeviceID: a.DeviceID, OpID: a.OpID, Via: via, RecordedByID: &uid, RecordedAt: a.RecordedAt}
	return model.OpApplied, b.db.Create(&h).Error
}

// SessionMarks lists the current marks of sessions.
func (s *Store) SessionMarks(ctx context.Context, sittingIDs ...int64) ([]model.MarkState, error) {
	var out []model.MarkState
	if len(sittingIDs) == 0 {
		return out, nil
	}
	err := s.read(ctx).Model(&model.Attendance{}).Select("registration_id", "sitting_id", "status", "note", "client_time", "device_id").
		Where("sitting_id IN ?", sittingIDs).Order("sitting_id, registration_id").Scan(&out).Error
	return out, mapErr("session marks", err)
}

// truncate cuts s to n bytes, for columns of a fixed width.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}
