// Package migrations is traindesk's schema history: a numbered, described,
// append-only list. Each migration declares its own snapshot of the tables it
// touches instead of importing today's model, so that it still runs unchanged
// years later, on SQLite and on PostgreSQL alike. Never edit a migration that
// has shipped; add a new one.
//
// The job queue's tables (river_*) are not in this list: River, which owns
// them, keeps their history in river_migration, and internal/jobs.Migrate
// applies it right after these, in the same start-up. None of our tables
// refers to them.
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
		{5, "marks versions per session and per mark, for delta sync", m0005},
		{6, "sign-in attempt counters shared by every instance", m0006},
		{7, "export files written by background jobs, kept in chunks until they expire", m0007},
		{8, "English and Arabic title, venue and objectives of trainings; existing names moved to the language they are written in", m0008},
		{9, "the official Arabic titles of the 23 GCM objectives", m0009},
		{10, "personal API tokens and their per-minute request counts", m0010},
		{11, "index of the persons' latest change, for the kept duplicate index", m0011},
		{12, "how a kept nomination list is read: separator and encoding chosen by the officer", m0012},
		{13, "letters, invitations and reminders: persons' language, the outbox, nomination letters, the letterhead, reminder settings, calendar feeds, news items", m0013},
		{14, "questionnaires answered on participants' phones, their answers, and where each score came from", m0014},
		{15, "change counters that triggers bump, so that every instance knows when its caches are stale", m0015},
		{16, "evidence files of trainings and sessions; when a person was erased", m0016},
		{17, "marks summed per registration by triggers, for the donor report", m0017},
		{18, "persons' lawful basis (which, since when, for what, recorded by whom); the privacy notice", m0018},
		{19, "follow-ups months after a training, whether a follow-up answer reports using the skills, and the question bank per thematic area", m0019},
		{20, "how long contacts and message texts are kept", m0020},
		{21, "which registered participants an evidence photo shows", m0021},
		{22, "how long photos showing people are kept", m0022},
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
