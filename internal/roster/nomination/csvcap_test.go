package nomination

import (
	"encoding/csv"
	"errors"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// readAll reads every record of text, through the column cap or not.
func readAll(text string, sep rune, capped bool) ([][]string, error) {
	var src io.Reader = strings.NewReader(text)
	if capped {
		src = newColumnCap(src, sep)
	}
	r := csv.NewReader(src)
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = sep, true, -1
	var out [][]string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, rec)
	}
}

// csvPieces and rarePieces are what random cells are made of.
var (
	csvPieces  = []string{"a", " ", "b", ",", ";", "م"}
	rarePieces = []string{`"`, `""`, "\r", "\n", "\r\n"}
)

// randomCSV writes records of around maxColumns fields from the bytes that
// matter to the reader: separators, quotes, line ends, blanks and letters.
func randomCSV(rng *rand.Rand, sep byte) string {
	var b strings.Builder
	for range 1 + rng.IntN(3) {
		fields := maxColumns - 20 + rng.IntN(60)
		for f := range fields {
			if f > 0 {
				b.WriteByte(sep)
			}
			for range rng.IntN(3) {
				if rng.IntN(40) == 0 { // quotes and line ends are rare, or records would be short
					b.WriteString(rarePieces[rng.IntN(len(rarePieces))])
				} else {
					b.WriteString(csvPieces[rng.IntN(len(csvPieces))])
				}
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestColumnCap_AgreesWithTheReader: on thousands of random files, the cap
// passes on exactly what encoding/csv reads whenever every record stays
// within maxColumns filled columns, and refuses a file only when a record
// does have content past it (or more than maxFields fields): it follows the
// reader's quoting, so it never miscounts a quoted separator or line end.
func TestColumnCap_AgreesWithTheReader(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 2023))
	refused, passed := 0, 0
	for i := range 3000 {
		sep := ",;\t"[i%3]
		text := randomCSV(rng, sep)
		plain, perr := readAll(text, rune(sep), false)
		capped, cerr := readAll(text, rune(sep), true)
		over := slices.ContainsFunc(plain, func(rec []string) bool {
			return len(rec) > maxFields || width(trimmed(rec)) > maxColumns
		})
		var e *Error
		switch {
		case errors.As(cerr, &e):
			refused++
			if e.Key != keyTooManyColumns || !over {
				t.Fatalf("case %d: refused (%v) a file whose records fit:\n%q", i, cerr, text)
			}
		case cerr != nil || perr != nil:
			t.Fatalf("case %d: errors %v and %v", i, cerr, perr)
		default:
			passed++
			if over || !slices.EqualFunc(plain, capped, slices.Equal[[]string]) {
				t.Fatalf("case %d: the cap let through a record too wide, or changed the records", i)
			}
		}
	}
	t.Logf("%d refused, %d passed", refused, passed)
	if refused < 100 || passed < 100 {
		t.Errorf("%d refused and %d passed: the cases do not test both sides", refused, passed)
	}
}

// trimmed cleans each cell as the table builder does.
func trimmed(rec []string) []string {
	out := make([]string, len(rec))
	for i, c := range rec {
		out[i] = strings.Trim(c, " \r\n\"")
	}
	return out
}
