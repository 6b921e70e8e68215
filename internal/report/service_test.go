package report_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/jobs"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/report"
	"github.com/traindesk/traindesk/internal/report/reporttest"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// service runs the report service on the hand-counted fixture, with the
// demo's manager and trainer as actors.
func service(t *testing.T) (*report.Service, *store.Store, reporttest.Fixture, model.Actor, model.Actor) {
	t.Helper()
	ctx := context.Background()
	s := storetest.SQLite(t, store.Options{})
	fx, err := reporttest.Seed(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	var actors [2]model.Actor
	for i, email := range []string{"manager@traindesk.local", "trainer@traindesk.local"} {
		u, err := s.UserByEmail(ctx, email)
		if err != nil {
			t.Fatal(err)
		}
		actors[i] = model.Actor{User: u, IP: "192.0.2.7"}
	}
	// The job queue runs the export work, as the application wires it.
	queue := jobs.New(s, jobs.Options{Log: slog.New(slog.DiscardHandler), TestOnly: true})
	svc := report.New(s, queue, report.Options{Wait: 10 * time.Second})
	jobs.Add(queue, report.ExportKind, svc.RunExport)
	if err := queue.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { queue.Stop(context.Background()) })
	return svc, s, fx, actors[0], actors[1]
}

// TestService_Page: nothing chosen shows the form alone; an empty period
// is the project's own; fields that could not be read are reported with
// an unknown project, and the page keeps its shortcuts.
func TestService_Page(t *testing.T) {
	svc, _, fx, manager, _ := service(t)
	ctx := context.Background()
	pg, err := svc.Page(ctx, manager, report.Request{}, i18n.EN)
	if err != nil || pg.Fig != nil || len(pg.Refs.Projects) == 0 {
		t.Fatalf("blank page: %v, %v", pg.Fig, err)
	}
	from, to := model.YearPeriod(2023)
	pg, err = svc.Page(ctx, manager, report.Request{ProjectID: fx.ProjectID, From: from, To: to}, i18n.AR)
	if err != nil || pg.Fig == nil || pg.Fig.Summary.Individuals != reporttest.Individuals {
		t.Fatalf("2023: %v", err)
	}
	if !strings.Contains(pg.Charts.Ratings, "<svg") || pg.Charts.Groups["agency"] == "" || pg.Year != 2023 {
		t.Errorf("charts or shortcuts missing: year %d", pg.Year)
	}
	pg, err = svc.Page(ctx, manager, report.Request{ProjectID: fx.ProjectID}, i18n.EN)
	if err != nil || pg.Filter.From.IsZero() || pg.Filter.To.Before(pg.Filter.From) || len(pg.Years) == 0 {
		t.Errorf("the project's period: %+v, %v", pg.Filter, err)
	}
	bad := report.Request{ProjectID: 999, Invalid: map[string]string{"from": "report.error.date"}}
	pg, err = svc.Page(ctx, manager, bad, i18n.EN)
	if fe := model.FieldErrors(err); fe["project"] != "report.error.project" || fe["from"] != "report.error.date" || pg.Fig != nil {
		t.Errorf("bad request: %v", err)
	}
	order := report.Request{ProjectID: fx.ProjectID, From: to, To: from}
	if _, err := svc.Page(ctx, manager, order, i18n.EN); model.FieldErrors(err)["to"] != "report.error.order" {
		t.Errorf("the end before the start: %v", err)
	}
}

