package roster

import "strings"

// arabicConsonants maps the Arabic letters whose key does not depend on
// their place in the word. Emphatic and plain pairs share a class because
// Latin spelling rarely tells them apart (Hassan is حسن, Sameh is سامح with
// ح, Hany is هاني with ه). ث gives "th" because Egyptians write it as th
// (Haitham, Othman), and the pair t, h is also how a Latin "th" reads, which
// keeps Fathy (فتحي, t then h) right.
var arabicConsonants = map[rune]string{
	'ب': "b", 'ت': "t", 'ث': "th", 'ج': "g", 'ح': "h", 'خ': "x", 'د': "d",
	'ذ': "z", 'ر': "r", 'ز': "z", 'س': "s", 'ش': "c", 'ص': "s", 'ض': "d",
	'ط': "t", 'ظ': "z", 'غ': "j", 'ف': "f", 'ق': "k", 'ك': "k", 'ل': "l",
	'م': "m", 'ن': "n",
}

// alefMaqsuraNames are names ending in ى pronounced "a" (Mostafa, Mona,
// Yehia), spelled here with ي because Normalize folds ى into ي. Egyptian
// typing uses ى and ي interchangeably at the end of a word, so the letter
// itself cannot say whether the name ends in "a" or in "i" (Fathy, Magdy);
// this list says it for the common names. Names that are common with both
// endings (يسري Yousry and يسرى Yousra) are left out and read as "i".
var alefMaqsuraNames = map[string]bool{
	"مصطفي": true, "مني": true, "هدي": true, "يحيي": true, "موسي": true,
	"عيسي": true, "لبني": true, "سلوي": true, "رضوي": true, "نجوي": true,
	"ليلي": true, "سلمي": true, "نهي": true, "ضحي": true, "سهي": true,
	"ندي": true, "شذي": true, "اروي": true, "يمني": true, "ذكري": true,
	"مرتضي": true, "مجتبي": true,
}

// arabicSkeleton computes the key of a normalised Arabic word. The letters
// that double as vowels depend on their place:
//   - ا and ع at the start give the vowel mark "a", because Latin writes
//     both as a leading vowel (Ahmed أحمد, Omar عمر); elsewhere ا is a long
//     vowel and ع is usually not written in Latin at all, so both vanish.
//     ء is never written in Latin and always vanishes.
//   - و gives "w" except at the end of a word, where it is either the silent
//     و of عمرو or a final vowel that Latin spells o or u, which the Latin
//     rules also drop.
//   - ي gives "y" at the start (Yasser) and at the end (Fathy, Aly), where
//     Latin writes y or i; in the middle it is a long i or a diphthong that
//     Latin writes as i, ee, ei, ai or not at all, so it vanishes.
//   - ه (and ة, already folded into it) vanishes at the end of a word, where
//     it is the feminine ending that Latin writes as a (Marwa مروة).
func arabicSkeleton(w string) string {
	rs := []rune(w)
	var out []byte
	for i, r := range rs {
		first, last := i == 0, i == len(rs)-1
		switch r {
		case 'ا', 'ع':
			if first {
				out = append(out, 'a')
			}
		case 'و':
			if first || !last {
				out = append(out, 'w')
			}
		case 'ي':
			if first || (last && !alefMaqsuraNames[w]) {
				out = append(out, 'y')
			}
		case 'ه':
			if first || !last {
				out = append(out, 'h')
			}
		default:
			out = append(out, arabicConsonants[r]...)
		}
	}
	return mergeRepeats(out)
}

// latinSkeleton computes the key of a normalised Latin word:
//   - A leading vowel gives "a", like a leading ا or ع, whatever its
//     quality, because Arabic does not say which vowel it is (Ibrahim and
//     Ebrahim, Osama and Usama). A leading y is the consonant y.
//   - Other vowels, and y inside the word, vanish, with exceptions that
//     keep long u, the Arabic و, because it alone separates Mahmoud from
//     Mohamed: "ou", "oo" or u before another vowel give "w" unless two
//     different consonants follow (vowelRunClass); a single u gives "w"
//     when longU says it is long.
//   - A final i, y, ee or ie gives "y" (Fathy, Fathi), like a final ي; any
//     other final vowel vanishes (Mostafa, Marwa, Amro).
//   - Consonants map to the classes listed on Skeleton (latinConsonant).
func latinSkeleton(w string) string {
	s := asciiLetters(w)
	if s == "" {
		return ""
	}
	var out []byte
	i := 0
	switch {
	case s[0] == 'y':
		out, i = append(out, 'y'), 1
	case isLatinVowel(s[0]):
		out, i = append(out, 'a'), vowelRunEnd(s, 0)
	}
	uSeen := strings.IndexByte(s[:i], 'u') >= 0
	for i < len(s) {
		if !isVowelOrY(s[i]) {
			cls, n := latinConsonant(s, i)
			out = append(out, cls...)
			i += n
			continue
		}
		j := vowelRunEnd(s, i)
		out = append(out, vowelRunClass(s, i, j, uSeen)...)
		uSeen = uSeen || strings.IndexByte(s[i:j], 'u') >= 0
		i = j
	}
	return mergeRepeats(out)
}

