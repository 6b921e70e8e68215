package i18n_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/i18n"
)

// TestPluralForm_CLDR checks the categories that the CLDR rules give for
// the numbers that tell them apart, and that RequiredForms names exactly
// the categories each language uses for whole numbers.
func TestPluralForm_CLDR(t *testing.T) {
	want := map[i18n.Lang]map[int64]i18n.Form{
		i18n.EN: {0: i18n.Other, 1: i18n.One, 2: i18n.Other, 3: i18n.Other, 11: i18n.Other, 100: i18n.Other},
		i18n.AR: {0: i18n.Zero, 1: i18n.One, 2: i18n.Two, 3: i18n.Few, 10: i18n.Few, 11: i18n.Many, 99: i18n.Many,
			100: i18n.Other, 101: i18n.Other, 103: i18n.Few, 111: i18n.Many, 5_000_000: i18n.Other},
	}
	for lang, cases := range want {
		for n, f := range cases {
			if got := i18n.PluralForm(lang, n); got != f {
				t.Errorf("%s %d: %s, want %s", lang, n, got, f)
			}
		}
	}
	for _, lang := range i18n.Langs {
		seen := map[i18n.Form]bool{}
		for n := int64(0); n <= 200; n++ {
			seen[i18n.PluralForm(lang, n)] = true
		}
		for _, f := range i18n.RequiredForms[lang] {
			if !seen[f] {
				t.Errorf("%s: required form %s never used by CLDR", lang, f)
			}
			delete(seen, f)
		}
		if len(seen) > 0 {
			t.Errorf("%s: CLDR uses forms %v that RequiredForms lacks", lang, seen)
		}
	}
}

// TestN_Counts renders a few count messages for 0, 1, 2, 3, 11 and 100
// in both languages.
func TestN_Counts(t *testing.T) {
	en, ar := i18n.New(i18n.EN), i18n.New(i18n.AR)
	counts := []int{0, 1, 2, 3, 11, 100}
	cases := []struct {
		l    *i18n.Localizer
		key  string
		args []any
		want []string
	}{
		{en, "training.days", nil, []string{"0 days", "1 day", "2 days", "3 days", "11 days", "100 days"}},
		{ar, "training.days", nil, []string{"٠ يوم", "يوم واحد", "يومان", "٣ أيام", "١١ يومًا", "١٠٠ يوم"}},
		{en, "import.error.bad_action", nil, []string{"0 rows have", "1 row has", "2 rows have", "3 rows have", "11 rows have", "100 rows have"}},
		{ar, "import.error.bad_action", nil, []string{"يوجد ٠ صف ", "يوجد صف واحد ", "يوجد صفّان ", "توجد ٣ صفوف ", "يوجد ١١ صفًا ", "يوجد ١٠٠ صف "}},
		{en, "import.done", []any{"a", "b", "c"}, []string{"0 people registered as nominated: a new, b already", "1 person registered", "2 people", "3 people", "11 people", "100 people"}},
		{ar, "import.done", []any{"أ", "ب", "ج"}, []string{"سُجّل ٠ شخص بحالة مرشح: أ جديد، وب موجود في السجل؛ الصفوف المتروكة: ج.",
			"سُجّل شخص واحد بحالة مرشح: أ جديد", "سُجّل شخصان بحالة", "سُجّل ٣ أشخاص بحالة", "سُجّل ١١ شخصًا بحالة", "سُجّل ١٠٠ شخص بحالة"}},
		{en, "registration.free_places", []any{"5"}, []string{"5 of 0 places free", "5 of 1 place free", "5 of 2 places", "5 of 3 places", "5 of 11 places", "5 of 100 places"}},
		{ar, "registration.free_places", []any{"٥"}, []string{"٥ من ٠ مقعد متاحة", "٥ من مقعد واحد متاح", "٥ من مقعدين", "٥ من ٣ مقاعد", "٥ من ١١ مقعدًا", "٥ من ١٠٠ مقعد"}},
	}
	for _, c := range cases {
		for i, n := range counts {
			got := c.l.N(c.key, n, c.args...)
			if !strings.HasPrefix(got, c.want[i]) || strings.Contains(got, "%!") {
				t.Errorf("%s %s(%d) = %q, want it to start with %q", c.l.Lang, c.key, n, got, c.want[i])
			}
		}
	}
	// T with a whole number first picks the form too, so that error keys
	// carried with their arguments need no special call.
	if got := i18n.T(i18n.With(context.Background(), ar), "import.too_many_rows", 2); !strings.Contains(got, "أكثر من صفّين") {
		t.Errorf("T on a plural key: %q", got)
	}
}

// TestCatalogs_PluralForms fails when a plural message lacks a form its
// language needs, when a key is plural in one language only, or when a
// form uses an argument the other language's messages do not have.
func TestCatalogs_PluralForms(t *testing.T) {
	p := i18n.DefaultPlurals()
	for _, lang := range i18n.Langs {
		other := i18n.EN
		if lang == i18n.EN {
			other = i18n.AR
		}
		for key, forms := range p[lang] {
			if _, ok := p[other][key]; !ok {
				t.Errorf("%s: %q has plural forms in %s only", key, key, lang)
			}
			for _, f := range i18n.RequiredForms[lang] {
				if strings.TrimSpace(forms[f]) == "" {
					t.Errorf("%s: %q lacks the %q form", lang, key, f)
				}
			}
			for f := range forms {
				if !slices.Contains(i18n.RequiredForms[lang], f) {
					t.Errorf("%s: %q has form %q, which %s does not use", lang, key, f, lang)
				}
			}
		}
	}
	// Every form must format without complaint with the arguments that
	// the English "other" form takes.
	for key, forms := range p[i18n.EN] {
		args := make([]any, argCount(forms[i18n.Other])-1)
		for i := range args {
			args[i] = "x"
		}
		for _, l := range []*i18n.Localizer{i18n.New(i18n.EN), i18n.New(i18n.AR)} {
			for _, n := range []int{0, 1, 2, 3, 11, 100} {
				if got := l.N(key, n, args...); strings.Contains(got, "%!") {
					t.Errorf("%s %q(%d): %q", l.Lang, key, n, got)
				}
			}
		}
	}
}

// argCount counts the arguments a message refers to, by position or by
// explicit index.
func argCount(msg string) int {
	n, pos := 0, 0
	for i := 0; i < len(msg); i++ {
		if msg[i] != '%' || i+1 >= len(msg) {
			continue
		}
		if msg[i+1] == '%' {
			i++
			continue
		}
		if msg[i+1] == '[' {
			if j := strings.IndexByte(msg[i:], ']'); j > 0 {
				k := 0
				for _, r := range msg[i+2 : i+j] {
					k = k*10 + int(r-'0')
				}
				n = max(n, k)
				continue
			}
		}
		pos++
		n = max(n, pos)
	}
	return n
}

// TestCatalogs_ArabicSeparator: Arabic messages separate items with the
// Arabic comma, never a middle dot, which beside Arabic-Indic digits
// reads as a zero ("٥ · ٠" looks like "٥٠٠").
func TestCatalogs_ArabicSeparator(t *testing.T) {
	for key, msg := range i18n.Default()[i18n.AR] {
		if strings.Contains(msg, "·") {
			t.Errorf("ar: %q separates with a middle dot: %q", key, msg)
		}
	}
	for key, forms := range i18n.DefaultPlurals()[i18n.AR] {
		for f, msg := range forms {
			if strings.Contains(msg, "·") {
				t.Errorf("ar: %q (%s) separates with a middle dot: %q", key, f, msg)
			}
		}
	}
}
