package notify

import (
	"context"
	"strconv"

	"github.com/traindesk/traindesk/internal/model"
)

// QueueFollowUp puts in the outbox, in the caller's transaction, the
// follow-up questionnaire's message to one participant, in their language,
// with their personal link; reminder chooses the one reminder instead.
// The caller (the questionnaire service's daily job) has chosen who gets
// it; each message has a dedupe key, so queuing it again adds nothing and
// answers false.
func (s *Service) QueueFollowUp(ctx context.Context, t model.Training, r model.Recipient, link string, reminder bool) (bool, error) {
	l := localizer(r.PreferredLang())
	name := personName(l, r.NameLatin, r.NameArabic)
	what, kind := "notify.followup.", model.MsgFollowUp
	if reminder {
		what, kind = "notify.followup_reminder.", model.MsgFollowUpReminder
	}
	title := l.Pick(t.TitleEn, t.TitleAr)
	lt := Letter{Lang: l.Lang, Subject: l.T(what+"subject", title), Greeting: l.T("notify.greeting", name),
		Paragraphs: []string{l.T(what+"lead", title)}, Link: link, LinkText: l.T("notify.followup.link"),
		Closing: l.T("notify.closing"), Signature: l.T("notify.signature"), Footer: l.T("notify.footer")}
	out := model.Outgoing{Kind: kind, Lang: string(l.Lang), ToAddr: r.Email, ToName: name,
		TrainingID: ptr(t.ID), RegistrationID: ptr(r.RegistrationID), PersonID: ptr(r.PersonID),
		DedupeKey: string(kind) + ":" + strconv.FormatInt(r.RegistrationID, 10)}
	out, err := render(lt, out)
	if err != nil {
		return false, err
	}
	_, added, err := s.Enqueue(ctx, model.System, out)
	return added, err
}
