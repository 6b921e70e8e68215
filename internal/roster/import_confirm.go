package roster

import (
	"context"
	"fmt"
	"strconv"

	"github.com/traindesk/traindesk/internal/model"
)

// BadActionsError refuses a confirmation whose chosen actions cannot be
// carried out (a forged or stale form: a link to a person merged since, a
// new person from a row with problems); Count is how many rows.
type BadActionsError struct {
	Count int
}

func (e *BadActionsError) Error() string {
	return fmt.Sprintf("roster: %d rows with an impossible action", e.Count)
}

// ImportOutcome is a confirmation's result: the preview with the actions
// as chosen (to show again when nothing was saved) and what was saved.
type ImportOutcome struct {
	Preview model.ImportPreview
	Done    model.ImportDone
}

// ConfirmImport carries out the officer's choices for list uploadID
// (actions by line; a line not given keeps its suggested action): it
// creates the new persons and registers every row not skipped, as
// nominated or, when as says so, confirmed (the same rule of places holds
// for both), all in one transaction, and forgets the list. If one row fails (the training is
// full, a person is already on it) nothing at all is saved and the error
// is a *model.ImportError naming the row. Impossible choices are refused
// with a *BadActionsError before anything is tried. Every person created
// is recorded with basis, which is then required (a *model.ValidationError
// on its fields when missing).
func (s *Service) ConfirmImport(ctx context.Context, actor model.Actor, trainingID, uploadID int64, actions map[int]string, as model.RegistrationStatus, basis model.BasisInput) (ImportOutcome, error) {
	var out ImportOutcome
	k, err := s.kept(ctx, actor, trainingID, uploadID)
	if err != nil {
		return out, err
	}
	preview, rows, err := s.plan(ctx, k)
	if err != nil {
		return out, err
	}
	for i := range rows {
		if a := actions[rows[i].Line]; a != "" {
			rows[i].Action, preview.Rows[i].Action = a, a
		}
	}
	if as != model.RegConfirmed {
		as = model.RegNominated
	}
	preview.As = as
	items, bad := s.importItems(ctx, rows, as)
	err = s.importBasis(actor, items, &basis)
	preview.Basis = basis
	out.Preview = preview
	if err != nil {
		return out, err
	}
	if bad != 0 {
		return out, &BadActionsError{Count: bad}
	}
	var results []model.ImportResult
	err = s.store.Tx(ctx, func(ctx context.Context) error {
		var err error
		if results, err = s.applyImport(ctx, actor, k.training.ID, items); err != nil {
			return err
		}
		if err := s.store.DeleteUpload(ctx, k.upload.ID); err != nil {
			return err
		}
		ev := importEvent(actor, k, len(rows), results, as)
		ev.Values["basis"] = basis.Basis
		return s.store.RecordAudit(ctx, ev)
	})
	s.registry.forget()
	if err != nil {
		return out, err
	}
	out.Done = model.ImportDone{Training: k.training.Training, FileName: k.upload.FileName, Rows: preview.Rows, Results: results, As: as}
	return out, nil
}

// importBasis checks the basis when items create persons, and records it
// on each of them.
func (s *Service) importBasis(actor model.Actor, items []model.ImportItem, basis *model.BasisInput) error {
	creates := false
	for _, it := range items {
		creates = creates || it.New != nil
	}
	if !creates {
		return nil
	}
	errs := model.Errors{}
	basis.Check(true, s.today(), errs)
	if err := errs.Err(); err != nil {
		return err
	}
	for _, it := range items {
		if it.New != nil {
			basis.Apply(it.New, actor.UserID())
		}
	}
	return nil
}

// importItems turns the chosen actions into items to save, and counts the
// rows whose action cannot be carried out. A linked person's registration
// takes their agency, station and position where the row gives none.
func (s *Service) importItems(ctx context.Context, rows []PlanRow, as model.RegistrationStatus) ([]model.ImportItem, int) {
	var items []model.ImportItem
	bad := 0
	for _, r := range rows {
		reg := model.Registration{Status: as, AgencyID: r.AgencyID, DutyStationID: r.StationID, Position: r.Position}
		linked := model.ImportLinkedID(r.Action)
		switch {
		case r.Action == model.ImportActionSkip:
		case r.Action == model.ImportActionNew && r.OK():
			p := NewPerson(r)
			items = append(items, model.ImportItem{Line: r.Line, New: &p, Reg: reg})
		case linked > 0:
			p, err := s.store.Person(ctx, linked)
			if err != nil || p.MergedIntoID != nil {
				bad++
				continue
			}
			if reg.AgencyID == nil {
				reg.AgencyID = p.AgencyID
			}
			if reg.DutyStationID == nil {
				reg.DutyStationID = p.DutyStationID
			}
			if reg.Position == "" {
				reg.Position = p.Position
			}
			items = append(items, model.ImportItem{Line: r.Line, PersonID: p.ID, Reg: reg})
		default:
			bad++
		}
	}
	return items, bad
}

// applyImport creates and registers every item inside ctx's transaction;
// the first row that fails stops it with a *model.ImportError.
func (s *Service) applyImport(ctx context.Context, actor model.Actor, trainingID int64, items []model.ImportItem) ([]model.ImportResult, error) {
	out := make([]model.ImportResult, 0, len(items))
	for _, it := range items {
		res := model.ImportResult{Line: it.Line, PersonID: it.PersonID}
		if it.PersonID == 0 {
			if err := s.store.CreatePerson(ctx, it.New); err != nil {
				return nil, &model.ImportError{Line: it.Line, Err: err}
			}
			res.PersonID, res.Created = it.New.ID, true
		}
		r := it.Reg
		r.TrainingID, r.PersonID = trainingID, res.PersonID
		if err := s.reg.Enrol(ctx, actor, &r); err != nil {
			return nil, &model.ImportError{Line: it.Line, Err: err}
		}
		res.RegistrationID = r.ID
		out = append(out, res)
	}
	return out, nil
}

// importEvent is the audit event of a confirmed import: counts only, since
// the file's name and rows are what an agency typed.
func importEvent(actor model.Actor, k kept, rows int, results []model.ImportResult, as model.RegistrationStatus) model.AuditEvent {
	created := 0
	for _, r := range results {
		if r.Created {
			created++
		}
	}
	return model.AuditEvent{Kind: model.AuditImport, Actor: actor,
		Object:  model.AuditObject{Type: "training", ID: k.training.ID},
		Related: map[string]int64{"upload": k.upload.ID},
		Values: map[string]string{"rows": strconv.Itoa(rows), "registered": strconv.Itoa(len(results)),
			"created": strconv.Itoa(created), "kind": k.upload.Kind, "status": string(as)}}
}
