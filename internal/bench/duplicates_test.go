//go:build unix

package bench_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/bench"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster"
	"github.com/traindesk/traindesk/internal/roster/namepairs"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/trainings"
)

// The registry benchmark: registrySize persons with names drawn from the
// labelled set's lexicon (internal/roster/namepairs), and a nomination
// list of previewRows officers, a third of them already in the registry.
// Small (`make test`): 2,000 persons and 60 rows.
const (
	registryVersion = "registry-v2"
	registrySeed    = 2024
)

var (
	registrySize = bench.N(100000, 2000)
	previewRows  = bench.N(5000, 60)
)

// TestBenchDuplicates times the registry's duplicate check for one new
// person, and the check step of a 5,000-row nomination list, against a
// registry of 100,000 persons, each against as many plain indexed look-ups
// of a person by id through the same store. It also prints the duplicate
// check's recall and precision on the labelled set at the offer threshold
// and at the import's auto-link threshold.
func TestBenchDuplicates(t *testing.T) {
	bench.Case(t)
	printLabelledSet(t)
	ctx := context.Background()
	reg, list := namepairs.RegistryAndList(registrySize, previewRows, registrySeed)
	path := registryDB(t, reg)
	st, err := store.Open(ctx, path, store.Options{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil { // a registry seeded by an older schema
		t.Fatal(err)
	}
	now := func() time.Time { return time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC) }
	svc := roster.New(st, trainings.New(st, now, time.UTC), now, time.UTC)
	actor := model.Actor{User: model.User{ID: 1, Email: "officer@bench.local", Role: model.RoleProgramOfficer, Active: true}}

	lookup := func(b *testing.B, n int) {
		for i := 0; i < b.N; i++ {
			for k := 0; k < n; k++ {
				if _, err := st.Person(ctx, int64(1+(i*n+k)*7919%registrySize)); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	fresh := list[1].Person(0)
	cold := cpuTimed(func() {
		if _, err := svc.Duplicates(ctx, actor, fresh, 0); err != nil {
			t.Fatal(err)
		}
	})
	check := func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := svc.Duplicates(ctx, actor, fresh, 0); err != nil {
				b.Fatal(err)
			}
		}
	}
	base := bench.Measure("1 person read by id (store.Person)", func(b *testing.B) { lookup(b, 1) })
	subject := bench.Measure("duplicate check of 1 new person (Duplicates)", check)
	bench.Print(os.Stdout, fmt.Sprintf("Duplicate check against a registry of %d persons", registrySize), base, subject)
	fmt.Printf("  filing the registry for the index kept between requests (the first check, or after another instance's write): %s\n", cold)

	u, _, err := svc.Upload(ctx, actor, 1, "nominations.csv", listCSV(list))
	if err != nil {
		t.Fatal(err)
	}
	preview := func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			v, err := svc.ImportPreview(ctx, actor, 1, u.ID)
			if err != nil || len(v.Rows) != previewRows {
				b.Fatalf("preview: %d rows, %v", len(v.Rows), err)
			}
		}
	}
	base = bench.Measure(fmt.Sprintf("%d persons read by id, one by one", previewRows), func(b *testing.B) { lookup(b, previewRows) })
	subject = bench.Measure(fmt.Sprintf("import preview of %d rows (ImportPreview)", previewRows), preview)
	bench.Print(os.Stdout, fmt.Sprintf("Import preview of %d rows against a registry of %d persons", previewRows, registrySize), base, subject)
	fmt.Printf("  one more preview: %s, with GOMAXPROCS %d on a machine with load average %s\n", cpuTimed(func() {
		if _, err := svc.ImportPreview(ctx, actor, 1, u.ID); err != nil {
			t.Fatal(err)
		}
	}), runtime.GOMAXPROCS(0), loadAverage())
	printPreviewMatches(t, ctx, svc, actor, u.ID)
}

// cpuTimed runs fn once and says how long it took, in wall-clock time and
// in CPU time of this process: on a machine shared with other work the
// second says what the code costs.
func cpuTimed(fn func()) string {
	var r0, r1 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &r0)
	start := time.Now()
	fn()
	wall := time.Since(start)
	syscall.Getrusage(syscall.RUSAGE_SELF, &r1)
	cpu := time.Duration(r1.Utime.Nano() + r1.Stime.Nano() - r0.Utime.Nano() - r0.Stime.Nano())
	return fmt.Sprintf("%s wall-clock, %s CPU", wall.Round(time.Millisecond), cpu.Round(time.Millisecond))
}

// loadAverage reads the one-minute load average where the system says it.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Fields(string(b))[0]
}

// printLabelledSet prints the duplicate check's figures on the labelled
// set at the threshold that offers a person and at the one that links an
// imported row by default.
func printLabelledSet(t *testing.T) {
	pairs, err := namepairs.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, th := range []struct {
		name  string
		score int
	}{{"offered (roster.DefaultMinScore)", roster.DefaultMinScore}, {"auto-linked on import (roster.LinkScore)", roster.LinkScore}} {
		r := namepairs.Evaluate(pairs, th.score)
		fmt.Printf("\nLabelled set, %s: score %d on %d pairs\n  recall %.3f, precision %.3f (TP %d, FP %d, FN %d, TN %d)\n",
			th.name, th.score, len(pairs), r.Recall(), r.Precision(), r.TP, r.FP, r.FN, r.TN)
	}
}

