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
// that explain a match to the person deciding whether to merge: first the
// fields that agree, strongest first, then those that disagree.
const (
	ReasonSameNationalRef  = "match.same_national_ref"
	ReasonSameEmail        = "match.same_email"
	ReasonSamePhone        = "match.same_phone"
	ReasonSameNameArabic   = "match.same_name_arabic"
	ReasonSameNameLatin    = "match.same_name_latin"
	ReasonCrossScript      = "match.cross_script"
	ReasonSimilarName      = "match.similar_name"
	ReasonCloseSpelling    = "match.close_spelling"
	ReasonFirstLast        = "match.first_last"
	ReasonFirstNameOnly    = "match.first_name_only"
	ReasonPartialName      = "match.partial_name"
	ReasonSameBirthYear    = "match.same_birth_year"
	ReasonNamesDiffer      = "match.names_differ"
	ReasonSexDiffers       = "match.sex_differs"
	ReasonBirthYearDiffers = "match.birth_year_differs"
	ReasonRefDiffers       = "match.national_ref_differs"
	ReasonEmailDiffers     = "match.email_differs"
	ReasonPhoneDiffers     = "match.phone_differs"
)

// The scores of the single signals. Identifiers that belong to one person
// score highest; an email beats a phone because phones are shared (an
// office line) and recycled more often than addresses. Names score lower
// because common names repeat: in Egypt many officers are called Mohamed
// Ahmed. A name match in word order is stronger than one out of order.
// The scores below DefaultMinScore give a reason without offering the
// person: the first and last name with another word between that differs
// (cousins), a one-word name, names that share some words.
const (
	scoreNationalRef   = 100
	scoreEmail         = 95
	scorePhone         = 90
	scoreSameName      = 85
	scoreSameWords     = 80 // same words in the same order
	scoreInOrder       = 75 // the shorter name's words appear, in order, in the longer
	scoreAnyOrder      = 70 // all words, the own name not first
	scoreCloseWord     = 5  // taken off for each word a typing error apart
	scoreFirstLast     = 50 // the first and last word agree, a word between conflicts
	scoreCloseOnly     = 45 // names that agree only through words a typing error apart
	scoreFirstNameOnly = 40 // a one-word name that is the other's own name
	scorePartial       = 25 // some words in common, the own names differ or words conflict
	bonusPerSignal     = 5  // for each agreeing signal beyond the strongest
)

// The penalties of the disagreeing fields. A recorded sex or two national
// IDs that differ say "another person" almost for sure; a birth year a few
// years off may be an age turned into a year, many years off hardly.
// Names that share no word make an agreeing phone or e-mail the office's,
// not the person's.
const (
	penaltySex           = 40
	penaltyRef           = 50
	penaltyNames         = 40
	penaltyBirthYearNear = 15 // two to four years apart
	penaltyBirthYearFar  = 35 // five or more
	birthYearTolerate    = 1  // a year's slack for ages converted to years
	birthYearFarFrom     = 5
)

// Candidate is what matching compares: the identifying fields of a person
// already in the registry or of one about to be added.
type Candidate struct {
	ID                                               int64
	NameLatin, NameArabic, Phone, Email, NationalRef string
	Sex                                              string // "M", "F" or "" unknown
	BirthYear                                        int    // 0 unknown
}

// Match is a likely duplicate, with the score and the reasons to show the
// person who decides whether to merge.
type Match struct {
	Candidate Candidate
	Score     int      // 0–100
	Reasons   []string // catalogue keys, agreeing fields strongest first, then disagreeing ones
}

// Score says how likely a and b are the same person, from 0 to 100, and
// why. Each agreeing signal has a score (see the constants above); the
// result is the strongest signal plus 5 for each other one, at most 100,
// because independent agreements make a coincidence less likely. Then the
// fields that contradict rather than merely fail to confirm take their
// penalty: a recorded sex, a national ID, a birth year more than a year
// off, and names with no word in common when only a phone or e-mail
// agrees. An Egyptian national ID also gives its holder's birth year and
// sex where the record has none. Names count as one signal when they
// match only by sound, and as one per script when they are spelled
// identically. Reasons are catalogue keys: the agreeing signals strongest
// first, then each disagreeing field. Two records with nothing in common
// score 0 with no reason.
func Score(a, b Candidate) (int, []string) {
	pa, pb := newProfile(a), newProfile(b)
	return scoreProfiles(nil, &pa, &pb, 0)
}

// FindMatches scores in against every candidate of pool and returns those
// scoring at least minScore (and above 0), best first, ties by ID. A pool entry
// with the same non-zero ID as in is in itself and is skipped, so that a
// person being edited does not match their own record.
func FindMatches(in Candidate, pool []Candidate, minScore int) []Match {
	p := newProfile(in)
	ps := make([]*profile, len(pool))
	for i := range pool {
		q := newProfile(pool[i])
		ps[i] = &q
	}
	return findMatches(&p, ps, minScore)
}

