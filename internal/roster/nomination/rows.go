package nomination

import (
	"time"

	"github.com/traindesk/traindesk/internal/model"
)

// Catalogue keys for problems with one row.
const (
	keyRowNoName          = "import.row_no_name"
	keyRowBadSex          = "import.row_bad_sex"
	keyRowBadBirthYear    = "import.row_bad_birth_year"
	keyRowBadEmail        = "import.row_bad_email"
	keyRowBadPhone        = "import.row_bad_phone"
	keyRowUnknownPosition = "import.row_unknown_position"
	keyRowScriptSwapped   = "import.row_script_swapped"
	keyRowRagged          = "import.row_ragged"
)

// Row is one officer of a nomination list, read through a Mapping, with
// what is wrong with it. The web layer shows Problems, which block the row,
// and Warnings, which do not, next to Line.
type Row struct {
	Line int // where the row is in the file: CSV line (the header is line 1) or XLSX sheet row

	NameLatin, NameArabic, Agency, DutyStation, Rank, Phone, Email, NationalRef, Notes string

	Sex       model.Sex      // "" when missing or not understood
	BirthYear int            // 0 when missing or not understood
	Position  model.Position // "" when missing; unknown text is model.PositionOther with a warning

	Problems []Problem // blocking errors
	Warnings []Problem // non-blocking
	Raw      []string  // the row's cells as read, shared with the Table
}

// OK reports whether the row can be imported.
func (r *Row) OK() bool { return len(r.Problems) == 0 }

// Problem is something wrong with one value of a row. Key is an i18n
// catalogue key and Args its fmt arguments (the offending text).
type Problem struct {
	Field Field
	Key   string
	Args  []any
}

// Rows reads the officers of t through m. A row in which every mapped cell
// is empty is skipped: lists often come with serial numbers down a column
// far below the last name. Values are trimmed and their inner spaces
// collapsed; phones, ID numbers and birth years accept Arabic-Indic digits.
func Rows(t *Table, m Mapping) []Row {
	return parseRows(t, m, time.Now().Year())
}

// parseRows is Rows with the current year given, for tests.
func parseRows(t *Table, m Mapping, thisYear int) []Row {
	if t == nil {
		return nil
	}
	p := rowParser{cols: map[Field]int{}, thisYear: thisYear, positions: positionPhrases()}
	for _, f := range Fields {
		p.cols[f] = m.Column(f)
	}
	out := make([]Row, 0, len(t.Rows))
	for i, cells := range t.Rows {
		line := i + 2
		if i < len(t.Lines) {
			line = t.Lines[i]
		}
		if r, ok := p.row(line, cells); ok {
			if i < len(t.Cells) && t.Cells[i] != t.HeaderCells {
				r.warn(FieldIgnore, keyRowRagged, t.Cells[i], t.HeaderCells)
			}
			out = append(out, r)
		}
	}
	return out
}

// rowParser holds what reading every row needs, worked out once.
type rowParser struct {
	cols      map[Field]int // the column of each field, -1 when unmapped
	thisYear  int
	positions []positionPhrase
}

// row reads one row; ok is false when no mapped cell has a value.
func (p *rowParser) row(line int, cells []string) (Row, bool) {
	get := func(f Field) string {
		if c := p.cols[f]; c >= 0 && c < len(cells) {
			return collapse(cells[c])
		}
		return ""
	}
	r := Row{Line: line, Raw: cells}
	r.NameLatin, r.NameArabic = get(FieldNameLatin), get(FieldNameArabic)
	r.Agency, r.DutyStation, r.Rank = get(FieldAgency), get(FieldDutyStation), get(FieldRank)
	r.NationalRef, r.Notes = asciiDigits(get(FieldNationalRef)), get(FieldNotes)
	sex, year, position := get(FieldSex), get(FieldBirthYear), get(FieldPosition)
	phone, email := get(FieldPhone), get(FieldEmail)
	if r.NameLatin+r.NameArabic+r.Agency+r.DutyStation+r.Rank+r.NationalRef+r.Notes+
		sex+year+position+phone+email == "" {
		return r, false
	}
	r.checkNames()
	r.setSex(sex)
	r.setBirthYear(year, p.thisYear)
	r.setPhone(phone)
	r.setEmail(email)
	r.setPosition(position, p.positions)
	return r, true
}

// problem records a blocking problem.
func (r *Row) problem(f Field, key string, args ...any) {
	r.Problems = append(r.Problems, Problem{Field: f, Key: key, Args: args})
}

// warn records a non-blocking problem.
func (r *Row) warn(f Field, key string, args ...any) {
	r.Warnings = append(r.Warnings, Problem{Field: f, Key: key, Args: args})
}

// checkNames requires a name and warns when a name is in the other column's
// script, the sign of swapped columns.
func (r *Row) checkNames() {
	if r.NameLatin == "" && r.NameArabic == "" {
		r.problem(FieldNameLatin, keyRowNoName)
	}
	if hasArabic(r.NameLatin) {
		r.warn(FieldNameLatin, keyRowScriptSwapped, r.NameLatin)
	}
	if hasLatin(r.NameArabic) {
		r.warn(FieldNameArabic, keyRowScriptSwapped, r.NameArabic)
	}
}

// setSex reads the sex; a value not understood is a problem.
func (r *Row) setSex(s string) {
	if s == "" {
		return
	}
	if sex, ok := parseSex(s); ok {
		r.Sex = sex
		return
	}
	r.problem(FieldSex, keyRowBadSex, s)
}

// setBirthYear reads the year of birth.
func (r *Row) setBirthYear(s string, thisYear int) {
	if s == "" {
		return
	}
	if y, ok := parseBirthYear(s, thisYear); ok {
		r.BirthYear = y
		return
	}
	r.problem(FieldBirthYear, keyRowBadBirthYear, s)
}

// setPhone reads the phone number, keeping the text as given when it is
// wrong so that the user sees what to correct.
func (r *Row) setPhone(s string) {
	if s == "" {
		return
	}
	phone, ok := parsePhone(s)
	r.Phone = phone
	if !ok {
		r.problem(FieldPhone, keyRowBadPhone, s)
	}
}

// setEmail reads the email address.
func (r *Row) setEmail(s string) {
	if s == "" {
		return
	}
	email, ok := parseEmail(s)
	r.Email = email
	if !ok {
		r.problem(FieldEmail, keyRowBadEmail, s)
	}
}

// setPosition maps the job text to a position, warning when it is unknown.
func (r *Row) setPosition(s string, phrases []positionPhrase) {
	if s == "" {
		return
	}
	pos, ok := parsePosition(s, phrases)
	r.Position = pos
	if !ok {
		r.warn(FieldPosition, keyRowUnknownPosition, s)
	}
}
