package roster

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
// letters, so there an added letter is never a key pressed twice.
func oneEditApart(a, b string, protected string, replace func(a, b rune) bool, doubles bool) bool {
	x, y := []rune(a), []rune(b)
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(x) < 3 || a == b || len(y)-len(x) > 1 || x[0] != y[0] {
		return false
	}
	i := 0
	for i < len(x) && x[i] == y[i] {
		i++
	}
	ok := func(rs ...rune) bool {
		for _, r := range rs {
			if containsRune(protected, r) {
				return false
			}
		}
		return true
	}
	if len(x) < len(y) {
		// A letter added, unless it is one only names differ by; a key
		// pressed twice adds the letter beside it, whatever it is.
		doubled := doubles && (y[i] == y[i-1] || i+1 < len(y) && y[i] == y[i+1])
		return string(x[i:]) == string(y[i+1:]) && (doubled || ok(y[i]))
	}
	switch {
	case string(x[i+1:]) == string(y[i+1:]):
		return ok(x[i], y[i]) && replace(x[i], y[i])
	case i+1 < len(x) && x[i] == y[i+1] && x[i+1] == y[i] && string(x[i+2:]) == string(y[i+2:]):
		return ok(x[i], y[i])
	}
	return false
}

// keyboards are the letter rows of the QWERTY and the Arabic keyboard, as
// the keys lie: each key of a row sits below the key of the same place in
// the row above and the one after it. A slipping finger hits a key beside
// or diagonally above or below. The Arabic rows are folded as Normalize
// folds them (ى and ئ as ي, ة as ه, ؤ as و), with _ for the لا key.
var keyboards = [][]string{
	{"qwertyuiop", "asdfghjkl", "zxcvbnm"},
	{"ضصثقفغعهخحجد", "شسيبلاتنمكط", "يءور_يهوزظ"},
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
			rs := []rune(row)
			for i, k := range rs {
				if k != a && k != b {
					continue
				}
				other := b
				if k == b {
					other = a
				}
				if keyAt(rs, i-1) == other || keyAt(rs, i+1) == other {
					return true
				}
				if r+1 < len(kb) {
					below := []rune(kb[r+1])
					if keyAt(below, i) == other || keyAt(below, i-1) == other {
						return true
					}
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
