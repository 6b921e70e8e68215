package model

// MarkState is a current mark as the roll call shows it.
type MarkState struct {
	RegistrationID int64  `json:"registration_id"`
	SittingID      int64  `json:"session_id"`
	Status         Mark   `json:"status"`
	Note           string `json:"note,omitempty"`
	ClientTime     int64  `json:"client_time"`
	DeviceID       string `json:"device_id"`
	Version        int64  `json:"version"` // the session's marks version when it last changed
}

// MarkChange is one line of a mark's history, with who made it.
type MarkChange struct {
	AttendanceChange
	UserName string
}
