package web_test

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// TestReport_PDF downloads the SPHERE II report for 2023 in English and
// Arabic, as a manager, directly and through an export job.
func TestReport_PDF(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true, Today: model.MustDate("2026-11-27")})
	m := env.SignIn(model.RoleManager)
	for _, lang := range []string{"en", "ar"} {
		r := m.Get("/reports/export.pdf?project=1&from=2023-01-01&to=2023-12-31&lang=" + lang)
		if r.StatusCode != 200 || r.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(r.Body, "%PDF") {
			t.Fatalf("%s: PDF = %d %q", lang, r.StatusCode, r.Header.Get("Content-Type"))
		}
		if cd := r.Header.Get("Content-Disposition"); !strings.Contains(cd, "SPHERE-II_2023-01-01_2023-12-31.pdf") {
			t.Errorf("%s: file name %q", lang, cd)
		}
		if n := len(pdfPage.FindAllString(r.Body, -1)); n < 3 {
			t.Errorf("%s: %d pages, want the figures, charts and tables on several", lang, n)
		}
		render(t, []byte(r.Body), "report-"+lang)
	}
	lines, _, _ := env.Store.AuditLog(context.Background(), model.AuditFilter{Kind: "report_export"})
	pdfs := 0
	for _, l := range lines {
		if strings.Contains(l.Detail, `"format":"pdf"`) {
			pdfs++
		}
	}
	if pdfs != 2 {
		t.Errorf("%d PDF exports in the audit log, want 2", pdfs)
	}
	if r := env.SignIn(model.RoleTrainer).Get("/reports/export.pdf?project=1"); r.StatusCode != http.StatusForbidden {
		t.Errorf("trainer = %d", r.StatusCode)
	}
}

// render turns page 1 into a PNG when pdftoppm is installed and
// TRAINDESK_SCREENSHOTS names a folder, for people to look at.
func render(t *testing.T, pdf []byte, name string) {
	dir := os.Getenv("TRAINDESK_SCREENSHOTS")
	tool, err := exec.LookPath("pdftoppm")
	if dir == "" || err != nil {
		return
	}
	os.MkdirAll(dir, 0o755)
	path := filepath.Join(dir, name+".pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	cmd := exec.Command(tool, "-png", "-r", "70", path, filepath.Join(dir, name))
	cmd.Stderr = &out
	if err := cmd.Run(); err != nil {
		t.Errorf("pdftoppm: %v %s", err, out.String())
	}
}
