package roster

import "strings"

// Compound names are the main reason the same Egyptian name is typed with a
// different number of words: "عبد الله" or "عبدالله", "Abd El-Rahman" or
// "Abdelrahman", "El Sayed" or "Elsayed". Normalize joins them so that the
// word count, and therefore word-by-word comparison, does not depend on the
// typist. The canonical form is always the joined one, because joined forms
// cannot be split back reliably.

// articles are the Arabic definite article written as a word of its own.
// They are joined to the next word ("el sayed" → "elsayed"). The vowel is
// kept as typed: "elsayed" and "alsayed" stay different here and meet in
// Skeleton.
var articles = map[string]bool{"el": true, "al": true, "ul": true, "ال": true}

// prefixes are words that never stand alone in a name: "Abd" (servant of)
// and "Abu" (father of) always belong with the word after them, whether or
// not an article follows, so they are joined to it ("abd rabbo" →
// "abdrabbo", "ابو زيد" → "ابوزيد").
var prefixes = map[string]bool{
	"abd": true, "abdel": true, "abdal": true, "abdul": true, "abdol": true,
	"abu": true, "abo": true, "abou": true,
	"عبد": true, "ابو": true,
}

// allahWords are the spellings of "Allah" that end a theophoric compound
// (هبة الله, نصر الله, Fath Allah). They are joined to the word before, like
// عبد الله, so that spaced and joined spellings compare equal.
var allahWords = map[string]bool{
	"allah": true, "alla": true, "ullah": true, "ulla": true, "ellah": true, "الله": true,
}

// joinCompounds applies the joining rules in a fixed order: articles first,
// so that "abd el rahman" becomes "abd elrahman" before "abd" takes the
// next word; then the prefixes; then Allah; then the spelling of the Latin
// compounds is made canonical word by word. Each step only ever makes words
// longer than the words it looks for, which keeps Normalize idempotent.
func joinCompounds(tokens []string) []string {
	tokens = joinWithNext(tokens, articles)
	tokens = joinWithNext(tokens, prefixes)
	tokens = joinWithPrevious(tokens, allahWords)
	for i, t := range tokens {
		tokens[i] = canonicalAbu(canonicalAbd(t))
	}
	return tokens
}

// joinWithNext glues every word found in set to the word after it.
func joinWithNext(tokens []string, set map[string]bool) []string {
	out := make([]string, 0, len(tokens))
	for i := 0; i < len(tokens); i++ {
		t := tokens[i]
		if set[t] && i+1 < len(tokens) {
			t += tokens[i+1]
			i++
		}
		out = append(out, t)
	}
	return out
}

// joinWithPrevious glues every word found in set to the word before it.
func joinWithPrevious(tokens []string, set map[string]bool) []string {
	out := make([]string, 0, len(tokens))
	for _, t := range tokens {
		if set[t] && len(out) > 0 {
			out[len(out)-1] += t
			continue
		}
		out = append(out, t)
	}
	return out
}

// canonicalAbd spells every Latin "Abd + article + name" compound as
// "abdel" + name, because the article's vowel (Abdel, Abdal, Abdul) and the
// sun-letter assimilation (Abdurrahman, Abdessalam) are transliteration
// habits, not different names. A word that is only "abd" plus an article
// with fewer than two letters after it is left alone: it is not a compound.
func canonicalAbd(t string) string {
	rest, ok := strings.CutPrefix(t, "abd")
	if !ok {
		return t
	}
	for _, art := range []string{"el", "al", "ul", "ol"} {
		if name, ok := strings.CutPrefix(rest, art); ok && len(name) >= 2 {
			return "abdel" + name
		}
	}
	// Assimilated article: a vowel then a doubled sun letter, as in
	// "abd-ur-rahman" written "abdurrahman".
	if len(rest) >= 4 && isLatinVowel(rest[0]) && rest[1] == rest[2] && strings.IndexByte("tdrzsnl", rest[1]) >= 0 {
		return "abdel" + rest[2:]
	}
	return t
}

// canonicalAbu spells the Latin "Abu" compounds as "abou" + name, the usual
// Egyptian spelling, so that Abu Zeid, Abo Zeid and Abouzeid compare equal.
// Short words such as "abood" are names of their own and are left alone.
func canonicalAbu(t string) string {
	if strings.HasPrefix(t, "abou") {
		return t
	}
	if (strings.HasPrefix(t, "abu") || strings.HasPrefix(t, "abo")) && len(t) >= 6 {
		return "abou" + t[3:]
	}
	return t
}

// isLatinVowel reports whether b is one of the five Latin vowel letters.
func isLatinVowel(b byte) bool {
	return strings.IndexByte("aeiou", b) >= 0
}
