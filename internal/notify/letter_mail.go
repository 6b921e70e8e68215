package notify

import (
	"bytes"
	"context"
	"fmt"
	"strconv"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster/nomination"
)

// Names and types of the files a nomination letter carries.
const (
	templateFile = "nomination-list-template.xlsx"
	xlsxType     = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)

// SendLetter e-mails a nomination letter to its agency's focal point
// through the outbox: the letter as a PDF (the nomination template
// embedded in it) and the template as an XLSX file beside it, in the
// letter's language. The letter is recorded as sent by e-mail, by the
// actor, now, with its message, in the same transaction as the message is
// queued: one letter is sent once. An agency without a usable focal point
// address is a *model.ValidationError on "email"; a letter recorded sent
// before is model.ErrConflict.
func (s *Service) SendLetter(ctx context.Context, actor model.Actor, id int64) (model.NominationLetter, error) {
	var l model.NominationLetter
	err := s.store.Tx(ctx, func(ctx context.Context) error {
		var d model.TrainingDetail
		var err error
		if l, d, err = s.letterFor(ctx, actor, id); err != nil {
			return err
		}
		if l.SentAt != nil {
			return fmt.Errorf("notify: letter %d was recorded sent before: %w", id, model.ErrConflict)
		}
		out, err := s.letterMail(ctx, d, l)
		if err != nil {
			return err
		}
		// The agency answers the person who sent the letter, not the
		// system's sending address.
		if model.ValidEmail(model.NormalizeEmail(actor.Email)) {
			out.ReplyToAddr, out.ReplyToName = model.NormalizeEmail(actor.Email), actor.Name
		}
		m, added, err := s.Enqueue(ctx, actor, out)
		if err != nil {
			return err
		}
		if !added {
			return fmt.Errorf("notify: letter %d was queued before: %w", id, model.ErrConflict)
		}
		if done, err := s.store.MarkLetterSent(ctx, id, actor.UserID(), "email", &m.ID); err != nil || !done {
			return fmt.Errorf("notify: letter %d: record sent: %w", id, orConflict(err))
		}
		ev := event(model.AuditLetterSent, actor, "letter", id)
		ev.Related = map[string]int64{"training": l.TrainingID, "message": m.ID}
		ev.Values = map[string]string{"reference": l.Reference, "via": "email"}
		return s.store.RecordAudit(ctx, ev)
	})
	return l, err
}

// orConflict is err, or ErrConflict when there was none (a row that
// another request changed first).
func orConflict(err error) error {
	if err != nil {
		return err
	}
	return model.ErrConflict
}

// letterMail writes the e-mail that carries a letter to the agency's
// focal point.
func (s *Service) letterMail(ctx context.Context, d model.TrainingDetail, lt model.NominationLetter) (model.Outgoing, error) {
	c, err := s.course(ctx, d)
	if err != nil {
		return model.Outgoing{}, err
	}
	agency, _ := c.Refs.Agency(&lt.AgencyID)
	to := model.NormalizeEmail(agency.FocalEmail)
	if !model.ValidEmail(to) {
		return model.Outgoing{}, &model.ValidationError{Fields: map[string]string{"email": "letter.error.no_email"}}
	}
	head, err := s.store.Letterhead(ctx)
	if err != nil {
		return model.Outgoing{}, err
	}
	var doc bytes.Buffer
	if err := s.writeLetter(&doc, c, lt, head); err != nil {
		return model.Outgoing{}, err
	}
	xlsx, err := nomination.TemplateXLSX()
	if err != nil {
		return model.Outgoing{}, err
	}
	l := localizer(lt.Lang)
	greeting := l.T("letter.salutation")
	if agency.FocalName != "" {
		greeting = l.T("notify.greeting", agency.FocalName)
	}
	body := Letter{Lang: l.Lang, Subject: l.T("letter.mail.subject", lt.Reference, c.Title(l)), Greeting: greeting,
		Paragraphs: []string{l.T("letter.lead", l.Pick(agency.NameEn, agency.NameAr)) + funding(c, l),
			l.T("letter.mail.attached", lt.Reference, l.Date(lt.ReplyBy))},
		Facts:   append(c.Facts(l), Fact{l.T("letter.reply_by"), l.Date(lt.ReplyBy)}),
		Closing: l.T("letter.closing"), Signature: joinNonEmpty("\n", l.T("notify.signature"), l.Pick(head.OrgEn, head.OrgAr)),
		Footer: l.T("letter.mail.footer")}
	html, err := body.HTML()
	if err != nil {
		return model.Outgoing{}, err
	}
	return model.Outgoing{Kind: model.MsgNominationLetter, Lang: string(l.Lang), ToAddr: to, ToName: agency.FocalName,
		Subject: body.Subject, Text: body.Text(), HTML: html, TrainingID: ptr(d.ID),
		DedupeKey: "letter:" + strconv.FormatInt(lt.ID, 10),
		Attachments: []model.Attachment{
			{Name: lt.Reference + ".pdf", ContentType: "application/pdf", Data: doc.Bytes()},
			{Name: templateFile, ContentType: xlsxType, Data: xlsx},
		}}, nil
}
