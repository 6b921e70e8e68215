// Package i18n holds traindesk's English and Arabic catalogues and formats
// numbers and dates for each language. Every visible string goes through a
// catalogue key; a test fails when a key is missing from either language.
package i18n

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
)

// Lang is a supported language code.
type Lang string

// The supported languages.
const (
	EN Lang = "en"
	AR Lang = "ar"
)

// Langs lists the supported languages, default first.
var Langs = []Lang{EN, AR}

// Parse returns the language for a code such as "ar" or "ar-EG", and false
// when it is not supported.
func Parse(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i > 0 {
		s = s[:i]
	}
	switch Lang(s) {
	case EN:
		return EN, true
	case AR:
		return AR, true
	}
	return EN, false
}

// Dir is the text direction: "rtl" for Arabic, else "ltr".
func (l Lang) Dir() string {
	if l == AR {
		return "rtl"
	}
	return "ltr"
}

//go:embed locales
var files embed.FS

// Catalogs maps each language to its messages. A message with plural
// forms appears here with its "other" form; its forms are in Plurals.
type Catalogs map[Lang]map[string]string

// Plurals maps each language to the messages that have plural forms.
type Plurals map[Lang]map[string]Forms

type loaded struct {
	msgs    Catalogs
	plurals Plurals
}

var load = sync.OnceValues(func() (loaded, error) {
	c, p, err := Load(files)
	return loaded{c, p}, err
})

// Default returns the embedded catalogues; it panics only if they are
// malformed, which the tests catch.
func Default() Catalogs { return mustLoad().msgs }

// DefaultPlurals returns the embedded plural messages.
func DefaultPlurals() Plurals { return mustLoad().plurals }

func mustLoad() loaded {
	c, err := load()
	if err != nil {
		panic(err)
	}
	return c
}

// Load reads locales/<lang>/*.json from fsys. A value is a message, or an
// object of plural forms ({"one": "…", "other": "…"}). A key defined twice
// in one language is an error, so that two areas cannot silently overwrite
// each other.
func Load(fsys fs.FS) (Catalogs, Plurals, error) {
	out, plurals := Catalogs{}, Plurals{}
	for _, l := range Langs {
		out[l], plurals[l] = map[string]string{}, map[string]Forms{}
		dir := path.Join("locales", string(l))
		entries, err := fs.ReadDir(fsys, dir)
		if err != nil {
			return nil, nil, fmt.Errorf("i18n: %w", err)
		}
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".json") {
				continue
			}
			b, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
			if err != nil {
				return nil, nil, err
			}
			var m map[string]json.RawMessage
			if err := json.Unmarshal(b, &m); err != nil {
				return nil, nil, fmt.Errorf("i18n: %s/%s: %w", dir, e.Name(), err)
			}
			for k, raw := range m {
				if _, dup := out[l][k]; dup {
					return nil, nil, fmt.Errorf("i18n: %s: key %q is defined twice", l, k)
				}
				msg, forms, err := parseMessage(raw)
				if err != nil {
					return nil, nil, fmt.Errorf("i18n: %s/%s: %q: %w", dir, e.Name(), k, err)
				}
				out[l][k] = msg
				if forms != nil {
					plurals[l][k] = forms
				}
			}
		}
	}
	return out, plurals, nil
}

// parseMessage reads a plain message or an object of plural forms.
func parseMessage(raw json.RawMessage) (string, Forms, error) {
	var msg string
	if err := json.Unmarshal(raw, &msg); err == nil {
		return msg, nil, nil
	}
	var forms Forms
	if err := json.Unmarshal(raw, &forms); err != nil {
		return "", nil, errors.New("a message is a string or an object of plural forms")
	}
	for f := range forms {
		switch f {
		case Zero, One, Two, Few, Many, Other:
		default:
			return "", nil, fmt.Errorf("unknown plural form %q", f)
		}
	}
	if forms[Other] == "" {
		return "", nil, errors.New("plural forms need an \"other\" form")
	}
	return forms[Other], forms, nil
}

