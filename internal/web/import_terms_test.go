package web_test

import (
	"html"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// selectedField is the field chosen in the mapping step for column i.
func selectedField(t *testing.T, body string, i int) string {
	t.Helper()
	sel := regexp.MustCompile(`(?s)<select[^>]*id="f-col-` + strconv.Itoa(i) + `".*?</select>`).FindString(body)
	m := regexp.MustCompile(`<option value="([a-z_]*)" selected`).FindStringSubmatch(sel)
	if m == nil {
		return ""
	}
	return m[1]
}

// TestImport_ArabicStationHeader uploads a list headed the way an agency
// writes it in Arabic: "جهة العمل" beside the agency is the duty station.
// A list that also has "المنفذ" leaves one of the two out, and the mapping
// step says so, in English and Arabic, until the officer maps it.
func TestImport_ArabicStationHeader(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	upload := func(csv string) string {
		t.Helper()
		r := po.Upload("/trainings/4/import", "file", "list.csv", []byte(csv), nil)
		m := uploadPath.FindStringSubmatch(r.Header.Get("Location"))
		if r.StatusCode != http.StatusSeeOther || m == nil {
			t.Fatalf("upload = %d", r.StatusCode)
		}
		return "/trainings/4/import/" + m[1]
	}

	base := upload("الاسم,الجهة,جهة العمل\nمنى سالم,مصلحة الجمارك المصرية,ميناء سفاجا البحري\n")
	page := po.Get(base + "?lang=en")
	if got := selectedField(t, page.Body, 2); got != "duty_station" {
		t.Errorf("“جهة العمل” maps to %q, want duty_station", got)
	}
	if strings.Contains(page.Body, `id="unmapped"`) {
		t.Error("a warning about unmapped columns when every column is mapped")
	}
	if p := po.Get(base + "/preview"); !strings.Contains(p.Body, "Safaga seaport") {
		t.Error("the preview does not find the duty station of the list")
	}

	base = upload("الاسم,الجهة,المنفذ,جهة العمل\nمنى سالم,مصلحة الجمارك المصرية,ميناء سفاجا البحري,سفاجا\n")
	for lang, want := range map[string]string{
		"en": "The column “جهة العمل” looks like “Duty station”, but is set to “Do not import”.",
		"ar": "يبدو أن العمود «جهة العمل» هو «مقر العمل»، لكنه مضبوط على «عدم الاستيراد».",
	} {
		page := po.Get(base + "?lang=" + lang)
		if !strings.Contains(html.UnescapeString(page.Body), want) || !strings.Contains(page.Body, `href="#f-col-3"`) {
			t.Errorf("%s: the mapping step does not warn about the column left out", lang)
		}
	}
	po.Get("/?lang=en")
	r := po.Post(base+"/mapping", map[string][]string{"col": {"name_arabic", "agency", "", "duty_station"}})
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("mapping = %d", r.StatusCode)
	}
	if page := po.Get(base); strings.Contains(page.Body, "“جهة العمل” looks like") || !strings.Contains(page.Body, "“المنفذ” looks like “Duty station”") {
		t.Error("the warning does not follow the mapping as saved")
	}
}