// printPreviewMatches says how many rows of the list the preview matched
// to a registry person and suggested to link.
func printPreviewMatches(t *testing.T, ctx context.Context, svc *roster.Service, actor model.Actor, uploadID int64) {
	v, err := svc.ImportPreview(ctx, actor, 1, uploadID)
	if err != nil {
		t.Fatal(err)
	}
	matched, linked, same := 0, 0, 0
	for _, r := range v.Rows {
		if len(r.Matches) > 0 {
			matched++
		}
		if model.ImportLinkedID(r.Action) > 0 {
			linked++
		}
		if r.SameAsLine > 0 {
			same++
		}
	}
	fmt.Printf("  the preview offered registry matches for %d rows, suggested linking %d, and found %d rows repeating an earlier one\n",
		matched, linked, same)
}

// listCSV writes the nomination list as the CSV an agency would send.
func listCSV(list []namepairs.Record) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"Name (Latin)", "Name (Arabic)", "Sex (M/F)", "Birth year", "Phone", "Email", "ID number"})
	for _, r := range list {
		year := ""
		if r.BirthYear != 0 {
			year = strconv.Itoa(r.BirthYear)
		}
		w.Write([]string{r.Latin, r.Arabic, r.Sex, year, r.Phone, r.Email, r.NationalID})
	}
	w.Flush()
	return b.Bytes()
}

// registryDB returns a SQLite file holding the registry, seeding it once
// into the temporary folder and reusing it on later runs (small, into the
// test's own folder).
func registryDB(t *testing.T, reg []namepairs.Record) string {
	t.Helper()
	path := filepath.Join(os.TempDir(), "traindesk-bench-"+registryVersion+"-"+schemaTag()+".db")
	if bench.Small() { // a fresh file for the test
		path = filepath.Join(t.TempDir(), "registry.db")
	} else if _, err := os.Stat(path); err == nil && seededWith(path, registryVersion) {
		return path
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
	start := time.Now()
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
	if err := seedRegistry(db, reg); err != nil {
		os.Remove(path)
		t.Fatalf("seed: %v", err)
	}
	t.Logf("seeded %s in %s", path, time.Since(start).Round(time.Millisecond))
	return path
}

// seededWith reports whether the file holds a finished seed of version v.
func seededWith(path, v string) bool {
	db, err := sql.Open("sqlite3", "file:"+path+"?_query_only=true")
	if err != nil {
		return false
	}
	defer db.Close()
	var got string
	return db.QueryRow("SELECT version FROM bench_seed").Scan(&got) == nil && got == v
}

// seedRegistry writes a program officer, an agency, a training with room
// for the whole list, and the registry's persons.
func seedRegistry(db *sql.DB, reg []namepairs.Record) error {
	now := "'2024-01-01 00:00:00'"
	steps := []struct {
		head string
		n    int
		row  func(i int) string
	}{
		{"INSERT INTO users (id, email, name, role, password_hash, active, created_at, updated_at) VALUES ", 1, func(int) string {
			return "(1, 'officer@bench.local', 'Bench officer', 'program_officer', 'x', 1, " + now + ", " + now + ")"
		}},
		{"INSERT INTO agencies (id, name_en, created_at, updated_at) VALUES ", 1, func(int) string {
			return "(1, 'Bench agency', " + now + ", " + now + ")"
		}},
		{"INSERT INTO trainings (id, title_en, agency_id, starts_on, ends_on, status, capacity, created_at, updated_at) VALUES ", 1,
			func(int) string {
				return "(1, 'Bench training', 1, '2024-04-01', '2024-04-04', 'planned', 10000, " + now + ", " + now + ")"
			}},
		{"INSERT INTO persons (id, name_latin, name_arabic, name_key, sex, birth_year, phone, email, national_ref, created_at, updated_at) VALUES ",
			len(reg), func(i int) string {
				r := reg[i]
				year := "NULL"
				if r.BirthYear != 0 {
					year = strconv.Itoa(r.BirthYear)
				}
				return fmt.Sprintf("(%d, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)", i+1, sqlText(r.Latin), sqlText(r.Arabic),
					sqlText(roster.NameKey(r.Latin, r.Arabic)), sqlText(r.Sex), year, sqlText(r.Phone), sqlText(r.Email),
					sqlText(r.NationalID), now, now)
			}},
	}
	for _, st := range steps {
		if err := insertRows(db, st.head, st.n, st.row); err != nil {
			return err
		}
	}
	if _, err := db.Exec("CREATE TABLE IF NOT EXISTS bench_seed (version TEXT)"); err != nil {
		return err
	}
	_, err := db.Exec("DELETE FROM bench_seed; INSERT INTO bench_seed VALUES (?)", registryVersion)
	return err
}

// insertRows inserts n rows with multi-row INSERT statements of up to 500
// rows, in one transaction.
func insertRows(db *sql.DB, head string, n int, row func(i int) string) error {
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
		if (i+1)%500 == 0 || i == n-1 {
			if _, err := tx.Exec(b.String()); err != nil {
				return fmt.Errorf("%.60s: %w", head, err)
			}
			b.Reset()
		}
	}
	return tx.Commit()
}

// sqlText quotes generated text for a literal SQL statement.
func sqlText(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
