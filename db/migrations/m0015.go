package migrations

import (
	"fmt"

	"gorm.io/gorm"
)

// m0015Counter is a change counter: the database's own record that
// something a cache depends on has changed, written by triggers in the
// same transaction as the change, so that every instance sharing the
// database sees it at the moment the change is visible.
//
//   - "data" counts changes to whatever the dashboard's and the report's
//     figures are counted from. It has several slots, which the value is
//     the sum of: on PostgreSQL each transaction bumps the slot of its
//     transaction id, so that concurrent writers seldom wait on one row.
//     SQLite, which has one writer, uses slot 0 only.
//   - "auth" counts the changes that can end or alter a signed-in session:
//     a session revoked, shortened or deleted, and a user changed or
//     deleted (sign-in times excepted).
type m0015Counter struct {
	Name string `gorm:"primaryKey;size:16"`
	Slot int    `gorm:"primaryKey;autoIncrement:false"`
	N    int64  `gorm:"not null;default:0"`
}

func (m0015Counter) TableName() string { return "change_counters" }

// m0015DataSlots is how many slots "data" has.
const m0015DataSlots = 16

// m0015DataTables are the tables the figures are counted from: any
// insert, update or delete there bumps "data".
var m0015DataTables = []string{
	"donors", "projects", "indicators", "agencies", "duty_stations", "governorates", "sdgs", "gcm_objectives",
	"thematic_areas", "trainings", "training_facilitators", "training_sdgs", "training_gcms", "sittings",
	"persons", "registrations", "attendance", "assessments",
}

// m0015AuthChanges are the changes that bump "auth": table and the
// columns whose update counts (every delete counts).
var m0015AuthChanges = []struct{ table, columns string }{
	{"logins", "revoked_at, expires_at, user_id"},
	{"users", "email, name, role, active, locale, password_hash"},
}

func m0015(tx *gorm.DB) error {
	if err := createTables(tx, &m0015Counter{}); err != nil {
		return err
	}
	rows := []m0015Counter{{Name: "auth"}}
	for i := 0; i < m0015DataSlots; i++ {
		rows = append(rows, m0015Counter{Name: "data", Slot: i})
	}
	if err := tx.Create(&rows).Error; err != nil {
		return err
	}
	stmts := m0015SQLite()
	if tx.Dialector.Name() == "postgres" {
		stmts = m0015Postgres()
	}
	for _, q := range stmts {
		if err := tx.Exec(q).Error; err != nil {
			return fmt.Errorf("%.80s: %w", q, err)
		}
	}
	return nil
}

// m0015SQLite creates row triggers (the only kind SQLite has): one per
// table and kind of change.
func m0015SQLite() []string {
	bump := func(name string) string {
		return "BEGIN UPDATE change_counters SET n = n + 1 WHERE name = '" + name + "' AND slot = 0; END"
	}
	var out []string
	for _, t := range m0015DataTables {
		for _, op := range []string{"INSERT", "UPDATE", "DELETE"} {
			out = append(out, fmt.Sprintf("CREATE TRIGGER cc_data_%s_%s AFTER %s ON %s %s", t, op, op, t, bump("data")))
		}
	}
	for _, a := range m0015AuthChanges {
		out = append(out,
			fmt.Sprintf("CREATE TRIGGER cc_auth_%s_update AFTER UPDATE OF %s ON %s %s", a.table, a.columns, a.table, bump("auth")),
			fmt.Sprintf("CREATE TRIGGER cc_auth_%s_delete AFTER DELETE ON %s %s", a.table, a.table, bump("auth")))
	}
	return out
}

// m0015Postgres creates statement triggers, which run once per statement
// however many rows it changes.
func m0015Postgres() []string {
	out := []string{
		fmt.Sprintf(`CREATE FUNCTION cc_bump_data() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE change_counters SET n = n + 1 WHERE name = 'data' AND slot = (txid_current() %% %d);
  RETURN NULL;
END $$`, m0015DataSlots),
		`CREATE FUNCTION cc_bump_auth() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE change_counters SET n = n + 1 WHERE name = 'auth' AND slot = 0;
  RETURN NULL;
END $$`,
	}
	for _, t := range m0015DataTables {
		out = append(out, fmt.Sprintf("CREATE TRIGGER cc_data_%s AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %s "+
			"FOR EACH STATEMENT EXECUTE FUNCTION cc_bump_data()", t, t))
	}
	for _, a := range m0015AuthChanges {
		out = append(out, fmt.Sprintf("CREATE TRIGGER cc_auth_%s AFTER UPDATE OF %s OR DELETE OR TRUNCATE ON %s "+
			"FOR EACH STATEMENT EXECUTE FUNCTION cc_bump_auth()", a.table, a.columns, a.table))
	}
	return out
}
