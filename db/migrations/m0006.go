package migrations

import "gorm.io/gorm"

// m0006Upload is the part of import_uploads this step adds: how a kept
// CSV list is to be read when the officer corrected the guess (the
// separator's name, the encoding's; empty means guessed).
type m0006Upload struct {
	Separator string `gorm:"size:16;not null;default:''"`
	Encoding  string `gorm:"size:16;not null;default:''"`
}

func (m0006Upload) TableName() string { return "import_uploads" }

// m0006 adds the reading options of kept nomination lists.
func m0006(tx *gorm.DB) error {
	m := tx.Migrator()
	for _, col := range []string{"Separator", "Encoding"} {
		if m.HasColumn(&m0006Upload{}, col) {
			continue
		}
		if err := m.AddColumn(&m0006Upload{}, col); err != nil {
			return err
		}
	}
	return nil
}
