// Package messages renders e-mail pages: a training's invitations and
// reminders, the summary of its messages on the training page, the
// outbox and one message.
package messages

import (
	"strconv"
	"time"

	"github.com/a-h/templ"

	"github.com/traindesk/traindesk/internal/model"
)

// PageProps is a training's invitations and reminders page.
type PageProps struct {
	Plan     model.InvitePlan
	Location *time.Location
	// Reminders is the reminder form as typed, with its errors.
	Reminders model.ReminderSettings
	Errors    map[string]string
	// Letter is the new-letter form as typed, with its errors.
	Letter       LetterForm
	LetterErrors map[string]string
	// MailLetter is the letter whose e-mail was refused; LetterErrors
	// ["email"] says why, beside its button.
	MailLetter int64
}

// LetterForm is the new-letter form's values as typed.
type LetterForm struct {
	AgencyID, Lang, ReplyBy string
}

// OutboxProps is the outbox page.
type OutboxProps struct {
	Page     model.OutboxPage
	Location *time.Location
}

// MessageProps is one message's page.
type MessageProps struct {
	View     model.MessageView
	Location *time.Location
}

// badgeKind colours a message status like the statuses elsewhere.
func badgeKind(s model.MessageStatus) string {
	switch s {
	case model.MsgSent:
		return "completed"
	case model.MsgFailed:
		return "cancelled"
	case model.MsgHeld:
		return "late"
	case model.MsgCancelled:
		return "draft"
	}
	return "planned"
}

func trainingURL(id int64, rest string) templ.SafeURL {
	return templ.SafeURL("/trainings/" + strconv.FormatInt(id, 10) + rest)
}

func letterURL(id int64, rest string) templ.SafeURL {
	return templ.SafeURL("/letters/" + strconv.FormatInt(id, 10) + rest)
}

func messageURL(id int64, rest string) templ.SafeURL {
	return templ.SafeURL("/messages/" + strconv.FormatInt(id, 10) + rest)
}

func outboxURL(f model.OutboxFilter, status model.MessageStatus) templ.SafeURL {
	u := "/admin/outbox?status=" + string(status)
	if f.TrainingID != 0 {
		u += "&training=" + strconv.FormatInt(f.TrainingID, 10)
	}
	return templ.SafeURL(u)
}

// reason is a message's last error as the page shows it: a catalogue key
// is translated by the caller, a server's reply shown as it came.
func isKey(s string) bool { return len(s) > 7 && s[:7] == "outbox." }

func idStr(id int64) string { return strconv.FormatInt(id, 10) }
