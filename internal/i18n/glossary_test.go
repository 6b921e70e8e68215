package i18n

import (
	"strings"
	"testing"
)

// arabicGlossary is the one Arabic term of each concept that has several
// labels in the interface, the reports and the certificates, with the keys
// that name it alone.
var arabicGlossary = []struct {
	term string
	keys []string
}{
	{"مقر العمل", []string{"training.station", "registry.station", "import.field.duty_station", "report.col.duty_station",
		"report.dim.station", "certificate.sheet.station"}},
	{"الجهة", []string{"registry.agency", "import.field.agency", "report.col.agency", "report.dim.agency", "certificate.sheet.agency"}},
	{"الجهة الشريكة", []string{"training.agency", "report.filter.agency"}},
	{"الجنس", []string{"person.sex", "import.field.sex", "report.col.sex"}},
	{"الوظيفة", []string{"person.position", "import.field.position", "report.col.position", "report.dim.position"}},
	{"المجال الموضوعي", []string{"training.thematic"}},
}

// retiredArabic are the other words once used for those concepts. "جهة
// العمل" and "مكان العمل" meant the duty station on some pages and the
// agency on others.
var retiredArabic = []string{"جهة العمل", "مكان العمل", "مواضيعي", "قائمة ترشيحات", "قائمة الترشيحات", "خانة النوع"}

// TestCatalogs_OneArabicTermPerConcept keeps one Arabic word per concept
// across every catalogue.
func TestCatalogs_OneArabicTermPerConcept(t *testing.T) {
	ar := Default()[AR]
	for _, g := range arabicGlossary {
		for _, k := range g.keys {
			if got := ar[k]; got != g.term {
				t.Errorf("%s = %q, want the glossary's %q", k, got, g.term)
			}
		}
	}
	for k, v := range ar {
		for _, w := range retiredArabic {
			if strings.Contains(v, w) {
				t.Errorf("%s uses %q, a retired word: %q", k, w, v)
			}
		}
	}
}
