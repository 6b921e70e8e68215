package proctest

import (
	"math/rand/v2"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// CrashOptions say how often the crash test kills the server.
type CrashOptions struct {
	Kills   int // SIGKILLs, each followed by the checks and a restart
	Tablets int // roll-call tablets writing at once (8 when 0)
	Seed    uint64
}

// Figures are what a crash test counted.
type Figures struct {
	Kills       int // kills survived: checked, restarted, serving
	AckedOps    int // operations the server answered before its last kill, all found after it
	Unanswered  int // operations applied whose answer a kill cut off, over all kills (applied once when sent again)
	Taken       int // operations the tablets took in all
	Enrolled    int // registrations acknowledged, all found
	Lists       int // nomination lists sent
	Confirmed   int // nomination lists whose confirmation was acknowledged, all whole
	Merges      int // merges acknowledged, all whole
	HistoryRows int64
}

// Crash runs the real server on a SQLite file under write load — marks
// from tablets through the sync endpoint, registrations, nomination lists
// and merges by a program officer — and kills it with SIGKILL at random
// moments, opt.Kills times. After each kill it checks the database
// against what the server had acknowledged (see checkDatabase), restarts
// the server and finds it serving. At the end the tablets send what still
// waits on them, then everything they ever took once more: each
// operation is applied once, and the second sending changes nothing.
func Crash(t *testing.T, opt CrashOptions) Figures {
	if opt.Tablets == 0 {
		opt.Tablets = 8
	}
	if opt.Seed == 0 {
		opt.Seed = uint64(time.Now().UnixNano())
	}
	t.Logf("kill moments drawn from seed %d", opt.Seed)
	rng := rand.New(rand.NewPCG(opt.Seed, 0))
	dir := t.TempDir()
	db := filepath.Join(dir, "traindesk.db")
	course := Seed(t, db, 2*opt.Kills+4)
	srv := Start(t, map[string]string{"TRAINDESK_DB": db, "TRAINDESK_SESSION_KEY": strings.Repeat("5e", 32), "TRAINDESK_DATA_DIR": dir})
	l := newLoad(t, srv.URL(), course, opt.Tablets)
	l.start()
	var f Figures
	for range opt.Kills {
		// The writers get going again (the tablets and the office both),
		// then the kill comes at any moment.
		if !l.waitAcked(3*opt.Tablets, 1, time.Minute) {
			l.halt()
			t.Fatalf("the server acknowledged nothing for a minute\n%s", srv.Log())
		}
		time.Sleep(time.Duration(rng.IntN(800)) * time.Millisecond)
		srv.Kill()
		got := checkDatabase(t, db, l.snapshot())
		f.Unanswered += got.unanswer
		if t.Failed() {
			l.halt()
			t.FailNow()
		}
		srv.Restart()
		if res, err := l.officer.Get("/"); err != nil || res.Status != http.StatusOK {
			l.halt()
			t.Fatalf("the restarted server does not serve the officer's dashboard: %d, %v", res.Status, err)
		}
		f.Kills++
	}
	l.waitAcked(3*opt.Tablets, 1, time.Minute)
	l.halt()
	f.AckedOps = len(l.snapshot().ops)
	settle(t, l, srv, db, &f)
	return f
}

// waitAcked waits up to d until the server has answered ops more
// operations and acknowledged office more office rounds.
func (l *load) waitAcked(ops, office int, d time.Duration) bool {
	ops0, office0 := l.progress()
	for deadline := time.Now().Add(d); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if o, f := l.progress(); o >= ops0+ops && f >= office0+office {
			return true
		}
	}
	return false
}

// settle has the tablets send what waits on them, checks the database
// with the server stopped, then has them send every operation they took
// once more and checks that it changed nothing and that every replay got
// the answer the operation got the first time.
func settle(t *testing.T, l *load, srv *Server, db string, f *Figures) {
	for _, tb := range l.tablets {
		res, err := tb.Drain()
		if err != nil {
			t.Fatalf("%s sends what waits: %v", tb.Device, err)
		}
		l.answer(tb.Device, res)
	}
	srv.Stop()
	s := l.snapshot()
	before := checkDatabase(t, db, s)
	if before.taken != len(s.taken) {
		t.Fatalf("%d of the %d operations taken are in the database once every tablet has sent them", before.taken, len(s.taken))
	}
	srv.Restart()
	for _, tb := range l.tablets {
		for i := 0; i < len(tb.Taken); i += batchSize {
			ops := tb.Taken[i:min(i+batchSize, len(tb.Taken))]
			res, err := Sync(tb.C, tb.Device, ops)
			if err != nil {
				t.Fatalf("%s sends everything again: %v", tb.Device, err)
			}
			l.answer(tb.Device, res)
		}
	}
	srv.Stop()
	after := checkDatabase(t, db, l.snapshot())
	if after.history != before.history || after.syncOps != before.syncOps {
		t.Errorf("sending every operation again added %d history lines and %d operations",
			after.history-before.history, after.syncOps-before.syncOps)
	}
	f.Taken, f.HistoryRows = len(s.taken), after.history
	f.Enrolled, f.Confirmed, f.Merges, f.Lists = after.enrolled, after.confirmed, after.merges, len(s.lists)
}
