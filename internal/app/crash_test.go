package app_test

import (
	"testing"

	"github.com/traindesk/traindesk/internal/proctest"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// TestCrash_KillUnderLoad runs the real server as a child process on a
// SQLite file while 8 tablets send marks and a program officer registers
// people, imports nomination lists and merges duplicates, and SIGKILLs it
// at random moments three times (`make bench` does it 25 times). After
// each kill the database passes the integrity check and holds every write
// the server acknowledged, with no list or merge half applied; the server
// starts again and serves; at the end the tablets' waiting marks are
// applied once each and sending everything again changes nothing.
func TestCrash_KillUnderLoad(t *testing.T) {
	storetest.SkipInSecondPass(t) // about a SQLite file surviving a kill
	f := proctest.Crash(t, proctest.CrashOptions{Kills: 3})
	t.Logf("%+v", f)
	if f.Kills != 3 || f.AckedOps == 0 || f.Enrolled == 0 {
		t.Errorf("the load wrote too little to prove anything: %+v", f)
	}
}
