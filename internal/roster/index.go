package roster

import (
	"github.com/traindesk/traindesk/internal/model"
)

// Index finds likely duplicates among many persons quickly: it files every
// person under their phone, email, reference and name keys, so that a new
// name is scored only against the persons who share at least one of them,
// not against the whole registry. Each person is put in comparison form
// once, when filed.
type Index struct {
	items []*profile
	by    map[string][]int32
}

// CandidateOf is the part of a person that matching compares.
func CandidateOf(p model.Person) Candidate {
	c := Candidate{ID: p.ID, NameLatin: p.NameLatin, NameArabic: p.NameArabic, Phone: p.Phone, Email: p.Email,
		NationalRef: p.NationalRef, Sex: string(p.Sex)}
	if p.BirthYear != nil {
		c.BirthYear = *p.BirthYear
	}
	return c
}

// NewIndex files the candidates.
func NewIndex(pool []Candidate) *Index {
	x := &Index{items: make([]*profile, 0, len(pool)), by: make(map[string][]int32, len(pool)*8)}
	for _, c := range pool {
		x.Add(c)
	}
	return x
}

// Add files one more candidate (a person created during the same import,
// so that two rows for the same officer are caught too).
func (x *Index) Add(c Candidate) {
	p := newProfile(c)
	i := int32(len(x.items))
	x.items = append(x.items, &p)
	for _, k := range keysOf(&p) {
		x.by[k] = append(x.by[k], i)
	}
}

// Matches returns the filed persons that are likely duplicates of in, best
// first.
func (x *Index) Matches(in Candidate, minScore int) []Match {
	p := newProfile(in)
	seen := map[int32]bool{}
	var pool []*profile
	for _, k := range keysOf(&p) {
		for _, i := range x.by[k] {
			if !seen[i] {
				seen[i] = true
				pool = append(pool, x.items[i])
			}
		}
	}
	return findMatches(&p, pool, minScore)
}

// keysOf lists the index keys of a profile: its identifiers, and its names
// under every pair of sound keys of two of their words, in either script.
// A name is offered only when its own name and another word agree (see
// compareNames), so two shared keys are needed; a pair is rare enough that
// a common first name such as Mohamed does not pull in half the registry.
// Every alternative key of a word (the name without its article, the
// other readings of an ambiguous spelling) is paired, so that the index
// finds whatever the scorer would accept.
func keysOf(p *profile) []string {
	var keys []string
	if p.phone != "" {
		keys = append(keys, "p:"+p.phone)
	}
	if p.email != "" {
		keys = append(keys, "e:"+p.email)
	}
	if p.ref != "" {
		keys = append(keys, "r:"+p.ref)
	}
	seen := map[string]bool{}
	for _, ws := range [][]nameWord{p.latinWords, p.arabicWords} {
		for i := 0; i < len(ws); i++ {
			for j := i + 1; j < len(ws); j++ {
				for _, ka := range ws[i].keys {
					for _, kb := range ws[j].keys {
						a, b := ka, kb
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
		}
	}
	return keys
}
