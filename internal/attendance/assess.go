package attendance

import (
	"context"
	"strconv"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// Assessments reads a training's scores table: the people still registered
// and their pre-test, post-test and satisfaction. The training's editors
// and its trainers enter scores; others who see the training are refused.
func (s *Service) Assessments(ctx context.Context, actor model.Actor, trainingID int64) (model.AssessmentSheet, error) {
	var sh model.AssessmentSheet
	d, err := s.training(ctx, actor, trainingID, auth.EditScores)
	if err != nil {
		return sh, err
	}
	sh.Training = d.Training
	roster, err := s.store.Roster(ctx, d.ID)
	if err != nil {
		return sh, err
	}
	sh.Roster = live(roster)
	sh.Scores, err = s.store.Assessments(ctx, d.ID)
	return sh, err
}

// SaveAssessments replaces a training's scores with what was typed, by
// registration. Every person on the sheet is saved: one with nothing typed
// loses their scores. Scores run from 0 to 100, satisfaction from 1 to 5;
// when any value is wrong nothing is saved and the *model.ValidationError
// names the form's fields ("pre_12", "post_12", "sat_12"). The sheet is
// returned either way, for the page to show again.
func (s *Service) SaveAssessments(ctx context.Context, actor model.Actor, trainingID int64, typed map[int64]model.AssessmentInput) (model.AssessmentSheet, error) {
	var sh model.AssessmentSheet
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		var err error
		if sh, err = s.Assessments(ctx, actor, trainingID); err != nil {
			return err
		}
		rows, err := scoreRows(sh.Roster, typed, actor.UserID())
		if err != nil {
			return err
		}
		keepSources(rows, sh.Scores)
		if err := s.store.SaveAssessments(ctx, rows); err != nil {
			return err
		}
		return s.store.RecordAudit(ctx, model.AuditEvent{Kind: model.AuditAssessmentsSave, Actor: actor,
			Object: model.AuditObject{Type: "training", ID: sh.Training.ID},
			Values: map[string]string{"rows": strconv.Itoa(len(rows))}})
	})
	return sh, err
}

// scoreRows checks what was typed for each person on the roster.
func scoreRows(roster []model.RosterRow, typed map[int64]model.AssessmentInput, by *int64) ([]model.Assessment, error) {
	errs := model.Errors{}
	field := map[string]string{"pre": "pre_", "post": "post_", "satisfaction": "sat_"}
	rows := make([]model.Assessment, 0, len(roster))
	for _, r := range roster {
		in := typed[r.ID]
		in.RegistrationID = r.ID
		a, bad := in.Assessment()
		for f, msg := range bad {
			errs.Add(field[f]+strconv.FormatInt(r.ID, 10), msg)
		}
		a.UpdatedByID = by
		rows = append(rows, a)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return rows, nil
}

// keepSources keeps the mark of a score a questionnaire wrote while the
// scores table saves it unchanged; a score typed over it becomes typed.
func keepSources(rows []model.Assessment, old map[int64]model.Assessment) {
	same := func(a, b *float64) bool { return a != nil && b != nil && *a == *b }
	for i, r := range rows {
		o := old[r.RegistrationID]
		if same(r.PreScore, o.PreScore) {
			rows[i].PreSource = o.PreSource
		}
		if same(r.PostScore, o.PostScore) {
			rows[i].PostSource = o.PostSource
		}
		if r.Satisfaction != nil && o.Satisfaction != nil && *r.Satisfaction == *o.Satisfaction {
			rows[i].SatSource = o.SatSource
		}
	}
}
