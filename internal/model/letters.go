package model

import (
	"strings"
	"time"
)

// NominationLetter is a letter that asks a partner agency to nominate
// officers for a training: its reference number, its dates and language,
// and who sent it, when and how.
type NominationLetter struct {
	ID          int64
	TrainingID  int64
	AgencyID    int64
	Reference   string
	Lang        string
	IssuedOn    Date
	ReplyBy     Date
	CreatedByID *int64
	CreatedAt   time.Time
	SentByID    *int64
	SentAt      *time.Time
	SentVia     string // "email" or "hand"; "" while not sent
	OutboxID    *int64
}

// TableName is part of the schema contract in db/migrations.
func (NominationLetter) TableName() string { return "nomination_letters" }

// LetterRow is a letter with the names its list shows.
type LetterRow struct {
	NominationLetter
	CreatedBy string
	SentBy    string
}

// LetterInput is the new-letter form as typed.
type LetterInput struct {
	AgencyID *int64
	Lang     string
	ReplyBy  string
}

// Letterhead is the organisation's letterhead: its name in both languages
// and two PNG images, the logo at the top of a letter and the footer band.
type Letterhead struct {
	ID          int64
	OrgEn       string
	OrgAr       string
	Logo        []byte
	Footer      []byte
	UpdatedByID *int64
	UpdatedAt   time.Time
}

// TableName is part of the schema contract in db/migrations.
func (Letterhead) TableName() string { return "letterheads" }

// MaxLetterheadImage bounds an uploaded logo or footer.
const MaxLetterheadImage = 2 << 20

// ReminderSettings are a training's reminders: to its trainers the day
// before each session, to its participants two days before the first, each
// at a time of day (HH:MM at the venue) and each on or off.
type ReminderSettings struct {
	TrainingID     int64
	TrainersOn     bool
	TrainersAt     string
	ParticipantsOn bool
	ParticipantsAt string
	UpdatedByID    *int64
	UpdatedAt      time.Time
}

// TableName is part of the schema contract in db/migrations.
func (ReminderSettings) TableName() string { return "training_reminders" }

// DefaultReminders are the settings of a training that has none saved.
func DefaultReminders(trainingID int64) ReminderSettings {
	return ReminderSettings{TrainingID: trainingID, TrainersOn: true, TrainersAt: "16:00", ParticipantsOn: true, ParticipantsAt: "10:00"}
}

// Validate checks the two times of day.
func (r *ReminderSettings) Validate() error {
	errs := Errors{}
	for field, v := range map[string]*string{"trainers_at": &r.TrainersAt, "participants_at": &r.ParticipantsAt} {
		*v = strings.TrimSpace(*v)
		if !ValidClock(*v) {
			errs.Add(field, "notify.error.time")
		}
	}
	return errs.Err()
}

// CalendarFeed is a user's private calendar address; only the hash of its
// secret token is kept.
type CalendarFeed struct {
	UserID    int64
	TokenHash string
	CreatedAt time.Time
}

// TableName is part of the schema contract in db/migrations.
func (CalendarFeed) TableName() string { return "calendar_feeds" }

// NewsItem is a training's news item in one language, as edited.
type NewsItem struct {
	TrainingID  int64
	Lang        string
	Body        string
	UpdatedByID *int64
	UpdatedAt   time.Time
}

// TableName is part of the schema contract in db/migrations.
func (NewsItem) TableName() string { return "news_items" }
