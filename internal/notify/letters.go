package notify

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// LetterStore keeps nomination letters and the letterhead.
type LetterStore interface {
	InsertLetter(ctx context.Context, l *model.NominationLetter) error
	LastLetterReference(ctx context.Context, prefix string) (string, error)
	Letters(ctx context.Context, trainingID int64) ([]model.LetterRow, error)
	Letter(ctx context.Context, id int64) (model.NominationLetter, error)
	MarkLetterSent(ctx context.Context, id int64, by *int64, via string, outbox *int64) (bool, error)
	Letterhead(ctx context.Context) (model.Letterhead, error)
	SaveLetterhead(ctx context.Context, l *model.Letterhead) error
}

// replyDays is how long an agency has to nominate when the form leaves the
// reply-by date empty.
const replyDays = 14

// CreateLetter makes a nomination request letter for training id to an
// agency, in Arabic or English, dated today by the server's clock, with
// the next reference number of the year (TD-2023-0001, …). The reply-by
// date must not be in the past; empty, it is two weeks from today.
func (s *Service) CreateLetter(ctx context.Context, actor model.Actor, id int64, in model.LetterInput) (model.NominationLetter, error) {
	var l model.NominationLetter
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		d, err := s.editable(ctx, actor, id)
		if err != nil {
			return err
		}
		refs, err := s.store.AllRefs(ctx)
		if err != nil {
			return err
		}
		today := s.today()
		l = model.NominationLetter{TrainingID: d.ID, Lang: in.Lang, IssuedOn: today, CreatedByID: actor.UserID()}
		if err := checkLetter(refs, in, today, &l); err != nil {
			return err
		}
		prefix := "TD-" + strconv.Itoa(today.Year) + "-"
		last, err := s.store.LastLetterReference(ctx, prefix)
		if err != nil {
			return err
		}
		n, _ := strconv.Atoi(strings.TrimPrefix(last, prefix))
		l.Reference = fmt.Sprintf("%s%04d", prefix, n+1)
		if err := s.store.InsertLetter(ctx, &l); err != nil {
			return err
		}
		ev := event(model.AuditLetterCreate, actor, "letter", l.ID)
		ev.Related = map[string]int64{"training": d.ID, "agency": l.AgencyID}
		ev.Values = map[string]string{"reference": l.Reference, "lang": l.Lang}
		return s.store.RecordAudit(ctx, ev)
	})
	return l, err
}

// checkLetter validates the form into l.
func checkLetter(refs model.Refs, in model.LetterInput, today model.Date, l *model.NominationLetter) error {
	errs := model.Errors{}
	if a, ok := refs.Agency(in.AgencyID); !ok {
		errs.Add("agency_id", "error.choose")
	} else {
		l.AgencyID = a.ID
	}
	if in.Lang != "ar" && in.Lang != "en" {
		errs.Add("lang", "error.choose")
	}
	l.ReplyBy = today.AddDays(replyDays)
	if v := strings.TrimSpace(in.ReplyBy); v != "" {
		d, err := model.ParseDate(v)
		switch {
		case err != nil:
			errs.Add("reply_by", "error.date")
		case d.Before(today):
			errs.Add("reply_by", "letter.error.past")
		default:
			l.ReplyBy = d
		}
	}
	return errs.Err()
}

// letterFor loads a letter whose training the actor may change.
func (s *Service) letterFor(ctx context.Context, actor model.Actor, id int64) (model.NominationLetter, model.TrainingDetail, error) {
	l, err := s.store.Letter(ctx, id)
	if err != nil {
		return l, model.TrainingDetail{}, err
	}
	d, err := s.store.TrainingDetail(ctx, l.TrainingID)
	if err != nil {
		return l, d, err
	}
	if auth.CheckTraining(actor.User, auth.EditTrainings, d) != nil {
		return l, d, fmt.Errorf("notify: letter %d: %w", id, model.ErrNotFound)
	}
	return l, d, nil
}

// LetterPDF renders a letter as a one-page A4 PDF, and records the
// download: the letter names the agency's focal point.
func (s *Service) LetterPDF(ctx context.Context, actor model.Actor, id int64) (model.NominationLetter, []byte, error) {
	l, d, err := s.letterFor(ctx, actor, id)
	if err != nil {
		return l, nil, err
	}
	c, err := s.course(ctx, d)
	if err != nil {
		return l, nil, err
	}
	head, err := s.store.Letterhead(ctx)
	if err != nil {
		return l, nil, err
	}
	var buf bytes.Buffer
	if err := s.writeLetter(&buf, c, l, head); err != nil {
		return l, nil, err
	}
	ev := event(model.AuditLetterDownload, actor, "letter", l.ID)
	ev.Related = map[string]int64{"training": l.TrainingID}
	return l, buf.Bytes(), s.store.RecordAudit(ctx, ev)
}

// MarkLetterSent records that a letter was sent (by hand, post or the
// officer's own e-mail): who and when, once.
func (s *Service) MarkLetterSent(ctx context.Context, actor model.Actor, id int64) (model.NominationLetter, error) {
	var l model.NominationLetter
	return l, s.store.Tx(ctx, func(ctx context.Context) error {
		var err error
		if l, _, err = s.letterFor(ctx, actor, id); err != nil {
			return err
		}
		done, err := s.store.MarkLetterSent(ctx, id, actor.UserID(), "hand", nil)
		if err != nil {
			return err
		}
		if !done {
			return fmt.Errorf("notify: letter %d was recorded sent before: %w", id, model.ErrConflict)
		}
		ev := event(model.AuditLetterSent, actor, "letter", id)
		ev.Related = map[string]int64{"training": l.TrainingID}
		ev.Values = map[string]string{"reference": l.Reference, "via": "hand"}
		return s.store.RecordAudit(ctx, ev)
	})
}
