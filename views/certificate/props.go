// Package certificate renders a training's certificates page, the public
// page that verifies a certificate by its code, the explanation shown when
// a certificate is refused, and the links to them from the training page.
package certificate

import (
	"strconv"
	"time"

	"github.com/a-h/templ"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
)

// ListProps is a training's certificates page.
type ListProps struct {
	Training model.Training
	People   []Holder // live registrations, in the roster's order
	// Refusal is the catalogue key saying why certificates cannot be
	// issued now, or "" when they can.
	Refusal string
	// NoAddress: the site's public address is not configured, so no
	// certificate can be issued or downloaded yet.
	NoAddress bool
	CanIssue  bool // editors issue missing certificates (a form, never a link)
	CanRevoke bool
	Location  *time.Location
	// Errors and Reasons hold a refused revocation: the message and the
	// typed reason, by certificate.
	Errors  map[int64]string
	Reasons map[int64]string
}

// Holder is one live registration on the certificates page: the person,
// the verdict of the training's completion rule, and the certificate once
// issued.
type Holder struct {
	model.RosterRow
	Result model.Result
	Cert   *model.Certificate // nil until issued
}

// Issued returns the holder's certificate, if issued.
func (h Holder) Issued() (model.Certificate, bool) {
	if h.Cert == nil {
		return model.Certificate{}, false
	}
	return *h.Cert, true
}

// Counts tallies completers, issued and revoked certificates.
func (p ListProps) Counts() (completed, issued, revoked int) {
	for _, h := range p.People {
		if h.Result.Completed {
			completed++
		}
		if h.Cert != nil {
			issued++
			if h.Cert.RevokedAt != nil {
				revoked++
			}
		}
	}
	return completed, issued, revoked
}

// MayDownload reports whether the holder's certificate can be downloaded
// now: once issued, while the site's address is known. A download never
// issues.
func (p ListProps) MayDownload(h Holder) bool { return h.Cert != nil && !p.NoAddress }

// MayIssue reports whether this user may issue the holder's missing
// certificate now: an editor, for a participant who completed, while
// certificates issue and the site's address is known.
func (p ListProps) MayIssue(h Holder) bool {
	return h.Cert == nil && h.Result.Completed && p.CanIssue && p.Refusal == "" && !p.NoAddress
}

// Missing counts the certificates this user may issue now.
func (p ListProps) Missing() int {
	n := 0
	for _, h := range p.People {
		if p.MayIssue(h) {
			n++
		}
	}
	return n
}

// RuleText states the training's completion rule.
func (p ListProps) RuleText(l *i18n.Localizer) string {
	t := p.Training
	rate := l.Percent(float64(t.CompletionMinRate))
	if t.CompletionMinPostScore != nil {
		return l.T("certificate.rule_post", rate, l.Num(*t.CompletionMinPostScore))
	}
	return l.T("certificate.rule", rate)
}

// day is the calendar day of a moment in the venues' time zone.
func (p ListProps) day(t time.Time) model.Date {
	loc := p.Location
	if loc == nil {
		loc = time.UTC
	}
	return model.DateOf(t.In(loc))
}

// VerifyProps is the public verification page. Check is set when a code
// was found; Code is what was asked for, grouped for reading.
type VerifyProps struct {
	Asked    bool
	Code     string
	Check    *model.CertificateCheck
	Location *time.Location
}

// RefusedProps explains why a certificate cannot be had.
type RefusedProps struct {
	TrainingID int64
	TitleEn    string
	TitleAr    string
	Key        string // catalogue key of the reason
}

func trainingURL(id int64, rest string) templ.SafeURL {
	return templ.SafeURL("/trainings/" + strconv.FormatInt(id, 10) + rest)
}

func personURL(id int64) templ.SafeURL {
	return templ.SafeURL("/persons/" + strconv.FormatInt(id, 10))
}

func certURL(id int64, action string) templ.SafeURL {
	return templ.SafeURL("/certificates/" + strconv.FormatInt(id, 10) + "/" + action)
}

func issueURL(trainingID int64) templ.SafeURL { return trainingURL(trainingID, "/certificates/issue") }

func pdfURL(trainingID, regID int64) templ.SafeURL {
	return trainingURL(trainingID, "/certificates/"+strconv.FormatInt(regID, 10)+".pdf")
}

func (p VerifyProps) loc() *time.Location {
	if p.Location == nil {
		return time.UTC
	}
	return p.Location
}
