package model

import (
	"strings"
	"time"
)

// LawfulBasis is the ground on which a person's data is held: their
// consent, or another basis data-protection law accepts.
type LawfulBasis string

// The bases a person record may carry. Trainings for government officers
// are most often run under a public task or a contract with the donor;
// consent is for what the officer is free to refuse.
const (
	BasisConsent             LawfulBasis = "consent"
	BasisContract            LawfulBasis = "contract"
	BasisLegalObligation     LawfulBasis = "legal_obligation"
	BasisPublicTask          LawfulBasis = "public_task"
	BasisLegitimateInterests LawfulBasis = "legitimate_interests"
)

// LawfulBases lists the bases in display order.
var LawfulBases = []LawfulBasis{BasisConsent, BasisPublicTask, BasisContract, BasisLegalObligation, BasisLegitimateInterests}

// maxBasisPurpose bounds the purpose typed beside a basis.
const maxBasisPurpose = 200

// ValidBasis reports whether b is one of LawfulBases.
func ValidBasis(b LawfulBasis) bool {
	for _, x := range LawfulBases {
		if x == b {
			return true
		}
	}
	return false
}

// BasisInput is a lawful basis as typed: on the person form and, once for
// every person it creates, on the nomination import's confirmation.
type BasisInput struct {
	Basis   string
	On      string // YYYY-MM-DD; empty means today
	Purpose string
}

// Check tidies the input and adds its problems to errs. A basis is needed
// when required (a new person); once one is chosen, its purpose is too,
// and its date may not be after today (the server's day).
func (b *BasisInput) Check(required bool, today Date, errs Errors) {
	b.Basis, b.On, b.Purpose = strings.TrimSpace(b.Basis), strings.TrimSpace(asciiDigits(b.On)), oneLine(b.Purpose)
	switch {
	case b.Basis == "" && required:
		errs.Add("basis", "privacy.error.basis")
	case b.Basis != "" && !ValidBasis(LawfulBasis(b.Basis)):
		errs.Add("basis", "error.choose")
	}
	if b.Basis == "" {
		return
	}
	if b.Purpose == "" {
		errs.Add("basis_purpose", "privacy.error.purpose")
	}
	tooLong(errs, "basis_purpose", b.Purpose, maxBasisPurpose)
	if b.On == "" {
		b.On = today.String()
	}
	if d, err := ParseDate(b.On); err != nil || today.Before(d) {
		errs.Add("basis_on", "privacy.error.date")
	}
}

// Apply records the checked basis on p, as recorded by user; an empty
// basis leaves p as it is.
func (b BasisInput) Apply(p *Person, user *int64) {
	if b.Basis == "" {
		return
	}
	d, _ := ParseDate(b.On)
	p.LawfulBasis, p.BasisOn, p.BasisPurpose, p.BasisByID = LawfulBasis(b.Basis), &d, b.Purpose, user
}

// BasisInputOf is p's recorded basis as form input.
func BasisInputOf(p Person) BasisInput {
	in := BasisInput{Basis: string(p.LawfulBasis), Purpose: p.BasisPurpose}
	if p.BasisOn != nil {
		in.On = p.BasisOn.String()
	}
	return in
}

// PrivacyNotice is the notice given to participants: what is held about
// them, why, for how long and how to ask for it, in both languages. An
// administrator edits it; until then the catalogues' default text is shown.
type PrivacyNotice struct {
	ID          int64
	TextEn      string
	TextAr      string
	UpdatedByID *int64
	UpdatedAt   time.Time
	// Retention are the periods the default text states, read with the
	// notice so that the text follows the settings.
	Retention RetentionSettings `gorm:"-"`
}

// TableName is part of the schema contract in db/migrations.
func (PrivacyNotice) TableName() string { return "privacy_notices" }

// MaxPrivacyNotice bounds each language's notice text.
const MaxPrivacyNotice = 20000

// Paragraphs splits a notice's text at its blank lines.
func Paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
