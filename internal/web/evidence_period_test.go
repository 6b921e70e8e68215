package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

var incompleteAttr = regexp.MustCompile(`data-incomplete="(\d+)"`)

// incomplete reads the report page's count of trainings with incomplete
// evidence.
func incomplete(t *testing.T, c *webtest.Client, q string) string {
	t.Helper()
	r := c.Get("/reports?" + q)
	m := incompleteAttr.FindStringSubmatch(r.Body)
	if r.StatusCode != http.StatusOK || m == nil {
		t.Fatalf("report page = %d without an evidence count", r.StatusCode)
	}
	return m[1]
}

// TestEvidence_ReportPeriod: the report page counts the counted trainings
// whose evidence is incomplete by the training page's checklist, and one
// training made complete (a sheet for each session, the agenda, a photo)
// leaves the count one lower. The period's pack holds every counted
// training's files, filed by training, session and kind, with index.csv and
// index.pdf naming each with its checksum; its download is audited against
// the project.
func TestEvidence_ReportPeriod(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	ctx := context.Background()
	officer := env.SignIn(model.RoleProgramOfficer)
	manager := env.SignIn(model.RoleManager)
	project := env.Store.MustString(ctx, "SELECT CAST(project_id AS TEXT) FROM trainings WHERE id = 1")
	from := env.Store.MustString(ctx, "SELECT CAST(starts_on AS TEXT) FROM trainings WHERE id = 1")[:10]
	to := env.Store.MustString(ctx, "SELECT CAST(ends_on AS TEXT) FROM trainings WHERE id = 1")[:10]
	q := url.Values{"project": {project}, "from": {from}, "to": {to}}.Encode()

	before := incomplete(t, manager, q)
	var sits []string
	n, _ := strconv.Atoi(env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM sittings WHERE training_id = 1 AND deleted_at IS NULL"))
	for i := range n {
		sits = append(sits, env.Store.MustString(ctx,
			"SELECT CAST(id AS TEXT) FROM sittings WHERE training_id = 1 AND deleted_at IS NULL ORDER BY id LIMIT 1 OFFSET ?", i))
	}
	for _, sid := range sits {
		if r := upload(officer, "sheet.png", tinyPNG(t), url.Values{"kind": {"signed_sheet"}, "sitting_id": {sid}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("sheet upload = %d", r.StatusCode)
		}
	}
	if incomplete(t, manager, q) != before {
		t.Fatal("sheets alone made a training complete: the agenda and a photo are still missing")
	}
	upload(officer, "agenda.docx", docx(t), url.Values{"kind": {"agenda"}})
	upload(officer, "room.jpg", jpegWithGPS(t), url.Values{"kind": {"photo"}})
	after := incomplete(t, manager, q)
	b, _ := strconv.Atoi(before)
	if a, _ := strconv.Atoi(after); b == 0 || a != b-1 {
		t.Fatalf("incomplete trainings: %s before, %s after completing training 1", before, after)
	}

	t.Logf("trainings with incomplete evidence: %s, then %s", before, after)
	r := manager.Get("/reports/evidence.zip?" + q)
	if r.StatusCode != http.StatusOK || r.Header.Get("Content-Type") != "application/zip" {
		t.Fatalf("period pack = %d %s", r.StatusCode, r.Header.Get("Content-Type"))
	}
	z, err := zip.NewReader(bytes.NewReader([]byte(r.Body)), int64(len(r.Body)))
	if err != nil {
		t.Fatal(err)
	}
	entries := map[string]string{}
	for _, f := range z.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		entries[f.Name] = string(b)
	}
	sum := env.Store.MustString(ctx, "SELECT sha256 FROM evidence_files WHERE kind = 'agenda'")
	folder := from + "-training-1/training/agenda/"
	if !strings.Contains(entries["index.csv"], sum) || !strings.Contains(entries["index.csv"], folder) {
		t.Errorf("index.csv lacks the agenda:\n%s", entries["index.csv"])
	}
	if !strings.HasPrefix(entries["index.pdf"], "%PDF-") {
		t.Error("no PDF index in the pack")
	}
	if len(z.File) != 2+len(sits)+2 {
		t.Errorf("%d entries, want the two indexes and %d files", len(z.File), len(sits)+2)
	}
	if text := pdfText(t, []byte(entries["index.pdf"])); !strings.Contains(text, "Evidence index") || !strings.Contains(text, sum[:32]) {
		t.Errorf("the PDF index lacks its title or the agenda's checksum:\n%s", text)
	}
	audited := env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM audit_log WHERE action = 'evidence_pack' AND entity = 'project'")
	if audited != "1" {
		t.Errorf("%s audit lines for the period pack, want 1", audited)
	}
	if r := env.SignIn(model.RoleTrainer).Get("/reports/evidence.zip?" + q); r.StatusCode != http.StatusForbidden {
		t.Errorf("a trainer downloads the period's evidence: %d", r.StatusCode)
	}
}
