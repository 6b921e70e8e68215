package trainings

import (
	"context"
	"fmt"
	"strconv"

	"github.com/traindesk/traindesk/internal/model"
)

// sittingOf loads session sid of training d; a session of another
// training is model.ErrNotFound.
func (s *Service) sittingOf(ctx context.Context, d model.TrainingDetail, sid int64) (model.Sitting, error) {
	si, err := s.st.Sitting(ctx, sid)
	if err != nil {
		return si, err
	}
	if si.TrainingID != d.ID {
		return model.Sitting{}, fmt.Errorf("trainings: session %d of training %d: %w", sid, d.ID, model.ErrNotFound)
	}
	return si, nil
}

// Sitting returns session sid of training id with the marks it holds, for
// its form.
func (s *Service) Sitting(ctx context.Context, actor model.Actor, id, sid int64) (model.SittingPage, error) {
	d, err := s.editable(ctx, actor, id)
	if err != nil {
		return model.SittingPage{}, err
	}
	si, err := s.sittingOf(ctx, d, sid)
	if err != nil {
		return model.SittingPage{}, err
	}
	n, err := s.st.SittingMarkCount(ctx, si.ID)
	return model.SittingPage{Training: d.Training, Sitting: si, Marks: n}, err
}

// AddSitting adds a session to a training, within its dates. On a
// *model.ValidationError the returned page holds the training, to show the
// form again.
func (s *Service) AddSitting(ctx context.Context, actor model.Actor, id int64, in model.SittingInput) (model.SittingPage, error) {
	var page model.SittingPage
	err := s.st.Tx(ctx, func(ctx context.Context) error {
		d, err := s.editable(ctx, actor, id)
		if err != nil {
			return err
		}
		page.Training = d.Training
		si, err := in.Sitting(d.Training)
		if err != nil {
			return err
		}
		if err := s.st.AddSitting(ctx, &si); err != nil {
			return err
		}
		page.Sitting = si
		ev := event(model.AuditSessionCreate, actor, "session", si.ID)
		ev.Related = map[string]int64{"training": d.ID}
		ev.Values = map[string]string{"date": si.Date.String()}
		return s.st.RecordAudit(ctx, ev)
	})
	return page, err
}

// UpdateSitting changes a session's date, hours and topic, within the
// training's dates. On a *model.ValidationError the returned page holds
// the training, the session as stored and its marks, to show the form
// again.
func (s *Service) UpdateSitting(ctx context.Context, actor model.Actor, id, sid int64, in model.SittingInput) (model.SittingPage, error) {
	var page model.SittingPage
	err := s.st.Tx(ctx, func(ctx context.Context) error {
		var err error
		if page, err = s.Sitting(ctx, actor, id, sid); err != nil {
			return err
		}
		si, err := in.Sitting(page.Training)
		if err != nil {
			return err
		}
		si.ID = page.Sitting.ID
		if err := s.st.UpdateSitting(ctx, &si); err != nil {
			return err
		}
		ev := event(model.AuditSessionUpdate, actor, "session", si.ID)
		ev.Related = map[string]int64{"training": id}
		ev.Changed = sittingChanges(page.Sitting, si)
		ev.Values = map[string]string{"date": si.Date.String(), "was": page.Sitting.Date.String()}
		return s.st.RecordAudit(ctx, ev)
	})
	return page, err
}

func sittingChanges(old, si model.Sitting) []string {
	var out []string
	for _, f := range []struct {
		name    string
		changed bool
	}{{"date", old.Date != si.Date}, {"starts_at", old.StartsAt != si.StartsAt}, {"ends_at", old.EndsAt != si.EndsAt},
		{"topic", old.Topic != si.Topic}} {
		if f.changed {
			out = append(out, f.name)
		}
	}
	return out
}

// RemoveSitting removes a session. One that holds marks is removed only
// when confirmed, else model.ErrHasAttendance with the page (training,
// session, marks) to ask; its marks and their history stay in the
// database.
func (s *Service) RemoveSitting(ctx context.Context, actor model.Actor, id, sid int64, confirmed bool) (model.SittingPage, error) {
	var page model.SittingPage
	err := s.st.Tx(ctx, func(ctx context.Context) error {
		var err error
		if page, err = s.Sitting(ctx, actor, id, sid); err != nil {
			return err
		}
		if page.Marks > 0 && !confirmed {
			return fmt.Errorf("trainings: session %d: %w (%d marks)", sid, model.ErrHasAttendance, page.Marks)
		}
		if err := s.st.RemoveSitting(ctx, sid); err != nil {
			return err
		}
		ev := event(model.AuditSessionDelete, actor, "session", sid)
		ev.Related = map[string]int64{"training": id}
		ev.Values = map[string]string{"date": page.Sitting.Date.String(), "marks": strconv.Itoa(page.Marks),
			"confirmed": strconv.FormatBool(confirmed)}
		return s.st.RecordAudit(ctx, ev)
	})
	return page, err
}

// Sheet returns the printable sign-in sheet of session sid of training id.
func (s *Service) Sheet(ctx context.Context, actor model.Actor, id, sid int64) (model.SignInSheet, error) {
	var sh model.SignInSheet
	var err error
	if sh.Detail, err = s.visible(ctx, actor, id); err != nil {
		return sh, err
	}
	if sh.Sitting, err = s.sittingOf(ctx, sh.Detail, sid); err != nil {
		return sh, err
	}
	sits, err := s.st.Sittings(ctx, id)
	if err != nil {
		return sh, err
	}
	for i, x := range sits {
		if x.ID == sid {
			sh.Number = i + 1
		}
	}
	if sh.Refs, err = s.st.AllRefs(ctx); err != nil {
		return sh, err
	}
	sh.Roster, err = s.st.Roster(ctx, id)
	return sh, err
}

// TrainingSitting returns a training the actor may see and its session
// sid, for the pages of one session.
func (s *Service) TrainingSitting(ctx context.Context, actor model.Actor, id, sid int64) (model.TrainingDetail, model.Sitting, error) {
	d, err := s.visible(ctx, actor, id)
	if err != nil {
		return d, model.Sitting{}, err
	}
	si, err := s.sittingOf(ctx, d, sid)
	return d, si, err
}
