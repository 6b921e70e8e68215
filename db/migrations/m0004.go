package migrations

import "gorm.io/gorm"

// m0004Indexes serve the donor report's aggregates. Each statement stands
// on its own (no snapshot structs are needed: only names of tables and
// columns that m0002 created), and IF NOT EXISTS keeps the step safe to
// rerun by hand. The syntax is the same on SQLite and PostgreSQL.
var m0004Indexes = []string{
	// The report picks a project's trainings by date; the partial scan of
	// the project's rows then checks status and dates without the table.
	"CREATE INDEX IF NOT EXISTS ix_trainings_project_dates ON trainings (project_id, starts_on, ends_on, status)",
	// Live registrations of a training with the person they count as: the
	// report never needs the registration row itself to count people.
	"CREATE INDEX IF NOT EXISTS ix_registrations_training_status ON registrations (training_id, status, person_id)",
	// Marks per registration with their status, read from the index alone:
	// the attendance aggregate touches a million of these.
	"CREATE INDEX IF NOT EXISTS ix_attendance_reg_status ON attendance (registration_id, sitting_id, status)",
	// Live sessions of a training with their dates, for training days.
	"CREATE INDEX IF NOT EXISTS ix_sittings_training_live ON sittings (training_id, deleted_at, date)",
}

func m0004(tx *gorm.DB) error {
	for _, q := range m0004Indexes {
		if err := tx.Exec(q).Error; err != nil {
			return err
		}
	}
	return nil
}
