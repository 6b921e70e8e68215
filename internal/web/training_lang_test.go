package web_test

import (
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestTraining_BilingualTexts saves a training with its title, venue and
// objectives in Arabic only, then in both languages, and reads each page
// in both: the page's language first, the other one where it is missing,
// always isolated from the surrounding text.
func TestTraining_BilingualTexts(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	const titleAr, venueAr, objAr = "تحليل المخاطر في ميناء سفاجا", "قاعة التدريب بالميناء", "تحليل الشحنات الخطرة."
	id := createdID(t, po.Post("/trainings", trainingForm(map[string]string{
		"title_en": "", "objectives_en": "", "venue_en": "", "title_ar": titleAr, "venue_ar": venueAr, "objectives_ar": objAr})))
	for _, path := range []string{"/trainings/" + id, "/trainings/" + id + "?lang=ar"} {
		body := po.Get(path).Body
		for _, want := range []string{"<bdi>" + titleAr + "</bdi>", venueAr, objAr} {
			if !strings.Contains(body, want) {
				t.Errorf("%s: %q missing (Arabic is the fallback of English)", path, want)
			}
		}
	}
	if r := po.Get("/trainings?lang=en"); !strings.Contains(r.Body, "<bdi>"+titleAr+"</bdi>") {
		t.Error("the list does not show the Arabic title in English where no English title is given")
	}
	r := po.Post("/trainings/"+id, trainingForm(map[string]string{"title_ar": titleAr, "venue_ar": venueAr, "objectives_ar": objAr}))
	if r.StatusCode != 303 {
		t.Fatalf("update = %d", r.StatusCode)
	}
	en, ar := po.Get("/trainings/"+id).Body, po.Get("/trainings/"+id+"?lang=ar").Body
	if !strings.Contains(en, "<bdi>Risk profiling at Safaga port</bdi>") || strings.Contains(en, titleAr) {
		t.Error("the English page does not show the English title alone")
	}
	if !strings.Contains(ar, "<bdi>"+titleAr+"</bdi>") || strings.Contains(ar, "Profile risky consignments.") {
		t.Error("the Arabic page does not show the Arabic title and objectives")
	}
	edit := po.Get("/trainings/" + id + "/edit").Body
	for _, want := range []string{`name="title_ar"`, `value="` + titleAr + `"`, `name="venue_en"`, `name="objectives_ar"`} {
		if !strings.Contains(edit, want) {
			t.Errorf("the form lacks %s", want)
		}
	}
}

// TestTraining_ArabicDemo reads the demo course in Arabic: its Arabic
// title and venue, and the official Arabic titles of its GCM objectives.
func TestTraining_ArabicDemo(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	list := po.Get("/trainings?lang=ar&q=Hurghada").Body
	if !strings.Contains(list, "مكافحة التهريب لموظفي الجمارك") {
		t.Fatal("the Arabic list does not show the demo course's Arabic title")
	}
	id := locationOf(t, list, "مكافحة التهريب لموظفي الجمارك")
	body := po.Get(id + "?lang=ar").Body
	for _, want := range []string{"قاعة المؤتمرات بالفندق", "تعزيز التصدي عبر الوطني لتهريب المهاجرين", "إدارة الحدود بطريقة متكاملة وآمنة ومنسقة"} {
		if !strings.Contains(body, want) {
			t.Errorf("Arabic page lacks %q", want)
		}
	}
	if strings.Contains(body, "Strengthen the transnational response") {
		t.Error("a GCM objective is shown in English on the Arabic page")
	}
}

// locationOf finds the link to the training whose title is title.
func locationOf(t *testing.T, html, title string) string {
	t.Helper()
	i := strings.Index(html, title)
	if i < 0 {
		t.Fatalf("%q not found", title)
	}
	j := strings.LastIndex(html[:i], `href="/trainings/`)
	if j < 0 {
		t.Fatal("no link before the title")
	}
	rest := html[j+len(`href="`):]
	return rest[:strings.IndexByte(rest, '"')]
}
