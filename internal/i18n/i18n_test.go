package i18n_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
)

// TestCatalogs_SameKeys fails when a key is missing from either language,
// when a message is empty, or when the two disagree on their arguments. A
// plural message is checked here by its "other" form, and each of its
// forms by TestCatalogs_PluralForms.
func TestCatalogs_SameKeys(t *testing.T) {
	c := i18n.Default()
	verbs := regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)
	for _, k := range c.Keys(i18n.EN) {
		ar, ok := c[i18n.AR][k]
		if !ok {
			t.Errorf("%q is in English but not in Arabic", k)
			continue
		}
		en := c[i18n.EN][k]
		if strings.TrimSpace(en) == "" || strings.TrimSpace(ar) == "" {
			t.Errorf("%q has an empty message", k)
		}
		if strings.Contains(en+ar, "%[") {
			// Indexed arguments (plural forms reorder or leave out the
			// count): both must refer to as many arguments.
			if a, b := argCount(en), argCount(ar); a != b {
				t.Errorf("%q: English takes %d arguments, Arabic %d", k, a, b)
			}
		} else if a, b := argVerbs(verbs, en), argVerbs(verbs, ar); strings.Join(a, " ") != strings.Join(b, " ") {
			t.Errorf("%q: English has %v, Arabic has %v", k, a, b)
		}
	}
	for _, k := range c.Keys(i18n.AR) {
		if _, ok := c[i18n.EN][k]; !ok {
			t.Errorf("%q is in Arabic but not in English", k)
		}
	}
}

// argVerbs lists the formatting verbs that consume an argument (a literal
// %% does not, and Arabic writes its own percent sign).
func argVerbs(re *regexp.Regexp, s string) []string {
	var out []string
	for _, v := range re.FindAllString(s, -1) {
		if v != "%%" {
			out = append(out, v)
		}
	}
	return out
}

// keyLiteral finds string literals that look like catalogue keys.
var keyLiteral = regexp.MustCompile(`"((?:[a-z][a-z0-9_]*\.)+[a-z0-9_]+)"`)

// TestCatalogs_CoverCode scans the source for literal keys and for the keys
// built from enumerations, and fails when one is missing.
func TestCatalogs_CoverCode(t *testing.T) {
	c := i18n.Default()
	prefixes := map[string]bool{}
	for k := range c[i18n.EN] {
		prefixes[strings.SplitN(k, ".", 2)[0]] = true
	}
	_, here, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(here), "..", "..")
	sources := sourceFiles(t, root)
	// A key in a translation call names its namespace even when the
	// catalogues have no key of that namespace yet.
	call := regexp.MustCompile(`(?:\bT\(ctx, |\.T\(|addFlash\(c, "[a-z]+", )"([a-z][a-z0-9_]*)\.`)
	for _, b := range sources {
		for _, m := range call.FindAllStringSubmatch(b, -1) {
			prefixes[m[1]] = true
		}
	}
	var missing []string
	for p, b := range sources {
		for _, m := range keyLiteral.FindAllStringSubmatch(b, -1) {
			k := m[1]
			if !prefixes[strings.SplitN(k, ".", 2)[0]] || strings.HasSuffix(k, ".") {
				continue
			}
			if _, ok := c[i18n.EN][k]; !ok && !looksLikeFile(k) {
				missing = append(missing, k+" ("+filepath.Base(p)+")")
			}
		}
	}
	missing = append(missing, missingDynamic(c)...)
	for _, k := range missing {
		t.Errorf("catalogue key used in code but missing: %s", k)
	}
}

