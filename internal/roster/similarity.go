package roster

import "strings"

// nameSignals compares the names of a and b. A name spelled identically
// (after Normalize) in a script is a signal of its own, and the two scripts
// count separately because they are typed separately. Only when neither
// script agrees exactly are the skeletons compared, in both scripts and
// across them, and the best comparison is the one name signal; on a tie a
// same-script comparison wins, as it is the plainer explanation.
func nameSignals(a, b profile) []signal {
	var out []signal
	if sameFullName(a.arabic, b.arabic) {
		out = append(out, signal{scoreSameName, ReasonSameNameArabic})
	}
	if sameFullName(a.latin, b.latin) {
		out = append(out, signal{scoreSameName, ReasonSameNameLatin})
	}
	if len(out) > 0 {
		return out
	}
	pairs := []struct {
		x, y  []string
		cross bool
	}{
		{a.latinKeys, b.latinKeys, false},
		{a.arabicKeys, b.arabicKeys, false},
		{a.latinKeys, b.arabicKeys, true},
		{a.arabicKeys, b.latinKeys, true},
	}
	var best signal
	for _, p := range pairs {
		s, firstLast := compareKeys(p.x, p.y)
		if s <= best.score {
			continue
		}
		best = signal{s, ReasonSimilarName}
		switch {
		case firstLast:
			best.reason = ReasonFirstLast
		case p.cross:
			best.reason = ReasonCrossScript
		}
	}
	if best.score == 0 {
		return nil
	}
	return []signal{best}
}

// sameFullName reports whether two normalised names are equal and have at
// least two words: a single given name ("Mohamed") identifies nobody.
func sameFullName(x, y string) bool {
	return x != "" && x == y && strings.Contains(x, " ")
}

// compareKeys compares two names as lists of word skeletons and returns the
// name score, and whether it rests on the first and last words only. The
// shorter name must have at least two words, for the same reason as in
// sameFullName. Egyptian names are a chain (own name, father, grandfather,
// family), and lists often drop the middle links, so the shorter name's
// words appearing in order in the longer one is nearly as strong as equal
// names.
func compareKeys(x, y []string) (int, bool) {
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(x) < 2 {
		return 0, false
	}
	switch {
	case isSubsequence(x, y) && len(x) == len(y):
		return scoreSameWords, false
	case isSubsequence(x, y):
		return scoreInOrder, false
	case allFound(x, y):
		return scoreAnyOrder, false
	case keyEqual(x[0], y[0]) && keyEqual(x[len(x)-1], y[len(y)-1]):
		return scoreFirstLast, true
	}
	return 0, false
}

// isSubsequence reports whether the words of x appear in y in order.
func isSubsequence(x, y []string) bool {
	i := 0
	for _, w := range y {
		if i < len(x) && keyEqual(x[i], w) {
			i++
		}
	}
	return i == len(x)
}

// allFound reports whether every word of x appears in y, each word of y
// standing for at most one word of x.
func allFound(x, y []string) bool {
	used := make([]bool, len(y))
outer:
	for _, w := range x {
		for j, v := range y {
			if !used[j] && keyEqual(w, v) {
				used[j] = true
				continue outer
			}
		}
		return false
	}
	return true
}

// keyEqual compares two word skeletons, also ignoring a leading article:
// family names are written both with and without it (El-Shazly, Shazly,
// الشاذلي). The article is only stripped when at least two consonants
// remain, so that Ali ("aly") and Alaa ("al") keep their own keys.
func keyEqual(a, b string) bool {
	return a == b || stripArticle(a) == stripArticle(b)
}

func stripArticle(k string) string {
	if rest, ok := strings.CutPrefix(k, "al"); ok && len(rest) >= 2 && !strings.Contains(rest, " ") {
		return rest
	}
	return k
}
