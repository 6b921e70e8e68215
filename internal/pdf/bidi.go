package pdf

import (
	"slices"
	"strings"

	"golang.org/x/text/unicode/bidi"
)

// Visual returns a line in the left-to-right visual order that fpdf draws.
// fpdf draws code points in string order, so right-to-left text must be
// reordered before drawing. It applies the parts of the Unicode
// Bidirectional Algorithm (UAX #9) that single lines of report text need,
// for a paragraph of the given base direction (rtl=true for Arabic pages):
// the weak rules W1–W7, bracket pairs N0, neutrals N1–N2, implicit levels
// I1–I2 and reordering L1–L2, with mirrored brackets in right-to-left runs.
// Arabic runs read right-to-left, Latin words and numbers (ASCII or
// Arabic-Indic, with separators such as : . , / and –) keep their order
// within themselves, and spaces and punctuation take the surrounding
// direction. Explicit embeddings, overrides and isolates are dropped rather
// than honoured. Arabic is shaped first. A string with several lines is
// treated line by line.
func Visual(s string, rtl bool) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = reorder(Shape(l), rtl)
	}
	return strings.Join(lines, "\n")
}

// bidiLine carries one line through the algorithm.
type bidiLine struct {
	runes  []rune
	orig   []bidi.Class // classes as looked up, for L1 and L3
	types  []bidi.Class // classes as resolved
	levels []uint8
	// islands are the isolates, each standing at one placeholder position.
	islands []island
	base    uint8      // paragraph embedding level
	e       bidi.Class // embedding direction, also sos and eos
}

// island is an isolate: text ordered apart from the line around it.
type island struct {
	pos  int
	text string
	rtl  bool
}

// Invisible marks that steer the algorithm but have no glyph in the font.
const (
	lrm = 0x200E
	rlm = 0x200F
	alm = 0x061C
	lri = 0x2066
	rli = 0x2067
	fsi = 0x2068
	pdi = 0x2069
)

// reorder runs the algorithm over an already shaped line.
func reorder(s string, rtl bool) string {
	l := newBidiLine(s, rtl)
	if len(l.runes) == 0 {
		return ""
	}
	l.resolveWeak()
	l.resolveBrackets()
	l.resolveNeutrals()
	l.resolveLevels()
	return l.visual()
}

// newBidiLine looks up the class of every character. It drops explicit
// embeddings, overrides and boundary neutrals as rule X9 does, and replaces
// each isolate (LRI, RLI or FSI … PDI) by one neutral placeholder that
// stands for the isolate's text, ordered on its own.
func newBidiLine(s string, rtl bool) *bidiLine {
	l := &bidiLine{e: bidi.L}
	if rtl {
		l.base, l.e = 1, bidi.R
	}
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		p, _ := bidi.LookupRune(rs[i])
		c := p.Class()
		switch c {
		case bidi.LRI, bidi.RLI, bidi.FSI:
			end := matchingPDI(rs, i)
			inner := string(rs[i+1 : end])
			dir := c == bidi.RLI || (c == bidi.FSI && firstStrongRTL(inner))
			l.islands = append(l.islands, island{pos: len(l.runes), text: inner, rtl: dir})
			l.runes = append(l.runes, 0xFFFC)
			l.orig = append(l.orig, bidi.ON)
			i = end
			continue
		case bidi.BN, bidi.LRE, bidi.RLE, bidi.LRO, bidi.RLO, bidi.PDF,
			bidi.PDI, bidi.Control:
			continue
		}
		l.runes = append(l.runes, rs[i])
		l.orig = append(l.orig, c)
	}
	l.types = slices.Clone(l.orig)
	return l
}

// resolveWeak applies rules W1–W7.
func (l *bidiLine) resolveWeak() {
	l.resolveMarks()
	t := l.types
	for i := 1; i+1 < len(t); i++ { // W4: a single separator inside a number.
		a, b := t[i-1], t[i+1]
		switch {
		case t[i] == bidi.ES && a == bidi.EN && b == bidi.EN:
			t[i] = bidi.EN
		case t[i] == bidi.CS && a == b && (a == bidi.EN || a == bidi.AN):
			t[i] = a
		}
	}
	l.resolveTerminators()
	last := l.e
	for i := range t { // W6 and W7.
		switch t[i] {
		case bidi.ES, bidi.ET, bidi.CS:
			t[i] = bidi.ON
		case bidi.L, bidi.R:
			last = t[i]
		case bidi.EN:
			if last == bidi.L {
				t[i] = bidi.L
			}
		}
	}
}

// resolveMarks applies W1–W3: marks take the type of their base, European
// digits after Arabic letters become Arabic numbers, and Arabic letters
// become plain right-to-left.
func (l *bidiLine) resolveMarks() {
	t := l.types
	for i := range t {
		if t[i] == bidi.NSM {
			t[i] = l.e
			if i > 0 {
				t[i] = t[i-1]
			}
		}
	}
	last := l.e
	for i := range t {
		switch t[i] {
		case bidi.L, bidi.R, bidi.AL:
			last = t[i]
		case bidi.EN:
			if last == bidi.AL {
				t[i] = bidi.AN
			}
		}
	}
	for i := range t {
		if t[i] == bidi.AL {
			t[i] = bidi.R
		}
	}
}

// resolveTerminators applies W5: terminators such as % and $ next to
// European digits become part of the number.
func (l *bidiLine) resolveTerminators() {
	t := l.types
	for i := 0; i < len(t); {
		if t[i] != bidi.ET {
			i++
			continue
		}
		j := i
		for j < len(t) && t[j] == bidi.ET {
			j++
		}
		if (i > 0 && t[i-1] == bidi.EN) || (j < len(t) && t[j] == bidi.EN) {
			for k := i; k < j; k++ {
				t[k] = bidi.EN
			}
		}
		i = j
	}
}

// strongDir maps a resolved type to the direction it counts as for the
// neutral rules: numbers count as right-to-left.
func strongDir(c bidi.Class) bidi.Class {
	switch c {
	case bidi.L:
		return bidi.L
	case bidi.R, bidi.AL, bidi.EN, bidi.AN:
		return bidi.R
	}
	return bidi.ON
}

// isNeutral reports whether a resolved type is left for N1 and N2.
func isNeutral(c bidi.Class) bool {
	return c == bidi.B || c == bidi.S || c == bidi.WS || c == bidi.ON
}

// resolveNeutrals applies N1 and N2: a run of neutrals between two strong
// types of one direction takes it, any other run the embedding direction.
func (l *bidiLine) resolveNeutrals() {
	t := l.types
	for i := 0; i < len(t); {
		if !isNeutral(t[i]) {
			i++
			continue
		}
		j := i
		for j < len(t) && isNeutral(t[j]) {
			j++
		}
		before, after := l.e, l.e
		if i > 0 {
			before = strongDir(t[i-1])
		}
		if j < len(t) {
			after = strongDir(t[j])
		}
		dir := l.e
		if before == after {
			dir = before
		}
		for k := i; k < j; k++ {
			t[k] = dir
		}
		i = j
	}
}