// findMatches is FindMatches over profiles computed once.
func findMatches(p *profile, pool []*profile, minScore int) []Match {
	var out []Match
	m := new(wordCmp)
	for _, c := range pool {
		if p.c.ID != 0 && c.c.ID == p.c.ID {
			continue
		}
		s, why := scoreProfiles(m, p, c, minScore)
		if s <= 0 || s < minScore {
			continue
		}
		out = append(out, Match{Candidate: c.c, Score: s, Reasons: why})
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
// per person so that matching does not normalise a person again for every
// comparison.
type profile struct {
	c                       Candidate
	ref, email, phone       string
	nid                     bool // ref is an Egyptian national ID
	latin, arabic           string
	latinWords, arabicWords []*nameWord
	sex                     string // as recorded, else from the national ID
	birthYear               int    // the same
	yearFromID              bool   // birthYear was read from the national ID
}

func newProfile(c Candidate) profile {
	p := profile{
		c:           c,
		ref:         NormalizeRef(c.NationalRef),
		email:       NormalizeEmail(c.Email),
		phone:       NormalizePhone(c.Phone),
		latin:       Normalize(c.NameLatin),
		arabic:      Normalize(c.NameArabic),
		latinWords:  parseName(c.NameLatin),
		arabicWords: parseName(c.NameArabic),
		sex:         c.Sex,
		birthYear:   c.BirthYear,
	}
	if id, ok := parseNationalID(p.ref); ok {
		p.nid = true
		if p.sex == "" {
			p.sex = id.sex
		}
		if p.birthYear == 0 {
			p.birthYear, p.yearFromID = id.birthYear, true
		}
	}
	return p
}

// signal is one agreeing piece of evidence.
type signal struct {
	score  int
	reason string
}

// scoreProfiles implements Score. A caller that keeps only scores of at
// least minScore may say so: it is spared work on hopeless candidates,
// whose score may then be lower than Score's, and gets no reasons for
// scores below minScore.
func scoreProfiles(m *wordCmp, a, b *profile, minScore int) (int, []string) {
	var buf [4]signal
	sig := identifierSignals(a, b, buf[:0])
	ids := len(sig)
	stopBelow := 0
	if ids == 0 {
		stopBelow = minScore - bonusPerSignal // a birth year is the most the names can gain
	}
	names, conflict := nameSignals(m, a, b, stopBelow)
	sig = append(sig, names...)
	if len(sig) == 0 {
		return 0, nil
	}
	slices.SortStableFunc(sig, func(x, y signal) int { return cmp.Compare(y.score, x.score) })
	bonus := 0
	for i, s := range sig {
		// Names that only share some words are a reason, not evidence.
		if i > 0 && s.score > scorePartial {
			bonus++
		}
	}
	sameYear := sameBirthYear(a, b)
	if sameYear {
		bonus++
	}
	total := min(100, sig[0].score+bonusPerSignal*bonus)
	penalty, against := disagreements(a, b, ids > 0 && conflict)
	total = max(0, total-penalty)
	if minScore > 0 && total < minScore {
		return total, nil
	}
	reasons := make([]string, 0, len(sig)+1+len(against))
	for _, s := range sig {
		reasons = append(reasons, s.reason)
	}
	if sameYear {
		reasons = append(reasons, ReasonSameBirthYear)
	}
	return total, append(reasons, against...)
}

// identifierSignals appends the agreeing national ID, e-mail and phone.
func identifierSignals(a, b *profile, sig []signal) []signal {
	if a.ref != "" && a.ref == b.ref {
		sig = append(sig, signal{scoreNationalRef, ReasonSameNationalRef})
	}
	if a.email != "" && a.email == b.email {
		sig = append(sig, signal{scoreEmail, ReasonSameEmail})
	}
	if a.phone != "" && a.phone == b.phone {
		sig = append(sig, signal{scorePhone, ReasonSamePhone})
	}
	return sig
}

// sameBirthYear reports birth years known on both sides and equal: a
// small confirmation, never a match on its own, and none when both were
// read from national IDs (the IDs are the evidence then).
func sameBirthYear(a, b *profile) bool {
	return a.birthYear != 0 && a.birthYear == b.birthYear && !(a.yearFromID && b.yearFromID)
}

// disagreements sums the penalties of the fields that contradict, and
// lists every field known on both sides that differs. namesConflict says
// that only an identifier agrees and the names share no word.
func disagreements(a, b *profile, namesConflict bool) (int, []string) {
	penalty := 0
	var why []string
	if namesConflict {
		penalty += penaltyNames
		why = append(why, ReasonNamesDiffer)
	}
	if a.sex != "" && b.sex != "" && a.sex != b.sex {
		penalty += penaltySex
		why = append(why, ReasonSexDiffers)
	}
	if a.birthYear != 0 && b.birthYear != 0 {
		switch d := abs(a.birthYear - b.birthYear); {
		case d >= birthYearFarFrom:
			penalty += penaltyBirthYearFar
			why = append(why, ReasonBirthYearDiffers)
		case d > birthYearTolerate:
			penalty += penaltyBirthYearNear
			why = append(why, ReasonBirthYearDiffers)
		}
	}
	if a.ref != "" && b.ref != "" && a.ref != b.ref {
		if a.nid && b.nid {
			penalty += penaltyRef
		}
		why = append(why, ReasonRefDiffers)
	}
	if a.email != "" && b.email != "" && a.email != b.email {
		why = append(why, ReasonEmailDiffers)
	}
	if a.phone != "" && b.phone != "" && a.phone != b.phone {
		why = append(why, ReasonPhoneDiffers)
	}
	return penalty, why
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
