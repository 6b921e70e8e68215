package pdf

import "golang.org/x/text/unicode/bidi"

// matchingPDI returns the index of the PDI that closes the isolate opened at
// i, or len(rs) if the line ends first.
func matchingPDI(rs []rune, i int) int {
	depth := 0
	for j := i + 1; j < len(rs); j++ {
		switch rs[j] {
		case lri, rli, fsi:
			depth++
		case pdi:
			if depth == 0 {
				return j
			}
			depth--
		}
	}
	return len(rs)
}

// firstStrongRTL reports whether the first strong character of s is
// right-to-left (rules P2 and P3), skipping nested isolates.
func firstStrongRTL(s string) bool {
	depth := 0
	for _, r := range s {
		p, _ := bidi.LookupRune(r)
		switch c := p.Class(); {
		case c == bidi.LRI || c == bidi.RLI || c == bidi.FSI:
			depth++
		case c == bidi.PDI:
			depth = max(depth-1, 0)
		case depth > 0:
		case c == bidi.L:
			return false
		case c == bidi.R || c == bidi.AL:
			return true
		}
	}
	return false
}

// Isolate wraps s in isolate marks (LRI or RLI, then PDI) so that it is
// ordered on its own, as one block, inside the surrounding text. ISO dates
// such as 2023-01-01 need it inside Arabic sentences, where the bidi rules
// would otherwise show their parts from right to left. Visual honours the
// marks and removes them; browsers honour them too.
func Isolate(s string, rtl bool) string {
	open := string(rune(lri))
	if rtl {
		open = string(rune(rli))
	}
	return open + s + string(rune(pdi))
}
