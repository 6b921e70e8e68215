package roster

import (
	"github.com/traindesk/traindesk/internal/model"
)

// Index finds likely duplicates among many persons quickly: it files every
// person under their phone, email, reference and name skeleton keys, so
// that a new name is scored only against the persons who share at least one
// of them, not against the whole registry.
type Index struct {
	items []Candidate
	by    map[string][]int
}

// CandidateOf is the part of a person that matching compares.
func CandidateOf(p model.Person) Candidate {
	c := Candidate{ID: p.ID, NameLatin: p.NameLatin, NameArabic: p.NameArabic, Phone: p.Phone, Email: p.Email, NationalRef: p.NationalRef}
	if p.BirthYear != nil {
		c.BirthYear = *p.BirthYear
	}
	return c
}

// NewIndex files the candidates.
func NewIndex(pool []Candidate) *Index {
	x := &Index{items: pool, by: map[string][]int{}}
	for i, c := range pool {
		for _, k := range keysOf(c) {
			x.by[k] = append(x.by[k], i)
		}
	}
	return x
}

// keysOf lists the index keys of a candidate.
func keysOf(c Candidate) []string {
	var keys []string
	if p := NormalizePhone(c.Phone); p != "" {
		keys = append(keys, "p:"+p)
	}
	if e := NormalizeEmail(c.Email); e != "" {
		keys = append(keys, "e:"+e)
	}
	if r := NormalizeRef(c.NationalRef); r != "" {
		keys = append(keys, "r:"+r)
	}
	// Names are filed under every pair of their sound keys: a name match
	// needs at least two words to agree, and a pair is rare enough that a
	// common first name such as Mohamed does not pull in half the registry.
	seen := map[string]bool{}
	for _, name := range []string{c.NameLatin, c.NameArabic} {
		ws := skeletonWords(name)
		if len(ws) == 1 {
			ws = append(ws, "")
		}
		for i := 0; i < len(ws); i++ {
			for j := i + 1; j < len(ws); j++ {
				a, b := ws[i], ws[j]
				if a > b {
					a, b = b, a
				}
				if k := "n:" + a + "|" + b; !seen[k] {
					seen[k] = true
					keys = append(keys, k)
				}
			}
		}
	}
	return keys
}

// Matches returns the filed persons that in likely duplicates, best first.
func (x *Index) Matches(in Candidate, minScore int) []Match {
	seen := map[int]bool{}
	var pool []Candidate
	for _, k := range keysOf(in) {
		for _, i := range x.by[k] {
			if !seen[i] {
				seen[i] = true
				pool = append(pool, x.items[i])
			}
		}
	}
	return FindMatches(in, pool, minScore)
}

// Add files one more candidate (a person created during the same import,
// so that two rows for the same officer are caught too).
func (x *Index) Add(c Candidate) {
	i := len(x.items)
	x.items = append(x.items, c)
	for _, k := range keysOf(c) {
		x.by[k] = append(x.by[k], i)
	}
}
