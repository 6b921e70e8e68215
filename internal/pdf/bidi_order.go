package pdf

import (
	"slices"

	"golang.org/x/text/unicode/bidi"
)

// bracketPairs maps opening brackets to their closing partners
// (BidiBrackets.txt, the pairs that occur in report text).
var bracketPairs = map[rune]rune{
	'(': ')', '[': ']', '{': '}',
	0x2045: 0x2046, // ⁅ ⁆
	0x207D: 0x207E, // ⁽ ⁾
	0x2329: 0x232A, // 〈 〉
	0x3008: 0x3009, // 〈 〉
}

// mirrors maps characters to the glyph drawn in right-to-left runs
// (BidiMirroring.txt, the pairs that occur in report text).
var mirrors = map[rune]rune{
	'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{',
	'<': '>', '>': '<', '«': '»', '»': '«',
	0x2039: 0x203A, 0x203A: 0x2039, // ‹ ›
	0x2045: 0x2046, 0x2046: 0x2045, // ⁅ ⁆
	0x207D: 0x207E, 0x207E: 0x207D, // ⁽ ⁾
	0x2264: 0x2265, 0x2265: 0x2264, // ≤ ≥
	0x2329: 0x232A, 0x232A: 0x2329, // 〈 〉
	0x3008: 0x3009, 0x3009: 0x3008, // 〈 〉
}

// maxBracketDepth is the stack limit of rule BD16.
const maxBracketDepth = 63

// findBracketPairs finds matching bracket pairs (BD16), ordered by the
// position of the opening bracket.
func (l *bidiLine) findBracketPairs() [][2]int {
	type open struct {
		closer rune
		pos    int
	}
	var stack []open
	var pairs [][2]int
	for i, r := range l.runes {
		if l.types[i] != bidi.ON {
			continue
		}
		if c, ok := bracketPairs[r]; ok {
			if len(stack) == maxBracketDepth {
				break
			}
			stack = append(stack, open{c, i})
			continue
		}
		for j := len(stack) - 1; j >= 0; j-- {
			if stack[j].closer == r {
				pairs = append(pairs, [2]int{stack[j].pos, i})
				stack = stack[:j]
				break
			}
		}
	}
	slices.SortFunc(pairs, func(a, b [2]int) int { return a[0] - b[0] })
	return pairs
}

// resolveBrackets applies N0: a bracket pair takes the embedding direction
// if it encloses text of that direction, else the opposite direction if it
// encloses such text and the text before it has that direction too, so that
// "(Safaga)" at the end of an Arabic line keeps its brackets together.
func (l *bidiLine) resolveBrackets() {
	opp := bidi.L
	if l.e == bidi.L {
		opp = bidi.R
	}
	for _, p := range l.findBracketPairs() {
		var hasE, hasOpp bool
		for _, c := range l.types[p[0]+1 : p[1]] {
			switch strongDir(c) {
			case l.e:
				hasE = true
			case opp:
				hasOpp = true
			}
		}
		dir := bidi.ON
		switch {
		case hasE:
			dir = l.e
		case hasOpp:
			dir = l.e
			if l.strongBefore(p[0]) == opp {
				dir = opp
			}
		}
		if dir != bidi.ON {
			l.types[p[0]], l.types[p[1]] = dir, dir
		}
	}
}

// strongBefore returns the direction of the nearest strong type before i,
// or the embedding direction at the start of the line.
func (l *bidiLine) strongBefore(i int) bidi.Class {
	for j := i - 1; j >= 0; j-- {
		if d := strongDir(l.types[j]); d != bidi.ON {
			return d
		}
	}
	return l.e
}

// resolveLevels applies I1–I2 and L1: embedding levels from the resolved
// types, with separators and trailing white space back at the paragraph
// level.
func (l *bidiLine) resolveLevels() {
	l.levels = make([]uint8, len(l.types))
	for i, t := range l.types {
		lv := l.base
		switch {
		case lv%2 == 0 && t == bidi.R:
			lv++
		case lv%2 == 0 && (t == bidi.AN || t == bidi.EN):
			lv += 2
		case lv%2 == 1 && (t == bidi.L || t == bidi.AN || t == bidi.EN):
			lv++
		}
		l.levels[i] = lv
	}
	trailing := true
	for i := len(l.orig) - 1; i >= 0; i-- {
		switch c := l.orig[i]; {
		case c == bidi.S || c == bidi.B:
			l.levels[i], trailing = l.base, true
		case c == bidi.WS && trailing:
			l.levels[i] = l.base
		default:
			trailing = false
		}
	}
}

// visual applies L2 (reversal by levels) and L4 (mirroring), and drops
// invisible direction marks. It skips L3 on purpose: the font's marks have
// no advance and are drawn over the glyph that follows them, so a mark must
// stay before its right-to-left base, where reversal leaves it.
func (l *bidiLine) visual() string {
	order := make([]int, len(l.runes))
	for i := range order {
		order[i] = i
	}
	top, lowOdd := uint8(0), uint8(255)
	for _, lv := range l.levels {
		top = max(top, lv)
		if lv%2 == 1 {
			lowOdd = min(lowOdd, lv)
		}
	}
	for lv := top; lv >= lowOdd && lv > 0; lv-- {
		for i := 0; i < len(order); {
			if l.levels[order[i]] < lv {
				i++
				continue
			}
			j := i
			for j < len(order) && l.levels[order[j]] >= lv {
				j++
			}
			slices.Reverse(order[i:j])
			i = j
		}
	}
	islands := make(map[int]string, len(l.islands))
	for _, is := range l.islands {
		islands[is.pos] = reorder(is.text, is.rtl)
	}
	out := make([]rune, 0, len(order))
	for _, i := range order {
		if v, ok := islands[i]; ok {
			out = append(out, []rune(v)...)
			continue
		}
		r := l.runes[i]
		if r == lrm || r == rlm || r == alm {
			continue
		}
		if m, ok := mirrors[r]; ok && l.levels[i]%2 == 1 {
			r = m
		}
		out = append(out, r)
	}
	return string(out)
}
