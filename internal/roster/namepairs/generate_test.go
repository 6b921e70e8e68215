package namepairs

import (
	"bytes"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/pairs.csv from Generate")

// TestPairsFileUpToDate keeps the committed set equal to what the
// generator makes, so that the file and the program that documents it
// cannot drift apart.
func TestPairsFileUpToDate(t *testing.T) {
	got := Encode(Generate())
	if *update {
		if err := os.WriteFile("testdata/pairs.csv", got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(got, pairsCSV) {
		t.Fatal("testdata/pairs.csv is not what Generate makes; run this test with -update and review the diff")
	}
	pairs, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	same := 0
	for _, p := range pairs {
		if p.Same {
			same++
		}
	}
	if len(pairs) < 1000 || same < 400 || len(pairs)-same < 400 {
		t.Errorf("%d pairs, %d same: want at least 1,000, 400 of each label", len(pairs), same)
	}
}
