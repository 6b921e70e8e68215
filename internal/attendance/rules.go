package attendance

import (
	"time"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

// mayMark decides whether u may mark session si, whose training the users
// in facilitators run, when the mark reaches the server at now (the
// server's clock, never a device's). It returns "" or a refusal reason.
// Who may mark is the access policy's answer; when is attendance's rule:
// those who correct marks may mark at any time, the training's trainers
// from the day before the session to DaysAfter days after it (in the
// venues' time zone). DaysAfter is also the grace a tablet that marked
// offline has to bring its marks in.
func (s *Service) mayMark(u model.User, facilitators []int64, si model.Sitting, now time.Time) string {
	obj := auth.TrainingObject(facilitators)
	if !auth.Allow(u, auth.MarkAttendance, obj) {
		return model.RefuseForbidden
	}
	if auth.Allow(u, auth.CorrectMarks, obj) {
		return ""
	}
	day := model.DateOf(now.In(s.cfg.Location))
	if day.Before(si.Date.AddDays(-1)) || day.After(si.Date.AddDays(s.cfg.DaysAfter)) {
		return model.RefuseWindow
	}
	return ""
}

// check decides on one operation of a batch before it meets the current
// marks: it returns "" or the reason it is refused. The order of the
// questions fixes which reason an operation wrong in several ways gets.
// The device's clock (client time) is believed only to order competing
// marks, and only up to MaxFuture past the server's: the marking window
// is judged on the server's clock when the mark arrives, so a backdated
// client time cannot reopen a closed session.
func (s *Service) check(u model.User, now time.Time, op model.MarkOp, sc model.MarkingScope) string {
	if !op.Status.Valid() || len(op.Note) > MaxNote || op.ClientTime <= 0 {
		return model.RefuseInvalid
	}
	si, ok := sc.Sittings[op.SittingID]
	if !ok {
		return model.RefuseUnknown
	}
	reg, ok := sc.Registrations[op.RegistrationID]
	if !ok || reg.TrainingID != si.TrainingID {
		return model.RefuseUnknown
	}
	at := time.UnixMilli(op.ClientTime)
	if at.After(now.Add(MaxFuture)) {
		return model.RefuseFuture
	}
	if reason := s.mayMark(u, sc.Facilitators[si.TrainingID], si, now); reason != "" {
		return reason
	}
	if reg.Status == model.RegWithdrawn {
		return model.RefuseWithdrawn
	}
	if op.Via == model.ViaQR {
		if id, ok := s.codes.Parse(op.Code); !ok || id != reg.ID {
			return model.RefuseCode
		}
	}
	return ""
}

// normalizeVia files an operation that names no known channel as online.
func normalizeVia(ops []model.MarkOp) {
	for i := range ops {
		switch ops[i].Via {
		case "", model.ViaOnline, model.ViaSync, model.ViaQR:
		default:
			ops[i].Via = model.ViaOnline
		}
	}
}
