package model

import (
	"strconv"
	"strings"
	"time"
	"unicode"
)

// AgeBands are the age ranges the person form offers when an officer's year
// of birth is not known; donors accept either for age disaggregation.
var AgeBands = []string{"18-24", "25-34", "35-44", "45-54", "55+"}

// Bounds of the person form. The lengths follow the columns; the birth
// years keep out typing slips (a participant is an adult officer).
const (
	MinBirthYear    = 1940
	MinAge          = 16
	MinPhoneDigits  = 7
	MaxPhoneDigits  = 15
	maxPersonName   = 200
	maxPersonRank   = 80
	maxPersonPhone  = 40
	maxPersonEmail  = 254
	maxPersonRef    = 40
	maxPersonNotes  = 2000
	personPhoneJunk = " -‐‑–—.()/"
)

// PersonInput is the person form as typed. It is kept apart from Person so
// that a form can carry exactly what an officer may change and nothing more.
type PersonInput struct {
	NameLatin     string
	NameArabic    string
	Sex           string
	BirthYear     string
	AgeBand       string
	AgencyID      *int64
	DutyStationID *int64
	Position      string
	Rank          string
	Phone         string
	Email         string
	NationalRef   string
	Notes         string
	Lang          string // "ar", "en" or "" (the default: see Person.PreferredLang)
	Basis         BasisInput
	// ThisYear bounds the year of birth; zero means the current year. Tests
	// set it so that they do not depend on the calendar.
	ThisYear int
}

// oneLine trims s and collapses its inner white space, so that names typed
// with double spaces or pasted with line breaks compare equal.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Validate tidies the input and checks every field; it returns the field
// messages (catalogue keys) as a *ValidationError.
func (in *PersonInput) Validate() error {
	in.NameLatin, in.NameArabic = oneLine(in.NameLatin), oneLine(in.NameArabic)
	in.Rank, in.NationalRef = oneLine(in.Rank), oneLine(in.NationalRef)
	in.Phone, in.Notes = strings.TrimSpace(in.Phone), strings.TrimSpace(in.Notes)
	in.Email = NormalizeEmail(in.Email)
	in.BirthYear = asciiDigits(strings.TrimSpace(in.BirthYear))
	errs := Errors{}
	in.checkNames(errs)
	if in.Sex != string(SexFemale) && in.Sex != string(SexMale) {
		errs.Add("sex", "registry.error.sex")
	}
	in.checkAge(errs)
	if in.Lang != "" && in.Lang != "ar" && in.Lang != "en" {
		errs.Add("lang", "error.choose")
	}
	if in.Position != "" && !validPosition(Position(in.Position)) {
		errs.Add("position", "error.choose")
	}
	switch {
	case in.Email == "":
	case len(in.Email) > maxPersonEmail || !ValidEmail(in.Email):
		errs.Add("email", "error.email")
	}
	if in.Phone != "" && (len(in.Phone) > maxPersonPhone || !plausiblePhone(in.Phone)) {
		errs.Add("phone", "registry.error.phone")
	}
	tooLong(errs, "rank", in.Rank, maxPersonRank)
	tooLong(errs, "national_ref", in.NationalRef, maxPersonRef)
	tooLong(errs, "notes", in.Notes, maxPersonNotes)
	return errs.Err()
}

func tooLong(errs Errors, field, value string, limit int) {
	if len([]rune(value)) > limit {
		errs.Add(field, "error.too_long")
	}
}

