package reference

import (
	"reflect"
	"strings"
	"unicode"
)

// changed names the fields that differ between two versions of a form
// (structs of strings, such as model.DonorInput), in the form's own field
// names: NameEn is "name_en", DonorID "donor_id". Comparing the forms of
// the saved rows, not the typed text, keeps "070" and "70" alike.
func changed[T any](before, after T) []string {
	b, a := reflect.ValueOf(before), reflect.ValueOf(after)
	var out []string
	for i := 0; i < b.NumField(); i++ {
		if b.Field(i).String() != a.Field(i).String() {
			out = append(out, snake(b.Type().Field(i).Name))
		}
	}
	return out
}

// snake turns a Go field name into the form's: a word starts at an upper
// case letter that follows a lower case one.
func snake(name string) string {
	var sb strings.Builder
	prev := rune(0)
	for _, r := range name {
		if unicode.IsUpper(r) && unicode.IsLower(prev) {
			sb.WriteByte('_')
		}
		sb.WriteRune(unicode.ToLower(r))
		prev = r
	}
	return sb.String()
}
