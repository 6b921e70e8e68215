package web_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/xuri/excelize/v2"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/report/reporttest"
)

// period2026 is the current year of the fixture, which reaches past Today.
func period2026(fx reporttest.Fixture) string {
	return "project=" + strconv.FormatInt(fx.ProjectID, 10) + "&from=2026-01-01&to=2026-12-31"
}

// shown2026 are the figures of 2026 as of Today as the page shows them,
// rounded by hand from reporttest.Current (see want_current.go): the
// workshop of March and the first day of the running document course.
var shown2026 = map[string]string{
	"trainings_held": "2", "trainings_running": "1", "training_days": "3", // the workshop's 2 days and yesterday
	"participations": "18", "unique_individuals": "18", "women": "2", "men": "16",
	"women_share_percent":  "11.1%", // 2 / 18
	"participations_women": "2", "participations_men": "16", "no_shows": "2",
	"attendance_expected": "20", "attended": "19", "present": "18", "late": "1", "absent": "1", "excused": "0", "unmarked": "0",
	"attendance_rate_percent": "95.0%",                                                   // 19 / 20
	"completion_base":         "2", "completed": "1", "completion_rate_percent": "50.0%", // the workshop only
	"assessed": "2", "mean_pre": "55.0", "mean_post": "72.5", "mean_gain": "17.5", "improved": "2", "improved_percent": "100.0%",
	"mastery_threshold": "70", "mastery": "1", "mastery_percent": "50.0%",
	"satisfaction_responses": "2", "satisfaction_mean": "3.0", // two ratings of 3: "3.0" everywhere
	"satisfaction_1": "0", "satisfaction_2": "0", "satisfaction_3": "2", "satisfaction_4": "0", "satisfaction_5": "0",
	// No follow-up was sent: nobody to ask, no share.
	"skills_use_percent": "–", "followup_trained": "0", "followup_answered": "0", "followup_used": "0",
}

// TestReport2026_AsOfToday reads the report of the current year, which a
// running course, a draft, a planned course and a no-show make awkward, on
// the page, in the JSON API, the workbook, the CSV files and the PDF, and
// compares each figure with the hand count; the running course is flagged
// in each, and each says what was counted.
func TestReport2026_AsOfToday(t *testing.T) {
	env, fx := reportEnv(t)
	c := env.SignIn(model.RoleManager)
	q := period2026(fx)
	t.Run("page", func(t *testing.T) { check2026Page(t, c.Get("/reports?"+q).Body, fx) })
	t.Run("json", func(t *testing.T) {
		res := c.Get("/api/v1/reports/donor?project=SPHERE%20II&from=2026-01-01&to=2026-12-31")
		var fig model.Figures
		if err := json.Unmarshal([]byte(res.Body), &fig); err != nil {
			t.Fatal(err)
		}
		reporttest.CheckCurrent(t, fig)
		if !strings.Contains(res.Body, `"counted":{"as_of":"2026-11-27","trainings_running":1,"trainings_not_started":1}`) {
			t.Errorf("the API does not say what it counted: %.300s", res.Body)
		}
	})
	t.Run("csv", func(t *testing.T) {
		tables := map[string]sheet{}
		for _, name := range []string{"summary", "trainings"} {
			rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(c.Get("/reports/export/"+name+".csv?"+q).Body, "\uFEFF"))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			tables[name] = readTable(t, rows)
		}
		check2026Tables(t, "csv", tables)
	})
	t.Run("xlsx", func(t *testing.T) {
		f, err := excelize.OpenReader(bytes.NewReader([]byte(c.Get("/reports/export.xlsx?"+q).Body)), excelize.Options{UnzipSizeLimit: 64 << 20})
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		en := i18n.New(i18n.EN)
		tables := map[string]sheet{}
		for _, name := range []string{"summary", "trainings"} {
			rows, err := f.GetRows(en.T("report.sheet." + name))
			if err != nil {
				t.Fatal(err)
			}
			tables[name] = readTable(t, rows)
		}
		check2026Tables(t, "xlsx", tables)
		if hf, _ := f.GetHeaderFooter(en.T("report.sheet.trainings")); hf == nil || !strings.Contains(hf.OddFooter, "Trainings still running: 1") {
			t.Errorf("the printed footer does not say what was counted: %+v", hf)
		}
	})
	t.Run("pdf", func(t *testing.T) {
		text := pdfText(t, []byte(c.Get("/reports/export.pdf?"+q).Body))
		checkPDFFacts(t, text, shown2026)
		for _, s := range []string{"Counted as of 27 November 2026", "Trainings still running: 1", "not started yet: 1"} {
			if !strings.Contains(strings.Join(strings.Fields(text), " "), s) {
				t.Errorf("the PDF does not say %q", s)
			}
		}
	})
}

// check2026Page reads every headline figure of the page and its note, and
// finds the running course flagged.
func check2026Page(t *testing.T, body string, fx reporttest.Fixture) {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, w := range shown2026 {
		if got := strings.TrimSpace(doc.Find(`[data-figure="` + k + `"]`).Text()); got != w {
			t.Errorf("page %s = %q, want %q", k, got, w)
		}
	}
	note := strings.Join(strings.Fields(doc.Find("[data-note]").Text()), " ")
	for _, s := range []string{"Counted as of 27 November 2026", "Trainings still running: 1", "not started yet: 1"} {
		if !strings.Contains(note, s) {
			t.Errorf("the note %q does not say %q", note, s)
		}
	}
	running := doc.Find("[data-running]")
	if id, _ := running.Attr("data-running"); running.Length() != 1 || id != strconv.FormatInt(fx.Documents, 10) {
		t.Errorf("%d trainings flagged running (%s), want the document course", running.Length(), id)
	}
	for _, s := range []string{"Port health briefing", "Counter-smuggling refresher", "Khaled Abdelhamid Nasr"} {
		if strings.Contains(body, s) {
			t.Errorf("the page mentions %q, which counts nowhere", s)
		}
	}
}

// check2026Tables compares the summary and the trainings of an export
// with the hand count: numbers as the CSV files write them (or the
// workbook shows them), the note, and the running flag.
func check2026Tables(t *testing.T, format string, tables map[string]sheet) {
	t.Helper()
	summary := map[string]string{}
	for _, r := range tables["summary"] {
		summary[r["figure"]] = r["value"]
	}
	for k, w := range shown2026 {
		if w == "–" {
			w = "" // a share with nothing to divide by is a blank cell in a file
		}
		if got := summary[k]; strings.TrimSuffix(got, "%") != strings.TrimSuffix(w, "%") {
			t.Errorf("%s summary %s = %q, want %q", format, k, got, w)
		}
	}
	if summary["as_of"] != "2026-11-27" || !strings.Contains(summary["note"], "Trainings still running: 1") {
		t.Errorf("%s: as of %q, note %q", format, summary["as_of"], summary["note"])
	}
	flags := map[string]string{}
	for _, r := range tables["trainings"] {
		flags[r["training"]] = r["running"] + " " + r["sessions"] + "/" + r["sessions_planned"] + " " + r["completed"]
	}
	want := map[string]string{"Risk profiling workshop for airport shifts": "No 2/2 1",
		"Document examination for front-line officers": "Yes 1/3 "}
	if len(flags) != len(want) {
		t.Errorf("%s trainings: %v", format, flags)
	}
	for title, w := range want {
		if flags[title] != w {
			t.Errorf("%s training %q: running, sessions, completed = %q, want %q", format, title, flags[title], w)
		}
	}
}
