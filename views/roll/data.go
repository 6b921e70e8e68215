// Package roll renders the roll-call page that trainers use on tablets.
// The page carries its roster as JSON in a data attribute; the roll-call
// script keeps working from it, and from the service worker's copy, when
// the network is gone.
package roll

import (
	"encoding/json"

	"github.com/traindesk/traindesk/internal/model"
)

// Person is one participant on the roll.
type Person struct {
	RegistrationID int64      `json:"registration_id"`
	NameLatin      string     `json:"name_latin"`
	NameArabic     string     `json:"name_arabic"`
	Station        string     `json:"station"`
	Code           string     `json:"code"`
	Status         model.Mark `json:"status"`
	Note           string     `json:"note"`
	ClientTime     int64      `json:"client_time"`
}

// Data is a session's roll.
type Data struct {
	SessionID  int64    `json:"session_id"`
	TrainingID int64    `json:"training_id"`
	Title      string   `json:"title"`
	Date       string   `json:"date"`
	DateLabel  string   `json:"date_label"`
	Hours      string   `json:"hours"`
	Topic      string   `json:"topic"`
	CanMark    bool     `json:"can_mark"`
	ServerTime int64    `json:"server_time"`
	Lang       string   `json:"lang"`
	People     []Person `json:"people"`
}

// JSON is the roster for the page's data attribute.
func (d Data) JSON() string {
	b, _ := json.Marshal(d)
	return string(b)
}

// Count counts the people with a mark (or none, for "").
func (d Data) Count(m model.Mark) int {
	n := 0
	for _, p := range d.People {
		if p.Status == m {
			n++
		}
	}
	return n
}
