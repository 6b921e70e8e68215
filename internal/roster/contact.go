package roster

import (
	"strings"
	"unicode"

	"github.com/traindesk/traindesk/internal/model"
)

// NormalizePhone returns a phone number in E.164 form ("+201012345678") so
// that the many ways an Egyptian number is written on a nomination list
// compare equal: with +20 or 0020 or the trunk 0, with spaces, dashes, dots
// or brackets, in Latin or Arabic-Indic digits. A number with a + or 00
// prefix and another country code keeps that code. The result is "" when
// the text is empty or is not a plausible number (letters, too few or too
// many digits), so that garbage never matches garbage.
func NormalizePhone(s string) string {
	digits, plus, ok := phoneDigits(s)
	if !ok || digits == "" {
		return ""
	}
	switch {
	case plus:
		return international(digits)
	case strings.HasPrefix(digits, "00"):
		return international(digits[2:])
	case strings.HasPrefix(digits, "0"):
		return egyptian(digits[1:])
	case strings.HasPrefix(digits, "20") && len(digits) >= 11:
		// The country code without a plus, as spreadsheets store it once the
		// plus has been lost to number formatting.
		return egyptian(digits[2:])
	case len(digits) == 10 && digits[0] == '1':
		// A mobile number whose trunk 0 a spreadsheet dropped.
		return egyptian(digits)
	}
	return ""
}

// phoneDigits extracts the digits of s and whether it starts with a plus.
// It fails on any letter or on a plus after the first digit, which is the
// sign of two numbers or of free text in the field.
func phoneDigits(s string) (digits string, plus, ok bool) {
	var b strings.Builder
	for _, r := range s {
		if d, isDigit := digitValue(r); isDigit {
			b.WriteByte('0' + d)
			continue
		}
		switch {
		case r == '+' && b.Len() == 0 && !plus:
			plus = true
		case unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || strings.ContainsRune("-‐‑–—.()/", r):
			// Separators, and the invisible direction marks that Arabic text
			// puts around numbers.
		default:
			return "", false, false
		}
	}
	return b.String(), plus, true
}

// international handles the digits after + or 00: Egypt's code goes through
// the Egyptian rules, any other code is kept if the length is plausible
// (E.164 allows at most 15 digits).
func international(d string) string {
	if rest, ok := strings.CutPrefix(d, "20"); ok {
		return egyptian(rest)
	}
	if len(d) < 8 || len(d) > 15 || d[0] == '0' {
		return ""
	}
	return "+" + d
}

// egyptian validates an Egyptian national number (without the country code)
// and returns it in E.164. People often keep the trunk 0 after +20
// ("+20 010…"), so one leading 0 is dropped. Mobile numbers are 10 digits
// starting 10, 11, 12 or 15; landlines are 8 or 9 digits with an area code
// starting 2–9.
func egyptian(n string) string {
	n = strings.TrimPrefix(n, "0")
	switch {
	case len(n) == 10 && n[0] == '1' && strings.IndexByte("0125", n[1]) >= 0:
	case (len(n) == 8 || len(n) == 9) && n[0] >= '2' && n[0] <= '9':
	default:
		return ""
	}
	return "+20" + n
}

// NormalizeEmail returns an address in the form used for comparison, the
// same as for user accounts, so that a participant's address typed with
// capitals or stray spaces still matches.
func NormalizeEmail(s string) string {
	return model.NormalizeEmail(s)
}

// NormalizeRef returns a national ID or employee number in comparison form:
// digits in Latin script, letters in upper case, and no spaces, dashes or
// other separators, which agencies add in different places.
func NormalizeRef(s string) string {
	var b strings.Builder
	for _, r := range s {
		if d, ok := digitValue(r); ok {
			b.WriteByte('0' + d)
		} else if unicode.IsLetter(r) {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}
