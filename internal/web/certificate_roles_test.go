package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/i18n"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestCertificate_Roles walks every certificate route as every role:
// editors issue (by POST), download and revoke; managers download what is
// issued; trainers download only the attendance sheet of their own
// training; visitors are sent to sign in, except on the verification page.
func TestCertificate_Roles(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	done, _ := certPick(t, certHurghada(t, env))
	if r := env.SignIn(model.RoleManager).Get("/trainings/1/certificates.zip"); r.StatusCode != http.StatusConflict ||
		!strings.Contains(r.Body, "none has been issued yet") {
		t.Errorf("a manager's zip before any is issued = %d", r.StatusCode)
	}
	if r := certIssue(env.SignIn(model.RoleProgramOfficer), nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("issue all = %d", r.StatusCode)
	}
	co := certHurghada(t, env)
	cert := co.Certs[done.ID]
	// A manager downloads issued certificates but neither issues one nor
	// gets a missing one by downloading.
	unissued := co.Completers()[1]
	if err := env.Store.Exec(context.Background(), "DELETE FROM certificates WHERE id = ?", co.Certs[unissued.ID].ID); err != nil {
		t.Fatal(err)
	}
	if r := certIssue(env.SignIn(model.RoleManager), &unissued); r.StatusCode != http.StatusForbidden {
		t.Errorf("a manager issuing = %d", r.StatusCode)
	}

	const out = "signed out"
	get := func(p string) func(*webtest.Client) webtest.Response {
		return func(c *webtest.Client) webtest.Response { return c.Get(p) }
	}
	post := func(p string, f url.Values) func(*webtest.Client) webtest.Response {
		return func(c *webtest.Client) webtest.Response { return c.Post(p, f) }
	}
	routes := []struct {
		name string
		do   func(*webtest.Client) webtest.Response
		want map[string]int // by role; 303 for visitors means "sign in first"
	}{
		{"page", get("/trainings/1/certificates"), certCodes(200, 200, 200, 403, 303)},
		{"issued pdf", get(certPDFPath(done)), certCodes(200, 200, 200, 403, 303)},
		{"unissued pdf", get(certPDFPath(unissued)), certCodes(409, 409, 409, 403, 303)},
		{"zip", get("/trainings/1/certificates.zip"), certCodes(200, 200, 200, 403, 303)},
		{"attendance", get("/trainings/1/attendance.pdf"), certCodes(200, 200, 200, 200, 303)},
		{"verify", get("/verify/" + cert.Code), certCodes(200, 200, 200, 200, 200)},
		{"issue", post("/trainings/1/certificates/issue", nil), certCodes(303, 303, 403, 403, 303)},
		{"revoke", post(fmt.Sprintf("/certificates/%d/revoke", cert.ID), url.Values{"reason": {"test"}}), certCodes(303, 422, 403, 403, 303)},
		{"reinstate", post(fmt.Sprintf("/certificates/%d/reinstate", cert.ID), nil), certCodes(303, 303, 403, 403, 303)},
	}
	roles := []string{string(model.RoleAdmin), string(model.RoleProgramOfficer), string(model.RoleManager), string(model.RoleTrainer), out}
	clients := map[string]*webtest.Client{out: env.Client()}
	for _, role := range roles[:4] {
		clients[role] = env.SignIn(model.Role(role))
	}
	for _, rt := range routes {
		for _, role := range roles {
			if got := rt.do(clients[role]).StatusCode; got != rt.want[role] {
				t.Errorf("%s as %s = %d, want %d", rt.name, role, got, rt.want[role])
			}
		}
	}
}

// certCodes lists the expected statuses for admin, programme officer,
// manager, trainer and a visitor.
func certCodes(admin, po, manager, trainer, out int) map[string]int {
	return map[string]int{string(model.RoleAdmin): admin, string(model.RoleProgramOfficer): po,
		string(model.RoleManager): manager, string(model.RoleTrainer): trainer, "signed out": out}
}

