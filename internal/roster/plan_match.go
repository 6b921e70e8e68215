package roster

import (
	"cmp"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/traindesk/traindesk/internal/roster/nomination"
)

// planMatches returns the likely duplicates of each row of a list, best
// first: registry persons, and earlier rows of the same list (with the
// negative of their line as id), so that an officer listed twice is
// caught too. The registry is searched for all rows at once on every
// core, since it is only read; the earlier rows are then searched row by
// row, since each row adds itself for the rows after it.
func planMatches(rows []nomination.Row, registry *Index) [][]Match {
	n := len(rows)
	profiles := make([]*profile, n)
	keys := make([][]string, n)
	found := make([][]Match, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				p := newProfile(rowCandidate(rows[i]))
				profiles[i], keys[i] = &p, keysOf(&p)
				found[i] = registry.matches(&p, keys[i], DefaultMinScore)
			}
		})
	}
	wg.Wait()
	earlier := &Index{by: map[string][]int32{}}
	for i, r := range rows {
		if same := earlier.matches(profiles[i], keys[i], DefaultMinScore); len(same) > 0 {
			found[i] = append(found[i], same...)
			slices.SortStableFunc(found[i], func(x, y Match) int {
				if x.Score != y.Score {
					return cmp.Compare(y.Score, x.Score)
				}
				return cmp.Compare(x.Candidate.ID, y.Candidate.ID)
			})
		}
		if r.OK() {
			profiles[i].c.ID = -int64(r.Line)
			earlier.add(profiles[i], keys[i])
		}
	}
	return found
}

// rowCandidate is what matching compares of a list's row.
func rowCandidate(r nomination.Row) Candidate {
	return Candidate{NameLatin: r.NameLatin, NameArabic: r.NameArabic, Phone: r.Phone, Email: r.Email,
		NationalRef: r.NationalRef, BirthYear: r.BirthYear, Sex: string(r.Sex)}
}
