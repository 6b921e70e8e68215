package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/report/reporttest"
	"github.com/traindesk/traindesk/internal/webtest"
)

// reportEnv is the demo with the report fixture added.
func reportEnv(t *testing.T) (*webtest.Env, reporttest.Fixture) {
	t.Helper()
	env := webtest.New(t, webtest.Options{Demo: true, Today: reporttest.Today})
	fx, err := reporttest.Add(context.Background(), env.Store)
	if err != nil {
		t.Fatal(err)
	}
	return env, fx
}

// period2023 is the query of the hand-counted report.
func period2023(fx reporttest.Fixture) string {
	return "project=" + strconv.FormatInt(fx.ProjectID, 10) + "&from=2023-01-01&to=2023-12-31"
}

// shownFigures are the 2023 figures as the English page shows them,
// rounded by hand from the counts in reporttest (percentages and means to
// one decimal, halves up).
var shownFigures = map[string]string{
	"trainings_held": "2", "trainings_running": "0", "training_days": "7", "unique_individuals": "31", "participations": "44",
	"no_shows": "0", "completion_base": "44",
	"women_share_percent": "25.8%", // 8 / 31
	"women":               "8", "men": "23",
	"attendance_rate_percent": "95.6%", // 152 / 159
	"completion_rate_percent": "81.8%", // 36 / 44
	"completed":               "36",
	"mean_gain":               "15.6",  // 685 / 44
	"mastery_percent":         "56.8%", // 25 / 44
	"satisfaction_mean":       "3.5",   // 156 / 44
	"participations_women":    "14", "participations_men": "30",
	"attendance_expected": "159", "attended": "152", "present": "147", "late": "5", "absent": "4", "excused": "2", "unmarked": "1",
	"assessed": "44", "mean_pre": "55.3", "mean_post": "70.8", "improved": "42", "improved_percent": "95.5%",
	"mastery_threshold": "70", "mastery": "25",
	"satisfaction_responses": "44", "satisfaction_1": "0", "satisfaction_2": "0", "satisfaction_3": "27",
	"satisfaction_4": "10", "satisfaction_5": "7",
	// No follow-up was sent: nobody to ask, no share.
	"skills_use_percent": "–", "followup_trained": "0", "followup_answered": "0", "followup_used": "0",
	// Indicators: baseline, target, actual, progress.
	"indicator.1.1.baseline": "0", "indicator.1.1.target": "120", "indicator.1.1.actual": "31", "indicator.1.1.progress": "25.8%",
	"indicator.1.2.baseline": "10.0%", "indicator.1.2.target": "30.0%", "indicator.1.2.actual": "25.8%", "indicator.1.2.progress": "79.0%",
	"indicator.1.3.baseline": "0.0%", "indicator.1.3.target": "75.0%", "indicator.1.3.actual": "95.5%", "indicator.1.3.progress": "127.3%",
	"indicator.1.4.baseline": "0", "indicator.1.4.target": "40", "indicator.1.4.actual": "7", "indicator.1.4.progress": "17.5%",
	"indicator.1.5.baseline": "0", "indicator.1.5.target": "200", "indicator.1.5.actual": "44", "indicator.1.5.progress": "22.0%",
	"indicator.1.6.baseline": "50.0%", "indicator.1.6.target": "90.0%", "indicator.1.6.actual": "81.8%", "indicator.1.6.progress": "79.5%",
	"indicator.1.7.baseline": "0", "indicator.1.7.target": "10", "indicator.1.7.actual": "2", "indicator.1.7.progress": "20.0%",
	"indicator.2.1.baseline": "1", "indicator.2.1.target": "5", "indicator.2.1.actual": "3", "indicator.2.1.progress": "50.0%",
	"indicator.2.2.baseline": "0", "indicator.2.2.target": "2", "indicator.2.2.actual": "–", "indicator.2.2.progress": "–",
	// Trainings: the January course is id 1, the May course id 2.
	"training.1.sessions": "4", "training.1.participants": "27", "training.1.women": "6", "training.1.men": "21",
	"training.1.attendance_rate": "95.4%", "training.1.completed": "23", "training.1.completion_rate": "85.2%",
	"training.2.sessions": "3", "training.2.participants": "17", "training.2.women": "8", "training.2.men": "9",
	"training.2.attendance_rate": "96.1%", "training.2.completed": "13", "training.2.completion_rate": "76.5%",
}

// demoKeys are the ids the demo's rows get in an empty database.
var demoKeys = map[string]string{
	"Egyptian Customs Authority": "1", "Safaga seaport": "1", "Hurghada International Airport": "2",
	"Headquarters, Cairo": "3", "Red Sea": "17", "Cairo": "1",
}

