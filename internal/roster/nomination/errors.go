package nomination

import "fmt"

// Catalogue keys for problems with a whole file. They are kept here, in one
// place, so that the tests can check that each has a message in both
// languages.
const (
	keyEmpty            = "import.empty"
	keyTooLarge         = "import.too_large"
	keyTooLargeUnpacked = "import.too_large_unpacked"
	keyTooManyRows      = "import.too_many_rows"
	keyTooManyColumns   = "import.too_many_columns"
	keyNoHeader         = "import.no_header"
	keyNoRows           = "import.no_rows"
	keyCorrupt          = "import.corrupt"
	keyXLS              = "import.xls_unsupported"
	keyWrongType        = "import.wrong_type"
	keyBadEncoding      = "import.bad_encoding"
	keySheetTooComplex  = "import.sheet_too_complex"
)

// Error is a problem with the whole file, as opposed to one of its rows.
// Key is an i18n catalogue key and Args its fmt arguments, so that the web
// layer can show the message in the user's language.
type Error struct {
	Key  string
	Args []any
}

// Error returns the key and arguments; it is meant for logs, not for users,
// who should see the translated catalogue message instead.
func (e *Error) Error() string {
	if len(e.Args) == 0 {
		return "nomination: " + e.Key
	}
	return fmt.Sprintf("nomination: %s %v", e.Key, e.Args)
}

// fail returns an *Error as an error value.
func fail(key string, args ...any) error {
	return &Error{Key: key, Args: args}
}
