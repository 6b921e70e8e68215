package notify

import (
	"strconv"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/qr"
)

// trainerReminder is the message to trainer u the day before session st:
// the session, the roster count and the roll-call link, in u's language.
func (s *Service) trainerReminder(c course, st model.Sitting, u model.User, roster int) (model.Outgoing, error) {
	l := localizer(model.DefaultLang(u.Locale, nil))
	lt := Letter{Lang: l.Lang, Subject: l.T("notify.trainer.subject", c.Title(l), l.Date(st.Date)),
		Greeting: l.T("notify.greeting", u.Name), Paragraphs: []string{l.T("notify.trainer.lead", l.Num(roster))},
		Facts: c.Facts(l), Sessions: []string{SessionLine(l, st)}, Closing: l.T("notify.closing"),
		Signature: l.T("notify.signature"), Footer: l.T("notify.footer")}
	if s.o.BaseURL != "" {
		lt.Link, lt.LinkText = s.o.BaseURL+"/sessions/"+strconv.FormatInt(st.ID, 10)+"/roll", l.T("notify.trainer.link")
	}
	out := model.Outgoing{Kind: model.MsgTrainerReminder, Lang: string(l.Lang), ToAddr: u.Email, ToName: u.Name,
		TrainingID: ptr(c.T.ID), UserID: ptr(u.ID),
		DedupeKey: "trainer:" + strconv.FormatInt(st.ID, 10) + ":" + strconv.FormatInt(u.ID, 10) + ":" + st.Date.String()}
	return render(lt, out)
}

// participantReminder is the message to participant r before the first
// session: the essentials, the sessions and their check-in badge.
func (s *Service) participantReminder(c course, r model.Recipient) (model.Outgoing, error) {
	l := localizer(r.PreferredLang())
	name := personName(l, r.NameLatin, r.NameArabic)
	lt := Letter{Lang: l.Lang, Subject: l.T("notify.participant.subject", c.Title(l)),
		Greeting: l.T("notify.greeting", name), Paragraphs: []string{l.T("notify.participant.lead")},
		Facts: c.Facts(l), Sessions: c.Sessions(l), Code: s.o.Codes.Code(r.RegistrationID), CodeLabel: l.T("notify.code"),
		BadgeCID: badgeName, Closing: l.T("notify.closing"), Signature: l.T("notify.signature"), Footer: l.T("notify.footer")}
	png, err := qr.PNG(lt.Code, badgeSize)
	if err != nil {
		return model.Outgoing{}, err
	}
	first := c.Sittings[0]
	out := model.Outgoing{Kind: model.MsgParticipantReminder, Lang: string(l.Lang), ToAddr: r.Email, ToName: name,
		TrainingID: ptr(c.T.ID), RegistrationID: ptr(r.RegistrationID), PersonID: ptr(r.PersonID),
		Attachments: []model.Attachment{{Name: badgeName, ContentType: "image/png", Data: png, Inline: true}},
		DedupeKey:   "reminder:" + strconv.FormatInt(r.RegistrationID, 10) + ":" + first.Date.String()}
	return render(lt, out)
}