// wantPage adds the disaggregations and goals to shownFigures.
func wantPage() map[string]string {
	out := map[string]string{}
	for k, v := range shownFigures {
		out[k] = v
	}
	fields := []string{"participations", "participations_women", "participations_men", "individuals", "women", "men"}
	for dim, groups := range map[string]map[string]reporttest.Group{"agency": reporttest.Agencies, "station": reporttest.Stations,
		"governorate": reporttest.Governorates, "position": reporttest.Positions} {
		for name, g := range groups {
			key := name
			if dim != "position" {
				key = demoKeys[name]
			}
			for i, f := range fields {
				out["group."+dim+"."+key+"."+f] = strconv.Itoa(g[i])
			}
		}
	}
	for kind, goals := range map[string]map[int64]reporttest.Goal{"sdg": reporttest.SDGs, "gcm": reporttest.GCMs} {
		for n, g := range goals {
			for i, f := range []string{"trainings", "participations", "individuals"} {
				out[kind+"."+strconv.FormatInt(n, 10)+"."+f] = strconv.Itoa(g[i])
			}
		}
	}
	return out
}

// TestReportPage_HandCount reads every number on the page (each carries a
// data-figure) and compares it with the hand count; a number the test
// does not know fails too.
func TestReportPage_HandCount(t *testing.T) {
	env, fx := reportEnv(t)
	res := env.SignIn(model.RoleManager).Get("/reports?" + period2023(fx))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(res.Body))
	if err != nil {
		t.Fatal(err)
	}
	want := wantPage()
	seen := map[string]int{}
	doc.Find("[data-figure]").Each(func(_ int, s *goquery.Selection) {
		key, _ := s.Attr("data-figure")
		seen[key]++
		w, ok := want[key]
		if !ok {
			t.Errorf("the page shows %s = %q, which the test does not know", key, s.Text())
		} else if got := strings.TrimSpace(s.Text()); got != w {
			t.Errorf("%s shows %q, want %q", key, got, w)
		}
	})
	for k := range want {
		if seen[k] != 1 {
			t.Errorf("%s appears %d times, want once", k, seen[k])
		}
	}
	if n := doc.Find(".chart svg[role=img]").Length(); n != 6 {
		t.Errorf("%d charts, want 6 (indicators, four disaggregations, ratings)", n)
	}
	// The merged record and the cancelled workshop appear nowhere.
	for _, s := range []string{"Hisham Farouk Othman", "Container profiling workshop", "Regional exchange on port security"} {
		if strings.Contains(res.Body, s) {
			t.Errorf("the page mentions %q", s)
		}
	}
}

// TestReportPage_Arabic shows the same figures in Arabic-Indic digits,
// right to left, with the charts mirrored.
func TestReportPage_Arabic(t *testing.T) {
	env, fx := reportEnv(t)
	res := env.SignIn(model.RoleManager).Get("/reports?" + period2023(fx) + "&lang=ar")
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(res.Body))
	if err != nil {
		t.Fatal(err)
	}
	if dir, _ := doc.Find("html").Attr("dir"); dir != "rtl" {
		t.Errorf("dir = %q", dir)
	}
	for key, w := range map[string]string{"unique_individuals": "٣١", "participations": "٤٤", "attendance_rate_percent": "٩٥٫٦٪",
		"mean_gain": "١٥٫٦", "indicator.1.2.actual": "٢٥٫٨٪", "group.station.1.individuals": "١٤"} {
		if got := strings.TrimSpace(doc.Find(`[data-figure="` + key + `"]`).Text()); got != w {
			t.Errorf("%s shows %q, want %q", key, got, w)
		}
	}
	if n := doc.Find(`.chart svg[direction="rtl"]`).Length(); n != 6 {
		t.Errorf("%d right-to-left charts, want 6", n)
	}
	if !strings.Contains(res.Body, "ميناء سفاجا البحري") || !strings.Contains(res.Body, "كيف تُحتسب هذه الأرقام") {
		t.Error("Arabic names or the note are missing")
	}
}

