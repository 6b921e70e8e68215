package roster

// wordMatch is how two words of two names compare.
type wordMatch int8

const (
	wordsDiffer wordMatch = iota
	wordsClose            // a typing error apart
	wordsEqual            // the same name, spelled alike or not
)

// wordCmp compares words, remembering the answers during one search: a
// few hundred names make up most of any registry, so that comparisons
// repeat from candidate to candidate. It is a small table indexed by the
// words' ids, where a newer answer takes the place of an older one; words
// without an id (see cachedWord) are compared every time, and a nil
// wordCmp remembers nothing.
type wordCmp struct {
	slots [1 << 10]struct {
		key uint64
		val wordMatch
	}
}

func (m *wordCmp) compare(a, b *nameWord) wordMatch {
	if m == nil || a.id == 0 || b.id == 0 {
		return compareWords(a, b)
	}
	x, y := uint32(a.id), uint32(b.id)
	if x > y {
		x, y = y, x
	}
	k := uint64(x)<<32 | uint64(y)
	slot := &m.slots[(k*0x9E3779B97F4A7C15)>>54]
	if slot.key == k {
		return slot.val
	}
	r := compareWords(a, b)
	slot.key, slot.val = k, r
	return r
}

// arabicProtected are the letters a typing error may not add, drop or
// replace: the long vowels, ع, the feminine ending and the hamza are what
// tell names apart (محمد, محمود; سعد, سعيد; أمين, أمينة).
const arabicProtected = "اويعهء"

// compareWords says whether a and b are the same name. Arabic against
// Arabic compares letters, since the script writes the long vowels that
// tell names apart; anything else compares sound keys, and refuses a
// shared key when the vowels each script writes disagree.
func compareWords(a, b *nameWord) wordMatch {
	if initialOf(a, b) || initialOf(b, a) {
		return wordsClose
	}
	if a.arabic && b.arabic {
		switch {
		case a.text == b.text:
			return wordsEqual
		case oneTypoApart(a.text, b.text, arabicProtected), oneTypoApart(a.full, b.full, arabicProtected):
			return wordsClose
		}
		return wordsDiffer
	}
	if vowelsDisagree(a, b) {
		return wordsDiffer
	}
	if shareKey(a.hashes, b.hashes) {
		return wordsEqual
	}
	if !a.arabic && !b.arabic {
		if oneTypoApart(a.text, b.text, "") || oneTypoApart(a.full, b.full, "") || keysOneTypoApart(a, b) {
			return wordsClose
		}
		return wordsDiffer
	}
	for _, x := range a.keys {
		for _, y := range b.keys {
			if max(len(x), len(y)) >= 4 && oneEditApart(x, y, "awy ", anyLetter, false) {
				return wordsClose
			}
		}
	}
	return wordsDiffer
}

// keysOneTypoApart reports Latin words whose sound keys are one slipped
// key apart, for the errors made in a word whose first letter is spelled
// two ways (Qagtani for Kahtani).
func keysOneTypoApart(a, b *nameWord) bool {
	x, y := a.keys[0], b.keys[0]
	return len(x) == len(y) && len(x) >= 4 && oneEditApart(x, y, "awy ", slipOrSound, false)
}

// initialOf reports whether a is a Latin initial (the M. of "M. Shazly")
// that b's name starts with: close, never equal, since M stands for many
// names.
func initialOf(a, b *nameWord) bool {
	return !a.arabic && len(a.text) == 1 && len(b.text) > 1 && a.keys[0][0] == b.keys[0][0]
}

// shareKey reports whether two words have a sound key in common.
func shareKey(x, y []uint64) bool {
	for _, a := range x {
		for _, b := range y {
			if a == b {
				return true
			}
		}
	}
	return false
}
