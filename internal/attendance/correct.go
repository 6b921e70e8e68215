package attendance

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// RefusedError is a correction the marking rules refused, for instance a
// mark for a registration that was withdrawn. Reason is a catalogue key
// (model.Refuse…).
type RefusedError struct {
	Reason string
}

// Error names the reason.
func (e *RefusedError) Error() string { return "attendance: correction refused: " + e.Reason }

// Cell reads one cell of a training's attendance grid: a registration at a
// session, its current mark and its history. Everyone who sees the
// training reads it; CanCorrect says whether the actor may correct it.
func (s *Service) Cell(ctx context.Context, actor model.Actor, trainingID, registrationID, sittingID int64) (model.MarkCell, error) {
	var c model.MarkCell
	d, err := s.training(ctx, actor, trainingID, auth.ViewTraining)
	if err != nil {
		return c, err
	}
	si, err := s.store.Sitting(ctx, sittingID)
	if err != nil {
		return c, err
	}
	if si.TrainingID != d.ID {
		return c, fmt.Errorf("attendance: session %d of training %d: %w", si.ID, d.ID, model.ErrNotFound)
	}
	c = model.MarkCell{Training: d.Training, Sitting: si,
		CanCorrect: auth.Allow(actor.User, auth.CorrectMarks, auth.TrainingObject(d.FacilitatorIDs()))}
	roster, err := s.store.Roster(ctx, d.ID)
	if err != nil {
		return c, err
	}
	found := false
	for _, r := range roster {
		if r.ID == registrationID {
			c.Person, found = r, true
		}
	}
	if !found {
		return c, fmt.Errorf("attendance: registration %d in training %d: %w", registrationID, d.ID, model.ErrNotFound)
	}
	if c.History, err = s.store.MarkHistory(ctx, registrationID, si.ID); err != nil {
		return c, err
	}
	marks, err := s.store.SessionMarks(ctx, si.ID)
	for _, m := range marks {
		if m.RegistrationID == registrationID {
			c.Mark, c.Note = m.Status, m.Note
		}
	}
	return c, err
}

// Correct sets one mark from the office. It is recorded as a correction
// with the server's time, so it replaces whatever the tablets sent; the
// audit event names the cell and the statuses, never the note. It returns
// the cell as it was before, for the page to show again when the
// correction is invalid (*model.ValidationError) or refused
// (*RefusedError).
func (s *Service) Correct(ctx context.Context, actor model.Actor, in model.Correction) (model.MarkCell, error) {
	var cell model.MarkCell
	var refused error
	// Run again if the database broke a deadlock with a tablet's batch;
	// everything handed out is set afresh on each run.
	err := s.store.RetryTx(ctx, func(ctx context.Context) error {
		refused = nil
		var err error
		if cell, err = s.Cell(ctx, actor, in.TrainingID, in.RegistrationID, in.SittingID); err != nil {
			return err
		}
		if !cell.CanCorrect {
			return fmt.Errorf("attendance: correct a mark: %w", model.ErrForbidden)
		}
		note := strings.TrimSpace(in.Note)
		if !in.Status.Valid() || len(note) > MaxNote {
			return &model.ValidationError{Fields: map[string]string{"status": "attendance.error.choose"}}
		}
		op := model.MarkOp{OpID: correctionID(), RegistrationID: cell.Person.ID, SittingID: cell.Sitting.ID, Status: in.Status,
			Note: note, ClientTime: s.cfg.Now().UnixMilli(), DeviceID: "office", Via: model.ViaCorrection}
		res, _, err := s.apply(ctx, actor.User, []model.MarkOp{op})
		if err != nil {
			return err
		}
		if res[0].Result == model.OpRefused {
			// The refusal is an answer, not a failure: the claimed id is
			// kept with it, as for any refused operation.
			refused = &RefusedError{Reason: res[0].Reason}
			return nil
		}
		return s.store.RecordAudit(ctx, correctionEvent(actor, cell, in.Status, note, res[0].Result))
	})
	if err == nil {
		err = refused
	}
	return cell, err
}

// correctionEvent is the audit event of a correction: the cell's ids, the
// statuses before and after, and whether the note changed (never the note).
func correctionEvent(actor model.Actor, cell model.MarkCell, to model.Mark, note, result string) model.AuditEvent {
	var changed []string
	if cell.Mark != to {
		changed = append(changed, "status")
	}
	if cell.Note != note {
		changed = append(changed, "note")
	}
	return model.AuditEvent{Kind: model.AuditMarkCorrect, Actor: actor,
		Object:  model.AuditObject{Type: "registration", ID: cell.Person.ID},
		Related: map[string]int64{"session": cell.Sitting.ID, "training": cell.Training.ID},
		Changed: changed,
		Values:  map[string]string{"from": string(cell.Mark), "to": string(to), "result": result}}
}

// correctionID makes the operation id of a correction; corrections are
// never replayed, so it only has to be unique.
func correctionID() string {
	b := make([]byte, 12)
	rand.Read(b)
	return "fix-" + hex.EncodeToString(b)
}
