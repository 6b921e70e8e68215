package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/db/seed"
	"github.com/traindesk/traindesk/internal/certificate"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// certHurghada loads the demo's Hurghada course (training 1) as an admin sees
// it, with its current certificates.
func certHurghada(t *testing.T, env *webtest.Env) certificate.Course {
	t.Helper()
	li, err := env.Server.Certificates.List(context.Background(), model.Actor{User: env.Users[model.RoleAdmin]}, 1)
	if err != nil {
		t.Fatal(err)
	}
	return li.Course
}

// certSeedCompleters applies the completion rule to the demo data itself, so
// that the expected counts do not come from the code under test.
func certSeedCompleters(t *testing.T) (completers int, others []string) {
	t.Helper()
	d := seed.Build(model.MustDate("2023-01-17"))
	tr := d.Trainings[0]
	for _, r := range tr.Regs {
		if r.Status == model.RegWithdrawn {
			continue
		}
		attended := 0
		for _, m := range r.Marks {
			if m.Attended() {
				attended++
			}
		}
		if model.Completed(attended, len(r.Marks), tr.Training.CompletionMinRate, tr.Training.CompletionMinPostScore, &r.Post) {
			completers++
		} else {
			others = append(others, d.Officers[r.Officer].NameEn)
		}
	}
	return completers, others
}

// certPick returns a completer and a non-completer of the course.
func certPick(t *testing.T, co certificate.Course) (done, notDone certificate.Person) {
	t.Helper()
	for _, p := range co.People {
		if p.Result.Completed && done.ID == 0 {
			done = p
		} else if !p.Result.Completed && notDone.ID == 0 {
			notDone = p
		}
	}
	if done.ID == 0 || notDone.ID == 0 {
		t.Fatal("the demo course lacks a completer or a non-completer")
	}
	return done, notDone
}

func certPDFPath(p certificate.Person) string {
	return fmt.Sprintf("/trainings/1/certificates/%d.pdf", p.ID)
}

// certIssue issues on the demo course as c's user, as the certificates
// page's buttons do: the person's certificate, or everyone's when p is nil.
func certIssue(c *webtest.Client, p *certificate.Person) webtest.Response {
	c.T.Helper()
	form := url.Values{}
	if p != nil {
		form.Set("registration", fmt.Sprint(p.ID))
	}
	return c.Post("/trainings/1/certificates/issue", form)
}

func TestCertificate_IssueOnce(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	done, notDone := certPick(t, certHurghada(t, env))

	// A download never issues: a certificate exists only after the POST.
	if r := po.Get(certPDFPath(done)); r.StatusCode != http.StatusConflict || !strings.Contains(r.Body, "has not been issued yet") {
		t.Fatalf("download before issuing = %d", r.StatusCode)
	}
	if n := len(certHurghada(t, env).Certs); n != 0 {
		t.Fatalf("a GET issued %d certificates", n)
	}
	if r := certIssue(po, &done); r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/trainings/1/certificates" {
		t.Fatalf("issue = %d to %q", r.StatusCode, r.Header.Get("Location"))
	}
	if r := po.Get("/trainings/1/certificates"); !strings.Contains(r.Body, "Certificates issued: 1.") {
		t.Error("the page does not say the certificate was issued")
	}
	r := po.Get(certPDFPath(done))
	if r.StatusCode != http.StatusOK || r.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(r.Body, "%PDF") {
		t.Fatalf("certificate = %d %s", r.StatusCode, r.Header.Get("Content-Type"))
	}
	certKeepSample(t, "certificate-demo.pdf", []byte(r.Body))
	cert, ok := certHurghada(t, env).Certs[done.ID]
	if !ok || len(cert.Code) != certificate.CodeLen || cert.IssuedAt.IsZero() {
		t.Fatalf("no certificate row with a code: %+v", cert)
	}
	if r := certIssue(po, &done); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("second issue = %d", r.StatusCode)
	}
	again := certHurghada(t, env)
	if again.Certs[done.ID].Code != cert.Code || len(again.Certs) != 1 {
		t.Errorf("issuing twice changed the certificates: %v", again.Certs)
	}

	r = certIssue(po, &notDone)
	if r.StatusCode != http.StatusConflict || !strings.Contains(r.Body, "did not complete the training") {
		t.Errorf("non-completer = %d", r.StatusCode)
	}
	if _, ok := certHurghada(t, env).Certs[notDone.ID]; ok {
		t.Error("a non-completer got a certificate")
	}
	if r := po.Get("/trainings/1/certificates/999999.pdf"); r.StatusCode != http.StatusNotFound {
		t.Errorf("unknown registration = %d", r.StatusCode)
	}
	for _, bad := range []string{"x", "-1"} {
		if r := po.Post("/trainings/1/certificates/issue", url.Values{"registration": {bad}}); r.StatusCode != http.StatusBadRequest {
			t.Errorf("registration %q = %d", bad, r.StatusCode)
		}
	}
}

