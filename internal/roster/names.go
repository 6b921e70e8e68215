package roster

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns the comparison form of a person's name (or of any short
// free text such as a search query) in either script. Two spellings that a
// clerk would call "the same name, typed differently" should come out equal:
// accents, Arabic vowel marks, tatweel, hamza seats, letter case, punctuation
// and spacing are all erased, and the compounds that people write both
// joined and spaced (عبد الله, Abd El-Rahman, El-Sayed) get one canonical
// form. It does not try to equate different transliterations (Mohamed,
// Muhammad); that is Skeleton's job. Normalize is idempotent.
func Normalize(s string) string {
	tokens := strings.Fields(foldRunes(s))
	return strings.Join(joinCompounds(tokens), " ")
}

// tatweel is the Arabic elongation stroke, used only to stretch a word for
// looks, so it never distinguishes two names.
const tatweel = '\u0640'

// arabicFold maps Arabic letter variants to the one letter they are compared
// as. Typists choose among these freely (and Egyptian usage drops the dots of
// final ي and the hamza of أ), so keeping them apart would make the same
// name look different. The Persian and Urdu code points appear when a name
// is typed on a Persian keyboard layout. Most hamza forms are already split
// by NFKD into a base letter and a combining hamza, but they are listed here
// too so that the table alone documents the rule.
var arabicFold = map[rune]rune{
	'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا',
	'ة': 'ه', 'ە': 'ه', 'ھ': 'ه',
	'ى': 'ي', 'ئ': 'ي', 'ی': 'ي', 'ې': 'ي',
	'ؤ': 'و',
	'ک': 'ك', 'ڪ': 'ك',
	'پ': 'ب', 'ڤ': 'ف', 'چ': 'ج',
}

// latinFold spells out the few Latin letters that NFKD does not decompose,
// so that a name typed on a European keyboard still meets its plain form.
var latinFold = map[rune]string{
	'ß': "ss", 'ø': "o", 'ł': "l", 'đ': "d", 'æ': "ae", 'œ': "oe", 'ı': "i", 'þ': "th",
}

// apostrophes are the marks Latin transliterations use for ʿayn and hamza
// (Sa'id, Mas'oud, Ra’fat). Inside a word they are dropped rather than
// turned into a space, because splitting "Sa'id" into two words would stop
// it from matching "Said" or "سعيد".
var apostrophes = "'`’‘ʼʻʿʾ′´"

// foldRunes applies the per-character rules of Normalize: compatibility
// decomposition, mark stripping, lower-casing, letter folding, digit
// folding, and punctuation to space.
func foldRunes(s string) string {
	// Invalid UTF-8 is replaced first: the normaliser would otherwise pass
	// the bytes after it through undecomposed.
	rs := []rune(norm.NFKD.String(strings.ToValidUTF8(s, "\uFFFD")))
	var b strings.Builder
	b.Grow(len(s))
	prevLetter := false
	for i, r := range rs {
		switch {
		case unicode.Is(unicode.M, r) || r == tatweel || unicode.Is(unicode.Cf, r):
			// Marks and invisible format characters (ZWNJ, RLM) carry no
			// identity; leaving prevLetter alone keeps "Sa'i" + mark joined.
			continue
		case strings.ContainsRune(apostrophes, r):
			if prevLetter && nextIsLetter(rs[i+1:]) {
				continue
			}
			b.WriteByte(' ')
			prevLetter = false
			continue
		case unicode.IsLetter(r):
			writeLetter(&b, r)
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			if d, ok := digitValue(r); ok {
				b.WriteByte('0' + d)
			} else {
				b.WriteByte(' ')
				prevLetter = false
				continue
			}
		}
		prevLetter = unicode.IsLetter(r)
	}
	return b.String()
}

// writeLetter writes one letter in its folded, lower-case form. A letter
// whose lower case has a decomposition of its own is decomposed again so
// that Normalize stays idempotent.
func writeLetter(b *strings.Builder, r rune) {
	lr := unicode.ToLower(r)
	if f, ok := arabicFold[lr]; ok {
		b.WriteRune(f)
		return
	}
	if f, ok := latinFold[lr]; ok {
		b.WriteString(f)
		return
	}
	if lr == r || norm.NFKD.IsNormalString(string(lr)) {
		b.WriteRune(lr)
		return
	}
	for _, x := range norm.NFKD.String(string(lr)) {
		if !unicode.Is(unicode.M, x) {
			b.WriteRune(unicode.ToLower(x))
		}
	}
}

// nextIsLetter reports whether the first rune after any marks is a letter.
func nextIsLetter(rs []rune) bool {
	for _, r := range rs {
		if unicode.Is(unicode.M, r) {
			continue
		}
		return unicode.IsLetter(r) && !strings.ContainsRune(apostrophes, r)
	}
	return false
}

// digitValue reads the Arabic-Indic (٠١٢) and Eastern Arabic-Indic (۰۱۲)
// digits that Arabic keyboards produce, and the full-width digits some
// phones produce, so that numbers compare equal whatever was typed.
func digitValue(r rune) (byte, bool) {
	switch {
	case r >= '0' && r <= '9':
		return byte(r - '0'), true
	case r >= '\u0660' && r <= '\u0669':
		return byte(r - '\u0660'), true
	case r >= '\u06F0' && r <= '\u06F9':
		return byte(r - '\u06F0'), true
	case r >= '\uFF10' && r <= '\uFF19':
		return byte(r - '\uFF10'), true
	}
	return 0, false
}

// isArabic reports whether r is in the Arabic blocks, which decides which
// set of spelling rules a word gets.
func isArabic(r rune) bool {
	return unicode.Is(unicode.Arabic, r)
}
