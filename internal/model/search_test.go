package model

import (
	"strings"
	"testing"
)

func TestCheckSearch(t *testing.T) {
	ok := []string{"", "Ahmed", strings.Repeat("م", MaxSearchChars), strings.TrimSpace(strings.Repeat("w ", MaxSearchWords)),
		"  محمد   عبد الرحمن  +20 100 123 4567 "}
	for _, s := range ok {
		if err := CheckSearch("q", s); err != nil {
			t.Errorf("%q refused: %v", s, err)
		}
	}
	long := []string{strings.Repeat("x", MaxSearchChars+1), strings.Repeat("م", MaxSearchChars+1),
		strings.Repeat("w ", MaxSearchWords+1), strings.Repeat("a", 10000), strings.Repeat("w ", 500)}
	for _, s := range long {
		if FieldErrors(CheckSearch("q", s))["q"] != SearchTooLong {
			t.Errorf("%d characters accepted", len(s))
		}
	}
}