// checkNames wants at least one name, each in its own script: the registry
// matches Arabic and Latin spellings against each other, so a name in the
// wrong box would defeat the duplicate check.
func (in *PersonInput) checkNames(errs Errors) {
	if in.NameLatin == "" && in.NameArabic == "" {
		errs.Add("name_latin", "registry.error.name_required")
		errs.Add("name_arabic", "registry.error.name_required")
		return
	}
	if in.NameLatin != "" && (hasScript(in.NameLatin, unicode.Arabic) || !hasScript(in.NameLatin, unicode.Latin)) {
		errs.Add("name_latin", "registry.error.latin_script")
	}
	if in.NameArabic != "" && (hasScript(in.NameArabic, unicode.Latin) || !hasScript(in.NameArabic, unicode.Arabic)) {
		errs.Add("name_arabic", "registry.error.arabic_script")
	}
	tooLong(errs, "name_latin", in.NameLatin, maxPersonName)
	tooLong(errs, "name_arabic", in.NameArabic, maxPersonName)
}

// checkAge accepts an empty year or one that makes the person an adult
// born after MinBirthYear, and an age band from AgeBands.
func (in *PersonInput) checkAge(errs Errors) {
	if in.BirthYear != "" {
		year := in.ThisYear
		if year == 0 {
			year = time.Now().Year()
		}
		y, err := strconv.Atoi(in.BirthYear)
		if err != nil || y < MinBirthYear || y > year-MinAge {
			errs.Add("birth_year", "registry.error.birth_year")
		}
	}
	if in.AgeBand != "" && !validAgeBand(in.AgeBand) {
		errs.Add("age_band", "error.choose")
	}
}

func validAgeBand(b string) bool {
	for _, x := range AgeBands {
		if x == b {
			return true
		}
	}
	return false
}

func validPosition(p Position) bool {
	for _, x := range Positions {
		if x == p {
			return true
		}
	}
	return false
}

func hasScript(s string, script *unicode.RangeTable) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && unicode.Is(script, r) {
			return true
		}
	}
	return false
}

// plausiblePhone accepts 7 to 15 digits (Arabic-Indic ones too) with the
// usual separators and an optional leading plus.
func plausiblePhone(s string) bool {
	digits := 0
	for i, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits++
		case r == '+' && i == 0:
		case strings.ContainsRune(personPhoneJunk, r):
		default:
			return false
		}
	}
	return digits >= MinPhoneDigits && digits <= MaxPhoneDigits
}

// asciiDigits turns Arabic-Indic and other decimal digits into ASCII ones,
// so that a year typed on an Arabic keyboard parses.
func asciiDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsDigit(r) {
			if d, ok := digitOf(r); ok {
				b.WriteByte('0' + d)
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func digitOf(r rune) (byte, bool) {
	for _, zero := range []rune{'0', '\u0660', '\u06F0', '\uFF10'} {
		if r >= zero && r <= zero+9 {
			return byte(r - zero), true
		}
	}
	return 0, false
}

// Person returns the person a valid input describes. The caller adds what
// needs the registry's rules: the name key and the normalised phone.
func (in *PersonInput) Person() Person {
	p := Person{NameLatin: in.NameLatin, NameArabic: in.NameArabic, Sex: Sex(in.Sex), AgeBand: in.AgeBand,
		AgencyID: in.AgencyID, DutyStationID: in.DutyStationID, Position: Position(in.Position), Rank: in.Rank,
		Phone: in.Phone, Email: in.Email, NationalRef: in.NationalRef, Notes: in.Notes, Lang: in.Lang}
	if y, err := strconv.Atoi(in.BirthYear); err == nil {
		p.BirthYear = &y
	}
	return p
}

// PersonInputOf turns a saved person back into form input.
func PersonInputOf(p Person) PersonInput {
	in := PersonInput{NameLatin: p.NameLatin, NameArabic: p.NameArabic, Sex: string(p.Sex), AgeBand: p.AgeBand,
		AgencyID: p.AgencyID, DutyStationID: p.DutyStationID, Position: string(p.Position), Rank: p.Rank,
		Phone: p.Phone, Email: p.Email, NationalRef: p.NationalRef, Notes: p.Notes, Lang: p.Lang,
		Basis: BasisInputOf(p)}
	if p.BirthYear != nil {
		in.BirthYear = strconv.Itoa(*p.BirthYear)
	}
	return in
}
