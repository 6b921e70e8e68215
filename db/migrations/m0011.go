package migrations

import "gorm.io/gorm"

// m0011 indexes the registry's latest change: the duplicate index kept
// between requests checks, before every duplicate check, whether the
// persons table changed (its latest updated_at, its highest id, how many
// persons are merged). Without the index the latest change is a scan of
// the whole table. The statement names only a table and a column that
// m0002 created; IF NOT EXISTS keeps it safe to rerun by hand; the syntax
// is the same on SQLite and PostgreSQL.
func m0011(tx *gorm.DB) error {
	return tx.Exec("CREATE INDEX IF NOT EXISTS ix_persons_updated ON persons (updated_at)").Error
}
