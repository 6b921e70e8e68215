package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/report/reporttest"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// walkedMarks is the report's count per participation the old way,
// walking every mark: the marks at live sessions of the period's counted
// trainings that are held on the report's day (its day has passed, or it
// is that day and somebody is marked there), for live registrations with
// at least one present or late mark there.
const walkedMarks = `WITH cand AS (
  SELECT t.id FROM trainings t
  WHERE t.project_id = ? AND t.status NOT IN ('draft', 'cancelled') AND t.starts_on <= ? AND t.ends_on >= ?
), sit AS (
  SELECT si.id FROM cand JOIN sittings si ON si.training_id = cand.id
  WHERE si.deleted_at IS NULL AND (si.date < ? OR (si.date = ? AND EXISTS (SELECT 1 FROM attendance a WHERE a.sitting_id = si.id)))
)
SELECT r.id, SUM(CASE WHEN a.status = 'present' THEN 1 ELSE 0 END), SUM(CASE WHEN a.status = 'late' THEN 1 ELSE 0 END),
  SUM(CASE WHEN a.status = 'absent' THEN 1 ELSE 0 END), SUM(CASE WHEN a.status = 'excused' THEN 1 ELSE 0 END)
FROM cand JOIN registrations r ON r.training_id = cand.id JOIN attendance a ON a.registration_id = r.id
  JOIN sit ON sit.id = a.sitting_id
WHERE r.status <> 'withdrawn'
GROUP BY r.id
HAVING SUM(CASE WHEN a.status IN ('present', 'late') THEN 1 ELSE 0 END) > 0`

// freshTotals sums every registration's marks at live sessions anew.
const freshTotals = `SELECT a.registration_id, SUM(CASE WHEN a.status = 'present' THEN 1 ELSE 0 END),
  SUM(CASE WHEN a.status = 'late' THEN 1 ELSE 0 END), SUM(CASE WHEN a.status = 'absent' THEN 1 ELSE 0 END),
  SUM(CASE WHEN a.status = 'excused' THEN 1 ELSE 0 END), MAX(si.date)
FROM attendance a JOIN sittings si ON si.id = a.sitting_id AND si.deleted_at IS NULL
GROUP BY a.registration_id`

const keptTotals = `SELECT registration_id, present, late, absent, excused, last_on FROM attendance_totals`

