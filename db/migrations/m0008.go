package migrations

import (
	"unicode"

	"gorm.io/gorm"
)

// m0008 gives trainings an English and an Arabic title, venue and
// objectives. The old single columns become the English ones (renamed, so
// that their constraints stay), the Arabic ones are added empty, and then
// each existing value is moved to the language it is written in: an
// Arabic title typed into the one field it had belongs in title_ar.
// Projects, agencies, duty stations and thematic areas already had both
// columns; the same sorting moves an Arabic name typed into the English
// field to the Arabic one where that is empty.
func m0008(tx *gorm.DB) error {
	for _, q := range []string{
		"ALTER TABLE trainings RENAME COLUMN title TO title_en",
		"ALTER TABLE trainings RENAME COLUMN venue TO venue_en",
		"ALTER TABLE trainings RENAME COLUMN objectives TO objectives_en",
		"ALTER TABLE trainings ADD COLUMN title_ar VARCHAR(300) NOT NULL DEFAULT ''",
		"ALTER TABLE trainings ADD COLUMN venue_ar VARCHAR(200) NOT NULL DEFAULT ''",
		"ALTER TABLE trainings ADD COLUMN objectives_ar TEXT NOT NULL DEFAULT ''",
	} {
		if err := tx.Exec(q).Error; err != nil {
			return err
		}
	}
	for _, p := range []struct{ table, en, ar string }{
		{"trainings", "title_en", "title_ar"},
		{"trainings", "venue_en", "venue_ar"},
		{"trainings", "objectives_en", "objectives_ar"},
		{"projects", "title_en", "title_ar"},
		{"agencies", "name_en", "name_ar"},
		{"duty_stations", "name_en", "name_ar"},
		{"thematic_areas", "name_en", "name_ar"},
	} {
		if err := m0008Sort(tx, p.table, p.en, p.ar); err != nil {
			return err
		}
	}
	return nil
}

// m0008Pair is one row's two columns, read under fixed names.
type m0008Pair struct {
	ID int64
	En string
	Ar string
}

// m0008Sort moves each value of column en that is written in Arabic to
// column ar when ar is empty.
func m0008Sort(tx *gorm.DB, table, en, ar string) error {
	var rows []m0008Pair
	if err := tx.Raw("SELECT id, " + en + " AS en, " + ar + " AS ar FROM " + table + " WHERE " + ar + " = ''").Scan(&rows).Error; err != nil {
		return err
	}
	for _, r := range rows {
		if !m0008Arabic(r.En) {
			continue
		}
		if err := tx.Exec("UPDATE "+table+" SET "+ar+" = ?, "+en+" = '' WHERE id = ?", r.En, r.ID).Error; err != nil {
			return err
		}
	}
	return nil
}

// m0008Arabic reports whether most letters of s are Arabic.
func m0008Arabic(s string) bool {
	arabic, other := 0, 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r):
			arabic++
		case unicode.IsLetter(r):
			other++
		}
	}
	return arabic > other
}
