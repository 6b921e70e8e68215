package roster_test

import (
	"os"
	"testing"

	"github.com/traindesk/traindesk/internal/roster"
	"github.com/traindesk/traindesk/internal/roster/namepairs"
)

// TestDuplicateCheck_LabelledPairs measures the registry's duplicate check
// on the labelled set (internal/roster/namepairs) through the path the
// person form and the import take: the index picks candidates, Score
// scores them, and DefaultMinScore decides. It prints recall and precision
// and the worst errors, and fails below 0.95 for either.
func TestDuplicateCheck_LabelledPairs(t *testing.T) {
	pairs, err := namepairs.Load()
	if err != nil {
		t.Fatal(err)
	}
	res := namepairs.Evaluate(pairs, roster.DefaultMinScore)
	res.Print(os.Stdout, 10)
	if res.Recall() < 0.95 || res.Precision() < 0.95 {
		t.Errorf("recall %.3f, precision %.3f at score %d: want at least 0.95 each", res.Recall(), res.Precision(), roster.DefaultMinScore)
	}
}

// TestIndex_FindsWhatTheScorerAccepts is the property that the candidate
// step hides nothing: every labelled pair (asked either way round) that
// Score puts at or above the threshold is offered by the index.
func TestIndex_FindsWhatTheScorerAccepts(t *testing.T) {
	pairs, err := namepairs.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range namepairs.CandidateGaps(pairs, roster.DefaultMinScore) {
		a, _ := roster.Score(roster.CandidateOf(p.A.Person(0)), roster.CandidateOf(p.B.Person(0)))
		t.Errorf("pair %d (%s, score %d) is not offered by the index:\n  A %s\n  B %s", p.ID, p.Kind, a, p.A, p.B)
	}
}
