package nomination

import (
	"runtime"
	"strings"
	"testing"
)

// TestRead_MillionColumns: a CSV whose first line has 1,000,000 columns
// (2 MB) is refused while that line is read, naming the limit, and the
// whole read allocates little more than the file itself: the row is never
// held as a million cells.
func TestRead_MillionColumns(t *testing.T) {
	data := []byte(strings.Repeat("a,", 999_999) + "a\nb,c\n")
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	tab, err := Read("wide.csv", data)
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	if tab != nil {
		t.Fatalf("a table of %d columns", len(tab.Headers))
	}
	wantError(t, err, keyTooManyColumns)
	if e, ok := err.(*Error); !ok || len(e.Args) == 0 || e.Args[0] != maxColumns {
		t.Errorf("the message does not name the limit: %v", err)
	}
	t.Logf("reading a %d-byte line of 1,000,000 columns allocated %.1f MB", len(data), float64(alloc)/(1<<20))
	if limit := uint64(8 << 20); alloc > limit {
		t.Errorf("reading allocated %d bytes, want under %d", alloc, limit)
	}
}
