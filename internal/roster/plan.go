package roster

import (
	"strings"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster/nomination"
)

// LinkScore is the score from which an imported row is linked to the
// existing person by default; below it the officer sees the matches and
// decides, and the default is to create a new person.
const LinkScore = 85

// RefName is a reference entry (an agency, a duty station) with every name
// a nomination list may use for it.
type RefName struct {
	ID    int64
	Names []string
}

// Resolve finds the entry a list's text means: the same name once
// normalised, or else the only entry whose name contains the text or is
// contained in it ("Safaga" for "Safaga seaport").
func Resolve(text string, refs []RefName) *int64 {
	t := Normalize(text)
	if t == "" {
		return nil
	}
	var partial []int64
	for _, r := range refs {
		for _, n := range r.Names {
			n = Normalize(n)
			if n == "" {
				continue
			}
			if n == t {
				id := r.ID
				return &id
			}
			if strings.Contains(n, t) || strings.Contains(t, n) {
				partial = append(partial, r.ID)
				break
			}
		}
	}
	if len(partial) == 1 {
		return &partial[0]
	}
	return nil
}

// PlanRow is an imported row with what the registry knows about it.
type PlanRow struct {
	nomination.Row
	AgencyID       *int64
	StationID      *int64
	AgencyUnknown  bool    // the list names an agency the registry does not know
	StationUnknown bool    // the same for the duty station
	Matches        []Match // likely existing persons, best first (at most 3)
	SameAsLine     int     // an earlier row of the same file is the same person
	Registered     bool    // the best match is already on this training
	Action         string  // the suggested action
}

// PlanInput is what planning an import needs.
type PlanInput struct {
	Rows          []nomination.Row
	Index         *Index // the registry, filed (only read)
	Agencies      []RefName
	Stations      []RefName
	DefaultAgency *int64         // the training's partner agency
	Registered    map[int64]bool // persons already on the training
}

// Plan resolves each row's agency and station, finds likely duplicates
// (in the registry and earlier in the same file) and suggests an action.
func Plan(in PlanInput) []PlanRow {
	out := make([]PlanRow, 0, len(in.Rows))
	found := planMatches(in.Rows, in.Index)
	for i, r := range in.Rows {
		p := PlanRow{Row: r}
		p.AgencyID, p.AgencyUnknown = resolveOr(r.Agency, in.Agencies, in.DefaultAgency)
		p.StationID, p.StationUnknown = resolveOr(r.DutyStation, in.Stations, nil)
		for _, m := range found[i] {
			if m.Candidate.ID < 0 && m.Score >= LinkScore && p.SameAsLine == 0 {
				p.SameAsLine = int(-m.Candidate.ID)
			}
		}
		for _, m := range found[i] {
			if m.Candidate.ID > 0 && len(p.Matches) < 3 {
				p.Matches = append(p.Matches, m)
			}
		}
		p.Action = suggest(&p, in.Registered)
		out = append(out, p)
	}
	return out
}

func resolveOr(text string, refs []RefName, def *int64) (*int64, bool) {
	if strings.TrimSpace(text) == "" {
		return def, false
	}
	if id := Resolve(text, refs); id != nil {
		return id, false
	}
	return def, true
}

func suggest(p *PlanRow, registered map[int64]bool) string {
	switch {
	case !p.OK() || p.SameAsLine != 0:
		return model.ImportActionSkip
	case len(p.Matches) > 0 && p.Matches[0].Score >= LinkScore:
		if registered[p.Matches[0].Candidate.ID] {
			p.Registered = true
			return model.ImportActionSkip
		}
		return model.ImportLinkAction(p.Matches[0].Candidate.ID)
	}
	return model.ImportActionNew
}

// NewPerson builds the person a row creates.
func NewPerson(p PlanRow) model.Person {
	r := p.Row
	person := model.Person{NameLatin: r.NameLatin, NameArabic: r.NameArabic, Sex: r.Sex, AgencyID: p.AgencyID,
		DutyStationID: p.StationID, Position: r.Position, Rank: r.Rank, Phone: phoneOrRaw(r.Phone),
		Email: NormalizeEmail(r.Email), NationalRef: r.NationalRef, Notes: r.Notes}
	if r.BirthYear != 0 {
		y := r.BirthYear
		person.BirthYear = &y
	}
	person.NameKey = NameKey(person.NameLatin, person.NameArabic)
	return person
}

// phoneOrRaw stores a phone in international form when it is one.
func phoneOrRaw(s string) string {
	if p := NormalizePhone(s); p != "" {
		return p
	}
	return strings.TrimSpace(s)
}
