package web_test

import (
	"bytes"
	"encoding/csv"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/report/reporttest"
)

// exportedSummary is the summary table as the files hold it: the numbers
// of shownFigures, percentages without their sign (a workbook shows them
// with it).
var exportedSummary = map[string]float64{
	"trainings_held": 2, "training_days": 7, "participations": 44, "participations_women": 14, "participations_men": 30,
	"unique_individuals": 31, "women": 8, "men": 23, "women_share_percent": 25.8, "completed": 36,
	"completion_rate_percent": 81.8, "attendance_expected": 159, "attended": 152, "present": 147, "late": 5, "absent": 4,
	"excused": 2, "unmarked": 1, "attendance_rate_percent": 95.6, "assessed": 44, "mean_pre": 55.3, "mean_post": 70.8,
	"mean_gain": 15.6, "improved": 42, "improved_percent": 95.5, "mastery_threshold": 70, "mastery": 25,
	"mastery_percent": 56.8, "satisfaction_responses": 44, "satisfaction_mean": 3.5, "satisfaction_1": 0,
	"satisfaction_2": 0, "satisfaction_3": 27, "satisfaction_4": 10, "satisfaction_5": 7,
}

// exportedIndicators: baseline, target, actual, progress; NaN for blank.
var exportedIndicators = map[string][4]float64{
	"1.1": {0, 120, 31, 25.8}, "1.2": {10, 30, 25.8, 79}, "1.3": {0, 75, 95.5, 127.3}, "1.4": {0, 40, 7, 17.5},
	"1.5": {0, 200, 44, 22}, "1.6": {50, 90, 81.8, 79.5}, "1.7": {0, 10, 2, 20}, "2.1": {1, 5, 3, 50},
	"2.2": {0, 2, math.NaN(), math.NaN()},
}

// sheet is a table read back from a file: rows of cells by column key.
type sheet []map[string]string

// readTable maps a header row of English column names back to their keys.
func readTable(t *testing.T, rows [][]string) sheet {
	t.Helper()
	names := map[string]string{}
	for k, v := range i18n.Default()[i18n.EN] {
		if col, ok := strings.CutPrefix(k, "report.col."); ok {
			names[v] = col
		}
	}
	if len(rows) == 0 {
		t.Fatal("empty table")
	}
	var out sheet
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			key, ok := names[h]
			if !ok {
				key = h
			}
			if i < len(r) {
				m[key] = r[i]
			}
		}
		out = append(out, m)
	}
	return out
}

// number reads a cell as the report wrote it, in a CSV file or as a
// workbook shows it: "95.6", "95.6%", "1,234"; NaN when blank.
func number(s string) float64 {
	s = strings.NewReplacer("%", "", ",", "").Replace(s)
	if s == "" {
		return math.NaN()
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return math.Inf(1)
	}
	return v
}

func same(a, b float64) bool { return (math.IsNaN(a) && math.IsNaN(b)) || math.Abs(a-b) < 1e-9 }

// checkTables compares the tables of an export with the hand count.
func checkTables(t *testing.T, format string, tables map[string]sheet) {
	t.Helper()
	summary := map[string]string{}
	for _, r := range tables["summary"] {
		summary[r["figure"]] = r["value"]
	}
	for k, w := range exportedSummary {
		if got := number(summary[k]); !same(got, w) {
			t.Errorf("%s summary %s = %q, want %v", format, k, summary[k], w)
		}
	}
	if summary["from"] != "2023-01-01" || summary["to"] != "2023-12-31" || summary["project"] != "SPHERE II" {
		t.Errorf("%s summary heading: %v %v %v", format, summary["project"], summary["from"], summary["to"])
	}
	for _, r := range tables["indicators"] {
		w := exportedIndicators[r["code"]]
		got := [4]float64{number(r["baseline"]), number(r["target"]), number(r["actual"]), number(r["progress_percent"])}
		for i := range w {
			if !same(got[i], w[i]) {
				t.Errorf("%s indicator %s = %v, want %v", format, r["code"], got, w)
				break
			}
		}
	}
	checkTrainingRows(t, format, tables["trainings"])
	checkGroupRows(t, format, tables["disaggregation"])
	checkGoalRows(t, format, tables["alignment"])
	checkLongTables(t, format, tables["participants"], tables["attendance"])
}

func checkTrainingRows(t *testing.T, format string, rows sheet) {
	t.Helper()
	if len(rows) != len(reporttest.Trainings) {
		t.Fatalf("%s: %d trainings", format, len(rows))
	}
	rates := map[string][2]float64{"1": {95.4, 85.2}, "2": {96.1, 76.5}} // by hand: 103/108, 23/27; 49/51, 13/17
	for _, r := range rows {
		w := reporttest.Trainings[r["training"]]
		got := reporttest.TrainingRow{}
		for i, col := range []string{"sessions", "training_days", "participants", "women", "men", "attended", "completed"} {
			got[i] = int(number(r[col]))
		}
		if got != w || !same(number(r["attendance_rate_percent"]), rates[r["training_id"]][0]) ||
			!same(number(r["completion_rate_percent"]), rates[r["training_id"]][1]) {
			t.Errorf("%s training %s = %v, %s, %s; want %v", format, r["training_id"], got, r["attendance_rate_percent"],
				r["completion_rate_percent"], w)
		}
	}
	if rows[0]["starts_on"] != "2023-01-16" || rows[1]["ends_on"] != "2023-05-23" {
		t.Errorf("%s dates: %s, %s", format, rows[0]["starts_on"], rows[1]["ends_on"])
	}
}

