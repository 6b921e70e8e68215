package model

// InviteAction is what sending invitations does for one registration.
type InviteAction string

// The actions: a first invitation, an update after the training's dates
// or place changed, a cancellation after a withdrawal, or nothing.
const (
	ActNone   InviteAction = ""
	ActInvite InviteAction = "invite"
	ActUpdate InviteAction = "update"
	ActCancel InviteAction = "cancel"
)

// InviteActions lists the actions that send something, in display order.
var InviteActions = []InviteAction{ActInvite, ActUpdate, ActCancel}

// Problems that keep a participant from getting an invitation.
const (
	ProblemNoEmail      = "no_email"
	ProblemInvalidEmail = "invalid_email"
)

// InviteRow is one registration on the invitations page: what was sent,
// and what sending now would do.
type InviteRow struct {
	Recipient Recipient
	Action    InviteAction
	Problem   string          // why they are skipped: ProblemNoEmail, ProblemInvalidEmail
	Sent      []OutboxMessage // invitations, updates and cancellations, oldest first
}

// Last is the last message that counts (not cancelled in the outbox).
func (r InviteRow) Last() *OutboxMessage {
	for i := len(r.Sent) - 1; i >= 0; i-- {
		if r.Sent[i].Status != MsgCancelled {
			return &r.Sent[i]
		}
	}
	return nil
}

// InvitePlan is a training's messages page: each participant's
// invitations, what sending now would do, and the reminder settings.
type InvitePlan struct {
	Training  TrainingDetail
	Version   string
	Rows      []InviteRow
	Counts    map[InviteAction]int
	Skipped   int // participants with something to send but no usable address
	CanSend   bool
	Reminders ReminderSettings
	Outbox    map[MessageStatus]int64 // the training's messages by status
	Letters   []LetterRow             // nomination request letters, newest first
	Agencies  []Agency                // the agencies a letter can go to
	Today     Date                    // by the server's clock, for the letter form
}

// Due counts the messages sending now would queue.
func (p InvitePlan) Due() int { return p.Counts[ActInvite] + p.Counts[ActUpdate] + p.Counts[ActCancel] }

// InviteResult is what sending invitations queued and whom it skipped.
type InviteResult struct {
	Queued  map[InviteAction]int
	Skipped []InviteRow
}

// MessageView is one message as its page shows it.
type MessageView struct {
	Message OutboxMessage
	// Text is the plain-text part as the recipient reads it ("" once the
	// message has been purged).
	Text string
	// Attachments names the files the message carries.
	Attachments []string
	CanManage   bool // may retry or cancel (administrators)
}
