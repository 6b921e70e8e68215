package migrations

import (
	"time"

	"gorm.io/gorm"
)

// m0013Person is the one column this migration adds to persons: the
// language a person reads their messages in ("ar", "en", or "" for the
// default, which is Arabic for a partner agency's officer).
type m0013Person struct {
	Lang string `gorm:"size:8;not null;default:''"`
}

func (m0013Person) TableName() string { return "persons" }

// m0013Outbox is one e-mail: to whom, what kind, in which language, how
// its sending went, and the message as rendered (kept 90 days, then
// emptied). The row is the unit of sending: a sender claims it in the
// transaction that marks it sent, so no message is sent twice by two
// workers. DedupeKey is unique where set: an invitation for one
// registration and one version of its training is queued once.
type m0013Outbox struct {
	ID             int64      `gorm:"primaryKey"`
	MessageID      string     `gorm:"size:190;not null;uniqueIndex:ux_outbox_message_id"`
	Kind           string     `gorm:"size:40;not null;index:ix_outbox_kind"`
	Lang           string     `gorm:"size:8;not null"`
	ToAddr         string     `gorm:"size:254;not null"`
	ToName         string     `gorm:"size:200;not null;default:''"`
	Subject        string     `gorm:"size:300;not null;default:''"`
	TrainingID     *int64     `gorm:"index:ix_outbox_training"`
	RegistrationID *int64     `gorm:"index:ix_outbox_registration"`
	PersonID       *int64     `gorm:""`
	UserID         *int64     `gorm:""`
	Version        string     `gorm:"size:64;not null;default:''"`
	DedupeKey      *string    `gorm:"size:190;uniqueIndex:ux_outbox_dedupe"`
	Raw            []byte     `gorm:""`
	Size           int64      `gorm:"not null;default:0"`
	Status         string     `gorm:"size:16;not null;index:ix_outbox_status"`
	Attempts       int        `gorm:"not null;default:0"`
	LastError      string     `gorm:"type:text;not null;default:''"`
	QueuedByID     *int64     `gorm:""`
	QueuedAt       time.Time  `gorm:"not null;index:ix_outbox_queued"`
	SentAt         *time.Time `gorm:""`
	PurgedAt       *time.Time `gorm:""`
	UpdatedAt      time.Time  `gorm:"not null"`
}

func (m0013Outbox) TableName() string { return "outbox_messages" }

// m0013Letter is a nomination request letter to an agency: its reference
// number, dates and language, and who sent it, when and how.
type m0013Letter struct {
	ID          int64      `gorm:"primaryKey"`
	TrainingID  int64      `gorm:"not null;index:ix_letters_training"`
	AgencyID    int64      `gorm:"not null"`
	Reference   string     `gorm:"size:40;not null;uniqueIndex:ux_letters_reference"`
	Lang        string     `gorm:"size:8;not null"`
	IssuedOn    string     `gorm:"size:10;not null"`
	ReplyBy     string     `gorm:"size:10;not null"`
	CreatedByID *int64     `gorm:""`
	CreatedAt   time.Time  `gorm:"not null"`
	SentByID    *int64     `gorm:""`
	SentAt      *time.Time `gorm:""`
	SentVia     string     `gorm:"size:16;not null;default:''"`
	OutboxID    *int64     `gorm:""`
}

func (m0013Letter) TableName() string { return "nomination_letters" }

// m0013Letterhead is the organisation's letterhead: one row, id 1. The
// images are PNG, re-encoded on upload.
type m0013Letterhead struct {
	ID          int64     `gorm:"primaryKey;autoIncrement:false"`
	OrgEn       string    `gorm:"size:200;not null;default:''"`
	OrgAr       string    `gorm:"size:200;not null;default:''"`
	Logo        []byte    `gorm:""`
	Footer      []byte    `gorm:""`
	UpdatedByID *int64    `gorm:""`
	UpdatedAt   time.Time `gorm:"not null"`
}

func (m0013Letterhead) TableName() string { return "letterheads" }

// m0013Reminders is a training's reminder settings; a training without a
// row has the defaults.
type m0013Reminders struct {
	TrainingID     int64     `gorm:"primaryKey;autoIncrement:false"`
	TrainersOn     bool      `gorm:"not null"`
	TrainersAt     string    `gorm:"size:5;not null"`
	ParticipantsOn bool      `gorm:"not null"`
	ParticipantsAt string    `gorm:"size:5;not null"`
	UpdatedByID    *int64    `gorm:""`
	UpdatedAt      time.Time `gorm:"not null"`
}

func (m0013Reminders) TableName() string { return "training_reminders" }

// m0013Feed is a user's private calendar feed: only the SHA-256 of its
// secret token is kept, so the address is shown once and can be revoked.
type m0013Feed struct {
	UserID    int64     `gorm:"primaryKey;autoIncrement:false"`
	TokenHash string    `gorm:"size:64;not null;uniqueIndex:ux_calendar_feeds_token"`
	CreatedAt time.Time `gorm:"not null"`
}

func (m0013Feed) TableName() string { return "calendar_feeds" }

// m0013News is a training's news item in one language, as its officer
// edited it.
type m0013News struct {
	TrainingID  int64     `gorm:"primaryKey;autoIncrement:false"`
	Lang        string    `gorm:"primaryKey;size:8"`
	Body        string    `gorm:"type:text;not null"`
	UpdatedByID *int64    `gorm:""`
	UpdatedAt   time.Time `gorm:"not null"`
}

func (m0013News) TableName() string { return "news_items" }

func m0013(tx *gorm.DB) error {
	if err := tx.Migrator().AddColumn(&m0013Person{}, "Lang"); err != nil {
		return err
	}
	return createTables(tx, &m0013Outbox{}, &m0013Letter{}, &m0013Letterhead{}, &m0013Reminders{},
		&m0013Feed{}, &m0013News{})
}
