package nomination

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fold reduces text to a form in which spellings that users treat as the
// same compare equal: lower case, no accents or Arabic diacritics (tashkeel)
// or tatweel, the hamza forms of alef, waw and yeh reduced to the bare
// letter, alef maksura as yeh and teh marbuta as heh, Arabic-Indic digits as
// ASCII, and every run of punctuation or space as one space.
func fold(s string) string {
	var b strings.Builder
	space := true
	for _, r := range norm.NFKD.String(s) {
		if unicode.IsMark(r) || r == 'ـ' {
			continue
		}
		r = foldRune(unicode.ToLower(r))
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteRune(r)
		space = false
	}
	return strings.TrimSuffix(b.String(), " ")
}

// foldRune maps the Arabic letters that are written interchangeably, and
// Arabic-Indic digits, to one form. (NFKD has already split hamza and madda
// off alef, waw and yeh.)
func foldRune(r rune) rune {
	switch r {
	case 'ٱ', 'أ', 'إ', 'آ':
		return 'ا'
	case 'ى', 'ی', 'ئ':
		return 'ي'
	case 'ة':
		return 'ه'
	case 'ک':
		return 'ك'
	case 'ؤ':
		return 'و'
	}
	return asciiDigit(r)
}

// asciiDigit maps Arabic-Indic and Eastern Arabic-Indic digits to ASCII.
func asciiDigit(r rune) rune {
	switch {
	case r >= '٠' && r <= '٩':
		return '0' + r - '٠'
	case r >= '۰' && r <= '۹':
		return '0' + r - '۰'
	}
	return r
}

// asciiDigits maps every digit of s to ASCII.
func asciiDigits(s string) string {
	return strings.Map(asciiDigit, s)
}

// tokens splits folded text into words.
func tokens(s string) []string {
	return strings.Fields(fold(s))
}

// hasArabic reports an Arabic letter in s.
func hasArabic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// hasLatin reports a Latin letter in s.
func hasLatin(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Latin, r) {
			return true
		}
	}
	return false
}

// collapse trims s and turns every run of white space inside it, line
// breaks included, into one space.
func collapse(s string) string {
	return strings.Join(strings.Fields(cleanCell(s)), " ")
}
