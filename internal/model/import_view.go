package model

import (
	"strconv"
	"strings"
)

// The actions an officer can choose for a row of a nomination list: create
// a new person, skip the row, or link it to an existing person
// (ImportLinkAction). They are the values the preview form posts.
const (
	ImportActionNew  = "new"
	ImportActionSkip = "skip"
	importLinkPrefix = "link:"
)

// ImportLinkAction is the action that links a row to person id.
func ImportLinkAction(id int64) string { return importLinkPrefix + strconv.FormatInt(id, 10) }

// ImportLinkedID returns the person an action links to, or 0.
func ImportLinkedID(action string) int64 {
	rest, ok := strings.CutPrefix(action, importLinkPrefix)
	if !ok {
		return 0
	}
	id, err := strconv.ParseInt(rest, 10, 64)
	if err != nil || id <= 0 {
		return 0
	}
	return id
}

// ImportMessage is a problem or a warning about one row: a catalogue key
// and its arguments (the offending text).
type ImportMessage struct {
	Key  string
	Args []any
}

// ImportMatch is a person in the registry who may be the officer of a row.
type ImportMatch struct {
	PersonID   int64
	NameLatin  string
	NameArabic string
	Score      int      // 0–100
	Reasons    []string // catalogue keys match.*
}

// ImportRow is one row of a nomination list as the preview shows it: what
// it says, what the registry knows about it, and the action chosen.
type ImportRow struct {
	Line                  int
	NameLatin, NameArabic string
	Sex                   Sex
	Position              Position
	Agency, DutyStation   string // as the list wrote them
	AgencyID, StationID   *int64
	AgencyUnknown         bool // the list names an agency the registry does not know
	StationUnknown        bool // the same for the duty station
	Problems              []ImportMessage
	Warnings              []ImportMessage
	Matches               []ImportMatch // likely existing persons, best first
	SameAsLine            int           // an earlier row of the same file is the same person
	Registered            bool          // the best match is already on the training
	Action                string
}

// OK reports whether the row can be imported.
func (r ImportRow) OK() bool { return len(r.Problems) == 0 }

// ImportField is a choice of the column mapping: a field's form value and
// the catalogue key of its name.
type ImportField struct {
	Value    string
	LabelKey string
}

// ImportColumns is the column-mapping step: the file's columns with a few
// sample values each, the field each column feeds, and the problems of the
// mapping as chosen.
type ImportColumns struct {
	Training Training
	UploadID int64
	FileName string
	Rows     int        // data rows in the file
	Headers  []string   // one per column
	Samples  [][]string // up to three values per column
	Mapping  []string   // the field each column feeds, "" for none
	Fields   []ImportField
	Problems []string // catalogue keys
	// Unmapped are the columns left out whose header looks like a field:
	// a warning, since "Do not import" may be a wrong guess.
	Unmapped []ImportUnmapped
	Reading  ImportReading
}

// ImportUnmapped is a column left out of the import whose header looks
// like a field.
type ImportUnmapped struct {
	Column        int
	Header        string
	FieldLabelKey string // the catalogue key of the field it looks like
}

// The separators and encodings an officer may choose for a CSV list, by
// the names forms and uploads use.
var (
	ImportSeparators = []string{"comma", "semicolon", "tab"}
	ImportEncodings  = []string{"utf-8", "windows-1256", "utf-16le", "utf-16be"}
)

// ImportReading is how a list was read: for a CSV file, the separator and
// the encoding used, whether the officer chose them, and the rows split
// into another number of cells than the header; for a workbook, the sheet;
// for both, where the header was found.
type ImportReading struct {
	CSV       bool
	Separator string // a name of ImportSeparators
	Encoding  string // a name of ImportEncodings ("utf-8-bom" reads as utf-8)
	// What the officer chose, "" for the guess.
	SeparatorChoice, EncodingChoice string
	Ragged                          int    // rows with another number of cells than the header
	Sheet                           string // a workbook's sheet that was read
	HeaderLine                      int    // where the column titles are: the file's line or the sheet's row
	Error                           string // catalogue key: the file cannot be read as chosen
	ErrorArgs                       []any
}

// ImportPreview is the check step: each row with its problems, matches
// and action, and the places the training has left.
type ImportPreview struct {
	Refs     Refs
	Training Training
	UploadID int64
	FileName string
	Rows     []ImportRow
	Free     int
	// As is the status the rows are registered with: nominated, unless
	// the officer chose confirmed.
	As      RegistrationStatus
	Reading ImportReading
	// Basis is the lawful basis recorded on every person the import
	// creates, asked once on confirmation.
	Basis BasisInput
}

// ImportDone is what a confirmed import saved.
type ImportDone struct {
	Training Training
	FileName string
	Rows     []ImportRow
	Results  []ImportResult
	As       RegistrationStatus // the status they were registered with
}
