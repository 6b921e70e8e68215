package roster

import (
	"strings"
	"unicode/utf8"
)

// Skeleton returns a rough phonetic key of a name, word by word, that is the
// same for an Arabic spelling and its usual Latin transliterations: محمد,
// Mohamed and Muhammad all give "mhmd". It lets the registry see that an
// officer registered in Arabic on one training and in Latin on another is
// probably one person, which plain normalisation cannot do.
//
// The key keeps the consonants, because both scripts write them, and drops
// the short vowels, because Arabic does not write them and Latin writes them
// inconsistently. The exact rules are documented on arabicSkeleton and
// latinSkeleton; both produce the same small alphabet:
//
//	a  the word starts with a vowel sound (ا, ع, or a Latin vowel)
//	b t d r z s f k l m n h  as in Latin; ض→d, ص→s, ط→t, ظ and ذ→z, ق→k
//	g  ج, and Latin g or j: Egyptians say and write ج as "g" (Gamal)
//	c  ش, Latin sh or ch
//	x  خ, Latin kh
//	j  غ, Latin gh
//	w  و, and a long u in Latin (ou, oo, some u)
//	y  ي at the start or end of a word, Latin y or i in those places
//
// Words are separated by single spaces. A word can yield two keys when it
// is a compound with "Allah" (عبدالله gives "abd al"), so that "Heba Allah"
// and "Hebatallah" meet. Skeleton normalises its input itself, so it may be
// given raw or normalised text. The key is approximate on purpose: it
// accepts a few collisions (Hassan and Hussein both give "hsn") to catch the
// many ways one name is spelled.
func Skeleton(s string) string {
	return strings.Join(skeletonWords(s), " ")
}

// skeletonWords returns the key of every word of s that has one, keeping
// the word boundaries that Score compares by.
func skeletonWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(Normalize(s)) {
		if k := wordSkeleton(w); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// wordSkeleton is the key of one normalised word, splitting off a final
// "Allah".
func wordSkeleton(w string) string {
	stem, allah := splitAllah(w)
	k := stemSkeleton(stem)
	if allah {
		if k != "" {
			k += " "
		}
		k += "al"
	}
	return k
}

// stemSkeleton picks the rules by script. A word is Arabic if it contains
// any Arabic letter.
func stemSkeleton(w string) string {
	if w == "" {
		return ""
	}
	if k, ok := irregularSkeletons[w]; ok {
		return k
	}
	for _, r := range w {
		if isArabic(r) {
			return arabicSkeleton(w)
		}
	}
	return latinSkeleton(w)
}

// irregularSkeletons holds the names whose spelling no general rule can
// reconcile. عمرو ends in a silent و that exists only to tell it apart from
// عمر (Omar); without this entry Amr and Omar would share the key "amr".
// Its key starts with a doubled "a", which the rules never produce, so that
// it is not an extension of Omar's key either and a search for Omar does
// not find Amr.
var irregularSkeletons = map[string]string{
	"عمرو": "aamr", "amr": "aamr", "amro": "aamr", "amrou": "aamr", "amru": "aamr",
}

// latinAllah lists the Latin endings that spell "Allah" at the end of a
// joined compound, longest first.
var latinAllah = []string{"allah", "ellah", "ullah", "ollah", "alla", "ella", "ulla", "olla"}

// splitAllah separates a final "Allah" from the word it was joined to, so
// that عبدالله and "Abdullah", or هبة الله and "Hebatallah", have the same
// keys. The construct-state t of "Hebat-allah" and "Mennat-allah" (the ة of
// هبة, silent at the end of the Arabic word) is dropped with it. A stem of
// one letter means the word is not such a compound.
func splitAllah(w string) (stem string, allah bool) {
	if allahWords[w] {
		return "", true
	}
	if s, ok := strings.CutSuffix(w, "الله"); ok && utf8.RuneCountInString(s) >= 2 {
		return s, true
	}
	for _, suf := range latinAllah {
		s, ok := strings.CutSuffix(w, suf)
		if !ok || len(s) < 2 {
			continue
		}
		if n := len(s); s[n-1] == 't' && isLatinVowel(s[n-2]) {
			s = s[:n-1]
		}
		return s, true
	}
	return w, false
}

// mergeRepeats collapses runs of the same class into one, because doubled
// Latin letters (Hassan, Mohammed) mark the shadda that Arabic usually
// leaves unwritten, and because two equal consonants separated only by a
// dropped vowel are spelled both ways (Hagag, حجاج).
func mergeRepeats(b []byte) string {
	out := make([]byte, 0, len(b))
	for _, c := range b {
		if n := len(out); n > 0 && out[n-1] == c {
			continue
		}
		out = append(out, c)
	}
	return string(out)
}
