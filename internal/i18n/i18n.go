// Package i18n holds traindesk's English and Arabic catalogues and formats
// numbers and dates for each language. Every visible string goes through a
// catalogue key; a test fails when a key is missing from either language.
package i18n

import (
	"context"
	"embed"
	"encoding/json"
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

// Catalogs maps each language to its messages.
type Catalogs map[Lang]map[string]string

var load = sync.OnceValues(func() (Catalogs, error) { return Load(files) })

// Default returns the embedded catalogues; it panics only if they are
// malformed, which the tests catch.
func Default() Catalogs {
	c, err := load()
	if err != nil {
		panic(err)
	}
	return c
}

// Load reads locales/<lang>/*.json from fsys. A key defined twice in one
// language is an error, so that two areas cannot silently overwrite each
// other.
func Load(fsys fs.FS) (Catalogs, error) {
	out := Catalogs{}
	for _, l := range Langs {
		out[l] = map[string]string{}
		dir := path.Join("locales", string(l))
		entries, err := fs.ReadDir(fsys, dir)
		if err != nil {
			return nil, fmt.Errorf("i18n: %w", err)
		}
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".json") {
				continue
			}
			b, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
			if err != nil {
				return nil, err
			}
			var m map[string]string
			if err := json.Unmarshal(b, &m); err != nil {
				return nil, fmt.Errorf("i18n: %s/%s: %w", dir, e.Name(), err)
			}
			for k, v := range m {
				if _, dup := out[l][k]; dup {
					return nil, fmt.Errorf("i18n: %s: key %q is defined twice", l, k)
				}
				out[l][k] = v
			}
		}
	}
	return out, nil
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
	Lang Lang
	msgs map[string]string
}

// New returns a localizer for lang from the embedded catalogues.
func New(lang Lang) *Localizer {
	return &Localizer{Lang: lang, msgs: Default()[lang]}
}

// T returns the message for key, formatted with args (fmt verbs). A missing
// key shows as the key itself in brackets, which the catalogue tests forbid.
func (l *Localizer) T(key string, args ...any) string {
	msg, ok := l.msgs[key]
	if !ok {
		return "[" + key + "]"
	}
	if len(args) > 0 {
		msg = fmt.Sprintf(msg, args...)
	}
	return msg
}

// Has reports whether key exists.
func (l *Localizer) Has(key string) bool {
	_, ok := l.msgs[key]
	return ok
}

// Pick returns ar when the language is Arabic and ar is not empty, else en:
// for data that carries both names.
func (l *Localizer) Pick(en, ar string) string {
	if l.Lang == AR && strings.TrimSpace(ar) != "" {
		return ar
	}
	return en
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
