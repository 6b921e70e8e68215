package notify

import (
	"strconv"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/traindesk/traindesk/internal/mail"
	"github.com/traindesk/traindesk/internal/model"
)

// calEvent is one session as a calendar event.
type calEvent struct {
	UID         string
	Sitting     model.Sitting
	Summary     string
	Location    string
	Description string
	Sequence    int
	Cancelled   bool
	Stamp       time.Time
}

// calendar writes events as an iCalendar file (RFC 5545): METHOD:REQUEST
// for an invitation or its update, CANCEL for a cancellation, PUBLISH for
// a feed. Times are in UTC, so no time-zone definition is needed; a
// session without hours is an all-day event.
func calendar(method ics.Method, name string, organizer mail.Address, attendee *mail.Address, events []calEvent, loc *time.Location) []byte {
	cal := ics.NewCalendarFor("traindesk")
	cal.SetProductId("-//traindesk//traindesk//EN")
	cal.SetMethod(method)
	cal.SetCalscale("GREGORIAN")
	if name != "" {
		cal.SetXWRCalName(name)
	}
	for _, e := range events {
		ev := cal.AddEvent(e.UID)
		ev.SetDtStampTime(e.Stamp)
		if start, end, ok := bounds(e.Sitting, loc); ok {
			ev.SetStartAt(start)
			ev.SetEndAt(end)
		} else {
			ev.SetAllDayStartAt(e.Sitting.Date.Time())
			ev.SetAllDayEndAt(e.Sitting.Date.AddDays(1).Time())
		}
		ev.SetSummary(e.Summary)
		if e.Location != "" {
			ev.SetLocation(e.Location)
		}
		if e.Description != "" {
			ev.SetDescription(e.Description)
		}
		ev.SetSequence(e.Sequence)
		if e.Cancelled {
			ev.SetStatus(ics.ObjectStatusCancelled)
		} else {
			ev.SetStatus(ics.ObjectStatusConfirmed)
		}
		if method != ics.MethodPublish {
			ev.SetOrganizer(organizer.Addr, ics.WithCN(organizer.Name))
		}
		if attendee != nil {
			ev.AddAttendee(attendee.Addr, ics.WithCN(attendee.Name), ics.CalendarUserTypeIndividual,
				ics.ParticipationRoleReqParticipant, ics.ParticipationStatusNeedsAction, ics.WithRSVP(false))
		}
	}
	return []byte(cal.Serialize())
}

// sessionUID names a session in a participant's calendar, so that an
// update or a cancellation replaces the event the invitation made.
func sessionUID(sittingID, registrationID int64, domain string) string {
	return "session-" + strconv.FormatInt(sittingID, 10) + "-reg-" + strconv.FormatInt(registrationID, 10) + "@" + domain
}
