package questionnaire

import (
	"context"
	"fmt"
	"strconv"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// SaveToBank keeps a test's or an evaluation's questions in the bank of
// its training's thematic area, so that another training of that area can
// start from them. A training without a thematic area has no bank (a
// *model.ValidationError on "bank").
func (s *Service) SaveToBank(ctx context.Context, actor model.Actor, trainingID, id int64) error {
	return s.store.Tx(ctx, func(ctx context.Context) error {
		d, err := s.training(ctx, actor, trainingID, auth.EditTrainings)
		if err != nil {
			return err
		}
		q, err := s.quiz(ctx, d, id)
		if err != nil {
			return err
		}
		kind := model.BankKind(q.Kind)
		if kind == "" {
			return fmt.Errorf("questionnaire %d in the bank: %w", id, model.ErrNotFound)
		}
		if d.ThematicAreaID == nil {
			return &model.ValidationError{Fields: map[string]string{"bank": "bank.error.no_area"}}
		}
		b := model.BankEntry{ThematicAreaID: *d.ThematicAreaID, Kind: kind, TitleEn: d.TitleEn, TitleAr: d.TitleAr,
			Source: q.Source, Questions: len(q.Questions)}
		if err := s.store.AddBankEntry(ctx, &b); err != nil {
			return err
		}
		return s.store.RecordAudit(ctx, audit(model.AuditQuizBank, actor, q, map[string]string{
			"bank_entry": strconv.FormatInt(b.ID, 10), "questions": strconv.Itoa(b.Questions)}))
	})
}

// bank adds to a builder the bank entries of its training's thematic area
// for its kind, and, when from names one of them, its questions as the
// text to start from (a questionnaire already opened keeps its own).
func (s *Service) bank(ctx context.Context, d model.TrainingDetail, dr *QuizDraft, from int64) error {
	kind, _ := model.ParseQuizKind(dr.Input.Kind)
	bk := model.BankKind(kind)
	if d.ThematicAreaID == nil || bk == "" {
		return nil
	}
	entries, err := s.store.BankEntries(ctx, *d.ThematicAreaID, bk)
	if err != nil {
		return err
	}
	dr.Bank = entries
	if from == 0 || dr.Locked {
		return nil
	}
	for _, b := range entries {
		if b.ID == from {
			dr.Input.Source = b.Source
			return nil
		}
	}
	return fmt.Errorf("bank entry %d: %w", from, model.ErrNotFound)
}