// Keys lists a language's keys in order.
func (c Catalogs) Keys(l Lang) []string {
	keys := make([]string, 0, len(c[l]))
	for k := range c[l] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Localizer translates and formats for one language.
type Localizer struct {
	Lang    Lang
	msgs    map[string]string
	plurals map[string]Forms
}

// New returns a localizer for lang from the embedded catalogues.
func New(lang Lang) *Localizer {
	c := mustLoad()
	return &Localizer{Lang: lang, msgs: c.msgs[lang], plurals: c.plurals[lang]}
}

// T returns the message for key, formatted with args (fmt verbs). A missing
// key shows as the key itself in brackets, which the catalogue tests forbid.
// For a key with plural forms whose first argument is a whole number, T
// is N: the number picks the form.
func (l *Localizer) T(key string, args ...any) string {
	if _, ok := l.plurals[key]; ok && len(args) > 0 {
		if n, ok := wholeNumber(args[0]); ok {
			return l.N(key, n, args[1:]...)
		}
	}
	msg, ok := l.msgs[key]
	if !ok {
		return "[" + key + "]"
	}
	if len(args) > 0 {
		msg = fmt.Sprintf(msg, args...)
	}
	return msg
}

func wholeNumber(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case int32:
		return int(n), true
	case float64:
		// A count that travelled through JSON (a message kept in a cookie
		// for the next page) comes back as a float64.
		if n == float64(int(n)) {
			return int(n), true
		}
	}
	return 0, false
}

// Has reports whether key exists.
func (l *Localizer) Has(key string) bool {
	_, ok := l.msgs[key]
	return ok
}

// Pick returns the text in l's language of data that carries both
// (names, titles, venues): the other language's when that one is empty.
func (l *Localizer) Pick(en, ar string) string { return Pick(l.Lang, en, ar) }

// Pick returns ar for Arabic and en otherwise, falling back to the other
// when the chosen one is blank. Services that write files in a language
// (certificates, exports) use it without a localizer.
func Pick(lang Lang, en, ar string) string {
	first, second := en, ar
	if lang == AR {
		first, second = ar, en
	}
	if strings.TrimSpace(first) != "" {
		return first
	}
	return second
}

type ctxKey struct{}

// With returns ctx carrying l.
func With(ctx context.Context, l *Localizer) context.Context {
	return context.WithValue(ctx, ctxKey{}, l)
}

// From returns the localizer in ctx, or English.
func From(ctx context.Context) *Localizer {
	if l, ok := ctx.Value(ctxKey{}).(*Localizer); ok {
		return l
	}
	return New(EN)
}

// T translates key with the localizer in ctx; views call it.
func T(ctx context.Context, key string, args ...any) string { return From(ctx).T(key, args...) }

// Sep is the separator between two short items on one line, with its
// trailing space: a middle dot in English, the Arabic comma in Arabic,
// where a middle dot beside Arabic-Indic digits reads as a zero.
func Sep(ctx context.Context) string { return From(ctx).Sep() }

// Join joins the parts that are not empty with Sep(ctx): "16–19 January
// 2023 · Hurghada".
func Join(ctx context.Context, parts ...string) string {
	kept := make([]string, 0, len(parts))
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, Sep(ctx))
}

// Sep is the separator of Sep(ctx) in l's language.
func (l *Localizer) Sep() string { return l.T("common.sep") + " " }

// Choose picks, with the localizer in ctx, the text in the page's language
// of data kept in both (see Pick); views call it.
func Choose(ctx context.Context, en, ar string) string { return From(ctx).Pick(en, ar) }

// Isolate wraps text typed by a user (a name, a reason) in Unicode's
// first-strong isolate, so that inside a message of the other script it
// keeps its own direction and does not drag the message's punctuation
// with it: an English name in an Arabic sentence keeps the sentence's
// full stop at its end. Elements use <bdi> or dir="auto" instead.
func Isolate(s string) string {
	if s == "" {
		return s
	}
	return "\u2068" + s + "\u2069"
}
