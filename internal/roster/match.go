package roster

import (
	"cmp"
	"slices"
)

// DefaultMinScore is the score from which a person is offered as a likely
// duplicate. It is the score of a first-and-last-name match, the weakest
// signal worth a clerk's look, and is below anything backed by a phone,
// email or ID number.
const DefaultMinScore = 60

// Reasons are catalogue keys (internal/i18n/locales/*/roster_match.json)
// that explain a match to the person deciding whether to merge.
const (
	ReasonSameNationalRef  = "match.same_national_ref"
	ReasonSameEmail        = "match.same_email"
	ReasonSamePhone        = "match.same_phone"
	ReasonSameNameArabic   = "match.same_name_arabic"
	ReasonSameNameLatin    = "match.same_name_latin"
	ReasonCrossScript      = "match.cross_script"
	ReasonSimilarName      = "match.similar_name"
	ReasonFirstLast        = "match.first_last"
	ReasonBirthYearDiffers = "match.birth_year_differs"
)

// The scores of the single signals. Identifiers that belong to one person
// score highest; an email beats a phone because phones are shared (an
// office line) and recycled more often than addresses. Names score lower
// because common names repeat: in Egypt many officers are called Mohamed
// Ahmed. A name match in word order is stronger than one out of order, and
// the first and last name alone are the weakest.
const (
	scoreNationalRef  = 100
	scoreEmail        = 95
	scorePhone        = 90
	scoreSameName     = 85
	scoreSameWords    = 80 // same skeleton words in the same order
	scoreInOrder      = 75 // the shorter name's words appear, in order, in the longer
	scoreAnyOrder     = 70 // the shorter name's words all appear, in any order
	scoreFirstLast    = 60 // only the first and the last word agree
	bonusPerSignal    = 5  // for each agreeing signal beyond the strongest
	penaltyBirthYear  = 20 // both birth years known and more than one year apart
	birthYearTolerate = 1  // a year's slack for ages converted to years
)

// Candidate is what matching compares: the identifying fields of a person
// already in the registry or of one about to be added.
type Candidate struct {
	ID                                               int64
	NameLatin, NameArabic, Phone, Email, NationalRef string
	BirthYear                                        int // 0 unknown
}

// Match is a likely duplicate, with the score and the reasons to show the
// person who decides whether to merge.
type Match struct {
	Candidate Candidate
	Score     int      // 0–100
	Reasons   []string // catalogue keys, strongest first, e.g. ReasonSamePhone
}

// Score says how likely a and b are the same person, from 0 to 100, and
// why. Each agreeing signal has a score (see the constants above); the
// result is the strongest signal plus 5 for each other one, at most 100,
// because independent agreements make a coincidence less likely. A birth
// year known on both sides that differs by more than a year takes 20 off,
// because it is the one field that contradicts rather than merely fails to
// confirm. Names count as one signal when they match only by sound, and as
// one per script when they are spelled identically. Reasons are catalogue
// keys, strongest first, with ReasonBirthYearDiffers last.
func Score(a, b Candidate) (int, []string) {
	return scoreProfiles(newProfile(a), newProfile(b))
}

// FindMatches scores in against every candidate of pool and returns those
// scoring at least minScore (and above 0), best first, ties by ID. A pool entry
// with the same non-zero ID as in is in itself and is skipped, so that a
// person being edited does not match their own record.
func FindMatches(in Candidate, pool []Candidate, minScore int) []Match {
	p := newProfile(in)
	var out []Match
	for _, c := range pool {
		if in.ID != 0 && c.ID == in.ID {
			continue
		}
		s, why := scoreProfiles(p, newProfile(c))
		if s <= 0 || s < minScore {
			continue
		}
		out = append(out, Match{Candidate: c, Score: s, Reasons: why})
	}
	slices.SortStableFunc(out, func(x, y Match) int {
		if x.Score != y.Score {
			return cmp.Compare(y.Score, x.Score)
		}
		return cmp.Compare(x.Candidate.ID, y.Candidate.ID)
	})
	return out
}

// profile is a Candidate with every field in comparison form, computed once
// per person so that FindMatches does not normalise the input again for
// every pool entry.
type profile struct {
	ref, email, phone     string
	latin, arabic         string
	latinKeys, arabicKeys []string
	birthYear             int
}

func newProfile(c Candidate) profile {
	return profile{
		ref:        NormalizeRef(c.NationalRef),
		email:      NormalizeEmail(c.Email),
		phone:      NormalizePhone(c.Phone),
		latin:      Normalize(c.NameLatin),
		arabic:     Normalize(c.NameArabic),
		latinKeys:  skeletonWords(c.NameLatin),
		arabicKeys: skeletonWords(c.NameArabic),
		birthYear:  c.BirthYear,
	}
}

// signal is one agreeing piece of evidence.
type signal struct {
	score  int
	reason string
}

// scoreProfiles implements Score.
func scoreProfiles(a, b profile) (int, []string) {
	var sig []signal
	if a.ref != "" && a.ref == b.ref {
		sig = append(sig, signal{scoreNationalRef, ReasonSameNationalRef})
	}
	if a.email != "" && a.email == b.email {
		sig = append(sig, signal{scoreEmail, ReasonSameEmail})
	}
	if a.phone != "" && a.phone == b.phone {
		sig = append(sig, signal{scorePhone, ReasonSamePhone})
	}
	sig = append(sig, nameSignals(a, b)...)
	if len(sig) == 0 {
		return 0, nil
	}
	slices.SortStableFunc(sig, func(x, y signal) int { return cmp.Compare(y.score, x.score) })
	total := min(100, sig[0].score+bonusPerSignal*(len(sig)-1))
	reasons := make([]string, 0, len(sig)+1)
	for _, s := range sig {
		reasons = append(reasons, s.reason)
	}
	if a.birthYear != 0 && b.birthYear != 0 && abs(a.birthYear-b.birthYear) > birthYearTolerate {
		total = max(0, total-penaltyBirthYear)
		reasons = append(reasons, ReasonBirthYearDiffers)
	}
	return total, reasons
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