func TestCertificate_ZipHasEveryCompleter(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	want, others := certSeedCompleters(t)
	if want != 23 || len(others) != 4 {
		t.Fatalf("the demo has %d completers and %d others; the seed changed", want, len(others))
	}
	co := certHurghada(t, env)
	for _, p := range co.People {
		if !p.Result.Completed && !certHas(others, p.NameLatin) {
			t.Errorf("%s does not complete here but does by the seed", p.NameLatin)
		}
	}
	po := env.SignIn(model.RoleProgramOfficer)
	if r := po.Get("/trainings/1/certificates.zip"); r.StatusCode != http.StatusConflict || len(certHurghada(t, env).Certs) != 0 {
		t.Fatalf("zip before issuing = %d", r.StatusCode)
	}
	if r := certIssue(po, nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("issue all = %d", r.StatusCode)
	}
	r := po.Get("/trainings/1/certificates.zip")
	if r.StatusCode != http.StatusOK || r.Header.Get("Content-Type") != "application/zip" {
		t.Fatalf("zip = %d %s", r.StatusCode, r.Header.Get("Content-Type"))
	}
	zr, err := zip.NewReader(bytes.NewReader([]byte(r.Body)), int64(len(r.Body)))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != want {
		t.Fatalf("zip holds %d files, want %d", len(zr.File), want)
	}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		head := make([]byte, 4)
		rc.Read(head)
		rc.Close()
		if string(head) != "%PDF" || !strings.HasSuffix(f.Name, ".pdf") {
			t.Errorf("%s is not a PDF", f.Name)
		}
		for _, o := range others {
			if strings.Contains(f.Name, strings.ReplaceAll(o, " ", "-")) {
				t.Errorf("%s did not complete but is in the zip", o)
			}
		}
	}
	if n := len(certHurghada(t, env).Certs); n != want {
		t.Errorf("%d certificates issued, want %d", n, want)
	}
	// A second issue finds nothing missing.
	if r := certIssue(po, nil); r.StatusCode != http.StatusSeeOther {
		t.Errorf("second issue = %d", r.StatusCode)
	}
	if r := po.Get("/trainings/1/certificates"); !strings.Contains(r.Body, "No certificate was missing") {
		t.Error("a second issue does not say that nothing was missing")
	}
	if n := len(certHurghada(t, env).Certs); n != want {
		t.Errorf("after a second issue, %d certificates", n)
	}
}

func certHas(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestCertificate_Verify(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	done, _ := certPick(t, certHurghada(t, env))
	certIssue(po, &done)
	cert := certHurghada(t, env).Certs[done.ID]
	public := env.Client()

	r := public.Get("/verify/" + cert.Code)
	if r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "This certificate is valid.") {
		t.Fatalf("verify = %d", r.StatusCode)
	}
	for _, want := range []string{done.NameLatin, done.NameArabic, "Counter-smuggling for customs officers", "16–19 January 2023", `name="robots" content="noindex`} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("the verification page lacks %q", want)
		}
	}
	for _, secret := range []string{done.Phone, done.Email, done.Rank, "Egyptian Customs Authority", "Safaga", "Hurghada International Airport"} {
		if secret != "" && strings.Contains(r.Body, secret) {
			t.Errorf("the verification page shows %q", secret)
		}
	}
	if r.Header.Get("X-Robots-Tag") == "" || r.Header.Get("Cache-Control") != "no-store" {
		t.Error("the verification page may be cached or indexed")
	}
}