// TestCertificate_WhenTheyIssue checks the rule: once the last day has
// passed or the training is marked completed, never when cancelled.
func TestCertificate_WhenTheyIssue(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true}) // today is 17 January 2023, day 2 of 4
	po := env.SignIn(model.RoleProgramOfficer)
	done, _ := certPick(t, certHurghada(t, env))
	ctx := context.Background()
	env.Store.Exec(ctx, "UPDATE trainings SET status = 'ongoing' WHERE id = 1")
	for name, r := range map[string]webtest.Response{"one": certIssue(po, &done), "all": certIssue(po, nil)} {
		if r.StatusCode != http.StatusConflict || !strings.Contains(r.Body, "once the training has ended") {
			t.Errorf("issue %s during the training = %d", name, r.StatusCode)
		}
	}
	if r := po.Get("/trainings/1/certificates"); !strings.Contains(r.Body, "once the training has ended (after 19 January 2023)") ||
		strings.Contains(r.Body, "/certificates/issue") {
		t.Error("the page does not say when certificates issue, or offers to issue them")
	}
	env.Clock.Advance(2 * 24 * time.Hour) // the 19th, the last day
	po = env.SignIn(model.RoleProgramOfficer)
	if r := certIssue(po, &done); r.StatusCode != http.StatusConflict {
		t.Errorf("on the last day = %d", r.StatusCode)
	}
	env.Clock.Advance(24 * time.Hour) // the 20th
	po = env.SignIn(model.RoleProgramOfficer)
	if r := certIssue(po, &done); r.StatusCode != http.StatusSeeOther {
		t.Errorf("after the last day = %d", r.StatusCode)
	}
	env.Store.Exec(ctx, "UPDATE trainings SET status = 'cancelled' WHERE id = 1")
	_, notDone := certPick(t, certHurghada(t, env))
	other := certHurghada(t, env).Completers()[2]
	if r := certIssue(po, &other); r.StatusCode != http.StatusConflict || !strings.Contains(r.Body, "cancelled") {
		t.Errorf("cancelled = %d", r.StatusCode)
	}
	if r := certIssue(po, &notDone); r.StatusCode != http.StatusConflict {
		t.Errorf("cancelled, not completed = %d", r.StatusCode)
	}
}

var certPageObject = regexp.MustCompile(`/Type /Page\b[^s]`)

func TestAttendanceSheet(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	co := certHurghada(t, env)
	sheet := co.Sheet(i18n.New(i18n.EN), model.MustDate("2023-01-17"))
	if len(sheet.Rows) != 27+1 || len(sheet.Columns) != 5+4+2 {
		t.Fatalf("sheet has %d rows and %d columns", len(sheet.Rows), len(sheet.Columns))
	}
	totals := sheet.Rows[len(sheet.Rows)-1]
	if totals[len(totals)-1] != "23" {
		t.Errorf("totals row = %v", totals)
	}
	ar := co.Sheet(i18n.New(i18n.AR), model.MustDate("2023-01-17"))
	if !certHas(ar.Rows[0], "ح") || !strings.Contains(ar.Legend, "غ غائب") {
		t.Errorf("Arabic marks missing: %v", ar.Rows[0])
	}
	trainer := env.SignIn(model.RoleTrainer)
	for _, lang := range []string{"en", "ar"} {
		r := trainer.Get("/trainings/1/attendance.pdf?lang=" + lang)
		if r.StatusCode != http.StatusOK || r.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(r.Body, "%PDF") {
			t.Fatalf("%s sheet = %d", lang, r.StatusCode)
		}
		certKeepSample(t, "attendance-"+lang+".pdf", []byte(r.Body))
		if n := len(certPageObject.FindAllString(r.Body, -1)); n != 2 {
			t.Errorf("%s sheet has %d pages, want 2", lang, n)
		}
		if lang == "en" {
			certCheckRendered(t, []byte(r.Body), 2, "Page 2 of 2", "SPHERE II", "Ahmed Mahmoud Abdelrahman", "Total present or late")
		}
	}
	if certAuditCount(t, env, "attendance_sheet") != 2 {
		t.Error("the downloads are not in the audit log")
	}
	// Trainers see only their trainings; another's sheet does not exist
	// for them.
	env.Store.Exec(context.Background(), "DELETE FROM training_facilitators WHERE training_id = 1")
	if r := trainer.Get("/trainings/1/attendance.pdf"); r.StatusCode != http.StatusNotFound {
		t.Errorf("another trainer's sheet = %d", r.StatusCode)
	}
}

// certKeepSample writes a file into CERT_SAMPLE_DIR, when it is set, for a
// person to look at.
func certKeepSample(t *testing.T, name string, b []byte) {
	t.Helper()
	if dir := os.Getenv("CERT_SAMPLE_DIR"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// certCheckRendered rasterises the PDF with pdftoppm and reads its text with
// pdftotext, when poppler is installed, and checks pages and words.
func certCheckRendered(t *testing.T, pdf []byte, pages int, words ...string) {
	t.Helper()
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Log("poppler is not installed; not rendering")
		return
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "sheet.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-png", "-r", "30", in, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
	if len(pngs) != pages {
		t.Errorf("rendered %d pages, want %d", len(pngs), pages)
	}
	text, err := exec.Command("pdftotext", "-layout", in, "-").Output()
	if err != nil {
		t.Logf("pdftotext: %v", err)
		return
	}
	for _, w := range words {
		if !strings.Contains(string(text), w) {
			t.Errorf("the sheet does not say %q", w)
		}
	}
}