// TestAttendanceTotals_EqualTheMarks makes random writes of every kind
// that changes what the report counts (marks set, changed, replayed in
// batches, deleted, moved to another registration; sessions removed,
// restored and moved; registrations withdrawn and back; all marks of a
// registration erased) and after each checks that the kept sums equal the
// marks summed anew, and that the report's per-participation counts equal
// the mark-walking count, as of the fixture's day (read from the sums)
// and as of earlier days (when some marks are after the day).
func TestAttendanceTotals_EqualTheMarks(t *testing.T) {
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		fx, err := reporttest.Seed(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		minReg, maxReg := idRange(t, s, "registrations")
		minSit, maxSit := idRange(t, s, "sittings")
		rng := rand.New(rand.NewPCG(11, 17))
		pick := func(lo, hi int64) int64 { return lo + rng.Int64N(hi-lo+1) }
		statuses := []string{"present", "late", "absent", "excused"}
		days := []string{"2023-01-16", "2023-01-18", "2023-05-09", "2023-05-10", "2026-03-10", "2026-11-27", "2026-12-20"}
		asOf := []model.Date{reporttest.Today, model.MustDate("2023-01-17"), model.MustDate("2023-05-10"), model.MustDate("2026-03-11")}
		check := func(step string) {
			t.Helper()
			if n := symmetricDiff(t, s, keptTotals, nil, freshTotals, nil); n != 0 {
				t.Fatalf("after %s: %d rows of attendance_totals differ from the marks summed anew", step, n)
			}
			for _, day := range asOf {
				f := model.ReportFilter{ProjectID: fx.ProjectID, From: model.MustDate("2020-01-01"), To: model.MustDate("2027-12-31"), AsOf: day}
				st := store.ReportMarksStatement(f)
				walked := []any{f.ProjectID, f.To, f.From, day, day}
				if n := symmetricDiff(t, s, st.SQL, st.Args, walkedMarks, walked); n != 0 {
					t.Fatalf("after %s, as of %s: %d participations counted differently from the marks", step, day, n)
				}
			}
		}
		check("seeding")
		counted := countRows(t, s, store.ReportMarksStatement(model.ReportFilter{ProjectID: fx.ProjectID,
			From: model.MustDate("2020-01-01"), To: model.MustDate("2027-12-31"), AsOf: reporttest.Today}))
		if counted == 0 {
			t.Fatal("the fixture has no participation counted: the comparison would prove nothing")
		}
		writes := []func() (string, string, []any){
			func() (string, string, []any) {
				return "a mark set", `INSERT INTO attendance (registration_id, sitting_id, status, recorded_at)
SELECT r.id, si.id, ?, CURRENT_TIMESTAMP FROM registrations r JOIN sittings si ON si.training_id = r.training_id
WHERE r.id = ? AND si.id = ? ON CONFLICT (registration_id, sitting_id) DO UPDATE SET status = excluded.status`,
					[]any{statuses[rng.IntN(4)], pick(minReg, maxReg), pick(minSit, maxSit)}
			},
			func() (string, string, []any) {
				reg := pick(minReg, maxReg)
				return "a batch replayed", `INSERT INTO attendance (registration_id, sitting_id, status, recorded_at)
SELECT r.id, si.id, CASE WHEN si.id % 3 = ? THEN 'late' ELSE 'present' END, CURRENT_TIMESTAMP
FROM registrations r JOIN sittings si ON si.training_id = r.training_id
WHERE r.id IN (?, ?, ?) ON CONFLICT (registration_id, sitting_id) DO UPDATE SET status = excluded.status`,
					[]any{rng.IntN(3), reg, reg + 1, reg + 2}
			},
			func() (string, string, []any) {
				return "a mark deleted", "DELETE FROM attendance WHERE registration_id = ? AND sitting_id IN (SELECT MIN(sitting_id) FROM attendance WHERE registration_id = ?)",
					[]any{pick(minReg, maxReg), 0}
			},
			func() (string, string, []any) {
				reg := pick(minReg, maxReg)
				return "a mark moved to another registration", `UPDATE attendance SET registration_id = ?
WHERE id IN (SELECT MIN(a.id) FROM attendance a JOIN registrations r ON r.id = a.registration_id
  JOIN registrations o ON o.training_id = r.training_id AND o.id = ?
  WHERE a.registration_id <> ? AND NOT EXISTS (SELECT 1 FROM attendance b WHERE b.registration_id = ? AND b.sitting_id = a.sitting_id))`,
					[]any{reg, reg, reg, reg}
			},
			func() (string, string, []any) {
				return "a session removed or restored", "UPDATE sittings SET deleted_at = CASE WHEN deleted_at IS NULL THEN CURRENT_TIMESTAMP ELSE NULL END WHERE id = ?",
					[]any{pick(minSit, maxSit)}
			},
			func() (string, string, []any) {
				return "a session moved", "UPDATE sittings SET date = ? WHERE id = ?", []any{days[rng.IntN(len(days))], pick(minSit, maxSit)}
			},
			func() (string, string, []any) {
				return "a registration withdrawn or back", "UPDATE registrations SET status = CASE WHEN status = 'withdrawn' THEN 'confirmed' ELSE 'withdrawn' END WHERE id = ?",
					[]any{pick(minReg, maxReg)}
			},
			func() (string, string, []any) {
				return "a registration's marks erased", "DELETE FROM attendance WHERE registration_id = ?", []any{pick(minReg, maxReg)}
			},
		}
		for i := 0; i < 60; i++ {
			name, q, args := writes[rng.IntN(len(writes))]()
			if name == "a mark deleted" {
				args[1] = args[0]
			}
			if err := s.Exec(ctx, q, args...); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			check(fmt.Sprintf("write %d (%s)", i, name))
		}
	})
}

