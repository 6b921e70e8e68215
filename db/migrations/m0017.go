package migrations

import (
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// m0017Totals is one registration's marks summed by status, over the
// marks at its live (not deleted) sessions, with the date of the latest
// of those sessions. The donor report reads it instead of walking every
// mark. Database triggers keep it, in the same transaction as the change
// to a mark or a session, whatever code makes the change (marking, offline
// batches, corrections, merges, erasure, imports, seeding, plain SQL).
//
// A row exists only for a registration with a mark at a live session.
// LastOn lets a reader know when the sums are exact for its day: a mark
// counts in the report once its session is on or before that day, so the
// sums hold for any day on or after LastOn; for an earlier day the reader
// counts the marks themselves.
type m0017Totals struct {
	RegistrationID int64  `gorm:"primaryKey;autoIncrement:false"`
	Present        int    `gorm:"not null;default:0"`
	Late           int    `gorm:"not null;default:0"`
	Absent         int    `gorm:"not null;default:0"`
	Excused        int    `gorm:"not null;default:0"`
	LastOn         string `gorm:"size:10;not null;index:ix_attendance_totals_last_on"`
}

func (m0017Totals) TableName() string { return "attendance_totals" }

// m0017Sum is the SELECT that sums the marks of the registrations the
// condition where names ("" for every registration).
func m0017Sum(where string) string {
	return `SELECT a.registration_id,
    SUM(CASE WHEN a.status = 'present' THEN 1 ELSE 0 END), SUM(CASE WHEN a.status = 'late' THEN 1 ELSE 0 END),
    SUM(CASE WHEN a.status = 'absent' THEN 1 ELSE 0 END), SUM(CASE WHEN a.status = 'excused' THEN 1 ELSE 0 END),
    MAX(si.date)
  FROM attendance a JOIN sittings si ON si.id = a.sitting_id AND si.deleted_at IS NULL
  ` + where + `
  GROUP BY a.registration_id`
}

// m0017Refresh recomputes the rows of the registrations regs names: it
// deletes them and sums their marks again. Summing a registration's few
// marks anew, rather than adding and subtracting, keeps the row right
// whatever the change was (a mark moved to another registration by a
// merge, a session deleted, a cascade from an erased registration).
func m0017Refresh(regs string) []string {
	return []string{
		"DELETE FROM attendance_totals WHERE registration_id IN (" + regs + ")",
		"INSERT INTO attendance_totals (registration_id, present, late, absent, excused, last_on) " +
			m0017Sum("WHERE a.registration_id IN ("+regs+")"),
	}
}

func m0017(tx *gorm.DB) error {
	if err := createTables(tx, &m0017Totals{}); err != nil {
		return err
	}
	stmts := m0017SQLite()
	if tx.Dialector.Name() == "postgres" {
		stmts = m0017Postgres()
	}
	// The backfill: every registration with a mark at a live session.
	stmts = append(stmts, "INSERT INTO attendance_totals (registration_id, present, late, absent, excused, last_on) "+m0017Sum(""))
	for _, q := range stmts {
		if err := tx.Exec(q).Error; err != nil {
			return fmt.Errorf("%.80s: %w", q, err)
		}
	}
	return nil
}

// m0017SQLite creates the row triggers. The update triggers fire only
// when what the sums depend on changed, so that re-marking a cell with
// its own status costs nothing here.
func m0017SQLite() []string {
	body := func(stmts []string) string { return "BEGIN " + strings.Join(stmts, "; ") + "; END" }
	sittingRegs := "SELECT registration_id FROM attendance WHERE sitting_id = NEW.id"
	return []string{
		"CREATE TRIGGER attendance_totals_insert AFTER INSERT ON attendance " + body(m0017Refresh("NEW.registration_id")),
		"CREATE TRIGGER attendance_totals_delete AFTER DELETE ON attendance " + body(m0017Refresh("OLD.registration_id")),
		"CREATE TRIGGER attendance_totals_update AFTER UPDATE OF registration_id, sitting_id, status ON attendance " +
			"WHEN OLD.registration_id IS NOT NEW.registration_id OR OLD.sitting_id IS NOT NEW.sitting_id OR OLD.status IS NOT NEW.status " +
			body(m0017Refresh("OLD.registration_id, NEW.registration_id")),
		"CREATE TRIGGER attendance_totals_sitting AFTER UPDATE OF deleted_at, date ON sittings " +
			"WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) OR OLD.date IS NOT NEW.date " +
			body(m0017Refresh(sittingRegs)),
	}
}

// m0017Postgres creates row triggers calling one function that refreshes
// a registration's row. Before it reads the marks, the function takes a
// transaction lock on the registration, so that two transactions marking
// the same registration at once refresh one after the other; under READ
// COMMITTED the second then reads the first's committed marks, and no
// change is lost.
func m0017Postgres() []string {
	refresh := m0017Refresh("reg")
	return []string{
		`CREATE FUNCTION attendance_totals_refresh(reg BIGINT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(17017, (reg % 2147483647)::int);
  ` + refresh[0] + `;
  ` + refresh[1] + `;
END $$`,
		`CREATE FUNCTION attendance_totals_mark() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM attendance_totals_refresh(OLD.registration_id);
  END IF;
  IF TG_OP = 'INSERT' OR NEW.registration_id <> OLD.registration_id THEN
    PERFORM attendance_totals_refresh(NEW.registration_id);
  END IF;
  RETURN NULL;
END $$`,
		`CREATE FUNCTION attendance_totals_sitting() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r BIGINT;
BEGIN
  FOR r IN SELECT DISTINCT registration_id FROM attendance WHERE sitting_id = NEW.id ORDER BY 1 LOOP
    PERFORM attendance_totals_refresh(r);
  END LOOP;
  RETURN NULL;
END $$`,
		`CREATE FUNCTION attendance_totals_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM attendance_totals;
  RETURN NULL;
END $$`,
		"CREATE TRIGGER attendance_totals_insert AFTER INSERT ON attendance FOR EACH ROW EXECUTE FUNCTION attendance_totals_mark()",
		"CREATE TRIGGER attendance_totals_delete AFTER DELETE ON attendance FOR EACH ROW EXECUTE FUNCTION attendance_totals_mark()",
		"CREATE TRIGGER attendance_totals_update AFTER UPDATE OF registration_id, sitting_id, status ON attendance FOR EACH ROW " +
			"WHEN (OLD.registration_id IS DISTINCT FROM NEW.registration_id OR OLD.sitting_id IS DISTINCT FROM NEW.sitting_id " +
			"OR OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION attendance_totals_mark()",
		"CREATE TRIGGER attendance_totals_sitting AFTER UPDATE OF deleted_at, date ON sittings FOR EACH ROW " +
			"WHEN ((OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) OR OLD.date IS DISTINCT FROM NEW.date) " +
			"EXECUTE FUNCTION attendance_totals_sitting()",
		"CREATE TRIGGER attendance_totals_truncate AFTER TRUNCATE ON attendance FOR EACH STATEMENT EXECUTE FUNCTION attendance_totals_clear()",
	}
}
