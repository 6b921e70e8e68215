package namepairs

import (
	"strings"
)

// givenName is one given name of the lexicon.
type givenName struct {
	key string
	sex byte // 'M', 'F' or 'U'
	ar  string
	lat []string
	// chat is the spelling with a digit (2 for hamza or ق), which only the
	// chat_digits pairs use: it is nobody's usual spelling.
	chat string
	fem  string // key of the feminine form, if any
}

// familyName is one family name of the lexicon.
type familyName struct {
	ar      string
	lat     []string // without the article
	article bool     // the Arabic spelling starts with ال
}

// lexicon is the parsed name data, with the look-ups the generator needs.
type lexicon struct {
	given      []givenName
	byKey      map[string]int
	bySex      map[byte][]int // 'M', 'F' (unisex names are in both)
	family     []familyName
	different  map[string]map[string]bool // names never to be taken for one another
	near       map[string][]string        // other names a typo or a careless ear could make of this one
	masculine  map[string]string          // feminine key → masculine key
	compounds  []string                   // keys of compound given names (عبد, أبو, الدين, الله)
	withDigits []string                   // keys with a chat spelling (2 for hamza or ق)
}

// newLexicon parses the data; the data is static, so a malformed line is a
// programming error and panics.
func newLexicon() *lexicon {
	x := &lexicon{byKey: map[string]int{}, bySex: map[byte][]int{}, different: map[string]map[string]bool{},
		near: map[string][]string{}, masculine: map[string]string{}}
	for _, line := range dataLines(givenData) {
		f := strings.Split(line, "|")
		if len(f) < 4 || len(f[1]) != 1 {
			panic("namepairs: bad given name line " + line)
		}
		g := givenName{key: f[0], sex: f[1][0], ar: f[2]}
		for _, l := range strings.Split(f[3], ";") {
			if strings.ContainsAny(l, "0123456789") {
				g.chat = l
			} else {
				g.lat = append(g.lat, l)
			}
		}
		if len(f) > 4 {
			g.fem = f[4]
		}
		x.addGiven(g)
	}
	for _, line := range dataLines(familyData) {
		f := strings.Split(line, "|")
		if len(f) != 2 {
			panic("namepairs: bad family name line " + line)
		}
		x.family = append(x.family, familyName{ar: f[0], lat: strings.Split(f[1], ";"), article: strings.HasPrefix(f[0], "ال")})
	}
	x.relate()
	return x
}

func (x *lexicon) addGiven(g givenName) {
	i := len(x.given)
	x.given = append(x.given, g)
	x.byKey[g.key] = i
	if g.sex == 'M' || g.sex == 'U' {
		x.bySex['M'] = append(x.bySex['M'], i)
	}
	if g.sex == 'F' || g.sex == 'U' {
		x.bySex['F'] = append(x.bySex['F'], i)
	}
	if strings.Contains(g.ar, " ") {
		x.compounds = append(x.compounds, g.key)
	}
	if g.chat != "" {
		x.withDigits = append(x.withDigits, g.key)
	}
}

// relate records which names are different names that look alike:
// the confusable groups, masculine and feminine forms, and names whose
// usual Latin spellings are within two letters of each other.
func (x *lexicon) relate() {
	mark := func(a, b string) {
		if x.different[a] == nil {
			x.different[a] = map[string]bool{}
		}
		x.different[a][b] = true
	}
	for _, grp := range confusableData {
		for _, a := range grp {
			x.mustKey(a)
			for _, b := range grp {
				if a != b {
					mark(a, b)
				}
			}
		}
	}
	for _, g := range x.given {
		if g.fem != "" {
			x.mustKey(g.fem)
			mark(g.key, g.fem)
			mark(g.fem, g.key)
			x.masculine[g.fem] = g.key
		}
	}
	for _, a := range x.given {
		for _, b := range x.given {
			if a.key != b.key && a.fem != b.key && b.fem != a.key && editDistance(strings.ToLower(a.lat[0]), strings.ToLower(b.lat[0])) <= 2 {
				x.near[a.key] = append(x.near[a.key], b.key)
			}
		}
	}
}

func (x *lexicon) mustKey(k string) {
	if _, ok := x.byKey[k]; !ok {
		panic("namepairs: unknown name key " + k)
	}
}

// name returns the given name of key k.
func (x *lexicon) name(k string) givenName { return x.given[x.byKey[k]] }

// dataLines splits a data block into its non-empty lines.
func dataLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// editDistance is the Levenshtein distance of two ASCII strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
