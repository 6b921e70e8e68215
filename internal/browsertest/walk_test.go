package browsertest_test

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/traindesk/traindesk/internal/browsertest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// walkExtra are pages the routes alone do not show in the state worth
// checking: a report with its figures, a search with results, today's roll
// call and its training with sessions still to mark, a month with
// trainings in the calendar.
var walkExtra = []string{
	"/reports?project={PROJECT}&from=2023-01-01&to=2023-12-31",
	"/persons?q=%D9%85%D8%AD%D9%85%D8%AF",
	"/trainings/{T}/participants/new?q=Ahmed",
	"/sessions/{TODAY}/roll",
	"/trainings/{ONGOING}",
	"/trainings/calendar?month=2023-01",
}

// TestBrowser_AxeEveryPage runs axe-core on every page a GET route of the
// router renders as HTML, in English and Arabic, at laptop (1280×800) and
// tablet (800×1280) size, and fails on serious and critical findings. The
// list is built from the router: each GET route's address is filled in
// from the demo (webtest.RouteAddress, as the access table does), fetched
// as the administrator, and kept when it answers 200 with HTML; so a new
// page is checked without a line here. One browser tab walks them all,
// each page loaded once per language and measured at both sizes.
// TRAINDESK_WALK=text walks only the addresses containing text.
func TestBrowser_AxeEveryPage(t *testing.T) {
	ctx := browsertest.NewFor(t, 10*time.Minute)
	env := webtest.New(t, webtest.Options{Demo: true, Today: model.MustDate("2026-11-27")})
	values := walkObjects(t, env)
	pages := walkPages(t, env, values)
	if len(pages) < 40 {
		t.Fatalf("only %d pages to walk: %v", len(pages), pages)
	}
	if only := os.Getenv("TRAINDESK_WALK"); only != "" {
		// While fixing a page, walk only the addresses that contain this.
		pages = slices.DeleteFunc(pages, func(p string) bool { return !strings.Contains(p, only) })
	}
	start := time.Now()
	walkAnonymous(t, ctx, env)
	browsertest.SignIn(t, ctx, env, model.RoleAdmin)
	// Each language in a tab of its own: the browser runs them side by side.
	t.Run("walk", func(t *testing.T) {
		for _, lang := range []string{"en", "ar"} {
			t.Run(lang, func(t *testing.T) {
				t.Parallel()
				tab := browsertest.Tab(t, ctx)
				for _, p := range pages {
					walkPage(t, tab, env.HTTP.URL, p, lang)
				}
			})
		}
	})
	t.Logf("axe-core checked %d pages × 2 languages × 2 sizes in %s", len(pages), time.Since(start).Round(time.Second))
}

// walkPage loads page p in lang at laptop size, checks it, and checks it
// again at tablet size without reloading.
func walkPage(t *testing.T, ctx context.Context, base, p, lang string) {
	t.Helper()
	sep := "?"
	if strings.Contains(p, "?") {
		sep = "&"
	}
	browsertest.Viewport(t, ctx, 1280, 800)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+p+sep+"lang="+lang), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	browsertest.Axe(t, ctx, p+" ("+lang+", laptop)")
	browsertest.Viewport(t, ctx, 800, 1280)
	browsertest.Axe(t, ctx, p+" ("+lang+", tablet)")
}

// walkAnonymous checks the pages shown before sign-in.
func walkAnonymous(t *testing.T, ctx context.Context, env *webtest.Env) {
	t.Helper()
	for _, lang := range []string{"en", "ar"} {
		walkPage(t, ctx, env.HTTP.URL, "/login", lang)
	}
}

// walkPages lists the addresses of the GET routes that answer the
// administrator with an HTML page, and the extra pages.
func walkPages(t *testing.T, env *webtest.Env, values map[string]string) []string {
	t.Helper()
	admin := env.SignIn(model.RoleAdmin)
	seen := map[string]bool{}
	var pages, skipped []string
	addresses := append([]string(nil), walkExtra...)
	for _, r := range env.Server.Echo().Routes() {
		if r.Method != http.MethodGet {
			continue
		}
		a, err := webtest.RouteAddress(r.Path)
		if err != nil {
			t.Fatal(err)
		}
		addresses = append(addresses, a)
	}
	for _, a := range addresses {
		p, err := webtest.FillAddress(a, values)
		if err != nil {
			t.Fatal(err)
		}
		if seen[p] {
			continue
		}
		seen[p] = true
		res := admin.Get(p)
		// A fragment that htmx swaps into a page (no <html>) is checked
		// as part of that page, not on its own.
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") ||
			!strings.Contains(strings.ToLower(res.Body[:min(len(res.Body), 200)]), "<html") {
			skipped = append(skipped, p+" ("+res.Status+", "+res.Header.Get("Content-Type")+")")
			continue
		}
		pages = append(pages, p)
	}
	sort.Strings(pages)
	t.Logf("not HTML for the administrator, not walked: %s", strings.Join(skipped, "; "))
	return pages
}

var walkUpload = regexp.MustCompile(`/import/(\d+)$`)
var walkJob = regexp.MustCompile(`^/reports/jobs/([^/]+)`)
var walkQuizLink = regexp.MustCompile(`/q/([0-9]+-[0-9A-Z]+)`)

// walkQuiz is a pre-test with a question of each kind a test has.
const walkQuiz = `Q: Which document lists a ship's cargo? | ما الوثيقة التي تبين حمولة السفينة؟
+ The manifest | بيان الحمولة
- The crew list | قائمة الطاقم
TF: A seal number must match the papers. | يجب أن يطابق رقم الختم الأوراق.
= true
N: How many days may a container wait? | كم يوماً قد تنتظر الحاوية؟
= 14`