// TestMigrate_AttendanceTotalsBackfill: a database that had marks before
// the sums were kept gets them summed by the migration, on the whole
// fixture (merged persons, withdrawn registrations, a removed session).
func TestMigrate_AttendanceTotalsBackfill(t *testing.T) {
	ctx := context.Background()
	run := func(t *testing.T, s *store.Store) {
		if _, err := s.MigrateTo(ctx, 16); err != nil {
			t.Fatal(err)
		}
		if _, err := reporttest.Seed(ctx, s); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		if n := s.MustCount(ctx, "attendance_totals"); n < 10 {
			t.Fatalf("%d rows summed, want one per registration with marks", n)
		}
		if n := symmetricDiff(t, s, keptTotals, nil, freshTotals, nil); n != 0 {
			t.Fatalf("%d rows of attendance_totals differ from the marks summed anew", n)
		}
	}
	t.Run("sqlite", func(t *testing.T) {
		run(t, storetest.OpenSQLite(t, filepath.Join(t.TempDir(), "old.db"), store.Options{}))
	})
	t.Run("postgres", func(t *testing.T) {
		s, err := store.Open(ctx, storetest.PostgresDSN(t), store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		run(t, s)
	})
}

// idRange returns the lowest and highest id of table.
func idRange(t *testing.T, s *store.Store, table string) (int64, int64) {
	t.Helper()
	lo, err1 := strconv.ParseInt(s.MustString(context.Background(), "SELECT CAST(MIN(id) AS TEXT) FROM "+table), 10, 64)
	hi, err2 := strconv.ParseInt(s.MustString(context.Background(), "SELECT CAST(MAX(id) AS TEXT) FROM "+table), 10, 64)
	if err1 != nil || err2 != nil {
		t.Fatalf("ids of %s: %v %v", table, err1, err2)
	}
	return lo, hi
}

// symmetricDiff counts the rows one query returns and the other does not.
func symmetricDiff(t *testing.T, s *store.Store, a string, aArgs []any, b string, bArgs []any) int {
	t.Helper()
	q := "SELECT CAST(COUNT(*) AS TEXT) FROM (SELECT * FROM (" + a + ") x EXCEPT SELECT * FROM (" + b + ") y) d1"
	q2 := "SELECT CAST(COUNT(*) AS TEXT) FROM (SELECT * FROM (" + b + ") y EXCEPT SELECT * FROM (" + a + ") x) d2"
	n1, err1 := strconv.Atoi(s.MustString(context.Background(), q, append(append([]any{}, aArgs...), bArgs...)...))
	n2, err2 := strconv.Atoi(s.MustString(context.Background(), q2, append(append([]any{}, bArgs...), aArgs...)...))
	if err1 != nil || err2 != nil {
		t.Fatalf("comparing: %v %v", err1, err2)
	}
	return n1 + n2
}

// countRows counts the rows a statement returns.
func countRows(t *testing.T, s *store.Store, st store.Statement) int {
	t.Helper()
	n, err := strconv.Atoi(s.MustString(context.Background(), "SELECT CAST(COUNT(*) AS TEXT) FROM ("+st.SQL+") x", st.Args...))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestAttendanceTotals_ConcurrentWriters: on PostgreSQL two transactions
// mark the same registration at two sessions at once; the second waits
// for the first's lock on the registration's sums and then sums both
// marks, so neither change is lost. (SQLite has one writer at a time.)
func TestAttendanceTotals_ConcurrentWriters(t *testing.T) {
	storetest.SkipInSecondPass(t)
	s := storetest.Postgres(t, store.Options{})
	ctx := context.Background()
	if _, err := reporttest.Seed(ctx, s); err != nil {
		t.Fatal(err)
	}
	one := func(q string) int64 {
		t.Helper()
		n, err := strconv.ParseInt(s.MustString(ctx, q), 10, 64)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return n
	}
	reg := one("SELECT CAST(MIN(r.id) AS TEXT) FROM registrations r WHERE (SELECT COUNT(*) FROM sittings si WHERE si.training_id = r.training_id AND si.deleted_at IS NULL) >= 2")
	first := one(fmt.Sprintf("SELECT CAST(MIN(si.id) AS TEXT) FROM sittings si JOIN registrations r ON r.training_id = si.training_id WHERE r.id = %d AND si.deleted_at IS NULL", reg))
	second := one(fmt.Sprintf("SELECT CAST(MAX(si.id) AS TEXT) FROM sittings si JOIN registrations r ON r.training_id = si.training_id WHERE r.id = %d AND si.deleted_at IS NULL", reg))
	if err := s.Exec(ctx, "DELETE FROM attendance WHERE registration_id = ?", reg); err != nil {
		t.Fatal(err)
	}
	mark := func(ctx context.Context, sitting int64) error {
		return s.Exec(ctx, "INSERT INTO attendance (registration_id, sitting_id, status, recorded_at) VALUES (?, ?, 'present', CURRENT_TIMESTAMP)", reg, sitting)
	}
	inserted, done := make(chan struct{}), make(chan error, 1)
	go func() {
		<-inserted
		done <- s.Tx(ctx, func(ctx context.Context) error { return mark(ctx, second) })
	}()
	err := s.Tx(ctx, func(ctx context.Context) error {
		if err := mark(ctx, first); err != nil {
			return err
		}
		close(inserted)
		// Let the other transaction reach its insert while this one is open.
		time.Sleep(300 * time.Millisecond)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got := one(fmt.Sprintf("SELECT CAST(present AS TEXT) FROM attendance_totals WHERE registration_id = %d", reg)); got != 2 {
		t.Errorf("the sums hold %d present marks, want 2 (one per transaction); marks %s, sittings %d %d", got,
			s.MustString(ctx, fmt.Sprintf("SELECT CAST(COUNT(*) AS TEXT) FROM attendance WHERE registration_id = %d", reg)), first, second)
	}
	if n := symmetricDiff(t, s, keptTotals, nil, freshTotals, nil); n != 0 {
		t.Fatalf("%d rows of attendance_totals differ from the marks summed anew", n)
	}
}
