package nomination

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// catalogueKeys lists every key this package can hand to the web layer.
func catalogueKeys() []string {
	keys := []string{
		keyEmpty, keyTooLarge, keyTooLargeUnpacked, keyTooManyRows, keyTooManyColumns, keyNoHeader,
		keyNoRows, keyCorrupt, keyXLS, keyWrongType, keyBadEncoding, keySheetTooComplex, keyMapNeedName, keyMapDuplicate,
		keyRowNoName, keyRowBadSex, keyRowBadBirthYear, keyRowBadEmail, keyRowBadPhone,
		keyRowUnknownPosition, keyRowScriptSwapped, keyRowRagged, FieldIgnore.LabelKey(),
	}
	for _, f := range Fields {
		keys = append(keys, f.LabelKey())
	}
	return keys
}

// Every key has a message in both languages with the same fmt verbs, and
// the catalogue file holds nothing else.
func TestCatalogue(t *testing.T) {
	cats := map[string]map[string]string{}
	for _, lang := range []string{"en", "ar"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "i18n", "locales", lang, "roster_import.json"))
		if err != nil {
			t.Fatal(err)
		}
		var raw map[string]json.RawMessage
		if err := json.Unmarshal(b, &raw); err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		// A message is a string, or plural forms of which "other" is
		// checked here (the i18n tests check every form).
		m := map[string]string{}
		for k, v := range raw {
			var msg string
			if json.Unmarshal(v, &msg) != nil {
				var forms map[string]string
				if err := json.Unmarshal(v, &forms); err != nil {
					t.Fatalf("%s: %s: %v", lang, k, err)
				}
				msg = forms["other"]
			}
			m[k] = msg
		}
		cats[lang] = m
	}
	keys := catalogueKeys()
	for _, k := range keys {
		en, ar := cats["en"][k], cats["ar"][k]
		if strings.TrimSpace(en) == "" || strings.TrimSpace(ar) == "" {
			t.Errorf("%s: missing (en %q, ar %q)", k, en, ar)
		}
		if verbs(en) != verbs(ar) {
			t.Errorf("%s: verbs differ: %q / %q", k, verbs(en), verbs(ar))
		}
	}
	for lang, m := range cats {
		if len(m) != len(keys) {
			t.Errorf("%s: %d keys, want %d", lang, len(m), len(keys))
		}
		for k := range m {
			if !strings.HasPrefix(k, "import.") {
				t.Errorf("%s: key %q lacks the import. prefix", lang, k)
			}
		}
	}
}

// verbs returns the fmt verbs of a message, in order.
func verbs(s string) string {
	var out []string
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '%' {
			out = append(out, s[i:i+2])
			i++
		}
	}
	return strings.Join(out, " ")
}
