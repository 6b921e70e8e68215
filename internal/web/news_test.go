package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"html"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// newsText is the text of the news item in lang on the page.
func newsText(t *testing.T, body, lang string) string {
	t.Helper()
	m := regexp.MustCompile(`(?s)id="f-body-` + lang + `"[^>]*>(.*?)</textarea>`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no %s news text on the page", lang)
	}
	return html.UnescapeString(m[1])
}

// TestNews_FactsFromRecord: the drafted news item of a completed demo
// course tells, in English, the officers per duty station exactly as the
// report counts them (registrations not withdrawn, present or late at
// least once), and every number in it is one of the record's; what the
// record lacks (the contact) is a visible blank; the Arabic draft is
// there too and gives the same counts.
func TestNews_FactsFromRecord(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	ctx := context.Background()
	id := env.Store.MustString(ctx, `SELECT CAST(MIN(t.id) AS TEXT) FROM trainings t WHERE t.status = 'completed'
		AND t.project_id IS NOT NULL AND EXISTS (SELECT 1 FROM training_sdgs s WHERE s.training_id = t.id)`)
	if id == "" {
		t.Fatal("no completed demo training with a project")
	}
	page := env.SignIn(model.RoleManager).Get("/trainings/" + id + "/news")
	if page.StatusCode != http.StatusOK || !strings.Contains(page.Body, "readonly") {
		t.Fatalf("news page for a manager = %d, or not read-only", page.StatusCode)
	}
	en, ar := newsText(t, page.Body, "en"), newsText(t, page.Body, "ar")

	// The report's count: registrations not withdrawn, present or late at
	// least once, by the duty station recorded on the registration.
	const counted = `FROM registrations r WHERE r.training_id = ? AND r.status <> 'withdrawn' AND EXISTS (
		SELECT 1 FROM attendance a JOIN sittings s ON s.id = a.sitting_id AND s.deleted_at IS NULL
		WHERE a.registration_id = r.id AND a.status IN ('present', 'late'))`
	count := func(cond string, args ...any) int {
		n, _ := strconv.Atoi(env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) "+counted+cond, append([]any{id}, args...)...))
		return n
	}
	allowed := map[string]bool{}
	total, maxStation := 0, env.Store.MustString(ctx, "SELECT CAST(MAX(id) AS TEXT) FROM duty_stations")
	last, _ := strconv.Atoi(maxStation)
	for st := 1; st <= last; st++ {
		n := count(" AND r.duty_station_id = ?", st)
		if n == 0 {
			continue
		}
		name := env.Store.MustString(ctx, "SELECT name_en FROM duty_stations WHERE id = ?", st)
		total += n
		if !strings.Contains(en, strconv.Itoa(n)+" from "+name) {
			t.Errorf("the draft does not say %d from %s:\n%s", n, name, en)
		}
		if !strings.Contains(toLatin(ar), strconv.Itoa(n)+" من ") {
			t.Errorf("the Arabic draft does not count %d from a station:\n%s", n, ar)
		}
		allowed[strconv.Itoa(n)] = true
	}
	if all := count(""); total == 0 || total != all {
		t.Fatalf("%d officers by station, %d in all", total, all)
	}
	if !strings.Contains(en, strconv.Itoa(total)+" officers") {
		t.Errorf("the draft does not count %d officers:\n%s", total, en)
	}
	allowed[strconv.Itoa(total)] = true
	// Every other number must be a date, a goal's number or a position's
	// count from the record.
	for _, p := range model.Positions {
		allowed[strconv.Itoa(count(" AND r.position = ?", string(p)))] = true
	}
	for g := 1; g <= 23; g++ {
		if env.Store.MustString(ctx, `SELECT CAST(COUNT(*) AS TEXT) FROM training_sdgs WHERE training_id = ? AND sdg_id = ?`, id, g) != "0" ||
			env.Store.MustString(ctx, `SELECT CAST(COUNT(*) AS TEXT) FROM training_gcms WHERE training_id = ? AND gcm_id = ?`, id, g) != "0" {
			allowed[strconv.Itoa(g)] = true
		}
	}
	dates := env.Store.MustString(ctx, "SELECT starts_on || '-' || ends_on FROM trainings WHERE id = ?", id)
	for _, n := range regexp.MustCompile(`\d+`).FindAllString(dates, -1) {
		allowed[strings.TrimLeft(n, "0")] = true
	}
	for _, n := range regexp.MustCompile(`\d+`).FindAllString(en, -1) {
		if !allowed[n] && !inTitles(en, n) {
			t.Errorf("the draft says %s, which is not in the record", n)
		}
	}
	if !strings.Contains(en, "[contact]") || !strings.Contains(ar, "[جهة الاتصال]") {
		t.Error("the missing contact is not left as a visible blank")
	}
}

