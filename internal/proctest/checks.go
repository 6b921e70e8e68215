package proctest

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/store"
)

// snapshot is what the server had acknowledged when it died, and what the
// tablets still held.
type snapshot struct {
	ops       []string // operations answered
	pending   []string // operations waiting on the tablets (some may be applied, their answer lost)
	taken     []string // every operation the tablets took
	enrol     int64    // the training they were registered on
	enrolled  []int64
	lists     map[int64]int
	confirmed map[int64]bool
	merges    [][2]int64
}

// snapshot copies what the writers recorded.
func (l *load) snapshot() snapshot {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := snapshot{enrol: l.course.Enrol, enrolled: append([]int64(nil), l.enrolled...), merges: append([][2]int64(nil), l.merges...),
		lists: map[int64]int{}, confirmed: map[int64]bool{}}
	for id := range l.answers {
		s.ops = append(s.ops, id)
	}
	for _, tb := range l.tablets {
		for _, op := range tb.Pending {
			s.pending = append(s.pending, op.OpID)
		}
		for _, op := range tb.Taken {
			s.taken = append(s.taken, op.OpID)
		}
	}
	for k, v := range l.lists {
		s.lists[k] = v
	}
	for k, v := range l.confirmed {
		s.confirmed[k] = v
	}
	return s
}

// found is what checkDatabase counted.
type found struct {
	ops       int // acknowledged operations found
	unanswer  int // operations applied whose answer never reached the tablet
	taken     int // operations taken that the database holds
	history   int64
	syncOps   int64
	enrolled  int
	confirmed int
	merges    int
}

// checkDatabase opens the database of a server that is not running and
// checks it against what the server acknowledged: the integrity check
// (SQLite), every acknowledged operation, registration, nomination list
// and merge present, no list or merge half applied, and every applied
// operation recorded once.
func checkDatabase(t testing.TB, dsn string, s snapshot) found {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, dsn, store.Options{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatalf("open the database after the kill: %v", err)
	}
	defer st.Close()
	if st.Dialect() == "sqlite" {
		if got := st.MustString(ctx, "PRAGMA integrity_check"); got != "ok" {
			t.Errorf("integrity check: %s", got)
		}
	}
	var f found
	f.ops = countIn(t, st, "SELECT COUNT(*) FROM sync_ops WHERE op_id IN (%s)", s.ops)
	if f.ops != len(s.ops) {
		t.Errorf("%d of the %d acknowledged operations are missing", len(s.ops)-f.ops, len(s.ops))
	}
	f.unanswer = countIn(t, st, "SELECT COUNT(*) FROM sync_ops WHERE op_id IN (%s)", s.pending)
	f.taken = countIn(t, st, "SELECT COUNT(*) FROM sync_ops WHERE op_id IN (%s)", s.taken)
	f.history, f.syncOps = st.MustCount(ctx, "attendance_history"), st.MustCount(ctx, "sync_ops")
	CheckMarks(t, st)
	f.enrolled = countIn(t, st, fmt.Sprintf("SELECT COUNT(*) FROM registrations WHERE training_id = %d AND person_id IN (%%s)", s.enrol), s.enrolled)
	if f.enrolled != len(s.enrolled) {
		t.Errorf("%d of the %d acknowledged registrations are missing", len(s.enrolled)-f.enrolled, len(s.enrolled))
	}
	for training, rows := range s.lists {
		n := count(t, st, "SELECT COUNT(*) FROM registrations WHERE training_id = ?", training)
		switch {
		case s.confirmed[training] && n != rows:
			t.Errorf("a confirmed nomination list of %d has %d registrations", rows, n)
		case n != 0 && n != rows:
			t.Errorf("a nomination list of %d is half applied: %d registrations", rows, n)
		}
		if s.confirmed[training] {
			f.confirmed++
		}
	}
	CheckMerges(t, st)
	for _, m := range s.merges {
		if count(t, st, "SELECT COUNT(*) FROM persons WHERE id = ? AND merged_into_id = ?", m[0], m[1]) != 1 {
			t.Errorf("the acknowledged merge of %d into %d is not in the database", m[0], m[1])
		} else {
			f.merges++
		}
	}
	return f
}

// CheckMarks finds no operation half recorded: every applied operation
// has exactly one history line, every history line of a tablet's
// operation has its operation, every current mark has its history, and
// no operation is recorded twice.
func CheckMarks(t testing.TB, st *store.Store) {
	t.Helper()
	for what, q := range map[string]string{
		"applied operations without exactly one history line": `SELECT COUNT(*) FROM sync_ops o
WHERE o.result LIKE '%"result":"applied"%' AND (SELECT COUNT(*) FROM attendance_history h WHERE h.op_id = o.op_id) <> 1`,
		"history lines without their operation": `SELECT COUNT(*) FROM attendance_history h
WHERE h.device_id LIKE 'tablet-%' AND NOT EXISTS (SELECT 1 FROM sync_ops o WHERE o.op_id = h.op_id)`,
		"marks without their history": `SELECT COUNT(*) FROM attendance a
WHERE NOT EXISTS (SELECT 1 FROM attendance_history h WHERE h.registration_id = a.registration_id AND h.sitting_id = a.sitting_id AND h.op_id = a.op_id)`,
		"operations recorded twice": `SELECT COUNT(*) FROM (SELECT op_id FROM attendance_history WHERE op_id <> '' GROUP BY op_id HAVING COUNT(*) > 1) d`,
	} {
		if n := count(t, st, q); n != 0 {
			t.Errorf("%s: %d", what, n)
		}
	}
}

// CheckMerges finds every merge whole: a person merged away has its
// merge recorded and no registration left, and every merge not undone has
// its person merged away into its survivor.
func CheckMerges(t testing.TB, st *store.Store) {
	t.Helper()
	for what, q := range map[string]string{
		"persons merged away without their merge, or keeping registrations": `SELECT COUNT(*) FROM persons p
WHERE p.merged_into_id IS NOT NULL AND (NOT EXISTS (SELECT 1 FROM person_merges m WHERE m.merged_id = p.id AND m.survivor_id = p.merged_into_id AND m.undone_at IS NULL)
  OR EXISTS (SELECT 1 FROM registrations r WHERE r.person_id = p.id))`,
		"merges whose person was not merged away": `SELECT COUNT(*) FROM person_merges m
WHERE m.undone_at IS NULL AND NOT EXISTS (SELECT 1 FROM persons p WHERE p.id = m.merged_id AND p.merged_into_id = m.survivor_id)`,
	} {
		if n := count(t, st, q); n != 0 {
			t.Errorf("%s: %d", what, n)
		}
	}
}

// count runs a query that counts.
func count(t testing.TB, st *store.Store, q string, args ...any) int {
	t.Helper()
	v := st.MustString(context.Background(), "SELECT CAST(("+q+") AS TEXT)", args...)
	n, err := strconv.Atoi(v)
	if err != nil {
		t.Fatalf("%s: %q", q, v)
	}
	return n
}

// countIn runs q, whose %s is a list of placeholders, over ids in parts.
func countIn[T any](t testing.TB, st *store.Store, q string, ids []T) int {
	t.Helper()
	n := 0
	for i := 0; i < len(ids); i += 500 {
		part := ids[i:min(i+500, len(ids))]
		args := make([]any, len(part))
		for j, id := range part {
			args[j] = id
		}
		n += count(t, st, fmt.Sprintf(q, "?"+strings.Repeat(", ?", len(part)-1)), args...)
	}
	return n
}
