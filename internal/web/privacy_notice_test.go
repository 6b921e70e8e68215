package web_test

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestPrivacyNotice_DefaultEditedAndPrinted: anyone reads the default
// notice in either language without an account; an administrator's text
// replaces it (audited without the text), a text too long is refused
// beside its field with nothing saved, and a training's trainer prints
// it for the first session.
func TestPrivacyNotice_DefaultEditedAndPrinted(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	ctx := context.Background()
	anon := env.Client()
	if r := anon.Get("/privacy?lang=en"); r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "Your rights.") {
		t.Fatalf("default notice = %d", r.StatusCode)
	}
	if r := anon.Get("/privacy?lang=ar"); !strings.Contains(r.Body, `dir="rtl"`) || !strings.Contains(r.Body, "حقوقك.") {
		t.Fatal("no Arabic default notice")
	}

	admin := env.SignIn(model.RoleAdmin)
	long := url.Values{"text_en": {strings.Repeat("x", model.MaxPrivacyNotice+1)}, "text_ar": {"نص عربي"}}
	if r := admin.Post("/admin/privacy", long); r.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, `id="f-text_en-error"`) || !strings.Contains(r.Body, "نص عربي") {
		t.Fatalf("too long = %d", r.StatusCode)
	}
	if n := env.Store.MustCount(ctx, "privacy_notices"); n != 0 {
		t.Fatal("a refused notice was saved")
	}
	text := url.Values{"text_en": {"We hold your name.\n\nAsk the Unit to see it."}, "text_ar": {""}}
	if r := admin.Post("/admin/privacy", text); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("save = %d", r.StatusCode)
	}
	if r := anon.Get("/privacy?lang=en"); !strings.Contains(r.Body, "<p>Ask the Unit to see it.</p>") || strings.Contains(r.Body, "Your rights.") {
		t.Error("the saved English text is not shown")
	}
	if r := anon.Get("/privacy?lang=ar"); !strings.Contains(r.Body, "حقوقك.") {
		t.Error("the Arabic notice left empty does not fall back to the default")
	}
	if d := env.Store.MustString(ctx, "SELECT detail FROM audit_log WHERE action = ?", string(model.AuditPrivacyNotice)); strings.Contains(d, "hold your name") {
		t.Errorf("the audit line holds the text: %s", d)
	}

	trainer := env.SignIn(model.RoleTrainer)
	r := trainer.Get("/trainings/1/privacy-notice.pdf?lang=en")
	if r.StatusCode != http.StatusOK || r.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(r.Body, "%PDF") {
		t.Fatalf("notice PDF = %d %s", r.StatusCode, r.Header.Get("Content-Type"))
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		f := filepath.Join(t.TempDir(), "n.pdf")
		if err := os.WriteFile(f, []byte(r.Body), 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdftotext", f, "-").Output()
		if err != nil || !strings.Contains(string(out), "Ask the Unit to see it.") || !strings.Contains(string(out), webtest.BaseURL+"/privacy?lang=en") {
			t.Errorf("notice PDF text: %q %v", out, err)
		}
	}
}
