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
//
// A caller that keeps only scores of at least stopBelow (findMatches) may
// pass it: once the Arabic names show a conflict the names cannot reach
// it, and the other scripts are not compared.
func nameSignals(m *wordCmp, a, b *profile, stopBelow int) (out []signal, conflict bool) {
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
		x, y  []*nameWord
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
		r := compareNames(m, p.x, p.y)
		agree = agree || r.own
		if r.reason == ReasonSimilarName && p.cross {
			r.reason = ReasonCrossScript
		}
		if i == 0 || p.cross && r.vetoed && !hasAuthority {
			authority, hasAuthority = r, true
			if !r.full && stopBelow > scoreFirstLast {
				best = r
				break
			}
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
func compareNames(m *wordCmp, x, y []*nameWord) nameResult {
	if len(x) > len(y) {
		x, y = y, x
	}
	own := m.compare(x[0], y[0])
	if len(x) == 1 {
		return oneWordName(m, own, x[0], y)
	}
	if own == wordsDiffer {
		r := ownNamesDiffer(m, x, y)
		r.vetoed = x[0].arabic != y[0].arabic && vowelsDisagree(x[0], y[0])
		return r
	}
	a := alignRest(m, x[1:], y[1:])
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
	case m.compare(x[len(x)-1], y[len(y)-1]) == wordsEqual && equal >= 2:
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
func oneWordName(m *wordCmp, own wordMatch, w *nameWord, y []*nameWord) nameResult {
	switch own {
	case wordsEqual:
		return nameResult{score: scoreFirstNameOnly, reason: ReasonFirstNameOnly, own: true, full: true}
	case wordsClose:
		return nameResult{score: scoreCloseOnly, reason: ReasonCloseSpelling, own: true, full: true}
	}
	for i := 1; i < len(y); i++ {
		if m.compare(w, y[i]) == wordsEqual {
			return nameResult{score: scorePartial, reason: ReasonPartialName}
		}
	}
	return nameResult{}
}

// ownNamesDiffer scores names whose own names differ: all their words in
// another order (a list that puts the family name first) is a match;
// other words in common (brothers, a father and son) are only a reason.
// It stops as soon as the answer is known: it runs for many candidates.
func ownNamesDiffer(m *wordCmp, x, y []*nameWord) nameResult {
	var usedBuf [12]bool
	var used []bool
	if len(y) > len(usedBuf) {
		used = make([]bool, len(y))
	} else {
		used = usedBuf[:len(y)]
	}
	found, missed := 0, false
	for i := range x {
		hit := false
		for j := range y {
			if !used[j] && m.compare(x[i], y[j]) == wordsEqual {
				used[j], hit = true, true
				found++
				break
			}
		}
		missed = missed || !hit
		if found > 0 && (missed || len(x) < 3) {
			return nameResult{score: scorePartial, reason: ReasonPartialName}
		}
	}
	switch {
	case found == len(x) && !inOrderAfterFirst(m, x, y):
		return nameResult{score: scoreAnyOrder, reason: ReasonSimilarName, own: true, full: true}
	case found > 0:
		return nameResult{score: scorePartial, reason: ReasonPartialName}
	}
	return nameResult{}
}

// inOrderAfterFirst reports whether x's words all appear in order after
// y's own name: the shape of a father's name inside his son's (Mohamed
// Hassan in Ahmed Mohamed Hassan), never a reordered name.
func inOrderAfterFirst(m *wordCmp, x, y []*nameWord) bool {
	return alignRest(m, x, y[1:]).equal == len(x)
}

// alignment is how many words of a name were found, in order, in another.
type alignment struct{ aligned, equal, close int }

// alignRest finds the words of x in y in order, preferring equal words to
// close ones (a longest common subsequence with weights).
func alignRest(m *wordCmp, x, y []*nameWord) alignment {
	if len(x) == 0 {
		return alignment{}
	}
	// row[j] is the best alignment of x[i:] into y[j:] for the i being
	// worked on, next the same for i+1. Names are short: the rows live on
	// the stack.
	var bufA, bufB [12]alignment
	var next, row []alignment
	if len(y)+1 > len(bufA) {
		next, row = make([]alignment, len(y)+1), make([]alignment, len(y)+1)
	} else {
		next, row = bufA[:len(y)+1], bufB[:len(y)+1]
	}
	weight := func(a alignment) int { return 3*a.equal + 2*a.close }
	for i := len(x) - 1; i >= 0; i-- {
		row[len(y)] = alignment{}
		for j := len(y) - 1; j >= 0; j-- {
			b := next[j]
			if c := row[j+1]; weight(c) > weight(b) {
				b = c
			}
			if r := m.compare(x[i], y[j]); r != wordsDiffer {
				c := next[j+1]
				c.aligned++
				if r == wordsEqual {
					c.equal++
				} else {
					c.close++
				}
				if weight(c) > weight(b) {
					b = c
				}
			}
			row[j] = b
		}
		next, row = row, next
	}
	return next[0]
}
