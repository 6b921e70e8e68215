package footprint

import (
	"encoding/json"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// kept is written before Trim: the writable data must survive it.
var kept = map[string]int{}

// TestTrim: on Linux, Trim unmaps the program's code and read-only data
// and the program goes on running, its writable data intact.
func TestTrim(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("code is released on Linux only")
	}
	kept["before"] = 42
	before := codeRSS(t)
	r, err := Trim()
	if err != nil {
		t.Fatal(err)
	}
	if r.CodeBytes == 0 {
		t.Fatal("no code was released")
	}
	// How much comes back at once depends on the kernel's page cache
	// (large folios are mapped whole), so it is shown, not judged.
	t.Logf("code resident: %d bytes before, %d after releasing %d", before, codeRSS(t), r.CodeBytes)
	// Code not run since comes back from the file.
	b, err := json.Marshal(map[string]any{"kept": kept["before"], "n": []int{1, 2, 3}})
	if err != nil || string(b) != `{"kept":42,"n":[1,2,3]}` {
		t.Fatalf("after Trim: %s, %v", b, err)
	}
	runtime.GC()
}

// codeRSS sums the resident bytes of the executable's read-only mappings.
func codeRSS(t *testing.T) int64 {
	maps, err := ownMappings()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	var total int64
	counting := false
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) >= 5 && strings.Contains(f[0], "-") {
			counting = false
			for _, m := range maps {
				lo, _ := strconv.ParseUint(strings.SplitN(f[0], "-", 2)[0], 16, 64)
				if uintptr(lo) == m.lo && (m.perms == "r-xp" || m.perms == "r--p") && f[1] == m.perms {
					counting = true
				}
			}
		} else if counting && len(f) == 3 && f[0] == "Rss:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			total += kb * 1024
		}
	}
	return total
}