// TestService_Access: trainers do not see reports.
func TestService_Access(t *testing.T) {
	svc, _, fx, _, trainer := service(t)
	ctx := context.Background()
	for name, err := range map[string]error{
		"page":    func() error { _, err := svc.Page(ctx, trainer, report.Request{}, i18n.EN); return err }(),
		"figures": func() error { _, err := svc.Figures(ctx, trainer, "SPHERE II", report.Request{}); return err }(),
		"export": func() error {
			_, err := svc.Export(ctx, trainer, report.ExportRequest{Request: report.Request{ProjectID: fx.ProjectID}, Format: "xlsx"})
			return err
		}(),
		"status": func() error { _, err := svc.ExportStatus(ctx, trainer, "x"); return err }(),
	} {
		if !errors.Is(err, model.ErrForbidden) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestService_Exports: which file, which tables, and an audit event for
// every export, with its filters and without names.
func TestService_Exports(t *testing.T) {
	svc, s, fx, manager, _ := service(t)
	ctx := context.Background()
	from, to := model.YearPeriod(2023)
	req := report.Request{ProjectID: fx.ProjectID, From: from, To: to, GovernorateID: 17}
	if _, err := svc.Export(ctx, manager, report.ExportRequest{Request: req, Format: "csv", Table: "secrets"}); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("unknown table: %v", err)
	}
	if _, err := svc.Export(ctx, manager, report.ExportRequest{Request: req, Format: "docx"}); model.FieldErrors(err)["format"] == "" {
		t.Errorf("unknown format: %v", err)
	}
	f, err := svc.Export(ctx, manager, report.ExportRequest{Request: req, Format: "csv", Table: "participants", Contact: true})
	if err != nil || f.Name != "SPHERE-II_2023-01-01_2023-12-31_participants.csv" || !strings.HasPrefix(f.ContentType, "text/csv") {
		t.Fatalf("csv: %q %q, %v", f.Name, f.ContentType, err)
	}
	var buf bytes.Buffer
	if err := f.Write(ctx, &buf); err != nil || !strings.HasPrefix(buf.String(), "\uFEFF") {
		t.Fatalf("csv write: %v", err)
	}
	job, err := svc.StartExport(ctx, manager, report.ExportRequest{Request: req, Format: "pdf", Lang: i18n.AR}, true)
	if err != nil || !job.Done {
		t.Fatalf("pdf job: %+v, %v", job, err)
	}
	st, file, err := svc.ExportFile(ctx, manager, job.ID)
	if err != nil || !strings.HasSuffix(st.Name, ".pdf") {
		t.Fatalf("job file: %+v, %v", st, err)
	}
	pdf, _ := io.ReadAll(file)
	file.Close()
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || int64(len(pdf)) != st.Size {
		t.Errorf("the job's PDF: %d bytes, recorded %d", len(pdf), st.Size)
	}
	if _, err := svc.Figures(ctx, manager, "SPHERE II", report.Request{From: from, To: to}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Figures(ctx, manager, "NOPE", report.Request{}); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("unknown code: %v", err)
	}
	checkExportEvents(t, s, fx.ProjectID, manager)
	if _, err := svc.ExportStatus(ctx, model.Actor{User: model.User{ID: manager.User.ID + 1, Role: model.RoleManager, Active: true}}, job.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("another user's job: %v", err)
	}
}

// checkExportEvents finds the three exports of TestService_Exports in the
// audit log, newest first.
func checkExportEvents(t *testing.T, s *store.Store, projectID int64, manager model.Actor) {
	t.Helper()
	lines, _, err := s.AuditLog(context.Background(), model.AuditFilter{Kind: model.AuditReportExport, Limit: 10})
	if err != nil || len(lines) != 3 {
		t.Fatalf("%d report_export lines, %v", len(lines), err)
	}
	want := []map[string]string{
		{"format": "json", "via": "api", "from": "2023-01-01"},
		{"format": "pdf", "via": "job", "contact": "false", "to": "2023-12-31"},
		{"format": "csv", "via": "direct", "table": "participants", "contact": "true"},
	}
	for i, l := range lines {
		if l.Entity != "project" || l.EntityID != projectID || l.UserID == nil || *l.UserID != manager.User.ID {
			t.Errorf("line %d: %+v", i, l)
		}
		for k, v := range want[i] {
			if l.Values[k] != v {
				t.Errorf("line %d: %s = %q, want %q", i, k, l.Values[k], v)
			}
		}
	}
	if g := lines[2].Related["governorate"]; g != 17 {
		t.Errorf("the governorate filter is not in the event: %v", lines[2].Related)
	}
}
