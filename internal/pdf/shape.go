// Package pdf draws Arabic and Latin report pages with fpdf.
//
// fpdf places one glyph per code point from left to right and knows nothing
// of Arabic: it neither joins letters nor orders right-to-left text. This
// package therefore shapes Arabic into its presentation forms (Shape),
// reorders each line into the visual order fpdf draws (Visual) and wraps
// text on its logical order before reordering each line (Doc.Lines), so
// that every string drawn through Doc reads correctly.
package pdf

import "unicode"

// The code points that the joining rules single out.
const (
	lam     = 0x0644
	tatweel = 0x0640
	zwnj    = 0x200C
	zwj     = 0x200D
)

// joining is the Arabic joining type of a character (ArabicShaping.txt),
// reduced to what the shaper needs.
type joining uint8

const (
	joinNone        joining = iota // U: breaks joining on both sides
	joinRight                      // R: joins only the letter before it
	joinDual                       // D: joins both sides
	joinCausing                    // C: tatweel and ZWJ make neighbours join
	joinTransparent                // T: marks are skipped when looking for neighbours
)

// joiningType classifies r. Letters without presentation forms in our table
// are treated as non-joining so that their neighbours do not reach out to a
// letter that would be drawn isolated.
func joiningType(r rune) joining {
	switch {
	case r == tatweel || r == zwj:
		return joinCausing
	case r == zwnj:
		return joinNone
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return joinTransparent
	}
	f, ok := arabicForms[r]
	switch {
	case !ok:
		return joinNone
	case f[formInitial] != 0:
		return joinDual
	case f[formFinal] != 0:
		return joinRight
	}
	return joinNone
}

// HasArabic reports whether s contains Arabic script, so that callers can
// skip shaping and pick a right-to-left direction only where it matters.
func HasArabic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Arabic, r) {
			return true
		}
	}
	return false
}

// Shape replaces Arabic letters by their contextual presentation forms
// (isolated, initial, medial, final; Unicode Arabic Presentation Forms-B
// U+FE70–U+FEFF), including the obligatory lam-alef ligatures (لا لأ لإ لآ),
// because fpdf draws each code point with its default, isolated glyph.
// Non-joining letters (ا د ذ ر ز و ة ى أ إ آ ؤ ...) end a joined group,
// tatweel and ZWJ force joining, ZWNJ prevents it, and harakat and other
// marks are transparent: they neither break joining nor take a form. Input
// and output are in logical order; text without Arabic is returned as is.
func Shape(s string) string {
	if !HasArabic(s) {
		return s
	}
	rs := []rune(s)
	types := make([]joining, len(rs))
	for i, r := range rs {
		types[i] = joiningType(r)
	}
	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		f, ok := arabicForms[rs[i]]
		if !ok {
			out = append(out, rs[i])
			continue
		}
		p, n := neighbour(types, i, -1), neighbour(types, i, 1)
		joinsPrev := joinsBackward(types[i]) && p >= 0 && joinsForward(types[p])
		if rs[i] == lam && n >= 0 {
			if lig, ok := lamAlef[rs[n]]; ok {
				out = append(out, lig[boolIndex(joinsPrev)])
				// Marks between lam and alef follow the ligature.
				out = append(out, rs[i+1:n]...)
				i = n
				continue
			}
		}
		joinsNext := types[i] == joinDual && n >= 0 && joinsBackward(types[n])
		out = append(out, pickForm(f, joinsPrev, joinsNext))
	}
	return string(out)
}

// neighbour returns the index of the nearest non-transparent character in
// direction step from i, or -1.
func neighbour(types []joining, i, step int) int {
	for j := i + step; j >= 0 && j < len(types); j += step {
		if types[j] != joinTransparent {
			return j
		}
	}
	return -1
}

// joinsForward reports whether a character of type t connects to the
// character after it.
func joinsForward(t joining) bool { return t == joinDual || t == joinCausing }

// joinsBackward reports whether a character of type t connects to the
// character before it.
func joinsBackward(t joining) bool {
	return t == joinDual || t == joinRight || t == joinCausing
}

// pickForm chooses the presentation form for a letter from its joins.
func pickForm(f [4]rune, prev, next bool) rune {
	var r rune
	switch {
	case prev && next:
		r = f[formMedial]
	case prev:
		r = f[formFinal]
	case next:
		r = f[formInitial]
	}
	if r == 0 {
		r = f[formIsolated]
	}
	return r
}

// boolIndex is 1 for true and 0 for false.
func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}
