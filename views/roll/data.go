// Package roll renders the roll-call page that trainers use on tablets.
// The page carries its roster as JSON in a data attribute; the roll-call
// script keeps working from it, and from the service worker's copy, when
// the network is gone.
package roll

import (
	"encoding/json"
	"sort"
	"strings"

	"github.com/traindesk/traindesk/internal/i18n"
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

// FromRoll turns the service's roll call into the page's data, in the
// language of l: the session's date and hours as read there, duty stations
// by their name in that language, people sorted by the name shown first.
func FromRoll(rc model.RollCall, l *i18n.Localizer) Data {
	si := rc.Sitting
	d := Data{SessionID: si.ID, TrainingID: rc.Training.ID, Title: l.Pick(rc.Training.TitleEn, rc.Training.TitleAr), Date: si.Date.String(),
		DateLabel: l.Weekday(si.Date.Time().Weekday()) + " " + l.Date(si.Date), Hours: l.Clock(si.StartsAt) + "–" + l.Clock(si.EndsAt),
		Topic: si.Topic, ServerTime: rc.Now.UnixMilli(), Lang: string(l.Lang), CanMark: rc.CanMark}
	for _, r := range rc.People {
		p := Person{RegistrationID: r.ID, NameLatin: r.NameLatin, NameArabic: r.NameArabic, Code: rc.Codes[r.ID]}
		if st, ok := rc.Refs.Station(r.DutyStationID); ok {
			p.Station = l.Pick(st.NameEn, st.NameAr)
		}
		if m, ok := rc.Marks[r.ID]; ok {
			p.Status, p.Note, p.ClientTime = m.Status, m.Note, m.ClientTime
		}
		d.People = append(d.People, p)
	}
	sortPeople(d.People, l)
	return d
}

// sortPeople orders the roster by name in the page's language.
func sortPeople(ps []Person, l *i18n.Localizer) {
	key := func(p Person) string {
		if l.Lang == i18n.AR && p.NameArabic != "" {
			return p.NameArabic
		}
		if p.NameLatin != "" {
			return strings.ToLower(p.NameLatin)
		}
		return p.NameArabic
	}
	sort.SliceStable(ps, func(i, j int) bool { return key(ps[i]) < key(ps[j]) })
}
