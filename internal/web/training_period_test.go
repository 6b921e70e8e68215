package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// Planning next month's course: the demo project's period covers it; the
// form shows the period of the project chosen, with a link to the project
// and the "save anyway" choice before any failed save; dates outside it are
// refused with the period, in the page's language, and the link.
func TestTraining_ProjectPeriod(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true, Today: model.MustDate("2026-11-27")})
	po := env.SignIn(model.RoleProgramOfficer)
	link := `href="/reference/projects/1/edit"`

	form := po.Get("/trainings/new")
	for _, want := range []string{"SPHERE II runs from 1 January 2022 to 31 December 2027.", link, `name="outside_ok"`} {
		if !strings.Contains(form.Body, want) {
			t.Errorf("the new-training form lacks %q", want)
		}
	}

	next := trainingForm(map[string]string{"project_id": "1", "starts_on": "2026-12-20", "ends_on": "2026-12-22"})
	createdID(t, po.Post("/trainings", next))

	early := trainingForm(map[string]string{"project_id": "1", "starts_on": "2021-06-01", "ends_on": "2021-06-02"})
	r := po.Post("/trainings", early)
	if r.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("dates before the project: status %d, want 422", r.StatusCode)
	}
	for _, want := range []string{"f-starts_on-error",
		"These dates fall outside the period of SPHERE II, which runs from 1 January 2022 to 31 December 2027.",
		link, `name="outside_ok"`, `value="2021-06-01"`} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("the refusal lacks %q", want)
		}
	}
	// The save-anyway box of the chosen project is shown, not hidden.
	if strings.Contains(r.Body, `data-project-any hidden`) {
		t.Error("the save-anyway choice is hidden after the refusal")
	}

	po.Get("/?lang=ar")
	ar := po.Post("/trainings", early)
	if ar.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(ar.Body, "تقع هذه التواريخ خارج فترة SPHERE II، وهي من ١ يناير ٢٠٢٢ إلى ٣١ ديسمبر ٢٠٢٧.") {
		t.Errorf("the Arabic refusal lacks the period in Arabic (status %d)", ar.StatusCode)
	}
	noMissingKeys(t, "POST /trainings?lang=ar", ar.Body)

	early["outside_ok"] = []string{"1"}
	createdID(t, po.Post("/trainings", early))
}