// TestReportAPI_HandCount reads the JSON API and checks every figure.
func TestReportAPI_HandCount(t *testing.T) {
	env, _ := reportEnv(t)
	res := env.SignIn(model.RoleProgramOfficer).Get("/api/v1/reports/donor?project=SPHERE%20II&from=2023-01-01&to=2023-12-31")
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("status %d, %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	var fig model.Figures
	if err := json.Unmarshal([]byte(res.Body), &fig); err != nil {
		t.Fatal(err)
	}
	reporttest.Check(t, fig)
	// The names M&E systems read are stable.
	var raw map[string]map[string]any
	json.Unmarshal([]byte(res.Body), &raw)
	if raw["summary"]["unique_individuals"] != float64(31) || raw["summary"]["participations"] != float64(44) ||
		raw["period"]["from"] != "2023-01-01" || raw["project"]["code"] != "SPHERE II" {
		t.Errorf("unexpected JSON: %v %v %v", raw["summary"], raw["period"], raw["project"]["code"])
	}
	checkAudit(t, env, 1)
}

// TestReportAPI_Errors: bad parameters are a 400 that names them, an
// unknown project a 404, both in JSON.
func TestReportAPI_Errors(t *testing.T) {
	env, _ := reportEnv(t)
	c := env.SignIn(model.RoleManager)
	tests := []struct {
		query  string
		status int
		field  string
	}{
		{"", 400, "project"},
		{"project=SPHERE%20II&from=2023-02-30", 400, "from"},
		{"project=SPHERE%20II&from=2023-06-01&to=2023-01-01", 400, "to"},
		{"project=SPHERE%20II&agency=x", 400, "agency"},
		{"project=NOPE&from=2023-01-01&to=2023-12-31", 404, "project"},
	}
	for _, tt := range tests {
		res := c.Get("/api/v1/reports/donor?" + tt.query)
		var body struct {
			Status int
			Fields map[string]string
		}
		if err := json.Unmarshal([]byte(res.Body), &body); err != nil {
			t.Errorf("%s: not JSON: %s", tt.query, res.Body)
			continue
		}
		if res.StatusCode != tt.status || body.Status != tt.status || body.Fields[tt.field] == "" {
			t.Errorf("%s: %d %+v, want %d naming %s", tt.query, res.StatusCode, body, tt.status, tt.field)
		}
	}
	// Without dates the period is the project's own (the demo project's
	// runs to the end of the year after the load day).
	period := fmt.Sprintf(`"from":"2022-01-01","to":"%d-12-31"`, reporttest.Today.Year+1)
	if res := c.Get("/api/v1/reports/donor?project=SPHERE%20II"); !strings.Contains(res.Body, period) {
		t.Errorf("default period: %d %.200s", res.StatusCode, res.Body)
	}
}

// TestReport_Roles: managers, program officers and admins see the report;
// trainers do not; signed-out visitors are sent to sign in (pages) or get
// a 401 (API).
func TestReport_Roles(t *testing.T) {
	env, fx := reportEnv(t)
	q := period2023(fx)
	paths := []string{"/reports", "/reports?" + q, "/reports/export.xlsx?" + q, "/reports/export/summary.csv?" + q,
		"/api/v1/reports/donor?project=SPHERE%20II&from=2023-01-01&to=2023-12-31"}
	for _, role := range []model.Role{model.RoleAdmin, model.RoleProgramOfficer, model.RoleManager, model.RoleTrainer} {
		c := env.SignIn(role)
		want := http.StatusOK
		if role == model.RoleTrainer {
			want = http.StatusForbidden
		}
		for _, p := range paths {
			if res := c.Get(p); res.StatusCode != want {
				t.Errorf("%s GET %s = %d, want %d", role, p, res.StatusCode, want)
			}
		}
		if role == model.RoleTrainer {
			if res := c.Post("/reports/export", exportForm(fx, "xlsx", "")); res.StatusCode != http.StatusForbidden {
				t.Errorf("trainer POST /reports/export = %d", res.StatusCode)
			}
		}
	}
	anon := env.Client()
	for _, p := range paths {
		want := http.StatusSeeOther
		if strings.HasPrefix(p, "/api/") {
			want = http.StatusUnauthorized
		}
		if res := anon.Get(p); res.StatusCode != want {
			t.Errorf("signed out GET %s = %d, want %d", p, res.StatusCode, want)
		}
	}
}

// TestReportPage_Errors: a bad period is shown beside its field.
func TestReportPage_Errors(t *testing.T) {
	env, fx := reportEnv(t)
	c := env.SignIn(model.RoleManager)
	res := c.Get("/reports?project=" + strconv.FormatInt(fx.ProjectID, 10) + "&from=2023-06-01&to=2023-01-01")
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Body, "must not come before its start") {
		t.Errorf("to before from: %d", res.StatusCode)
	}
	if res := c.Get("/reports?project=999"); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Body, "Choose a project.") {
		t.Errorf("unknown project: %d", res.StatusCode)
	}
	if res := c.Get("/reports"); res.StatusCode != http.StatusOK || strings.Contains(res.Body, "data-figure") {
		t.Errorf("no project: %d", res.StatusCode)
	}
	// The year shortcuts cover the project's period, 2022 to 2026.
	res = c.Get("/reports?" + period2023(fx))
	for _, y := range []string{"2022", "2026"} {
		if !strings.Contains(res.Body, "from="+y+"-01-01&amp;project=1&amp;to="+y+"-12-31") {
			t.Errorf("no shortcut to %s", y)
		}
	}
	if !strings.Contains(res.Body, "from=2023-04-01&amp;project=1&amp;to=2023-06-30") {
		t.Error("no shortcut to 2023 Q2")
	}
}
