package notify

import (
	"strconv"
	"strings"

	ics "github.com/arran4/golang-ical"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/mail"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/qr"
)

// badgeName is the inline image's name in an invitation (cid:badge.png).
const badgeName = "badge.png"

// badgeSize is the side of the badge's QR image in pixels.
const badgeSize = 240

// localizer returns the catalogue for a recipient's language.
func localizer(lang string) *i18n.Localizer {
	l, ok := i18n.Parse(lang)
	if !ok {
		l = i18n.AR
	}
	return i18n.New(l)
}

// personName is a person's name in l's language, falling back to the other.
func personName(l *i18n.Localizer, latin, arabic string) string {
	if n := l.Pick(latin, arabic); strings.TrimSpace(n) != "" {
		return n
	}
	return arabic
}

// kindOf is the outbox kind of an invitation action.
func kindOf(a model.InviteAction) model.MessageKind {
	switch a {
	case model.ActUpdate:
		return model.MsgInvitationUpdate
	case model.ActCancel:
		return model.MsgCancellation
	}
	return model.MsgInvitation
}

// dedupeKey makes queuing an action idempotent: one invitation or update
// per registration and version of the training, one cancellation per
// invitation it withdraws.
func dedupeKey(row model.InviteRow, version string) string {
	reg := strconv.FormatInt(row.Recipient.RegistrationID, 10)
	if row.Action == model.ActCancel {
		last := row.Last()
		return "cancel:" + reg + ":" + strconv.FormatInt(last.ID, 10)
	}
	return "invite:" + reg + ":" + version
}

// invitation writes the message an action sends to one participant, in
// their language: the essentials, the sessions, the check-in badge (QR
// image and short code) and a calendar file with one event per session.
func (s *Service) invitation(c course, row model.InviteRow, version string) (model.Outgoing, error) {
	r := row.Recipient
	l := localizer(r.PreferredLang())
	name := personName(l, r.NameLatin, r.NameArabic)
	act := string(row.Action)
	lt := Letter{Lang: l.Lang, Subject: l.T("notify.invite."+act+".subject", c.Title(l)),
		Greeting: l.T("notify.greeting", name), Paragraphs: []string{l.T("notify.invite." + act + ".lead")},
		Facts: c.Facts(l), Closing: l.T("notify.closing"), Signature: l.T("notify.signature"), Footer: l.T("notify.footer")}
	if s.o.BaseURL != "" {
		// Every invitation says where the participant reads how their
		// data is handled, in their language, without an account.
		lt.Link, lt.LinkText = s.PrivacyURL(l.Lang), l.T("notify.privacy_link")
	}
	out := model.Outgoing{Kind: kindOf(row.Action), Lang: string(l.Lang), ToAddr: r.Email, ToName: name,
		TrainingID: ptr(c.T.ID), RegistrationID: ptr(r.RegistrationID), PersonID: ptr(r.PersonID),
		Version: version, DedupeKey: dedupeKey(row, version)}
	method := ics.MethodRequest
	if row.Action == model.ActCancel {
		method = ics.MethodCancel
	} else {
		lt.Sessions = c.Sessions(l)
		lt.Code, lt.CodeLabel, lt.BadgeCID = s.o.Codes.Code(r.RegistrationID), l.T("notify.code"), badgeName
		png, err := qr.PNG(lt.Code, badgeSize)
		if err != nil {
			return out, err
		}
		out.Attachments = append(out.Attachments, model.Attachment{Name: badgeName, ContentType: "image/png", Data: png, Inline: true})
	}
	domain := mail.Domain(s.o.From.Addr)
	events := make([]calEvent, len(c.Sittings))
	for i, st := range c.Sittings {
		events[i] = calEvent{UID: sessionUID(st.ID, r.RegistrationID, domain), Sitting: st.Sitting,
			Summary: c.Title(l), Location: c.Place(l), Sequence: len(row.Sent), Cancelled: row.Action == model.ActCancel,
			Stamp: s.o.Now().UTC()}
	}
	cal := calendar(method, "", s.o.From, &mail.Address{Name: name, Addr: model.NormalizeEmail(r.Email)}, events, s.o.Location)
	out.Attachments = append(out.Attachments, model.Attachment{Name: "invite.ics", ContentType: "text/calendar; method=" + string(method), Data: cal})
	lt.Subject = strings.TrimSpace(lt.Subject)
	return render(lt, out)
}

// render fills a message's subject and bodies from its letter.
func render(lt Letter, out model.Outgoing) (model.Outgoing, error) {
	html, err := lt.HTML()
	if err != nil {
		return out, err
	}
	out.Subject, out.Text, out.HTML = lt.Subject, lt.Text(), html
	return out, nil
}
