package bench_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3" // the driver GORM's SQLite dialect registers; named here for database/sql

	"github.com/traindesk/traindesk/internal/bench"
	"github.com/traindesk/traindesk/internal/store"
)

// The report benchmark's data: benchTrainings counted trainings of
// benchSeats participants and benchSessions sessions each (a million
// marks, 100,000 participations), plus a few cancelled ones, drawn from
// benchPersons people so that one person attends about two and a half
// trainings. One person in a hundred is merged into another without their
// registrations moving. Small (`make test`), the same shape holds a
// hundredth of the trainings and persons: 10,000 marks.
const benchVersion = "report-v1"

var (
	benchTrainings = bench.N(4000, 40)
	benchCancelled = bench.N(40, 2)
	benchSeats     = 25
	benchSessions  = 10
	benchPersons   = bench.N(40000, 400)
)

// reportDB returns a SQLite file holding the benchmark's data, seeding it
// once into the temporary folder and reusing it on later runs (the file's
// name carries the data's version and the schema's, see schemaTag). The same data under an older schema is copied and migrated
// rather than seeded again. Small, it seeds a fresh file for the test.
func reportDB(t *testing.T) string {
	t.Helper()
	if bench.Small() {
		path := filepath.Join(t.TempDir(), "report.db")
		seedReportFile(t, path, time.Now())
		return path
	}
	path := filepath.Join(os.TempDir(), fmt.Sprintf("traindesk-bench-%s-%s.db", benchVersion, schemaTag()))
	if _, err := os.Stat(path); err == nil && seeded(path) {
		t.Logf("reusing %s", path)
		return path
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
	start := time.Now()
	if older := filepath.Join(os.TempDir(), "traindesk-bench-"+benchVersion+".db"); seeded(older) {
		if err := migrateCopy(older, path); err != nil {
			t.Fatalf("copy %s: %v", older, err)
		}
		t.Logf("migrated a copy of %s in %s", older, time.Since(start).Round(time.Millisecond))
		return path
	}
	seedReportFile(t, path, start)
	return path
}

// seedReportFile migrates a new database at path and seeds the report's
// data into it.
func seedReportFile(t *testing.T, path string, start time.Time) {
	t.Helper()
	s, err := store.Open(context.Background(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=WAL&_synchronous=OFF&_foreign_keys=off")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if err := seedReport(db); err != nil {
		os.Remove(path)
		t.Fatalf("seed: %v", err)
	}
	t.Logf("seeded %s in %s", path, time.Since(start).Round(time.Millisecond))
}

// migrateCopy copies the seeded file older into path, consistently, and
// migrates the copy; a half-made copy is never left under path.
func migrateCopy(older, path string) error {
	tmp := path + ".part"
	os.Remove(tmp)
	db, err := sql.Open("sqlite3", "file:"+older)
	if err != nil {
		return err
	}
	_, err = db.Exec("VACUUM INTO ?", tmp)
	db.Close()
	if err != nil {
		return err
	}
	s, err := store.Open(context.Background(), tmp, store.Options{})
	if err != nil {
		return err
	}
	_, err = s.Migrate(context.Background())
	s.Close()
	if err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// seeded reports whether the file holds a finished seed.
func seeded(path string) bool {
	db, err := sql.Open("sqlite3", "file:"+path+"?_query_only=true")
	if err != nil {
		return false
	}
	defer db.Close()
	var v string
	return db.QueryRow("SELECT version FROM bench_seed").Scan(&v) == nil && v == benchVersion
}

// batch inserts rows with multi-row INSERT statements of up to 1,000 rows
// in one transaction; values are written literally (they are numbers and
// fixed words, generated here).
func batch(db *sql.DB, head string, n int, row func(i int) string) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var b strings.Builder
	for i := 0; i < n; i++ {
		if b.Len() == 0 {
			b.WriteString(head)
		} else {
			b.WriteByte(',')
		}
		b.WriteString(row(i))
		if (i+1)%1000 == 0 || i == n-1 {
			if _, err := tx.Exec(b.String()); err != nil {
				return fmt.Errorf("%.60s: %w", head, err)
			}
			b.Reset()
		}
	}
	return tx.Commit()
}

func q(s string) string { return "'" + s + "'" }

// day returns the date d days after 2020-01-01.
func day(d int) string { return time.Date(2020, 1, 1+d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly) }

// seedStep is one table's rows: a statement head and a row generator.
type seedStep struct {
	head string
	n    int
	row  func(i int) string
}

func seedReport(db *sql.DB) error {
	now := q("2024-01-01 00:00:00")
	all := benchTrainings + benchCancelled
	regs := all * benchSeats
	for _, st := range append(referenceSteps(now), courseSteps(now, all, regs)...) {
		if err := batch(db, st.head, st.n, st.row); err != nil {
			return err
		}
	}
	return finishSeed(db, regs)
}

// referenceSteps are the donor, project, indicators, agencies and duty
// stations.
func referenceSteps(now string) []seedStep {
	return []seedStep{
		{"INSERT INTO donors (id, name_en, created_at, updated_at) VALUES ", 1, func(int) string { return "(1, 'Bench donor', " + now + ", " + now + ")" }},
		{"INSERT INTO projects (id, code, title_en, donor_id, starts_on, ends_on, mastery_threshold, created_at, updated_at) VALUES ", 1,
			func(int) string {
				return "(1, 'BENCH', 'Benchmark project', 1, '2020-01-01', '2025-12-31', 70, " + now + ", " + now + ")"
			}},
		{"INSERT INTO indicators (project_id, code, name_en, unit, metric, baseline, target, position) VALUES ", 3, func(i int) string {
			return fmt.Sprintf("(1, '%d', 'Indicator %d', 'count', '%s', 0, 100000, %d)", i+1, i+1, []string{"officials_trained", "women_share", "training_days"}[i], i)
		}},
		{"INSERT INTO agencies (id, name_en, created_at, updated_at) VALUES ", 5, func(i int) string {
			return fmt.Sprintf("(%d, 'Agency %d', %s, %s)", i+1, i+1, now, now)
		}},
		{"INSERT INTO duty_stations (id, name_en, governorate_id, agency_id, created_at, updated_at) VALUES ", 20, func(i int) string {
			return fmt.Sprintf("(%d, 'Station %d', %d, %d, %s, %s)", i+1, i+1, 1+i%27, 1+i%5, now, now)
		}},
	}
}

// courseSteps are the trainings with their tags and sessions, the
// persons, registrations, marks and assessments.
func courseSteps(now string, all, regs int) []seedStep {
	positions := []string{"front_line", "desk", "capacity_building", "headquarters"}
	return []seedStep{
		{"INSERT INTO trainings (id, title_en, project_id, agency_id, governorate_id, thematic_area_id, starts_on, ends_on, status, capacity, completion_min_rate, created_at, updated_at) VALUES ",
			all, func(i int) string {
				start := i * 2000 / all // spread over about five and a half years
				status := "completed"
				if i >= benchTrainings {
					status = "cancelled"
				}
				return fmt.Sprintf("(%d, 'Training %d', 1, %d, %d, %d, '%s', '%s', '%s', 30, 80, %s, %s)", i+1, i+1, 1+i%5, 1+i%27, 1+i%5,
					day(start), day(start+benchSessions-1), status, now, now)
			}},
		{"INSERT INTO training_sdgs (training_id, sdg_id) VALUES ", all * 2, func(i int) string { return fmt.Sprintf("(%d, %d)", i/2+1, 1+(i/2+i%2*7)%17) }},
		{"INSERT INTO training_gcms (training_id, gcm_id) VALUES ", all * 2, func(i int) string { return fmt.Sprintf("(%d, %d)", i/2+1, 1+(i/2+i%2*5)%23) }},
		{"INSERT INTO sittings (id, training_id, date, created_at, updated_at) VALUES ", all * benchSessions, func(i int) string {
			t := i / benchSessions
			return fmt.Sprintf("(%d, %d, '%s', %s, %s)", i+1, t+1, day(t*2000/all+i%benchSessions), now, now)
		}},
		{"INSERT INTO persons (id, name_latin, name_arabic, sex, position, created_at, updated_at) VALUES ", benchPersons, func(i int) string {
			return fmt.Sprintf("(%d, 'Person %06d', 'شخص %d', '%s', '%s', %s, %s)", i+1, i, i, []string{"F", "M", "M"}[i%3],
				positions[i%4], now, now)
		}},
		{"INSERT INTO registrations (id, training_id, person_id, status, agency_id, duty_station_id, position, registered_at, updated_at) VALUES ",
			regs, func(i int) string {
				t, k := i/benchSeats, i%benchSeats
				person := (t*7919+k*1601)%benchPersons + 1 // distinct within a training: 1601 is prime to 40,000 and 400
				return fmt.Sprintf("(%d, %d, %d, 'confirmed', %d, %d, '%s', %s, %s)", i+1, t+1, person, 1+person%5, 1+person%20,
					positions[person%4], now, now)
			}},
		{"INSERT INTO attendance (registration_id, sitting_id, status, recorded_at) VALUES ", regs * benchSessions, func(i int) string {
			reg, s := i/benchSessions, i%benchSessions
			sitting := (reg/benchSeats)*benchSessions + s + 1
			return fmt.Sprintf("(%d, %d, '%s', %s)", reg+1, sitting, mark(i), now)
		}},
		{"INSERT INTO assessments (registration_id, pre_score, post_score, satisfaction, updated_at) VALUES ", regs, func(i int) string {
			pre := 30 + i%50
			return fmt.Sprintf("(%d, %d, %d, %d, %s)", i+1, pre, pre-5+i%40, 1+i%5, now)
		}},
	}
}

// mark is the i-th mark: mostly present, some late, absent and excused.
// One cell in a hundred is left unmarked (the roll was not taken), which
// the insert writes as a mark to delete afterwards.
func mark(i int) string {
	switch {
	case i%100 == 7:
		return "gone"
	case i%17 == 3:
		return "late"
	case i%23 == 5:
		return "absent"
	case i%41 == 9:
		return "excused"
	}
	return "present"
}

// finishSeed removes the unmarked cells, merges one person in a hundred,
// adds withdrawn registrations and records the version.
func finishSeed(db *sql.DB, regs int) error {
	stmts := []string{
		"DELETE FROM attendance WHERE status = 'gone'",
		"UPDATE persons SET merged_into_id = id - 1 WHERE id % 100 = 0",
		"CREATE TABLE bench_seed (version TEXT NOT NULL)",
		"INSERT INTO bench_seed VALUES (" + q(benchVersion) + ")",
	}
	// One withdrawn nominee per ten trainings, who must not count.
	var w []string
	for t := 0; t < benchTrainings; t += 10 {
		w = append(w, "("+strconv.Itoa(regs+t/10+1)+", "+strconv.Itoa(t+1)+", "+strconv.Itoa((t*31)%benchPersons+benchPersons/2+1)+
			", 'withdrawn', '2024-01-01', '2024-01-01')")
	}
	stmts = append([]string{"INSERT OR IGNORE INTO registrations (id, training_id, person_id, status, registered_at, updated_at) VALUES " +
		strings.Join(w, ",")}, stmts...)
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			return fmt.Errorf("%.60s: %w", s, err)
		}
	}
	return nil
}
