package nomination

import "strings"

// Field is a registry field that a column of a nomination list can feed.
// Its value is what the mapping form posts, so it must stay stable.
type Field string

// The registry's fields. FieldIgnore marks a column that is not imported.
const (
	FieldNameLatin   Field = "name_latin"
	FieldNameArabic  Field = "name_arabic"
	FieldSex         Field = "sex"
	FieldBirthYear   Field = "birth_year"
	FieldAgency      Field = "agency"
	FieldDutyStation Field = "duty_station"
	FieldPosition    Field = "position"
	FieldRank        Field = "rank"
	FieldPhone       Field = "phone"
	FieldEmail       Field = "email"
	FieldNationalRef Field = "national_ref"
	FieldNotes       Field = "notes"
	FieldIgnore      Field = ""
)

// Fields lists the importable fields in the order the mapping form and the
// template show them. Treat it as read-only.
var Fields = []Field{
	FieldNameLatin, FieldNameArabic, FieldSex, FieldBirthYear, FieldAgency, FieldDutyStation,
	FieldPosition, FieldRank, FieldPhone, FieldEmail, FieldNationalRef, FieldNotes,
}

// Valid reports whether f is one of Fields or FieldIgnore, so that a forged
// form value cannot smuggle in an unknown field.
func (f Field) Valid() bool {
	if f == FieldIgnore {
		return true
	}
	for _, g := range Fields {
		if f == g {
			return true
		}
	}
	return false
}

// LabelKey is the i18n key of the field's name for the mapping form, e.g.
// "import.field.name_latin", or "import.field.ignore" for FieldIgnore.
func (f Field) LabelKey() string {
	if f == FieldIgnore {
		return "import.field.ignore"
	}
	return "import.field." + string(f)
}

// Mapping gives the field of each column of a Table, by position; a column
// past its end is ignored.
type Mapping []Field

// Catalogue keys for mapping problems.
const (
	keyMapNeedName  = "import.map_need_name"
	keyMapDuplicate = "import.map_duplicate"
)

// Validate returns the i18n keys of what stops an import with this mapping,
// in a fixed order: no name column at all (import.map_need_name), or a field
// chosen for two columns (import.map_duplicate). It is empty when the
// mapping can be used.
func (m Mapping) Validate() []string {
	var problems []string
	seen := map[Field]bool{}
	dup := false
	for _, f := range m {
		if f == FieldIgnore {
			continue
		}
		dup = dup || seen[f]
		seen[f] = true
	}
	if !seen[FieldNameLatin] && !seen[FieldNameArabic] {
		problems = append(problems, keyMapNeedName)
	}
	if dup {
		problems = append(problems, keyMapDuplicate)
	}
	return problems
}

// Column returns the first column mapped to f, or -1.
func (m Mapping) Column(f Field) int {
	for i, g := range m {
		if g == f && f != FieldIgnore {
			return i
		}
	}
	return -1
}

// ParseMapping reads a mapping posted by the mapping form, one value per
// column. Unknown values become FieldIgnore: a form value is user input.
func ParseMapping(values []string) Mapping {
	m := make(Mapping, len(values))
	for i, v := range values {
		f := Field(strings.TrimSpace(v))
		if f.Valid() {
			m[i] = f
		}
	}
	return m
}