// sourceFiles reads the hand-written Go and templ sources.
func sourceFiles(t *testing.T, root string) map[string]string {
	out := map[string]string{}
	for _, dir := range []string{"internal", "views"} {
		filepath.WalkDir(filepath.Join(root, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			if !(strings.HasSuffix(p, ".go") || strings.HasSuffix(p, ".templ")) || strings.HasSuffix(p, "_templ.go") || strings.HasSuffix(p, "_test.go") {
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			out[p] = string(b)
			return nil
		})
	}
	return out
}

// missingDynamic checks the keys that code builds from enumerations.
func missingDynamic(c i18n.Catalogs) []string {
	var keys []string
	for _, r := range model.Roles {
		keys = append(keys, "role."+string(r))
	}
	for _, s := range model.TrainingStatuses {
		keys = append(keys, "status."+string(s))
	}
	for _, s := range model.RegistrationStatuses {
		keys = append(keys, "registration."+string(s))
	}
	for _, m := range model.Marks {
		keys = append(keys, "mark."+string(m), "mark.short."+string(m))
	}
	for _, p := range model.Positions {
		keys = append(keys, "position."+string(p))
	}
	for _, v := range []model.Via{model.ViaOnline, model.ViaSync, model.ViaQR, model.ViaCorrection, model.ViaImport} {
		keys = append(keys, "via."+string(v))
	}
	for _, l := range model.TrainingLanguages {
		keys = append(keys, "training.lang."+l)
	}
	for _, s := range model.ImportSeparators {
		keys = append(keys, "import.sep."+s)
	}
	for _, e := range model.ImportEncodings {
		keys = append(keys, "import.enc."+e)
	}
	for _, code := range []string{"400", "401", "403", "404", "405", "409", "413", "429", "500"} {
		keys = append(keys, "error."+code+".title", "error."+code+".text")
	}
	var missing []string
	for _, k := range keys {
		if _, ok := c[i18n.EN][k]; !ok {
			missing = append(missing, k)
		}
	}
	return missing
}

func looksLikeFile(k string) bool {
	for _, ext := range []string{".css", ".js", ".key", ".svg", ".png", ".json", ".go", ".templ", ".ttf", ".woff2"} {
		if strings.HasSuffix(k, ext) {
			return true
		}
	}
	return false
}

func TestFormat(t *testing.T) {
	en, ar := i18n.New(i18n.EN), i18n.New(i18n.AR)
	d := model.MustDate("2023-01-16")
	cases := []struct{ got, want string }{
		{en.Int(1234567), "1,234,567"},
		{ar.Int(1234567), "١٬٢٣٤٬٥٦٧"},
		{en.Date(d), "16 January 2023"},
		{ar.Date(d), "١٦ يناير ٢٠٢٣"},
		{en.DateRange(d, model.MustDate("2023-01-19")), "16–19 January 2023"},
		{ar.DateRange(d, model.MustDate("2023-01-19")), "١٦–١٩ يناير ٢٠٢٣"},
		{en.DateRange(d, model.MustDate("2023-02-02")), "16 January – 2 February 2023"},
		{en.Percent(88.46), "88%"},
		{ar.Percent(88.46), "٨٨٪"},
		{en.Decimal(12.345, 1), "12.3"},
		{en.Decimal(9.96, 1), "10.0"},
		{ar.Decimal(12.5, 1), "١٢٫٥"},
		{en.Pick("Safaga seaport", "ميناء سفاجا"), "Safaga seaport"},
		{ar.Pick("Safaga seaport", "ميناء سفاجا"), "ميناء سفاجا"},
		{ar.Pick("Safaga seaport", ""), "Safaga seaport"},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d: got %q, want %q", i, c.got, c.want)
		}
	}
	if l, ok := i18n.Parse("ar-EG"); !ok || l != i18n.AR || l.Dir() != "rtl" {
		t.Error("ar-EG is not Arabic right-to-left")
	}
	if _, ok := i18n.Parse("fr"); ok {
		t.Error("French parsed as supported")
	}
}

// TestCatalogs_AuditKinds fails when an audit kind has no label in either
// language: the audit page shows every kind translated.
func TestCatalogs_AuditKinds(t *testing.T) {
	c := i18n.Default()
	for _, k := range model.AuditKinds {
		for _, lang := range []i18n.Lang{i18n.EN, i18n.AR} {
			if _, ok := c[lang]["audit.a."+string(k)]; !ok {
				t.Errorf("audit kind %q has no %s label (audit.a.%s)", k, lang, k)
			}
		}
	}
}
