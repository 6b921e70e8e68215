package namepairs

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster"
)

// Outcome is what the duplicate check made of one pair.
type Outcome struct {
	Pair    Pair
	Offered bool     // the check offered B when asked about A
	Score   int      // roster.Score of the pair
	Reasons []string // its reasons
}

// Result is the duplicate check measured on a set at one threshold.
type Result struct {
	Threshold      int
	TP, FP, FN, TN int
	Outcomes       []Outcome
}

// Recall is the share of same-person pairs that the check offered.
func (r Result) Recall() float64 { return ratio(r.TP, r.TP+r.FN) }

// Precision is the share of offered pairs that are one person.
func (r Result) Precision() float64 { return ratio(r.TP, r.TP+r.FP) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Person turns a record into the registry's person, so that the check sees
// exactly what it would see from a form or a list.
func (r Record) Person(id int64) model.Person {
	p := model.Person{ID: id, NameLatin: r.Latin, NameArabic: r.Arabic, Sex: model.Sex(r.Sex), Phone: r.Phone,
		Email: r.Email, NationalRef: r.NationalID}
	if r.BirthYear != 0 {
		y := r.BirthYear
		p.BirthYear = &y
	}
	return p
}

// Evaluate runs the registry's duplicate check on every pair, the way the
// application runs it: every B record is filed in one roster.Index (the
// registry), and each A record asks the index for its matches at
// threshold; the pair counts as offered when its B is among them.
func Evaluate(pairs []Pair, threshold int) Result {
	pool := make([]roster.Candidate, len(pairs))
	for i, p := range pairs {
		pool[i] = roster.CandidateOf(p.B.Person(int64(p.ID)))
	}
	x := roster.NewIndex(pool)
	res := Result{Threshold: threshold}
	for i, p := range pairs {
		a := roster.CandidateOf(p.A.Person(0))
		o := Outcome{Pair: p}
		for _, m := range x.Matches(a, threshold) {
			o.Offered = o.Offered || m.Candidate.ID == int64(p.ID)
		}
		o.Score, o.Reasons = roster.Score(a, pool[i])
		switch {
		case p.Same && o.Offered:
			res.TP++
		case p.Same:
			res.FN++
		case o.Offered:
			res.FP++
		default:
			res.TN++
		}
		res.Outcomes = append(res.Outcomes, o)
	}
	return res
}

// Misses are the same-person pairs not offered, lowest score first.
func (r Result) Misses() []Outcome {
	return r.pick(func(o Outcome) bool { return o.Pair.Same && !o.Offered }, 1)
}

// FalseMatches are the different-person pairs offered, highest score first.
func (r Result) FalseMatches() []Outcome {
	return r.pick(func(o Outcome) bool { return !o.Pair.Same && o.Offered }, -1)
}

func (r Result) pick(keep func(Outcome) bool, order int) []Outcome {
	var out []Outcome
	for _, o := range r.Outcomes {
		if keep(o) {
			out = append(out, o)
		}
	}
	slices.SortStableFunc(out, func(a, b Outcome) int { return order * cmp.Compare(a.Score, b.Score) })
	return out
}

// Print writes the figures, the errors by kind, and the first n misses and
// false matches.
func (r Result) Print(w io.Writer, n int) {
	fmt.Fprintf(w, "duplicate check at score %d on %d labelled pairs: recall %.3f, precision %.3f (TP %d, FP %d, FN %d, TN %d)\n",
		r.Threshold, len(r.Outcomes), r.Recall(), r.Precision(), r.TP, r.FP, r.FN, r.TN)
	byKind := map[string][2]int{}
	var kinds []string
	for _, o := range r.Outcomes {
		c, seen := byKind[o.Pair.Kind]
		if !seen {
			kinds = append(kinds, o.Pair.Kind)
		}
		c[1]++
		if o.Offered != o.Pair.Same {
			c[0]++
		}
		byKind[o.Pair.Kind] = c
	}
	var errs []string
	for _, k := range kinds {
		if c := byKind[k]; c[0] > 0 {
			errs = append(errs, fmt.Sprintf("%s %d/%d", k, c[0], c[1]))
		}
	}
	fmt.Fprintf(w, "  wrong by kind: %s\n", strings.Join(errs, ", "))
	for _, part := range []struct {
		title string
		list  []Outcome
	}{{"misses (same person, not offered)", r.Misses()}, {"false matches (different persons, offered)", r.FalseMatches()}} {
		fmt.Fprintf(w, "  %s: %d\n", part.title, len(part.list))
		for _, o := range part.list[:min(n, len(part.list))] {
			fmt.Fprintf(w, "    #%d %s score %d %v\n      A %s\n      B %s\n", o.Pair.ID, o.Pair.Kind, o.Score, o.Reasons, o.Pair.A, o.Pair.B)
		}
	}
}

// String shows a record on one line.
func (r Record) String() string {
	var parts []string
	for _, s := range []string{r.Latin, r.Arabic, r.Sex, yearText(r.BirthYear), r.Phone, r.Email, r.NationalID} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " · ")
}

func yearText(y int) string {
	if y == 0 {
		return ""
	}
	return fmt.Sprint(y)
}

// CandidateGaps lists the pairs that roster.Score puts at or above
// threshold but that the index does not offer, asked either way round: the
// candidate step must never hide what the scorer would accept.
func CandidateGaps(pairs []Pair, threshold int) []Pair {
	var gaps []Pair
	for _, flip := range []bool{false, true} {
		side := func(p Pair) (Record, Record) {
			if flip {
				return p.B, p.A
			}
			return p.A, p.B
		}
		pool := make([]roster.Candidate, len(pairs))
		for i, p := range pairs {
			_, b := side(p)
			pool[i] = roster.CandidateOf(b.Person(int64(p.ID)))
		}
		x := roster.NewIndex(pool)
		for i, p := range pairs {
			a, _ := side(p)
			ca := roster.CandidateOf(a.Person(0))
			if s, _ := roster.Score(ca, pool[i]); s < threshold {
				continue
			}
			found := false
			for _, m := range x.Matches(ca, threshold) {
				found = found || m.Candidate.ID == int64(p.ID)
			}
			if !found {
				gaps = append(gaps, p)
			}
		}
	}
	return gaps
}
