// Package migrations is traindesk's schema history: a numbered, described,
// append-only list. Each migration declares its own snapshot of the tables it
// touches instead of importing today's model, so that it still runs unchanged
// years later, on SQLite and on PostgreSQL alike. Never edit a migration that
// has shipped; add a new one.
package migrations

import "gorm.io/gorm"

// Migration is one step of the schema's history.
type Migration struct {
	Version     int
	Description string
	Up          func(tx *gorm.DB) error
}

// All returns every migration in order. The runner refuses gaps.
func All() []Migration {
	return []Migration{
		{1, "users, sign-in sessions, audit log and the reference lists", m0001},
		{2, "donors, projects, agencies, duty stations, trainings, persons, registrations, attendance, assessments, certificates", m0002},
		{3, "seed Egypt's governorates, the SDGs, the GCM objectives and common thematic areas", m0003},
		{4, "indexes for the donor report", m0004},
		{11, "index of the persons' latest change, for the kept duplicate index", m0011},
		{12, "how a kept nomination list is read: separator and encoding chosen by the officer", m0012},
	}
}

// createTables creates each table in order; the order matters because a
// table's foreign keys need their targets to exist.
func createTables(tx *gorm.DB, tables ...any) error {
	for _, t := range tables {
		if err := tx.Migrator().CreateTable(t); err != nil {
			return err
		}
	}
	return nil
}
