package roster

import (
	"context"
	"io"
	"strconv"
	"strings"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/pdf"
)

// PrivacyNotice is the notice as saved, for anyone: participants read it
// without an account, from the link in their invitation. A language never
// saved is "" and shown as NoticeText's default, which states the
// retention periods as set now.
func (s *Service) PrivacyNotice(ctx context.Context) (model.PrivacyNotice, error) {
	n, err := s.store.PrivacyNotice(ctx)
	if err != nil {
		return n, err
	}
	n.Retention, err = s.store.RetentionSettings(ctx)
	return n, err
}

// NoticeText is n's text in l's language, or the catalogue's default
// notice when none was saved for it.
func NoticeText(n model.PrivacyNotice, l *i18n.Localizer) string {
	t := n.TextEn
	if l.Lang == i18n.AR {
		t = n.TextAr
	}
	if t = strings.TrimSpace(t); t != "" {
		return t
	}
	return DefaultNotice(n.Retention, l)
}

// DefaultNotice is the catalogue's notice in l's language, with the
// retention periods r (the defaults where unset) filled in.
func DefaultNotice(r model.RetentionSettings, l *i18n.Localizer) string {
	r = r.WithDefaults()
	return l.T("privacy.default_notice", l.N("privacy.years", r.ContactYears), l.N("privacy.years", r.PhotoYears),
		l.N("privacy.days", r.OutboxDays))
}

// EditPrivacyNotice is the notice for its form: only those who handle
// personal-data requests change it.
func (s *Service) EditPrivacyNotice(ctx context.Context, actor model.Actor) (model.PrivacyNotice, error) {
	if err := allow(actor, auth.PersonalData); err != nil {
		return model.PrivacyNotice{}, err
	}
	return s.PrivacyNotice(ctx)
}

// SavePrivacyNotice changes the notice's text in both languages; an empty
// language falls back to the default text. Too long a text is a
// *model.ValidationError and nothing is saved. The audit line says which
// languages were set, not the text.
func (s *Service) SavePrivacyNotice(ctx context.Context, actor model.Actor, en, ar string) (model.PrivacyNotice, error) {
	n, err := s.EditPrivacyNotice(ctx, actor)
	if err != nil {
		return n, err
	}
	n.TextEn, n.TextAr = strings.TrimSpace(en), strings.TrimSpace(ar)
	errs := model.Errors{}
	tooLongNotice(errs, "text_en", n.TextEn)
	tooLongNotice(errs, "text_ar", n.TextAr)
	if err := errs.Err(); err != nil {
		return n, err
	}
	n.UpdatedByID = actor.UserID()
	return n, s.store.Tx(ctx, func(ctx context.Context) error {
		if err := s.store.SavePrivacyNotice(ctx, &n); err != nil {
			return err
		}
		return s.store.RecordAudit(ctx, model.AuditEvent{Kind: model.AuditPrivacyNotice, Actor: actor,
			Object: model.AuditObject{Type: "privacy_notice", ID: 1},
			Values: map[string]string{"en": strconv.FormatBool(n.TextEn != ""), "ar": strconv.FormatBool(n.TextAr != "")}})
	})
}

func tooLongNotice(errs model.Errors, field, text string) {
	if len([]rune(text)) > model.MaxPrivacyNotice {
		errs.Add(field, "privacy.error.notice_long")
	}
}

// NoticePDF writes the privacy notice in lang for the first session of a
// training the actor may see, to print and hand out: the training and the
// day of its first session on top, then the notice, and the address where
// it can be read again (link; "" when the site's address is not known).
func (s *Service) NoticePDF(ctx context.Context, actor model.Actor, trainingID int64, lang i18n.Lang, link string, w io.Writer) error {
	d, err := s.training(ctx, actor, trainingID, auth.ViewTraining)
	if err != nil {
		return err
	}
	n, err := s.PrivacyNotice(ctx)
	if err != nil {
		return err
	}
	first := d.StartsOn
	sits, err := s.store.Sittings(ctx, trainingID)
	if err != nil {
		return err
	}
	if len(sits) > 0 {
		first = sits[0].Date
	}
	l := i18n.New(lang)
	doc, err := pdf.New(pdf.Options{RTL: lang == i18n.AR, Title: l.T("privacy.notice_title"),
		FooterText: l.T("privacy.notice_title")})
	if err != nil {
		return err
	}
	doc.Heading(l.T("privacy.notice_title"), 16)
	doc.Paragraph(l.T("privacy.notice_pdf_for", l.Pick(d.TitleEn, d.TitleAr), l.Date(first)), 10)
	for _, p := range model.Paragraphs(NoticeText(n, l)) {
		doc.Paragraph(p, 10.5)
	}
	if link != "" {
		doc.Paragraph(link, 9)
	}
	return doc.Output(w)
}
