package bench_test

import (
	"testing"

	"github.com/traindesk/traindesk/internal/bench"
	"github.com/traindesk/traindesk/internal/proctest"
)

// TestBenchCrash is the long run of the crash test (the app package's
// TestCrash_KillUnderLoad kills three times): the real server on a SQLite
// file, under marks from 8 tablets, registrations, nomination lists and
// merges, SIGKILLed 25 times at random moments, each time checked against
// everything it had acknowledged. It prints what it counted.
func TestBenchCrash(t *testing.T) {
	bench.Case(t)
	kills := bench.N(25, 1)
	f := proctest.Crash(t, proctest.CrashOptions{Kills: kills})
	t.Logf("crash: %d kills survived; %d acknowledged operations all present after the last; %d applied whose answer a kill cut off, each applied once when sent again; %d taken; %d registrations, %d nomination lists sent, %d confirmed whole, %d merges whole; %d history lines",
		f.Kills, f.AckedOps, f.Unanswered, f.Taken, f.Enrolled, f.Lists, f.Confirmed, f.Merges, f.HistoryRows)
	if f.Kills != kills {
		t.Errorf("%d kills survived, want %d", f.Kills, kills)
	}
}
