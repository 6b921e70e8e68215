package roster

import "strings"

// nameSignals compares the names of a and b. A name spelled identically
// (after Normalize) in a script is a signal of its own, and the two scripts
// count separately because they are typed separately. Otherwise the names
// are compared word by word, in both scripts and across them, and the best
// comparison is the one name signal; on a tie a same-script comparison
// wins, as it is the plainer explanation. conflict reports names whose
// own names differ in every script compared, which makes an agreeing
// phone or e-mail an office's rather than the person's.
func nameSignals(a, b *profile) (out []signal, conflict bool) {
	if sameFullName(a.arabic, b.arabic) {
		out = append(out, signal{scoreSameName, ReasonSameNameArabic})
	}
	if sameFullName(a.latin, b.latin) {
		out = append(out, signal{scoreSameName, ReasonSameNameLatin})
	}
	if len(out) > 0 {
		return out, false
	}
	pairs := [4]struct {
		x, y  []nameWord
		cross bool
	}{
		{a.arabicWords, b.arabicWords, false},
		{a.latinWords, b.latinWords, false},
		{a.latinWords, b.arabicWords, true},
		{a.arabicWords, b.latinWords, true},
	}
	var best, authority nameResult
	hasAuthority, compared, agree := false, false, false
	for i, p := range pairs {
		if len(p.x) == 0 || len(p.y) == 0 {
			continue
		}
		compared = true
		r := compareNames(p.x, p.y)
		agree = agree || r.own
		if r.reason == ReasonSimilarName && p.cross {
			r.reason = ReasonCrossScript
		}
		if i == 0 || p.cross && r.vetoed && !hasAuthority {
			authority, hasAuthority = r, true
		}
		if r.score > best.score {
			best = r
		}
	}
	// Arabic letters write the long vowels that tell names apart, and a
	// vowel that contradicts across scripts is evidence too: when they say
	// two words differ, a match through the Latin spellings (Kamal, Kamel)
	// does not stand.
	if hasAuthority && !authority.full && best.full {
		best = authority
	}
	if best.score == 0 {
		return nil, compared && !agree
	}
	return []signal{{best.score, best.reason}}, compared && !agree
}

// sameFullName reports whether two normalised names are equal and have at
// least two words: a single given name ("Mohamed") identifies nobody.
func sameFullName(x, y string) bool {
	return x != "" && x == y && strings.Contains(x, " ")
}

// nameResult is the comparison of two names in one pair of scripts.
type nameResult struct {
	score  int
	reason string
	own    bool // the own names agree (or the whole name, in another order)
	full   bool // every word of the shorter name found, in order
	vetoed bool // the own names are different names by their vowels
}

// compareNames compares two names word by word. Egyptian names are a
// chain (own name, father, grandfather, family) and lists often drop the
// middle links, so the shorter name's words found in order in the longer
// one are nearly as strong as equal names — provided the own names agree,
// because a son's name holds his father's (Ahmed Mohamed Hassan, Mohamed
// Hassan). A word the other name has elsewhere (Mohamed Ahmed Hassan,
// Mohamed Ali Hassan: cousins) is a conflict, and leaves the names below
// the threshold with a reason. A one-word name is compared with the own
// name only, and is never enough alone.
func compareNames(x, y []nameWord) nameResult {
	if len(x) > len(y) {
		x, y = y, x
	}
	own := compareWords(&x[0], &y[0])
	if len(x) == 1 {
		return oneWordName(own, x[0], y)
	}
	if own == wordsDiffer {
		r := ownNamesDiffer(x, y)
		r.vetoed = x[0].arabic != y[0].arabic && vowelsDisagree(&x[0], &y[0])
		return r
	}
	a := alignRest(x[1:], y[1:])
	equal, close := a.equal, a.close
	if own == wordsEqual {
		equal++
	} else {
		close++
	}
	switch {
	case a.aligned == len(x)-1 && equal >= 2 && len(x) == len(y):
		return nameResult{score: scoreSameWords - scoreCloseWord*close, reason: similarOrClose(close), own: true, full: true}
	case a.aligned == len(x)-1 && equal >= 2:
		return nameResult{score: scoreInOrder - scoreCloseWord*close, reason: similarOrClose(close), own: true, full: true}
	case a.aligned == len(x)-1:
		return nameResult{score: scoreCloseOnly, reason: ReasonCloseSpelling, own: true, full: true}
	case compareWords(&x[len(x)-1], &y[len(y)-1]) == wordsEqual && equal >= 2:
		return nameResult{score: scoreFirstLast, reason: ReasonFirstLast, own: true}
	}
	return nameResult{score: scorePartial, reason: ReasonPartialName, own: true}
}

func similarOrClose(close int) string {
	if close > 0 {
		return ReasonCloseSpelling
	}
	return ReasonSimilarName
}

// oneWordName compares a one-word name with the own name of the other.
func oneWordName(own wordMatch, w nameWord, y []nameWord) nameResult {
	switch own {
	case wordsEqual:
		return nameResult{score: scoreFirstNameOnly, reason: ReasonFirstNameOnly, own: true, full: true}
	case wordsClose:
		return nameResult{score: scoreCloseOnly, reason: ReasonCloseSpelling, own: true, full: true}
	}
	for i := 1; i < len(y); i++ {
		if compareWords(&w, &y[i]) == wordsEqual {
			return nameResult{score: scorePartial, reason: ReasonPartialName}
		}
	}
	return nameResult{}
}

// ownNamesDiffer scores names whose own names differ: all their words in
// another order (a list that puts the family name first) is a match;
// other words in common (brothers, a father and son) are only a reason.
func ownNamesDiffer(x, y []nameWord) nameResult {
	used := make([]bool, len(y))
	found := 0
	for i := range x {
		for j := range y {
			if !used[j] && compareWords(&x[i], &y[j]) == wordsEqual {
				used[j] = true
				found++
				break
			}
		}
	}
	switch {
	case found == len(x) && len(x) >= 3 && !inOrderAfterFirst(x, y):
		return nameResult{score: scoreAnyOrder, reason: ReasonSimilarName, own: true, full: true}
	case found > 0:
		return nameResult{score: scorePartial, reason: ReasonPartialName}
	}
	return nameResult{}
}

// inOrderAfterFirst reports whether x's words all appear in order after
// y's own name: the shape of a father's name inside his son's (Mohamed
// Hassan in Ahmed Mohamed Hassan), never a reordered name.
func inOrderAfterFirst(x, y []nameWord) bool {
	return alignRest(x, y[1:]).equal == len(x)
}

// alignment is how many words of a name were found, in order, in another.
type alignment struct{ aligned, equal, close int }

// alignRest finds the words of x in y in order, preferring equal words to
// close ones (a longest common subsequence with weights).
func alignRest(x, y []nameWord) alignment {
	if len(x) == 0 {
		return alignment{}
	}
	// best[i][j] is the best alignment of x[i:] into y[j:].
	best := make([][]alignment, len(x)+1)
	for i := range best {
		best[i] = make([]alignment, len(y)+1)
	}
	weight := func(a alignment) int { return 3*a.equal + 2*a.close }
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			b := best[i+1][j]
			if c := best[i][j+1]; weight(c) > weight(b) {
				b = c
			}
			if m := compareWords(&x[i], &y[j]); m != wordsDiffer {
				c := best[i+1][j+1]
				c.aligned++
				if m == wordsEqual {
					c.equal++
				} else {
					c.close++
				}
				if weight(c) > weight(b) {
					b = c
				}
			}
			best[i][j] = b
		}
	}
	return best[0][0]
}
