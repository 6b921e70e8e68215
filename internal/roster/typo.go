package roster

import "unicode/utf8"

// oneTypoApart reports whether a and b differ by one typing error: a
// letter left out, doubled or added, two neighbours swapped, or a letter
// replaced by a neighbouring key or by a letter of the same sound (ص for
// س). The shorter has at least three letters and the first letter is
// never the error, because people notice it. An error that touches one of
// the letters in protected does not count: those letters alone tell names
// apart.
func oneTypoApart(a, b string, protected string) bool {
	return oneEditApart(a, b, protected, slipOrSound, true)
}

// oneEditApart is oneTypoApart with the replacements allowed given by
// replace, and a doubled key allowed or not: sound keys have no doubled
// letters, so there an added letter is never a key pressed twice. It
// works on the strings as they are, without allocating: it runs for many
// word pairs of every candidate.
func oneEditApart(a, b string, protected string, replace func(a, b rune) bool, doubles bool) bool {
	if a == b || len(a) == 0 || len(b) == 0 {
		return false
	}
	if d := len(a) - len(b); d > 2 || d < -2 {
		return false // more than one letter apart, even in Arabic's two bytes a letter
	}
	ra, _ := utf8.DecodeRuneInString(a)
	rb, _ := utf8.DecodeRuneInString(b)
	if ra != rb {
		return false
	}
	na, nb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	if na > nb {
		a, b, na, nb = b, a, nb, na
	}
	if na < 3 || nb-na > 1 {
		return false
	}
	// Skip the common beginning; x and y are then where they differ.
	i, prev := 0, rune(0)
	for i < len(a) && i < len(b) {
		r1, s1 := utf8.DecodeRuneInString(a[i:])
		r2, _ := utf8.DecodeRuneInString(b[i:])
		if r1 != r2 {
			break
		}
		prev = r1
		i += s1
	}
	x, y := a[i:], b[i:]
	ry, sy := utf8.DecodeRuneInString(y)
	if na < nb {
		// A letter added, unless it is one only names differ by; a key
		// pressed twice adds the letter beside it, whatever it is.
		next, _ := utf8.DecodeRuneInString(y[sy:])
		doubled := doubles && (ry == prev || ry == next)
		return x == y[sy:] && (doubled || !containsRune(protected, ry))
	}
	rx, sx := utf8.DecodeRuneInString(x)
	if containsRune(protected, rx) || containsRune(protected, ry) {
		return false
	}
	if x[sx:] == y[sy:] {
		return replace(rx, ry)
	}
	rx2, sx2 := utf8.DecodeRuneInString(x[sx:])
	ry2, sy2 := utf8.DecodeRuneInString(y[sy:])
	return rx == ry2 && ry == rx2 && x[sx+sx2:] == y[sy+sy2:]
}

// keyboards are the letter rows of the QWERTY and the Arabic keyboard, as
// the keys lie: each key of a row sits below the key of the same place in
// the row above and the one after it. A slipping finger hits a key beside
// or diagonally above or below. The Arabic rows are folded as Normalize
// folds them (ى and ئ as ي, ة as ه, ؤ as و), with _ for the لا key.
var keyboards = [][][]rune{
	{[]rune("qwertyuiop"), []rune("asdfghjkl"), []rune("zxcvbnm")},
	{[]rune("ضصثقفغعهخحجد"), []rune("شسيبلاتنمكط"), []rune("يءور_يهوزظ")},
}

// soundAlike are letters of one sound that typists exchange.
var soundAlike = []string{"سصث", "تط", "دض", "زذظ", "حه", "كق", "ck", "sz"}

// slipOrSound reports whether a typist may type b for a: keys next to
// each other, or letters of the same sound.
func slipOrSound(a, b rune) bool {
	for _, group := range soundAlike {
		if containsRune(group, a) && containsRune(group, b) {
			return true
		}
	}
	for _, kb := range keyboards {
		for r, row := range kb {
			for i, k := range row {
				if k != a && k != b {
					continue
				}
				other := b
				if k == b {
					other = a
				}
				if keyAt(row, i-1) == other || keyAt(row, i+1) == other {
					return true
				}
				if r+1 < len(kb) && (keyAt(kb[r+1], i) == other || keyAt(kb[r+1], i-1) == other) {
					return true
				}
			}
		}
	}
	return false
}

func keyAt(rs []rune, i int) rune {
	if i < 0 || i >= len(rs) {
		return 0
	}
	return rs[i]
}

// anyLetter allows any replacement: sound keys compared across scripts no
// longer show which key was hit.
func anyLetter(a, b rune) bool { return true }

func containsRune(s string, r rune) bool {
	for _, c := range s {
		if c == r {
			return true
		}
	}
	return false
}
