package model

import (
	"unicode"
	"unicode/utf8"
)

// MaxSearchChars and MaxSearchWords bound the free text of every search
// box and text filter (the registry, the trainings list, adding a
// participant, choosing whom to merge into). A name in either script, an
// e-mail, a phone number or a few words of a title fit easily. Longer text
// is refused with a message beside the box instead of reaching the
// database, whose LIKE patterns and expression depth have limits of their
// own: each word becomes a group of LIKE conditions.
const (
	MaxSearchChars = 200
	MaxSearchWords = 8
)

// SearchTooLong is the catalogue key of the message shown beside a search
// box whose text is refused.
const SearchTooLong = "filter.too_long"

// CheckSearch refuses search text longer than MaxSearchChars characters or
// with more than MaxSearchWords words, as a *ValidationError on field.
func CheckSearch(field, text string) error {
	if utf8.RuneCountInString(text) > MaxSearchChars || words(text) > MaxSearchWords {
		return &ValidationError{Fields: map[string]string{field: SearchTooLong}}
	}
	return nil
}

// words counts the space-separated words of text without holding them.
func words(text string) int {
	n, in := 0, false
	for _, r := range text {
		space := unicode.IsSpace(r)
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}