func TestCertificate_RevokeAndReinstate(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	po := env.SignIn(model.RoleProgramOfficer)
	done, _ := certPick(t, certHurghada(t, env))
	certIssue(po, &done)
	cert := certHurghada(t, env).Certs[done.ID]
	public := env.Client()

	// Revoking needs a reason, kept beside the field.
	path := fmt.Sprintf("/certificates/%d/revoke", cert.ID)
	if r := po.Post(path, url.Values{"reason": {"  "}}); r.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "Say why the certificate is revoked.") {
		t.Fatalf("revoke without reason = %d", r.StatusCode)
	}
	if r := po.Post(path, url.Values{"reason": {"Issued to the wrong person"}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("revoke = %d", r.StatusCode)
	}
	r := public.Get("/verify/" + cert.Code)
	if r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "This certificate was revoked on 17 January 2023") ||
		strings.Contains(r.Body, "wrong person") {
		t.Errorf("verify after revoking = %d", r.StatusCode)
	}
	if r := po.Post(path, url.Values{"reason": {"again"}}); r.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("revoking twice = %d", r.StatusCode)
	}
	if r := po.Get(certPDFPath(done)); r.StatusCode != http.StatusOK {
		t.Errorf("a revoked certificate cannot be downloaded: %d", r.StatusCode)
	}
	if r := po.Post(fmt.Sprintf("/certificates/%d/reinstate", cert.ID), nil); r.StatusCode != http.StatusSeeOther {
		t.Errorf("reinstate = %d", r.StatusCode)
	}
	if r := public.Get("/verify/" + cert.Code); !strings.Contains(r.Body, "This certificate is valid.") {
		t.Error("the reinstated certificate is not valid")
	}
	for _, action := range []string{"certificate_issue", "certificate_download", "certificate_revoke", "certificate_reinstate"} {
		if n := certAuditCount(t, env, action); n == 0 {
			t.Errorf("no audit line for %s", action)
		}
	}
}

func TestVerify_UnknownAndTyped(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	public := env.Client()
	for _, code := range []string{"0000000000ZZ", "short", "ÉÉÉÉÉÉÉÉÉÉÉÉ"} {
		r := public.Get("/verify/" + url.PathEscape(code))
		if r.StatusCode != http.StatusNotFound || !strings.Contains(r.Body, "No certificate has this code.") {
			t.Errorf("%s = %d", code, r.StatusCode)
		}
	}
	// A code typed from paper, in lower case with its hyphens, leads to
	// the code's one address.
	if r := public.Get("/verify?code=7kq2-mxa9-3b0f"); r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/verify/7KQ2MXA93B0F" {
		t.Errorf("typed code = %d to %q", r.StatusCode, r.Header.Get("Location"))
	}
	if r := public.Get("/verify/7kq2-mxa9-3b0f"); r.StatusCode != http.StatusSeeOther {
		t.Errorf("non-canonical address = %d", r.StatusCode)
	}
	if r := public.Get("/verify"); r.StatusCode != http.StatusOK || !strings.Contains(r.Body, `name="code"`) {
		t.Errorf("verify form = %d", r.StatusCode)
	}
}

// certAuditCount counts the audit lines of an action.
func certAuditCount(t *testing.T, env *webtest.Env, action string) int64 {
	t.Helper()
	_, n, err := env.Store.AuditLog(context.Background(), model.AuditFilter{Kind: model.AuditKind(action), Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	return n
}
