package model

import "time"

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
	Title      string
	StartsOn   Date
	EndsOn     Date
}
