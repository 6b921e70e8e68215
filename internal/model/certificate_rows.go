package model

import (
	"strings"
	"time"
)

// CertificateRow is a certificate with the training it belongs to.
type CertificateRow struct {
	Certificate
	TrainingID int64
}

// CertificateCheck is what the public verification page may show about a
// certificate: its state, the holder's names, the training's title and
// dates, and nothing else about the person.
type CertificateCheck struct {
	Code       string
	IssuedAt   time.Time
	RevokedAt  *time.Time
	NameLatin  string
	NameArabic string
	TitleEn    string
	TitleAr    string
	StartsOn   Date
	EndsOn     Date
}

// GroupCode writes a certificate's verification code in groups of four
// ("7KQ2-MXA9-3B0F") for print and screen; certificate.Normalize reads it
// back.
func GroupCode(code string) string {
	var parts []string
	for len(code) > 4 {
		parts = append(parts, code[:4])
		code = code[4:]
	}
	return strings.Join(append(parts, code), "-")
}
