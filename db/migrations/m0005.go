package migrations

import "gorm.io/gorm"

// m0005MarksVersions gives every session a marks version and every mark
// the version at which it last changed, so that a tablet can ask for only
// what changed since the version it last saw (delta sync). The statements
// name only columns m0002 created, so no snapshot structs are needed, and
// the syntax is the same on SQLite and PostgreSQL.
//
// The backfill stamps every existing mark with version 1 and every session
// that holds one with version 1: the marks as they stand become one known
// version, and a tablet that read them can ask for changes after it.
var m0005MarksVersions = []string{
	"ALTER TABLE sittings ADD COLUMN marks_version BIGINT NOT NULL DEFAULT 0",
	"ALTER TABLE attendance ADD COLUMN version BIGINT NOT NULL DEFAULT 0",
	"UPDATE attendance SET version = 1",
	"UPDATE sittings SET marks_version = 1 WHERE id IN (SELECT sitting_id FROM attendance)",
}

func m0005(tx *gorm.DB) error {
	for _, q := range m0005MarksVersions {
		if err := tx.Exec(q).Error; err != nil {
			return err
		}
	}
	return nil
}