// vowelRunClass is the key of the vowels s[i:j] (see latinSkeleton).
func vowelRunClass(s string, i, j int, uSeen bool) string {
	run := s[i:j]
	if j == len(s) {
		if c := run[len(run)-1]; c == 'i' || c == 'y' || strings.HasSuffix(run, "ee") || strings.HasSuffix(run, "ie") {
			return "y"
		}
		return ""
	}
	two, doubled := consonantsAfter(s, j)
	if strings.Contains(run, "ou") || strings.Contains(run, "oo") || (run[0] == 'u' && len(run) > 1) {
		// Before two different consonants even "ou" is short (Moustafa,
		// Shoukry); before a doubled one it is long, as French-style
		// spellings double s to keep it voiceless (Youssef, Moussa).
		if two && !doubled {
			return ""
		}
		return "w"
	}
	if run == "u" && !uSeen && longU(s, i, two) {
		return "w"
	}
	return ""
}

// longU guesses whether the single u at s[i] stands for a long u (و), as in
// Yusuf, Mahmud and Mansur, or for a short one that Arabic does not write,
// as in Muhammad, Mustafa and Hussein. Only the first u of a word can be
// long (the second u of Yusuf is short). It is short right after a leading
// m, where it is the "mu-" of participle names (Muhammad, Mustafa, Munir,
// Murad), and before two consonants, doubled or not (Mustafa, Hussein,
// Sultan), because a long vowel does not stand in a closed syllable. The
// caller says whether two consonants follow.
func longU(s string, i int, twoConsonants bool) bool {
	return !(i == 1 && s[0] == 'm') && !twoConsonants
}

// consonantsAfter looks at the consonants starting at s[j], reading a
// digraph as one: two reports whether a second consonant follows the first
// directly, and doubled whether it is the same letter again.
func consonantsAfter(s string, j int) (two, doubled bool) {
	k := j + consonantWidth(s, j)
	if k >= len(s) || isVowelOrY(s[k]) {
		return false, false
	}
	return true, s[k:k+consonantWidth(s, k)] == s[j:k]
}

// consonantWidth is 2 when s[i:] starts with a digraph that spells one
// Arabic letter (sh, kh, gh, ch, ph), else 1.
func consonantWidth(s string, i int) int {
	if i+1 < len(s) && s[i+1] == 'h' && strings.IndexByte("skgcp", s[i]) >= 0 {
		return 2
	}
	return 1
}

// latinDigraphs are the two-letter spellings of one Arabic letter, keyed by
// the letter before the h: sh and ch for ش, kh for خ, gh for غ, and ph.
var latinDigraphs = map[byte]string{'s': "c", 'c': "c", 'k': "x", 'g': "j", 'p': "f"}

// latinConsonant returns the class of the consonant at s[i] and how many
// letters it used. Letters that Arabic names do not have are mapped to the
// nearest Arabic sound (p→b, v→f), q and k and a hard c share ق/ك's class,
// and g and j share ج's class because Egyptians pronounce ج as g.
func latinConsonant(s string, i int) (string, int) {
	c := s[i]
	if consonantWidth(s, i) == 2 {
		return latinDigraphs[c], 2
	}
	switch c {
	case 'p':
		return "b", 1
	case 'q':
		return "k", 1
	case 'j':
		return "g", 1
	case 'v':
		return "f", 1
	case 'x':
		return "ks", 1
	case 'c':
		if i+1 < len(s) && strings.IndexByte("eiy", s[i+1]) >= 0 {
			return "s", 1
		}
		return "k", 1
	case 'w':
		// A final w is the final و that the Arabic rules drop (Helw).
		if i > 0 && i == len(s)-1 {
			return "", 1
		}
	}
	return string(c), 1
}

// vowelRunEnd returns the end of the run of vowels (and y) starting at i.
func vowelRunEnd(s string, i int) int {
	for i < len(s) && isVowelOrY(s[i]) {
		i++
	}
	return i
}

// isVowelOrY reports whether b is a vowel letter or y, which inside a word
// behaves like one (Sayed, Ayman).
func isVowelOrY(b byte) bool {
	return b == 'y' || isLatinVowel(b)
}

// asciiLetters keeps the letters a–z of w. Normalize has already removed
// accents, so anything else is a letter no rule knows.
func asciiLetters(w string) string {
	var b strings.Builder
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'a' && c <= 'z' {
			b.WriteByte(c)
		}
	}
	return b.String()
}
