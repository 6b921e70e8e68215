package web_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/report/reporttest"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestReportExport_Neutralised: a participant whose name is a formula and
// a phone number that starts with + are written as text with a leading
// apostrophe, in the workbook and in the CSV file.
func TestReportExport_Neutralised(t *testing.T) {
	env, fx := reportEnv(t)
	ctx := context.Background()
	evil := "=cmd|' /C calc'!A0"
	p := model.Person{NameLatin: evil, NameArabic: "@SUM(1+1)", Sex: model.SexMale, Phone: "+20 100 000 0000", Email: "-x@example.org"}
	if err := env.Store.CreatePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	reg := model.Registration{TrainingID: fx.Hurghada, PersonID: p.ID, Status: model.RegConfirmed}
	if err := env.Store.InsertRegistration(ctx, &reg, nil); err != nil {
		t.Fatal(err)
	}
	if err := reporttest.Attend(ctx, env.Store, fx.Hurghada, reg.ID); err != nil {
		t.Fatal(err)
	}
	c := env.SignIn(model.RoleManager)
	q := period2023(fx) + "&contact=1"

	res := c.Get("/reports/export/participants.csv?" + q)
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(res.Body, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range readTable(t, rows) {
		if r["name_latin"] == "'"+evil {
			found = true
			if r["name_arabic"] != "'@SUM(1+1)" || r["phone"] != "'+20 100 000 0000" || r["email"] != "'-x@example.org" {
				t.Errorf("CSV row not neutralised: %v", r)
			}
		}
		if strings.HasPrefix(r["name_latin"], "=") {
			t.Errorf("CSV cell starts with =: %q", r["name_latin"])
		}
	}
	if !found {
		t.Error("the participant is missing from the CSV file")
	}

	res = c.Get("/reports/export.xlsx?" + q)
	f, err := excelize.OpenReader(bytes.NewReader([]byte(res.Body)), excelize.Options{UnzipSizeLimit: 64 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheetName := i18n.New(i18n.EN).T("report.sheet.participants")
	xrows, _ := f.GetRows(sheetName)
	found = false
	for i, r := range readTable(t, xrows) {
		if r["name_latin"] != "'"+evil {
			continue
		}
		found = true
		if r["phone"] != "'+20 100 000 0000" {
			t.Errorf("workbook phone %q", r["phone"])
		}
		cell, _ := excelize.CoordinatesToCellName(5, i+2)
		if formula, _ := f.GetCellFormula(sheetName, cell); formula != "" {
			t.Errorf("%s holds the formula %q", cell, formula)
		}
	}
	if !found {
		t.Error("the participant is missing from the workbook, or not neutralised")
	}
}

// TestReportExport_Job follows the page's download button: a quick
// export goes straight to the file; with async=1 the progress page is
// shown and polled until the file is ready. Only its owner sees the job,
// and every export is in the audit log.
func TestReportExport_Job(t *testing.T) {
	env, fx := reportEnv(t)
	c := env.SignIn(model.RoleManager)
	direct := c.Get("/reports/export/participants.csv?" + period2023(fx)).Body

	res := c.Post("/reports/export", exportForm(fx, "csv", "participants"))
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/reports/jobs/") || !strings.HasSuffix(loc, "/file") {
		t.Fatalf("quick export: %d to %q", res.StatusCode, loc)
	}
	file := c.Get(loc)
	if file.Body != direct || !strings.Contains(file.Header.Get("Content-Disposition"), "_participants.csv") {
		t.Errorf("the job's file differs from the direct export (%d bytes against %d)", len(file.Body), len(direct))
	}

	form := exportForm(fx, "xlsx", "")
	form.Set("async", "1")
	res = c.Post("/reports/export", form)
	job := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || strings.HasSuffix(job, "/file") {
		t.Fatalf("async export: %d to %q", res.StatusCode, job)
	}
	page := c.Get(job)
	if page.StatusCode != http.StatusOK || !strings.Contains(page.Body, `id="job-status"`) {
		t.Fatalf("progress page: %d", page.StatusCode)
	}
	if strings.Contains(page.Body, `hx-trigger="every 1s"`) == strings.Contains(page.Body, job+"/file") {
		t.Error("the page should either poll or offer the file")
	}
	status := pollJob(t, c, job)
	if !strings.Contains(status, `href="`+job+`/file"`) || strings.Contains(status, "hx-trigger") {
		t.Fatalf("finished status: %s", status)
	}
	xlsx := c.Get(job + "/file")
	if _, err := excelize.OpenReader(bytes.NewReader([]byte(xlsx.Body)), excelize.Options{UnzipSizeLimit: 64 << 20}); err != nil {
		t.Errorf("the job's workbook does not open: %v", err)
	}

	other := env.SignIn(model.RoleProgramOfficer)
	for _, p := range []string{job, job + "/status", job + "/file"} {
		if res := other.Get(p); res.StatusCode != http.StatusNotFound {
			t.Errorf("another user GET %s = %d", p, res.StatusCode)
		}
	}
	checkAudit(t, env, 3) // the direct CSV and the two jobs
}

// pollJob asks for the status fragment the way htmx does until the job
// is done, and returns the last fragment.
func pollJob(t *testing.T, c *webtest.Client, job string) string {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		req, _ := http.NewRequest("GET", c.Server()+job+"/status", nil)
		req.Header.Set("HX-Request", "true")
		res := c.Send(req)
		if res.StatusCode != http.StatusOK || strings.Contains(res.Body, "<html") {
			t.Fatalf("status fragment: %d", res.StatusCode)
		}
		if !strings.Contains(res.Body, "every 1s") {
			return res.Body
		}
	}
	t.Fatal("the export did not finish")
	return ""
}

// checkAudit finds n report_export lines naming the project and format.
func checkAudit(t *testing.T, env *webtest.Env, n int) {
	t.Helper()
	lines, _, err := env.Store.AuditLog(context.Background(), model.AuditFilter{Kind: "report_export", Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != n {
		t.Errorf("%d report_export lines in the audit log, want %d", len(lines), n)
	}
	for _, l := range lines {
		if l.Entity != "project" || !strings.Contains(l.Detail, `"format"`) || !strings.Contains(l.Detail, `"from":"2023-01-01"`) {
			t.Errorf("audit line %+v", l)
		}
	}
}

// TestReportExport_AcrossInstances: two instances of traindesk on one
// PostgreSQL database, each with its own job queue, as behind a load
// balancer without sticky sessions. An export started on the first shows
// its progress on the second and downloads from it, whichever instance
// wrote it; a quick export's redirect to the file works on the second too.
func TestReportExport_AcrossInstances(t *testing.T) {
	first := webtest.New(t, webtest.Options{Demo: true, Today: reporttest.Today, Postgres: true})
	fx, err := reporttest.Add(context.Background(), first.Store)
	if err != nil {
		t.Fatal(err)
	}
	second := first.Another()
	c := first.SignIn(model.RoleManager)
	there := c.On(second)
	direct := there.Get("/reports/export/participants.csv?" + period2023(fx)).Body

	form := exportForm(fx, "csv", "participants")
	form.Set("async", "1")
	res := c.Post("/reports/export", form)
	job := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(job, "/reports/jobs/") {
		t.Fatalf("async export on the first instance: %d to %q", res.StatusCode, job)
	}
	if page := there.Get(job); page.StatusCode != http.StatusOK || !strings.Contains(page.Body, `id="job-status"`) {
		t.Fatalf("the progress page on the second instance: %d", page.StatusCode)
	}
	pollJob(t, there, job)
	if file := there.Get(job + "/file"); file.StatusCode != http.StatusOK || file.Body != direct {
		t.Errorf("the file from the second instance: %d, %d bytes against %d", file.StatusCode, len(file.Body), len(direct))
	}

	res = c.Post("/reports/export", exportForm(fx, "xlsx", ""))
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.HasSuffix(loc, "/file") {
		t.Fatalf("quick export: %d to %q", res.StatusCode, loc)
	}
	xlsx := there.Get(loc)
	if _, err := excelize.OpenReader(bytes.NewReader([]byte(xlsx.Body)), excelize.Options{UnzipSizeLimit: 64 << 20}); err != nil {
		t.Errorf("the workbook from the second instance does not open (%d): %v", xlsx.StatusCode, err)
	}
}

// TestReportExport_Waiting: an export waiting its turn says so, and one
// that has sent no news for a while (its instance died under it) says it
// will start again by itself; both pages keep polling. The queue is
// stopped, so nothing moves the files meanwhile.
func TestReportExport_Waiting(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	env.Jobs.Stop(context.Background())
	now := env.Clock.Now()
	owner := env.Users[model.RoleManager].ID
	for id, f := range map[string]model.ExportFile{
		"0123456789abcdef0123456789abcdef": {State: model.ExportQueued, UpdatedAt: now},
		"fedcba9876543210fedcba9876543210": {State: model.ExportRunning, UpdatedAt: now.Add(-time.Minute), Rows: 10, Total: 40},
	} {
		f.ID, f.OwnerID, f.Name, f.ContentType, f.CreatedAt, f.ExpiresAt = id, owner, "x.csv", "text/csv", now, now.Add(time.Hour)
		if err := env.Store.CreateExportFile(context.Background(), &f); err != nil {
			t.Fatal(err)
		}
	}
	c := env.SignIn(model.RoleManager)
	for id, want := range map[string]string{
		"0123456789abcdef0123456789abcdef": "waiting its turn",
		"fedcba9876543210fedcba9876543210": "stopped answering",
	} {
		page := c.Get("/reports/jobs/" + id)
		if page.StatusCode != http.StatusOK || !strings.Contains(page.Body, want) || !strings.Contains(page.Body, `hx-trigger="every 1s"`) {
			t.Errorf("%s: %d, want %q and polling", id, page.StatusCode, want)
		}
	}
}
