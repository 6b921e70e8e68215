package i18n

import (
	"context"
	"fmt"
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// Form is a CLDR plural category: "zero", "one", "two", "few", "many" or
// "other".
type Form string

// The CLDR plural categories.
const (
	Zero  Form = "zero"
	One   Form = "one"
	Two   Form = "two"
	Few   Form = "few"
	Many  Form = "many"
	Other Form = "other"
)

// Forms holds one message per plural category.
type Forms map[Form]string

// RequiredForms lists the categories each language distinguishes for
// whole numbers: English two, Arabic six. A plural message must define
// every one of them; the catalogue test checks this list against CLDR.
var RequiredForms = map[Lang][]Form{
	EN: {One, Other},
	AR: {Zero, One, Two, Few, Many, Other},
}

var tags = map[Lang]language.Tag{EN: language.English, AR: language.Arabic}

var formNames = map[plural.Form]Form{
	plural.Zero: Zero, plural.One: One, plural.Two: Two,
	plural.Few: Few, plural.Many: Many, plural.Other: Other,
}

// PluralForm returns the CLDR cardinal category of the whole number n in
// lang, by the rules of golang.org/x/text (no hand-written rules here).
func PluralForm(lang Lang, n int64) Form {
	if n < 0 {
		n = -n
	}
	// MatchPlural wants the integer digits as an int; the categories of
	// both languages repeat every 100, so a huge n is reduced keeping its
	// last two digits (and a non-zero hundreds part).
	i := n
	if i > 1_000_000 {
		i = i%100 + 100
	}
	return formNames[plural.Cardinal.MatchPlural(tags[lang], int(i), 0, 0, 0, 0)]
}

// N returns the message for key in the plural form that the count n
// takes, formatted with the count (in the language's digits) as the first
// argument and args after it. A form may leave the count out ("يومان"), or
// refer to the arguments by index ("%[2]s"). A key without plural forms is
// formatted the same way.
func (l *Localizer) N(key string, n int, args ...any) string {
	all := append([]any{l.Num(n)}, args...)
	forms, ok := l.plurals[key]
	if !ok {
		return l.T(key, all...)
	}
	msg := forms[PluralForm(l.Lang, int64(n))]
	if msg == "" {
		msg = forms[Other]
	}
	if !strings.Contains(msg, "%") {
		return msg
	}
	if !strings.Contains(msg, "%[") && countVerbs(msg) < len(all) {
		// A form without indexes that consumes fewer arguments than given
		// left the count out on purpose: give it the rest.
		all = all[len(all)-countVerbs(msg):]
	}
	return fmt.Sprintf(msg, all...)
}

// countVerbs counts the verbs of msg that consume an argument.
func countVerbs(msg string) int {
	n := 0
	for i := 0; i < len(msg); i++ {
		if msg[i] != '%' {
			continue
		}
		if i+1 < len(msg) && msg[i+1] == '%' {
			i++
			continue
		}
		n++
	}
	return n
}

// IsPlural reports whether key has plural forms.
func (l *Localizer) IsPlural(key string) bool {
	_, ok := l.plurals[key]
	return ok
}

// PluralForms returns key's forms in l's language, for scripts that pick
// the form themselves (the roll call's Intl.PluralRules).
func (l *Localizer) PluralForms(key string) Forms { return l.plurals[key] }

// N translates a count message with the localizer in ctx; views call it.
func N(ctx context.Context, key string, n int, args ...any) string {
	return From(ctx).N(key, n, args...)
}