// walkObjects fills the placeholders: demo objects, and what only exists
// once made (issued certificates, a list being imported, an export job).
func walkObjects(t *testing.T, env *webtest.Env) map[string]string {
	t.Helper()
	ctx := context.Background()
	st := env.Store
	officer := env.SignIn(model.RoleProgramOfficer)
	if r := officer.Post("/trainings/1/certificates/issue", nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("issue the certificates = %d", r.StatusCode)
	}
	v := map[string]string{
		"T":        "1",
		"S":        st.MustString(ctx, "SELECT CAST(MIN(id) AS TEXT) FROM sittings WHERE training_id = 1"),
		"R":        st.MustString(ctx, "SELECT CAST(MIN(id) AS TEXT) FROM registrations WHERE training_id = 1"),
		"P":        st.MustString(ctx, "SELECT CAST(MIN(person_id) AS TEXT) FROM registrations WHERE training_id = 1"),
		"TODAY":    st.MustString(ctx, "SELECT CAST(MIN(id) AS TEXT) FROM sittings WHERE date = '2026-11-27'"),
		"ONGOING":  st.MustString(ctx, "SELECT CAST(MIN(training_id) AS TEXT) FROM sittings WHERE date = '2026-11-27'"),
		"C":        st.MustString(ctx, "SELECT CAST(MIN(id) AS TEXT) FROM certificates"),
		"CODE":     st.MustString(ctx, "SELECT MIN(code) FROM certificates"),
		"DONOR":    st.MustString(ctx, "SELECT CAST(MIN(id) AS TEXT) FROM donors"),
		"PROJECT":  st.MustString(ctx, "SELECT CAST(MIN(id) AS TEXT) FROM projects"),
		"AGENCY":   st.MustString(ctx, "SELECT CAST(MIN(id) AS TEXT) FROM agencies"),
		"STATION":  st.MustString(ctx, "SELECT CAST(MIN(id) AS TEXT) FROM duty_stations"),
		"THEMATIC": st.MustString(ctx, "SELECT CAST(MIN(id) AS TEXT) FROM thematic_areas"),
		"IND":      st.MustString(ctx, "SELECT CAST(MIN(id) AS TEXT) FROM indicators"),
		"USER":     st.MustString(ctx, "SELECT CAST(id AS TEXT) FROM users WHERE email = 'officer@traindesk.local'"),
		"ASSET":    "css/app.css",
		"CSV":      "trainings.csv",
		"M":        "0",
	}
	v["F"] = st.MustString(ctx, "SELECT CAST(registration_id AS TEXT) FROM certificates WHERE id = ?", v["C"]) + ".pdf"
	// A message held in the outbox (there is no mail server in tests), for
	// the message's page; a letter and a calendar feed are not pages.
	err := st.Exec(ctx, `INSERT INTO outbox_messages (message_id, kind, lang, to_addr, to_name, subject, training_id, version,
		raw, size, status, attempts, last_error, queued_at, updated_at)
		VALUES ('walk@traindesk.example', 'invitation', 'en', 'walk@example.org', 'Walk', 'Invitation', 1, '',
		?, 40, 'held', 0, 'outbox.reason.no_server', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
		[]byte("Subject: Invitation\r\n\r\nYou are invited.\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	v["MSG"] = st.MustString(ctx, "SELECT CAST(MAX(id) AS TEXT) FROM outbox_messages")
	v["LTR"], v["FEED"] = "0", "not-a-feed.ics"
	// An open pre-test of training 1: its sheet, its links and the page a
	// participant answers on (through its signed link).
	quiz := officer.Post("/trainings/1/questionnaires", url.Values{"kind": {"pre"}, "source": {walkQuiz}})
	if quiz.StatusCode != http.StatusSeeOther {
		t.Fatalf("build a questionnaire = %d", quiz.StatusCode)
	}
	if r := officer.Post(quiz.Header.Get("Location")+"/open", nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("open the questionnaire = %d", r.StatusCode)
	}
	v["QZ"] = st.MustString(ctx, "SELECT CAST(MAX(id) AS TEXT) FROM questionnaires WHERE training_id = 1")
	if m := walkQuizLink.FindStringSubmatch(officer.Get("/trainings/1/questionnaires/" + v["QZ"] + "/links").Body); m != nil {
		v["QT"] = m[1]
	}
	v["E"] = "0" // an evidence file is a download, not a page
	up := officer.Upload("/trainings/1/import", "file", "nominations.csv", []byte("Name,الاسم,جهة العمل\nWalk Test,اختبار,Safaga seaport\n"), nil)
	if m := walkUpload.FindStringSubmatch(up.Header.Get("Location")); m != nil {
		v["U"] = m[1]
	}
	admin := env.SignIn(model.RoleAdmin)
	job := admin.Post("/reports/export", url.Values{"format": {"csv"}, "table": {"trainings"}, "async": {"1"},
		"project": {v["PROJECT"]}, "from": {"2023-01-01"}, "to": {"2023-12-31"}})
	if m := walkJob.FindStringSubmatch(job.Header.Get("Location")); m != nil {
		v["J"] = m[1]
	}
	for k, x := range v {
		if x == "" || x == ".pdf" {
			t.Fatalf("no value for {%s}", k)
		}
	}
	return v
}
