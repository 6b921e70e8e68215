package model

import (
	"strconv"
	"time"
)

// Retention defaults: contacts are kept five years after a person's last
// training, message text ninety days after it was queued.
const (
	DefaultContactYears = 5
	DefaultPhotoYears   = 5
	DefaultOutboxDays   = 90
)

// RetentionSettings say how long personal data is kept: a person's
// contacts after their last training ended, and a message's text in the
// outbox after it was queued. One row, absent until an administrator
// first saves it (the defaults then apply).
type RetentionSettings struct {
	ID           int64
	ContactYears int
	PhotoYears   int // photos marked as showing a person, after their last training
	OutboxDays   int
	UpdatedByID  *int64
	UpdatedAt    time.Time
}

// TableName names the settings' table.
func (RetentionSettings) TableName() string { return "retention_settings" }

// WithDefaults fills the periods never saved.
func (r RetentionSettings) WithDefaults() RetentionSettings {
	if r.ContactYears == 0 {
		r.ContactYears = DefaultContactYears
	}
	if r.PhotoYears == 0 {
		r.PhotoYears = DefaultPhotoYears
	}
	if r.OutboxDays == 0 {
		r.OutboxDays = DefaultOutboxDays
	}
	return r
}

// Validate refuses periods out of range: at least a year of contacts (the
// next training's invitations need them) and a week of messages (a failed
// message must stay readable long enough to be sent again).
func (r RetentionSettings) Validate() error {
	errs := Errors{}
	if r.ContactYears < 1 || r.ContactYears > 50 {
		errs.Add("contact_years", "retention.error.contact_years")
	}
	if r.PhotoYears < 1 || r.PhotoYears > 50 {
		errs.Add("photo_years", "retention.error.photo_years")
	}
	if r.OutboxDays < 7 || r.OutboxDays > 3650 {
		errs.Add("outbox_days", "retention.error.outbox_days")
	}
	return errs.Err()
}

// ContactCutoff is the last training's end a person's contacts outlive:
// whoever's last training ended before it loses them.
func (r RetentionSettings) ContactCutoff(today Date) Date {
	return DateOf(today.Time().AddDate(-r.WithDefaults().ContactYears, 0, 0))
}

// PhotoCutoff is the last training's end that photos showing a person
// outlive: a photo goes when any person it shows had their last training
// before it.
func (r RetentionSettings) PhotoCutoff(today Date) Date {
	return DateOf(today.Time().AddDate(-r.WithDefaults().PhotoYears, 0, 0))
}

// OutboxCutoff is the time before which queued messages lose their text.
func (r RetentionSettings) OutboxCutoff(now time.Time) time.Time {
	return now.Add(-time.Duration(r.WithDefaults().OutboxDays) * 24 * time.Hour)
}

// RetentionDue is a person whose contacts retention would clear now: by
// id and pseudonymous reference, never by name or contact.
type RetentionDue struct {
	PersonID     int64
	LastTraining Date
	// NeverTrained: the person was never registered on a training, and
	// LastTraining is the day their record was made, which the period
	// then counts from.
	NeverTrained bool
}

// Ref is the person's pseudonymous reference on the dry-run page.
func (d RetentionDue) Ref() string { return "P-" + strconv.FormatInt(d.PersonID, 10) }

// RetentionPhoto is an evidence photo retention would delete now: it
// shows a person whose last training ended before the photo cutoff.
type RetentionPhoto struct {
	FileID       int64
	TrainingID   int64
	TitleEn      string
	TitleAr      string
	FileName     string
	PersonID     int64 // the earliest-ended person it shows
	LastTraining Date
}

// PersonRef is the shown person's pseudonymous reference.
func (d RetentionPhoto) PersonRef() string { return RetentionDue{PersonID: d.PersonID}.Ref() }

// RetentionPreview is what a retention run would do now.
type RetentionPreview struct {
	Settings    RetentionSettings
	Cutoff      Date
	Persons     []RetentionDue
	PhotoCutoff Date
	Photos      []RetentionPhoto
}

// RetentionReport is what a retention run did: how many persons lost
// their contacts and how many photos were deleted.
type RetentionReport struct {
	Persons  int
	Photos   int
	Messages int // messages to those persons deleted with their contacts
}

// ClearContacts empties the contacts of p: phone, e-mail, ID number and
// notes. Erasure clears them with the names; retention clears only them.
func ClearContacts(p Person) Person {
	p.Phone, p.Email, p.NationalRef, p.Notes = "", "", "", ""
	return p
}

// ContactFields names the fields ClearContacts empties, for audit lines.
var ContactFields = []string{"phone", "email", "national_ref", "notes"}
