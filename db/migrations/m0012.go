package migrations

import "gorm.io/gorm"

// m0012Upload is the part of import_uploads this step adds: how a kept
// CSV list is to be read when the officer corrected the guess (the
// separator's name, the encoding's; empty means guessed).
type m0012Upload struct {
	Separator string `gorm:"size:16;not null;default:''"`
	Encoding  string `gorm:"size:16;not null;default:''"`
}

func (m0012Upload) TableName() string { return "import_uploads" }

// m0012 adds the reading options of kept nomination lists.
func m0012(tx *gorm.DB) error {
	m := tx.Migrator()
	for _, col := range []string{"Separator", "Encoding"} {
		if m.HasColumn(&m0012Upload{}, col) {
			continue
		}
		if err := m.AddColumn(&m0012Upload{}, col); err != nil {
			return err
		}
	}
	return nil
}
