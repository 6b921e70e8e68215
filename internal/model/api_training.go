package model

import (
	"strconv"
	"strings"
)

// APITrainingQuery is GET /api/v1/trainings' query as sent.
type APITrainingQuery struct {
	Status, Project, From, To, Page, PerPage string
}

// APIMaxPerPage bounds a page of the trainings API.
const APIMaxPerPage = 100

// Filter reads the query: the list filter (without its scope), the
// project code to resolve, and the page. Bad values are field errors.
func (q APITrainingQuery) Filter() (TrainingFilter, string, int, error) {
	errs := Errors{}
	f := TrainingFilter{Sort: "start"}
	if s := TrainingStatus(strings.TrimSpace(q.Status)); s != "" {
		valid := false
		for _, x := range TrainingStatuses {
			valid = valid || x == s
		}
		if !valid {
			errs.Add("status", "error.choose")
		}
		f.Status = s
	}
	for field, p := range map[string]*Date{"from": &f.From, "to": &f.To} {
		raw := strings.TrimSpace(map[string]string{"from": q.From, "to": q.To}[field])
		if raw == "" {
			continue
		}
		d, err := ParseDate(raw)
		if err != nil {
			errs.Add(field, "error.date")
		}
		*p = d
	}
	page, per := 1, 25
	if s := strings.TrimSpace(q.Page); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			errs.Add("page", "api.error.page")
		}
		page = n
	}
	if s := strings.TrimSpace(q.PerPage); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > APIMaxPerPage {
			errs.Add("per_page", "api.error.page")
		}
		per = n
	}
	f.Limit, f.Offset = per, (page-1)*per
	return f, strings.TrimSpace(q.Project), page, errs.Err()
}

// APITrainingList is one page of GET /api/v1/trainings.
type APITrainingList struct {
	Items   []APITrainingItem `json:"items"`
	Page    int               `json:"page"`
	PerPage int               `json:"per_page"`
	Total   int64             `json:"total"`
}

// APITrainingItem is a training in the API's list, with its counts.
type APITrainingItem struct {
	ID           int64          `json:"id"`
	TitleEn      string         `json:"title_en"`
	TitleAr      string         `json:"title_ar"`
	Status       TrainingStatus `json:"status"`
	StartsOn     Date           `json:"starts_on"`
	EndsOn       Date           `json:"ends_on"`
	ProjectCode  string         `json:"project_code"`
	VenueEn      string         `json:"venue_en"`
	VenueAr      string         `json:"venue_ar"`
	City         string         `json:"city"`
	Capacity     int            `json:"capacity"`
	Participants int            `json:"participants"`
	Women        int            `json:"women"`
	SessionCount int            `json:"session_count"`
}

// ItemOf turns a list row into the API's item.
func ItemOf(r TrainingRow) APITrainingItem {
	return APITrainingItem{ID: r.ID, TitleEn: r.TitleEn, TitleAr: r.TitleAr, Status: r.Status, StartsOn: r.StartsOn,
		EndsOn: r.EndsOn, ProjectCode: r.ProjectCode, VenueEn: r.VenueEn, VenueAr: r.VenueAr, City: r.City,
		Capacity: r.Capacity, Participants: r.Participants, Women: r.Women, SessionCount: r.Sessions}
}

// APITraining is GET /api/v1/trainings/{id}: the training, its sessions
// with their marks counted, and — only for a reader allowed personal
// data — its participants.
type APITraining struct {
	ID           int64          `json:"id"`
	TitleEn      string         `json:"title_en"`
	TitleAr      string         `json:"title_ar"`
	ObjectivesEn string         `json:"objectives_en"`
	ObjectivesAr string         `json:"objectives_ar"`
	Status       TrainingStatus `json:"status"`
	StartsOn     Date           `json:"starts_on"`
	EndsOn       Date           `json:"ends_on"`
	ProjectCode  string         `json:"project_code"`
	VenueEn      string         `json:"venue_en"`
	VenueAr      string         `json:"venue_ar"`
	City         string         `json:"city"`
	Language     string         `json:"language"`
	Capacity     int            `json:"capacity"`
	SDGs         []int64        `json:"sdgs"`
	GCMs         []int64        `json:"gcm_objectives"`
	Counts       APICounts      `json:"counts"`
	Sessions     []APISession   `json:"sessions"`
	Participants []APIPerson    `json:"participants,omitempty"`
}