// toLatin writes Arabic-Indic digits as ASCII ones.
func toLatin(s string) string {
	return strings.NewReplacer("٠", "0", "١", "1", "٢", "2", "٣", "3", "٤", "4", "٥", "5", "٦", "6", "٧", "7", "٨", "8", "٩", "9").Replace(s)
}

// inTitles reports whether n appears in a quoted title or aim of the
// draft, the aims or a goal's official title (a course may be called
// "… 2023"), where it is the record's own text.
func inTitles(text, n string) bool {
	for _, m := range regexp.MustCompile(`“[^”]*”|aimed to: [^\n]*|(?:SDG|GCM objective) \d+: [^;)]*`).FindAllString(text, -1) {
		if slices.Contains(regexp.MustCompile(`\d+`).FindAllString(m, -1), n) {
			return true
		}
	}
	return false
}

// TestNews_SaveAndDownload: a program officer's empty text is refused
// beside the field with nothing saved; an edited text is saved with the
// training, recorded in the audit log without its text, shown again, and
// downloads as a Word document holding it and as plain text.
func TestNews_SaveAndDownload(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true})
	ctx := context.Background()
	id := demoTraining(t, env, "Counter-smuggling refresher")
	po := env.SignIn(model.RoleProgramOfficer)
	bad := po.Post("/trainings/"+id+"/news", url.Values{"lang": {"ar"}, "body": {"  \n "}})
	if bad.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(bad.Body, "Write the news item; it cannot be empty.") {
		t.Fatalf("empty text = %d", bad.StatusCode)
	}
	if n := env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM news_items"); n != "0" {
		t.Fatalf("%s news items after a refused save", n)
	}
	text := "خبر: تدريب <مكافحة> التهريب & الحماية\n\nسطر ثانٍ"
	for _, body := range []string{"مسودة أولى", text} { // the second save replaces the first
		if r := po.Post("/trainings/"+id+"/news", url.Values{"lang": {"ar"}, "body": {body}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("save = %d", r.StatusCode)
		}
	}
	if n := env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM news_items"); n != "1" {
		t.Fatalf("%s news items after saving one language twice", n)
	}
	page := po.Get("/trainings/" + id + "/news")
	if got := newsText(t, page.Body, "ar"); got != text {
		t.Errorf("saved text = %q", got)
	}
	if n := env.Store.MustString(ctx, "SELECT CAST(COUNT(*) AS TEXT) FROM audit_log WHERE action = 'news_save'"); n != "2" {
		t.Errorf("%s news_save audit events", n)
	}
	if d := env.Store.MustString(ctx, "SELECT MAX(detail) FROM audit_log WHERE action = 'news_save'"); strings.Contains(d, "مكافحة") || !strings.Contains(d, `"lang"`) {
		t.Errorf("audit detail = %s", d)
	}
	doc := po.Get("/trainings/" + id + "/news/file?lang=ar&format=docx")
	if doc.StatusCode != http.StatusOK || !strings.Contains(doc.Header.Get("Content-Type"), "wordprocessingml") {
		t.Fatalf("docx = %d %s", doc.StatusCode, doc.Header.Get("Content-Type"))
	}
	zr, err := zip.NewReader(bytes.NewReader([]byte(doc.Body)), int64(len(doc.Body)))
	if err != nil {
		t.Fatal(err)
	}
	var xml string
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			xml = string(b)
		}
	}
	if !strings.Contains(xml, "تدريب &lt;مكافحة&gt; التهريب &amp; الحماية") || !strings.Contains(xml, "<w:bidi/>") {
		t.Errorf("document.xml does not hold the text right to left: %s", xml)
	}
	txt := po.Get("/trainings/" + id + "/news/file?lang=ar&format=txt")
	if txt.StatusCode != http.StatusOK || strings.TrimSpace(txt.Body) != text {
		t.Errorf("txt = %d %q", txt.StatusCode, txt.Body)
	}
}
