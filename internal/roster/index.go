package roster

import (
	"sync"

	"github.com/traindesk/traindesk/internal/model"
)

// Index finds likely duplicates among many persons quickly: it files every
// person under their phone, email, reference and name keys, so that a new
// name is scored only against the persons who share at least one of them,
// not against the whole registry. Each person is put in comparison form
// once, when filed. An Index may be searched by many goroutines at once,
// and changed between searches.
type Index struct {
	mu    sync.RWMutex
	items []*profile
	by    map[string][]int32
	byID  map[int64]int32 // the entry of each person with an id
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
	x := &Index{items: make([]*profile, 0, len(pool)), by: make(map[string][]int32, len(pool)*8),
		byID: make(map[int64]int32, len(pool))}
	for _, c := range pool {
		p := newProfile(c)
		x.add(&p, keysOf(&p))
	}
	return x
}

// Add files one more candidate, in place of the one filed with the same
// non-zero id if any (a person edited since).
func (x *Index) Add(c Candidate) {
	p := newProfile(c)
	keys := keysOf(&p)
	x.mu.Lock()
	defer x.mu.Unlock()
	x.drop(c.ID)
	x.add(&p, keys)
}

// Remove forgets the candidate filed with id (a person merged into
// another).
func (x *Index) Remove(id int64) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.drop(id)
}

// drop marks the entry of id gone; its keys stay filed, and searches skip
// it.
func (x *Index) drop(id int64) {
	if i, ok := x.byID[id]; ok && id != 0 {
		x.items[i] = nil
		delete(x.byID, id)
	}
}

func (x *Index) add(p *profile, keys []string) {
	i := int32(len(x.items))
	x.items = append(x.items, p)
	if p.c.ID != 0 {
		if x.byID == nil {
			x.byID = map[int64]int32{}
		}
		x.byID[p.c.ID] = i
	}
	for _, k := range keys {
		x.by[k] = append(x.by[k], i)
	}
}

// Matches returns the filed persons that are likely duplicates of in, best
// first.
func (x *Index) Matches(in Candidate, minScore int) []Match {
	p := newProfile(in)
	return x.matches(&p, keysOf(&p), minScore)
}

// matches is Matches for a candidate in comparison form, with its keys.
func (x *Index) matches(p *profile, keys []string, minScore int) []Match {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return findMatches(p, x.candidates(keys, nil), minScore)
}

// candidates appends to pool the persons filed in x under any of keys,
// each once.
func (x *Index) candidates(keys []string, pool []*profile) []*profile {
	seen := map[int32]bool{}
	for _, k := range keys {
		for _, i := range x.by[k] {
			if !seen[i] && x.items[i] != nil {
				seen[i] = true
				pool = append(pool, x.items[i])
			}
		}
	}
	return pool
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
	for _, ws := range [][]*nameWord{p.latinWords, p.arabicWords} {
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
