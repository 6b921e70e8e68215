package nomination

import (
	"strconv"
	"strings"
	"time"

	"github.com/traindesk/traindesk/internal/model"
)

// Plausible birth years: officers are adults of working age.
const (
	minBirthYear = 1940
	minAge       = 16
)

// parseSex reads the sex in the forms nomination lists use; ambiguous codes
// such as "1" and "2" are refused rather than guessed.
func parseSex(s string) (model.Sex, bool) {
	switch fold(s) {
	case "m", "male", "man", "mr", "ذكر", "ذ", "رجل":
		return model.SexMale, true
	case "f", "female", "woman", "mrs", "ms", "miss", "انثي", "ا", "سيده", "امراه":
		return model.SexFemale, true
	}
	return "", false
}

// parseBirthYear reads a year of birth from a year ("1985"), a date
// (1985-03-12, 12/03/1985, also with Arabic-Indic digits), an Excel date
// serial number, or text holding a single four-digit year ("March 1985").
// It fails when the year is outside minBirthYear..thisYear-minAge.
func parseBirthYear(s string, thisYear int) (int, bool) {
	a := asciiDigits(s)
	y := yearOf(a)
	return y, y >= minBirthYear && y <= thisYear-minAge
}

// yearOf extracts the year from text, or returns 0.
func yearOf(a string) int {
	if v, err := strconv.ParseFloat(a, 64); err == nil {
		switch {
		case v >= 1000 && v <= 9999 && v == float64(int(v)):
			return int(v)
		case v >= 1 && v < 100000: // an Excel date serial number (1900 system)
			return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(v)).Year()
		}
		return 0
	}
	parts := strings.FieldsFunc(a, func(r rune) bool { return strings.ContainsRune("-/. T:", r) })
	if len(parts) >= 3 && allDigits(parts[0]) && allDigits(parts[1]) && allDigits(parts[2]) {
		switch {
		case len(parts[0]) == 4 && len(parts[1]) <= 2 && len(parts[2]) <= 2:
			return atoi(parts[0])
		case len(parts[2]) == 4 && len(parts[0]) <= 2 && len(parts[1]) <= 2:
			return atoi(parts[2])
		}
		return 0
	}
	var years []string
	for _, w := range strings.FieldsFunc(a, func(r rune) bool { return r < '0' || r > '9' }) {
		if len(w) == 4 {
			years = append(years, w)
		}
	}
	if len(years) == 1 {
		return atoi(years[0])
	}
	return 0
}

// atoi converts ASCII digits, 0 on failure.
func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// parseEmail checks an email address's syntax (one address, no display
// name) and returns it in lower case, the form used to match people.
func parseEmail(s string) (string, bool) {
	s = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), "mailto:"))
	local, domain, ok := strings.Cut(s, "@")
	if !ok || local == "" || len(local) > 64 || strings.Contains(domain, "@") {
		return s, false
	}
	if strings.HasPrefix(local, ".") || strings.HasSuffix(local, ".") || strings.Contains(local, "..") {
		return s, false
	}
	for _, r := range local {
		if !isAlnum(r) && !strings.ContainsRune(".!#$%&'*+/=?^_`{|}~-", r) {
			return s, false
		}
	}
	labels := strings.Split(domain, ".")
	if len(labels) < 2 || len(domain) > 253 {
		return s, false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' || strings.IndexFunc(l, notHostRune) >= 0 {
			return s, false
		}
	}
	tld := labels[len(labels)-1]
	return s, len(tld) >= 2 && strings.IndexFunc(tld, func(r rune) bool { return r < 'a' || r > 'z' }) < 0
}

// isAlnum reports an ASCII letter or digit.
func isAlnum(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9')
}

// notHostRune reports a character not allowed in a domain label.
func notHostRune(r rune) bool {
	return !isAlnum(r) && r != '-'
}

// parsePhone returns a phone number as digits, with a leading "+" when it
// had one, after removing spaces, dashes, dots and brackets; Arabic-Indic
// digits are accepted. It needs 7 to 15 digits (E.164 allows 15). An
// Egyptian mobile number that lost its leading zero in Excel (1012345678)
// gets it back.
func parsePhone(s string) (string, bool) {
	a := asciiDigits(strings.TrimSpace(s))
	plus := strings.HasPrefix(a, "+")
	a = strings.TrimPrefix(a, "+")
	var b strings.Builder
	for _, r := range a {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case strings.ContainsRune(" -.()\u00A0\u200E\u200F", r):
		default:
			return s, false
		}
	}
	digits := b.String()
	if len(digits) < 7 || len(digits) > 15 {
		return s, false
	}
	if !plus && len(digits) == 10 && digits[0] == '1' && strings.ContainsRune("0125", rune(digits[1])) {
		digits = "0" + digits
	}
	if plus {
		digits = "+" + digits
	}
	return digits, true
}

// positionPhrase is a folded phrase that identifies a position.
type positionPhrase struct {
	pos    model.Position
	tokens []string
}

// positionPhrases returns the words that identify each position, folded,
// most specific first: "head office" is headquarters before "head" is
// management, and a "training manager" manages before training.
func positionPhrases() []positionPhrase {
	table := []struct {
		pos   model.Position
		words string
	}{
		{model.PositionHeadquarters, "headquarters|hq|head office|central administration|الإدارة المركزية|ديوان عام|الديوان العام|المقر الرئيسي"},
		{model.PositionManagement, "management|manager|director|head|chief|supervisor|مدير|مديرة|رئيس|رئيسة|مشرف|مشرفة|وكيل"},
		{model.PositionCapacity, "capacity building|trainer|training|instructor|tot|بناء القدرات|مدرب|مدربة|تدريب|التدريب"},
		{model.PositionFrontLine, "front line|frontline|field|ميداني|ميدانية|الخط الأمامي|خط أمامي"},
		{model.PositionDesk, "desk|office|back office|clerical|مكتبي|مكتبية|عمل مكتبي"},
		{model.PositionOther, "other|أخرى|غير ذلك"},
	}
	var out []positionPhrase
	for _, row := range table {
		for _, w := range strings.Split(row.words, "|") {
			out = append(out, positionPhrase{row.pos, tokens(w)})
		}
	}
	return out
}

// parsePosition maps a job description in English or Arabic to a position
// using phrases from positionPhrases; unknown text is PositionOther and not
// ok, so that the caller can warn.
func parsePosition(s string, phrases []positionPhrase) (model.Position, bool) {
	toks := tokens(s)
	for _, p := range phrases {
		if phraseScore(toks, p.tokens) > 0 {
			return p.pos, true
		}
	}
	return model.PositionOther, false
}
