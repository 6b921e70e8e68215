package certificate

import (
	"strings"
	"time"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
)

// Side is one language's half of a certificate, every line written in that
// language.
type Side struct {
	Heading   string // "Certificate of completion"
	Certifies string // "This is to certify that"
	Name      string
	Completed string // "has successfully completed the training"
	Title     string
	Dates     string // "16–19 January 2023"
	Place     string // "held in Hurghada, Red Sea"
	Days      string // "4 days of training"
	Funded    string // "Funded by the Government of … — SPHERE II"
	Issued    string // "Issued on 17 January 2023"
	CodeLabel string // "Verification code"
	Verify    string // "Scan the code or visit"
	Revoked   string // the watermark of a revoked certificate
}

// Data is everything one certificate shows. The PDF is drawn from it
// alone, so tests can check what a certificate says without reading PDF.
type Data struct {
	EN, AR  Side
	Org     string // the issuer's line at the top
	Code    string // grouped for reading, e.g. 7KQ2-MXA9-3B0F
	URL     string // the public verification page, which the QR code holds
	Revoked bool
}

// Data describes p's certificate cert. verifyBase is the absolute address
// of the verification pages ("https://host/verify/"); loc is the venues'
// time zone, in which the issue date is given.
func (c Course) Data(p Person, cert model.Certificate, verifyBase string, loc *time.Location) Data {
	d := Data{Org: "traindesk", Code: model.GroupCode(cert.Code), URL: verifyBase + cert.Code, Revoked: cert.RevokedAt != nil}
	issued := model.DateOf(cert.IssuedAt.In(loc))
	d.EN = c.side(i18n.New(i18n.EN), firstNonEmpty(p.NameLatin, p.NameArabic), issued)
	d.AR = c.side(i18n.New(i18n.AR), firstNonEmpty(p.NameArabic, p.NameLatin), issued)
	return d
}

// side writes one language's lines.
func (c Course) side(l *i18n.Localizer, name string, issued model.Date) Side {
	s := Side{
		Heading:   l.T("certificate.pdf.heading"),
		Certifies: l.T("certificate.pdf.certifies"),
		Name:      name,
		Completed: l.T("certificate.pdf.completed"),
		Title:     l.Pick(c.T.TitleEn, c.T.TitleAr),
		Dates:     l.DateRange(c.T.StartsOn, c.T.EndsOn),
		Days:      DaysOfTraining(l, c.TrainingDays()),
		Issued:    l.T("certificate.pdf.issued", l.Date(issued)),
		CodeLabel: l.T("certificate.pdf.code"),
		Verify:    l.T("certificate.pdf.verify"),
		Revoked:   l.T("certificate.pdf.revoked"),
	}
	if place := c.Place(l); place != "" {
		s.Place = l.T("certificate.pdf.held", place)
	}
	if donor, project := c.Funding(l); donor != "" && project != "" {
		s.Funded = l.T("certificate.pdf.funded_project", donor, project)
	} else if donor != "" {
		s.Funded = l.T("certificate.pdf.funded", donor)
	}
	return s
}

// Place is the training's city and governorate in l's language.
func (c Course) Place(l *i18n.Localizer) string {
	var parts []string
	if city := strings.TrimSpace(c.T.City); city != "" {
		parts = append(parts, city)
	}
	if g, ok := c.Refs.Governorate(c.T.GovernorateID); ok {
		parts = append(parts, l.Pick(g.NameEn, g.NameAr))
	}
	sep := ", "
	if l.Lang == i18n.AR {
		sep = "، "
	}
	return strings.Join(parts, sep)
}

// Funding names the donor and the project code of the training, each ""
// when the training has no project.
func (c Course) Funding(l *i18n.Localizer) (donor, project string) {
	p, ok := c.Refs.Project(c.T.ProjectID)
	if !ok {
		return "", ""
	}
	if d, ok := c.Refs.Donor(p.DonorID); ok {
		donor = l.Pick(d.NameEn, d.NameAr)
	}
	return donor, p.Code
}

// TrainingDays counts the days on which the training held a session, or
// its calendar days when it has no sessions.
func (c Course) TrainingDays() int {
	days := map[model.Date]bool{}
	for _, s := range c.Sittings {
		days[s.Date] = true
	}
	if len(days) == 0 {
		return c.T.Days()
	}
	return len(days)
}

// DaysOfTraining says "4 days of training" with the number agreement each
// language needs (Arabic has six plural forms; the catalogue holds them).
func DaysOfTraining(l *i18n.Localizer, n int) string {
	return l.N("certificate.pdf.days", n)
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}
