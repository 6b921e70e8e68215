package namepairs

import "strings"

// qwertyNear lists the keys next to each letter on a QWERTY keyboard.
var qwertyNear = map[byte]string{
	'q': "wa", 'w': "qes", 'e': "wrd", 'r': "etf", 't': "ryg", 'y': "tuh", 'u': "yij", 'i': "uok", 'o': "ipl", 'p': "o",
	'a': "qsz", 's': "adw", 'd': "sfe", 'f': "dgr", 'g': "fht", 'h': "gjy", 'j': "hku", 'k': "jli", 'l': "ko",
	'z': "xa", 'x': "zc", 'c': "xv", 'v': "cb", 'b': "vn", 'n': "bm", 'm': "n",
}

// arabicRows are the letter rows of the standard Arabic keyboard, whose
// neighbours a slipping finger hits.
var arabicRows = []string{"ضصثقفغعهخحجد", "شسيبلاتنمكط", "ئءؤرىةوزظ"}

// latinTypo makes one typing error in the longest word of w, never in its
// first letter: two letters swapped, one left out, one doubled, or one
// replaced by a neighbouring key.
func (g *gen) latinTypo(w string) string {
	parts := strings.Split(w, " ")
	at := 0
	for i, p := range parts {
		if len(p) > len(parts[at]) {
			at = i
		}
	}
	s := parts[at]
	if len(s) < 4 {
		return w
	}
	i := g.r.between(1, len(s)-2)
	switch g.r.intn(4) {
	case 0:
		s = s[:i] + string(s[i+1]) + string(s[i]) + s[i+2:]
	case 1:
		s = s[:i] + s[i+1:]
	case 2:
		s = s[:i] + string(s[i]) + s[i:]
	default:
		c := s[i] | 0x20
		if near := qwertyNear[c]; near != "" {
			s = s[:i] + string(near[g.r.intn(len(near))]) + s[i+1:]
		} else {
			s = s[:i] + s[i+1:]
		}
	}
	parts[at] = s
	return strings.Join(parts, " ")
}

// arabicTypo makes one typing error in the longest word of w, the same
// kinds as latinTypo, with the Arabic keyboard's neighbours.
func (g *gen) arabicTypo(w string) string {
	parts := strings.Split(w, " ")
	at := 0
	for i, p := range parts {
		if len([]rune(p)) > len([]rune(parts[at])) {
			at = i
		}
	}
	s := []rune(parts[at])
	if len(s) < 4 {
		return w
	}
	i := g.r.between(1, len(s)-2)
	switch g.r.intn(4) {
	case 0:
		s[i], s[i+1] = s[i+1], s[i]
	case 1:
		s = append(s[:i:i], s[i+1:]...)
	case 2:
		s = append(s[:i+1:i+1], s[i:]...)
	default:
		if n := arabicNeighbour(s[i], g.r.intn(2)); n != 0 {
			s[i] = n
		} else {
			s = append(s[:i:i], s[i+1:]...)
		}
	}
	parts[at] = string(s)
	return strings.Join(parts, " ")
}

// arabicNeighbour returns the key left (side 0) or right of r, or 0.
func arabicNeighbour(r rune, side int) rune {
	for _, row := range arabicRows {
		rs := []rune(row)
		for i, x := range rs {
			if x != r {
				continue
			}
			if side == 0 && i > 0 {
				return rs[i-1]
			}
			if i+1 < len(rs) {
				return rs[i+1]
			}
			if i > 0 {
				return rs[i-1]
			}
		}
	}
	return 0
}
