package notify

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
)

// course is a training with what its messages tell: its reference names
// and its live sessions.
type course struct {
	T        model.TrainingDetail
	Refs     model.Refs
	Sittings []model.SittingRow
	loc      *time.Location
}

// Title is the training's title in l's language (the other when it has
// only one).
func (c course) Title(l *i18n.Localizer) string { return l.Pick(c.T.TitleEn, c.T.TitleAr) }

// Place is the venue, city and governorate, as far as they are known.
func (c course) Place(l *i18n.Localizer) string {
	parts := []string{}
	for _, p := range []string{l.Pick(c.T.VenueEn, c.T.VenueAr), c.T.City} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	if g, ok := c.Refs.Governorate(c.T.GovernorateID); ok {
		parts = append(parts, l.Pick(g.NameEn, g.NameAr))
	}
	sep := ", "
	if l.Lang == i18n.AR {
		sep = "، "
	}
	return strings.Join(parts, sep)
}

// Facts are the essentials every message about the training repeats.
func (c course) Facts(l *i18n.Localizer) []Fact {
	f := []Fact{{l.T("notify.fact.training"), c.Title(l)}, {l.T("notify.fact.dates"), l.DateRange(c.T.StartsOn, c.T.EndsOn)}}
	if p := c.Place(l); p != "" {
		f = append(f, Fact{l.T("notify.fact.place"), p})
	}
	if c.T.Language != "" {
		f = append(f, Fact{l.T("notify.fact.language"), l.T("training.lang." + c.T.Language)})
	}
	return f
}

// SessionLine describes one session: its day, hours and topic.
func SessionLine(l *i18n.Localizer, s model.Sitting) string {
	line := l.Weekday(s.Date.Time().Weekday()) + " " + l.Date(s.Date)
	if s.StartsAt != "" && s.EndsAt != "" {
		line += "، " + l.Clock(s.StartsAt) + "–" + l.Clock(s.EndsAt)
		if l.Lang != i18n.AR {
			line = strings.Replace(line, "، ", ", ", 1)
		}
	}
	if s.Topic != "" {
		line += " — " + s.Topic
	}
	return line
}

// Sessions lists the sessions, one line each.
func (c course) Sessions(l *i18n.Localizer) []string {
	out := make([]string, len(c.Sittings))
	for i, s := range c.Sittings {
		out[i] = SessionLine(l, s.Sitting)
	}
	return out
}

// Version fingerprints what an invitation tells of the training: its
// title, place, dates and each session's day and hours. An invitation is
// sent once per registration and version; a new version sends an update.
func (c course) Version() string {
	h := sha256.New()
	w := func(s string) { h.Write([]byte(s)); h.Write([]byte{0}) }
	w(c.T.TitleEn)
	w(c.T.TitleAr)
	w(c.T.VenueEn)
	w(c.T.VenueAr)
	w(c.T.City)
	if c.T.GovernorateID != nil {
		w(strconv.FormatInt(*c.T.GovernorateID, 10))
	}
	w(c.T.StartsOn.String())
	w(c.T.EndsOn.String())
	for _, s := range c.Sittings {
		w(s.Date.String() + " " + s.StartsAt + " " + s.EndsAt)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// bounds returns when a session starts and ends at the venue, and false
// when its hours are not both known.
func bounds(s model.Sitting, loc *time.Location) (time.Time, time.Time, bool) {
	at := func(hhmm string) (time.Time, bool) {
		t, err := time.Parse("15:04", hhmm)
		if err != nil {
			return time.Time{}, false
		}
		return time.Date(s.Date.Year, s.Date.Month, s.Date.Day, t.Hour(), t.Minute(), 0, 0, loc), true
	}
	a, ok1 := at(s.StartsAt)
	b, ok2 := at(s.EndsAt)
	return a, b, ok1 && ok2
}
