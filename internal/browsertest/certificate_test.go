package browsertest_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/traindesk/traindesk/internal/browsertest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestBrowser_VerifyCertificate opens a certificate's public verification
// page signed out, in English and in Arabic, then an unknown code, and the
// certificates page of the training as a programme officer; axe-core runs
// on each. Last, the training page must link to the certificates and the
// attendance sheet.
func TestBrowser_VerifyCertificate(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true})
	admin := model.Actor{User: env.Users[model.RoleAdmin]}
	li, err := env.Server.Certificates.List(context.Background(), admin, 1)
	if err != nil {
		t.Fatal(err)
	}
	holder := li.Course.Completers()[0]
	if r := env.SignIn(model.RoleProgramOfficer).Post("/trainings/1/certificates/issue", nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("issue the certificates: %d", r.StatusCode)
	}
	li, _ = env.Server.Certificates.List(context.Background(), admin, 1)
	code := li.Course.Certs[holder.ID].Code

	pages := []struct {
		lang, dir string
		want      []string
	}{
		{"en", "ltr", []string{"This certificate is valid.", holder.NameLatin, holder.NameArabic, "16–19 January 2023"}},
		{"ar", "rtl", []string{"هذه الشهادة سارية.", holder.NameLatin, holder.NameArabic, "١٦–١٩ يناير ٢٠٢٣"}},
	}
	for _, p := range pages {
		text := certOpen(t, ctx, env.HTTP.URL+"/verify/"+code+"?lang="+p.lang)
		for _, w := range p.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s page lacks %q", p.lang, w)
			}
		}
		if strings.Contains(text, holder.Phone) || strings.Contains(text, "Customs Authority") {
			t.Errorf("%s page shows personal details", p.lang)
		}
		dir, _ := chromedp.Run(ctx, chromedp.Evaluate[string]("document.documentElement.dir"))
		if dir != p.dir {
			t.Errorf("%s page dir = %q", p.lang, dir)
		}
		browsertest.Axe(t, ctx, "verify ("+p.lang+")")
		browsertest.Screenshot(t, ctx, "verify-"+p.lang)
	}

	text := certOpen(t, ctx, env.HTTP.URL+"/verify/0000000000ZZ?lang=en")
	if !strings.Contains(text, "No certificate has this code.") {
		t.Error("an unknown code is not reported")
	}
	browsertest.Axe(t, ctx, "verify (unknown)")
	browsertest.Screenshot(t, ctx, "verify-unknown")

	browsertest.SignIn(t, ctx, env, model.RoleProgramOfficer)
	text = certOpen(t, ctx, env.HTTP.URL+"/trainings/1/certificates")
	if !strings.Contains(text, model.GroupCode(code)) || !strings.Contains(text, "23 completed · 23 issued · 0 revoked") {
		t.Errorf("the certificates page does not list the issued certificates")
	}
	browsertest.Axe(t, ctx, "certificates")
	browsertest.Screenshot(t, ctx, "certificates-en")
	certOpen(t, ctx, env.HTTP.URL+"/trainings/1/certificates?lang=ar")
	browsertest.Axe(t, ctx, "certificates (ar)")
	browsertest.Screenshot(t, ctx, "certificates-ar")

	// The training page links to both from its attendance grid.
	certOpen(t, ctx, env.HTTP.URL+"/trainings/1?lang=en")
	links, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(
		'#attendance a[href="/trainings/1/certificates"], #attendance a[href="/trainings/1/attendance.pdf"]').length`))
	if err != nil || links != 2 {
		t.Errorf("the training page has %d of the 2 links (%v)", links, err)
	}
	browsertest.Screenshot(t, ctx, "training-en")
}

// certOpen loads url and returns the text of its main element.
func certOpen(t *testing.T, ctx context.Context, url string) string {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("main h1"))); err != nil {
		t.Fatalf("open %s: %v", url, err)
	}
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	if err != nil {
		t.Fatal(err)
	}
	return text
}
