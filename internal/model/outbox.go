package model

import "time"

// MessageKind says what an e-mail in the outbox is for.
type MessageKind string

// The kinds of e-mail traindesk sends. Other areas add theirs (a
// questionnaire's follow-up, say) and queue them through the outbox.
const (
	MsgInvitation          MessageKind = "invitation"
	MsgInvitationUpdate    MessageKind = "invitation_update"
	MsgCancellation        MessageKind = "cancellation"
	MsgTrainerReminder     MessageKind = "trainer_reminder"
	MsgParticipantReminder MessageKind = "participant_reminder"
	MsgNominationLetter    MessageKind = "nomination_letter"
	MsgFollowUp            MessageKind = "followup"
	MsgFollowUpReminder    MessageKind = "followup_reminder"
)

// MessageKinds lists the kinds, for the outbox page's filter and the
// catalogue test ("outbox.kind.<kind>" in both languages).
var MessageKinds = []MessageKind{MsgInvitation, MsgInvitationUpdate, MsgCancellation,
	MsgTrainerReminder, MsgParticipantReminder, MsgNominationLetter, MsgFollowUp, MsgFollowUpReminder}

// MessageStatus is where a message is in its life.
type MessageStatus string

// Message statuses. A queued message waits for a worker, or to be tried
// again after a temporary failure (its LastError says why); held means it
// was not sent because no mail server is configured, and it can be
// downloaded or printed instead; failed is for good until someone retries.
const (
	MsgQueued    MessageStatus = "queued"
	MsgSent      MessageStatus = "sent"
	MsgFailed    MessageStatus = "failed"
	MsgHeld      MessageStatus = "held"
	MsgCancelled MessageStatus = "cancelled"
)

// MessageStatuses lists the statuses in display order.
var MessageStatuses = []MessageStatus{MsgQueued, MsgSent, MsgFailed, MsgHeld, MsgCancelled}

// OutboxMessage is one e-mail as the outbox keeps it. Raw is the whole
// message as sent (RFC 5322, MIME), so that what was sent is what can be
// downloaded; it is nil in lists and after the retention period.
type OutboxMessage struct {
	ID             int64
	MessageID      string // the Message-ID header, without angle brackets: the same at every attempt
	Kind           MessageKind
	Lang           string
	ToAddr         string
	ToName         string
	Subject        string
	TrainingID     *int64
	RegistrationID *int64
	PersonID       *int64
	UserID         *int64
	Version        string  // the version of the training an invitation describes
	DedupeKey      *string // unique: the same key is never queued twice
	Raw            []byte
	Size           int64
	Status         MessageStatus
	Attempts       int
	LastError      string // the server's reply, or a reason key such as "outbox.reason.no_server"
	QueuedByID     *int64
	QueuedAt       time.Time
	SentAt         *time.Time
	PurgedAt       *time.Time
	UpdatedAt      time.Time
}

// TableName is part of the schema contract in db/migrations.
func (OutboxMessage) TableName() string { return "outbox_messages" }

// Attachment is a file carried by an e-mail. Inline files are shown in the
// message's HTML by their name (cid:Name), such as a QR badge.
type Attachment struct {
	Name        string
	ContentType string
	Data        []byte
	Inline      bool
}

// Outgoing is a message to queue: what any area hands the outbox. The
// outbox renders it, gives it a Message-ID and sends it in the background.
type Outgoing struct {
	Kind   MessageKind
	Lang   string
	ToAddr string
	ToName string
	// ReplyTo, when set, is the mailbox answers should reach (the person
	// who sent a letter, not the system's sending address).
	ReplyToAddr, ReplyToName string
	Subject                  string
	Text                     string // the plain-text body, always
	HTML                     string // an HTML alternative, optional
	Attachments              []Attachment
	// What the message is about, for the pages that show what was sent.
	TrainingID, RegistrationID, PersonID, UserID *int64
	Version                                      string
	// DedupeKey, when set, makes queuing idempotent: a second message with
	// the same key is not queued (see the outbox's Enqueue).
	DedupeKey string
}

// OutboxFilter narrows the outbox page.
type OutboxFilter struct {
	Status     MessageStatus
	Kind       MessageKind
	TrainingID int64
	Limit      int
	Offset     int
}

// OutboxPage is one page of the outbox, with whether mail can be sent.
type OutboxPage struct {
	Rows     []OutboxMessage
	Total    int64
	Filter   OutboxFilter
	CanSend  bool // a mail server is configured
	Counts   map[MessageStatus]int64
	Training *Training // when the list is one training's
}

// Recipient is a person on a training as messages see them: their
// registration, names, address and language.
type Recipient struct {
	RegistrationID int64
	PersonID       int64
	Status         RegistrationStatus
	NameLatin      string
	NameArabic     string
	Email          string
	Lang           string // as recorded; see DefaultLang
	AgencyID       *int64 // the person's agency now
}

// PreferredLang is the language the recipient's messages are written in.
func (r Recipient) PreferredLang() string { return DefaultLang(r.Lang, r.AgencyID) }

// FeedSitting is a session in a trainer's calendar feed, with what a
// calendar entry shows of its training.
type FeedSitting struct {
	Sitting
	TitleEn, TitleAr string
	VenueEn, VenueAr string
	City             string
	Status           TrainingStatus
	TrainingUpdated  time.Time
}

// Updated is when the entry last changed: the later of the session's and
// the training's last change.
func (f FeedSitting) Updated() time.Time {
	if f.TrainingUpdated.After(f.UpdatedAt) {
		return f.TrainingUpdated
	}
	return f.UpdatedAt
}

// FeedPage is a user's calendar feed page: whether they have a private
// address, since when, and the address itself right after it is made (the
// only time it can be shown: only its hash is kept).
type FeedPage struct {
	Exists    bool
	CreatedAt time.Time
	URL       string
	// WebcalURL is URL with the webcal:// scheme, which a phone hands to
	// its calendar app to subscribe in one tap.
	WebcalURL string
	Sessions  int // the sessions the feed lists now
}