func checkGroupRows(t *testing.T, format string, rows sheet) {
	t.Helper()
	want := map[string]map[string]reporttest.Group{"Agency": reporttest.Agencies, "Duty station": reporttest.Stations,
		"Governorate": reporttest.Governorates, "Position": reporttest.Positions}
	n := 0
	for _, r := range rows {
		name := r["name"]
		if r["dimension"] == "Position" {
			name = r["key"]
		}
		w, ok := want[r["dimension"]][name]
		got := reporttest.Group{}
		for i, col := range []string{"participations", "participations_women", "participations_men", "unique_individuals", "women", "men"} {
			got[i] = int(number(r[col]))
		}
		if !ok || got != w {
			t.Errorf("%s %s %s = %v, want %v", format, r["dimension"], name, got, w)
		}
		n++
	}
	if n != len(reporttest.Agencies)+len(reporttest.Stations)+len(reporttest.Governorates)+len(reporttest.Positions) {
		t.Errorf("%s: %d disaggregation lines", format, n)
	}
}

func checkGoalRows(t *testing.T, format string, rows sheet) {
	t.Helper()
	if len(rows) != len(reporttest.SDGs)+len(reporttest.GCMs) {
		t.Errorf("%s: %d goals", format, len(rows))
	}
	for _, r := range rows {
		want := reporttest.SDGs
		if r["framework"] == "GCM" {
			want = reporttest.GCMs
		}
		n, _ := strconv.ParseInt(r["number"], 10, 64)
		got := reporttest.Goal{int(number(r["trainings"])), int(number(r["participations"])), int(number(r["unique_individuals"]))}
		if got != want[n] {
			t.Errorf("%s %s %d = %v, want %v", format, r["framework"], n, got, want[n])
		}
	}
}

// checkLongTables: a row per participation, the people after merges,
// the completers, and the marks of the attendance matrix.
func checkLongTables(t *testing.T, format string, people, marks sheet) {
	t.Helper()
	persons, completed := map[string]bool{}, 0
	for _, r := range people {
		persons[r["person_id"]] = true
		if r["completed"] == "Yes" {
			completed++
		}
		if _, ok := r["phone"]; ok {
			t.Errorf("%s: phone column without asking for contact data", format)
			break
		}
	}
	if len(people) != reporttest.Participations || len(persons) != reporttest.Individuals || completed != reporttest.Completed {
		t.Errorf("%s participants: %d rows, %d persons, %d completed", format, len(people), len(persons), completed)
	}
	attended, cells := 0, 0
	for _, r := range marks {
		attended += int(number(r["attended"]))
		cells += int(number(r["sessions"]))
	}
	if len(marks) != reporttest.Participations || attended != reporttest.Attended || cells != reporttest.Expected {
		t.Errorf("%s attendance: %d rows, %d attended of %d", format, len(marks), attended, cells)
	}
}

// TestReportXLSX_HandCount downloads the workbook and reads every sheet.
func TestReportXLSX_HandCount(t *testing.T) {
	env, fx := reportEnv(t)
	res := env.SignIn(model.RoleManager).Get("/reports/export.xlsx?" + period2023(fx))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %.300s", res.StatusCode, res.Body)
	}
	if cd := res.Header.Get("Content-Disposition"); !strings.Contains(cd, `filename="SPHERE-II_2023-01-01_2023-12-31.xlsx"`) {
		t.Errorf("Content-Disposition %q", cd)
	}
	f, err := excelize.OpenReader(bytes.NewReader([]byte(res.Body)), excelize.Options{UnzipSizeLimit: 64 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	en := i18n.New(i18n.EN)
	tables := map[string]sheet{}
	for _, name := range []string{"summary", "indicators", "trainings", "disaggregation", "alignment", "participants", "attendance"} {
		rows, err := f.GetRows(en.T("report.sheet." + name))
		if err != nil {
			t.Fatalf("sheet %s: %v", name, err)
		}
		tables[name] = readTable(t, rows)
	}
	checkTables(t, "xlsx", tables)
	// Counts are numbers, not text.
	if typ, _ := f.GetCellType(en.T("report.sheet.summary"), "C10"); typ == excelize.CellTypeInlineString {
		t.Error("a count is stored as text")
	}
}

// TestReportCSV_HandCount downloads each table as CSV.
func TestReportCSV_HandCount(t *testing.T) {
	env, fx := reportEnv(t)
	c := env.SignIn(model.RoleManager)
	tables := map[string]sheet{}
	for _, name := range []string{"summary", "indicators", "trainings", "disaggregation", "alignment", "participants", "attendance"} {
		res := c.Get("/reports/export/" + name + ".csv?" + period2023(fx))
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Body, "\uFEFF") {
			t.Fatalf("%s: status %d, starts %q", name, res.StatusCode, res.Body[:min(8, len(res.Body))])
		}
		if cd := res.Header.Get("Content-Disposition"); !strings.Contains(cd, "SPHERE-II_2023-01-01_2023-12-31_"+name+".csv") {
			t.Errorf("%s: Content-Disposition %q", name, cd)
		}
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(res.Body, "\uFEFF"))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		tables[name] = readTable(t, rows)
	}
	checkTables(t, "csv", tables)
	if res := c.Get("/reports/export/secrets.csv?" + period2023(fx)); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown table: %d", res.StatusCode)
	}
	if res := c.Get("/reports/export/summary.csv?project=1&from=nonsense"); res.StatusCode != http.StatusBadRequest {
		t.Errorf("bad date: %d", res.StatusCode)
	}
}

// exportForm is the page's download form.
func exportForm(fx reporttest.Fixture, format, table string) url.Values {
	return url.Values{"project": {strconv.FormatInt(fx.ProjectID, 10)}, "from": {"2023-01-01"}, "to": {"2023-12-31"},
		"format": {format}, "table": {table}}
}
