package model

import "strings"

// MarkOp is one attendance mark as a tablet records it, online or off: a
// client-made id makes replays harmless, and the client's clock and device
// decide which of two marks for the same person and session wins.
type MarkOp struct {
	OpID           string `json:"op_id"`
	RegistrationID int64  `json:"registration_id"`
	SittingID      int64  `json:"session_id"`
	Status         Mark   `json:"status"`
	Note           string `json:"note,omitempty"`
	ClientTime     int64  `json:"client_time"` // milliseconds since 1970 on the device
	DeviceID       string `json:"device_id"`
	Via            Via    `json:"via,omitempty"`  // online (default), offline_sync, qr
	Code           string `json:"code,omitempty"` // the QR code scanned, when Via is qr
}

// Outcomes of an operation.
const (
	OpApplied    = "applied"    // the mark is now the current one
	OpSuperseded = "superseded" // a later mark (by client time) was already there
	OpRefused    = "refused"    // the mark was not accepted; Reason says why
)

// Reasons an operation is refused; they are catalogue keys too.
const (
	RefuseInvalid   = "sync.refused.invalid"
	RefuseFuture    = "sync.refused.future"
	RefuseUnknown   = "sync.refused.unknown"
	RefuseForbidden = "sync.refused.forbidden"
	RefuseWindow    = "sync.refused.window"
	RefuseWithdrawn = "sync.refused.withdrawn"
	RefuseCode      = "sync.refused.code"
	RefuseOpTaken   = "sync.refused.op_taken" // the id was first sent by another user or device
)

// OpResult is the server's answer to one operation. A replayed operation
// gets the very same answer as the first time.
type OpResult struct {
	OpID   string `json:"op_id"`
	Result string `json:"result"`
	Reason string `json:"reason,omitempty"`
}

// OpRecord is what the server keeps of an operation id it has seen: who
// sent it first, from which device, and the answer it got. An id belongs
// to that user and device; nobody else can replay it.
type OpRecord struct {
	Result   OpResult
	UserID   int64
	DeviceID string
}

// Wins reports whether a mark stamped (t, device, op) replaces one stamped
// (ct, cdevice, cop): the later client time wins, and equal times are
// broken by device id, then operation id, so that every server reaches the
// same answer whatever order the marks arrive in.
func Wins(t int64, device, op string, ct int64, cdevice, cop string) bool {
	if t != ct {
		return t > ct
	}
	if c := strings.Compare(device, cdevice); c != 0 {
		return c > 0
	}
	return op > cop
}

// ValidOpID reports whether an operation id is usable: 8 to 64 characters
// of letters, digits and dashes (a UUID fits).
func ValidOpID(s string) bool {
	if len(s) < 8 || len(s) > 64 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}
