package roster

import (
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"
)

// keySeed seeds the hashes of sound keys; they are only compared within
// one process.
var keySeed = maphash.MakeSeed()

// nameWord is one word of a name as matching compares it. Normalize and
// Skeleton are not changed for matching: their output is stored
// (persons.name_key) and searched, so matching builds its richer view of a
// word on top of them, in memory, every time.
type nameWord struct {
	id     int32    // the word's number in the cache of words, 0 if not kept there
	text   string   // the word, normalised, its article removed (Arabic: the comparison letters)
	full   string   // the same with its article, for typing errors in it
	arabic bool     // written in Arabic letters
	keys   []string // sound keys: the word's skeleton, then its alternatives (see wordKeys)
	hashes []uint64 // the keys hashed, for comparing many words quickly
	v      vowelInfo
}

// parseName splits a name into the words matching compares.
func parseName(s string) []*nameWord {
	tokens := joinForMatching(strings.Fields(Normalize(s)))
	out := make([]*nameWord, 0, len(tokens))
	for _, t := range tokens {
		if w := cachedWord(t); w != nil {
			out = append(out, w)
		}
	}
	return out
}

// The words of names, kept once each: a registry of 100,000 persons holds
// a few thousand different words, so that keeping them saves working out
// their keys again, and memory, and gives each an id under which
// comparisons are remembered. The cache stops growing at maxCachedWords
// (whatever is typed, memory stays bounded); words past it are worked out
// every time.
var (
	wordCache      sync.Map // normalised word → *nameWord, or nil for a word with no key
	wordsCached    atomic.Int32
	maxCachedWords = int32(200_000)
)

// cachedWord returns the comparison view of a normalised word, or nil for
// a word with no sound key.
func cachedWord(t string) *nameWord {
	if w, ok := wordCache.Load(t); ok {
		return w.(*nameWord)
	}
	w, ok := newNameWord(t)
	n := wordsCached.Add(1)
	switch {
	case !ok:
		if n <= maxCachedWords {
			wordCache.Store(t, (*nameWord)(nil))
		}
		return nil
	case n > maxCachedWords:
		return &w
	}
	w.id = n
	got, _ := wordCache.LoadOrStore(t, &w)
	return got.(*nameWord)
}

// dinWords are the spellings of "ad-Din" (of the faith) that end a
// compound given name (علاء الدين, Nour El-Din, Salah Eddin). Like "Allah"
// they are joined to the word before, so that spaced and joined spellings
// have the same number of words.
var dinWords = map[string]bool{"eldin": true, "aldin": true, "eddin": true, "uddin": true, "eldine": true,
	"eddine": true, "الدين": true}

// assimilatedArticles are the Latin spellings of the article assimilated
// to a sun letter, written as a word of their own (Es-Sayed, Esh-Shazly,
// En-Naggar). They stand for "el" when the next word starts with the same
// consonant.
var assimilatedArticles = map[string]string{
	"es": "s", "as": "s", "esh": "sh", "ash": "sh", "en": "n", "an": "n", "er": "r", "ar": "r", "ed": "d",
	"ad": "d", "et": "t", "at": "t", "ez": "z", "az": "z", "eth": "th", "ath": "th", "ud": "d", "us": "s",
}

// joinForMatching applies the joins that Normalize does not: "ad-Din" to
// the word before, an assimilated article to the word after, and the
// "Aboul" spelling of "Abou El".
func joinForMatching(tokens []string) []string {
	out := make([]string, 0, len(tokens))
	for i := 0; i < len(tokens); i++ {
		t := tokens[i]
		if c, ok := assimilatedArticles[t]; ok && i+1 < len(tokens) && strings.HasPrefix(tokens[i+1], c) {
			t = "el" + tokens[i+1]
			i++
		}
		if (t == "aboul" || t == "abul") && i+1 < len(tokens) {
			t = "abouel" + tokens[i+1]
			i++
		}
		if (dinWords[t] || t == "din") && len(out) > 0 {
			out[len(out)-1] += "eldin"
			if isArabicWord(t) {
				out[len(out)-1] = strings.TrimSuffix(out[len(out)-1], "eldin") + "الدين"
			}
			continue
		}
		out = append(out, canonicalAbouEl(t))
	}
	return out
}

// canonicalAbouEl spells "Abou" followed by the article one way
// (abouel…), whatever vowel the article was written with: Aboul-Ela,
// Abou El-Ela and Abu Al-Ela are one name.
func canonicalAbouEl(t string) string {
	for _, p := range []string{"aboual", "abouel", "aboul", "abual", "abuel", "abul"} {
		if rest, ok := strings.CutPrefix(t, p); ok && len(rest) >= 2 {
			return "abouel" + rest
		}
	}
	return t
}

func isArabicWord(w string) bool {
	for _, r := range w {
		if isArabic(r) {
			return true
		}
	}
	return false
}

// newNameWord builds the comparison view of one normalised word; ok is
// false for a word with no sound key (digits, stray letters).
func newNameWord(t string) (nameWord, bool) {
	w := nameWord{arabic: isArabicWord(t), keys: wordKeys(t)}
	if len(w.keys) == 0 {
		return w, false
	}
	w.hashes = make([]uint64, len(w.keys))
	for i, k := range w.keys {
		w.hashes[i] = maphash.String(keySeed, k)
	}
	stem, compound := stemForVowels(t, w.arabic)
	if w.arabic {
		w.full = arabicLetters(t)
		w.text = arabicLetters(stripArabicArticle(t))
		w.v = arabicVowels(stem)
	} else {
		w.full = asciiLetters(t)
		w.text = stripLatinArticle(w.full)
		w.v = latinVowels(stem)
	}
	if compound {
		w.v.fem = -1
	}
	return w, true
}