// APICounts are a training's people and marks.
type APICounts struct {
	Participants int `json:"participants"` // live registrations
	Women        int `json:"women"`
	Men          int `json:"men"`
	Nominated    int `json:"nominated"`
	Confirmed    int `json:"confirmed"`
	Withdrawn    int `json:"withdrawn"`
	Present      int `json:"present"`
	Late         int `json:"late"`
	Absent       int `json:"absent"`
	Excused      int `json:"excused"`
}

// APISession is one session with its marks counted.
type APISession struct {
	ID       int64  `json:"id"`
	Date     Date   `json:"date"`
	StartsAt string `json:"starts_at"`
	EndsAt   string `json:"ends_at"`
	Topic    string `json:"topic"`
	Present  int    `json:"present"`
	Late     int    `json:"late"`
	Absent   int    `json:"absent"`
	Excused  int    `json:"excused"`
}

// APIPerson is one participant: personal data, given only when allowed.
type APIPerson struct {
	RegistrationID int64              `json:"registration_id"`
	PersonID       int64              `json:"person_id"`
	NameLatin      string             `json:"name_latin"`
	NameArabic     string             `json:"name_arabic"`
	Sex            Sex                `json:"sex"`
	Status         RegistrationStatus `json:"status"`
	AgencyID       *int64             `json:"agency_id"`
	DutyStationID  *int64             `json:"duty_station_id"`
	Attended       int                `json:"sessions_attended"`
}

// countMark adds mark m to the four counters.
func countMark(m Mark, present, late, absent, excused *int) {
	switch m {
	case MarkPresent:
		*present++
	case MarkLate:
		*late++
	case MarkAbsent:
		*absent++
	case MarkExcused:
		*excused++
	}
}

// APITrainingOf builds the API's view of a training page; people says
// whether the participant list may be included.
func APITrainingOf(p TrainingPage, projectCode string, people bool) APITraining {
	t := p.Detail
	out := APITraining{ID: t.ID, TitleEn: t.TitleEn, TitleAr: t.TitleAr, ObjectivesEn: t.ObjectivesEn, ObjectivesAr: t.ObjectivesAr,
		Status: t.Status, StartsOn: t.StartsOn, EndsOn: t.EndsOn, ProjectCode: projectCode, VenueEn: t.VenueEn, VenueAr: t.VenueAr,
		City: t.City, Language: t.Language, Capacity: t.Capacity, SDGs: nonNil(t.SDGs), GCMs: nonNil(t.GCMs),
		Sessions: []APISession{}}
	live := countPeople(p.Roster, &out.Counts)
	attended := map[int64]int{}
	bySitting := map[int64]*APISession{}
	for _, s := range p.Sittings {
		out.Sessions = append(out.Sessions, APISession{ID: s.ID, Date: s.Date, StartsAt: s.StartsAt, EndsAt: s.EndsAt, Topic: s.Topic})
	}
	for i := range out.Sessions {
		bySitting[out.Sessions[i].ID] = &out.Sessions[i]
	}
	c := &out.Counts
	for _, m := range p.Marks {
		s, ok := bySitting[m.SittingID]
		if !ok || !live[m.RegistrationID] {
			continue
		}
		countMark(m.Status, &s.Present, &s.Late, &s.Absent, &s.Excused)
		countMark(m.Status, &c.Present, &c.Late, &c.Absent, &c.Excused)
		if m.Status.Attended() {
			attended[m.RegistrationID]++
		}
	}
	if people {
		out.Participants = []APIPerson{}
		for _, r := range p.Roster {
			out.Participants = append(out.Participants, APIPerson{RegistrationID: r.ID, PersonID: r.PersonID, NameLatin: r.NameLatin,
				NameArabic: r.NameArabic, Sex: r.Sex, Status: r.Status, AgencyID: r.AgencyID, DutyStationID: r.DutyStationID,
				Attended: attended[r.ID]})
		}
	}
	return out
}

// countPeople counts the registrations by status and the live ones by sex,
// and returns the live registrations' ids.
func countPeople(roster []RosterRow, c *APICounts) map[int64]bool {
	live := map[int64]bool{}
	for _, r := range roster {
		switch r.Status {
		case RegNominated:
			c.Nominated++
		case RegConfirmed:
			c.Confirmed++
		case RegWithdrawn:
			c.Withdrawn++
			continue
		}
		live[r.ID] = true
		c.Participants++
		switch r.Sex {
		case SexFemale:
			c.Women++
		case SexMale:
			c.Men++
		}
	}
	return live
}

func nonNil(ids []int64) []int64 {
	if ids == nil {
		return []int64{}
	}
	return ids
}
