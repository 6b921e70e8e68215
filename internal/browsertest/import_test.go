package browsertest_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/traindesk/traindesk/db/seed"
	"github.com/traindesk/traindesk/internal/browsertest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestBrowser_CreateTrainingAndImport plans a training through the form,
// imports the 27 officers' nomination list, and reads the counts by port on
// the training's page.
func TestBrowser_CreateTrainingAndImport(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true})
	browsertest.SignIn(t, ctx, env, model.RoleProgramOfficer)

	err := chromedp.Do(ctx,
		chromedp.Navigate(env.HTTP.URL+"/trainings/new"),
		chromedp.WaitVisible(chromedp.CSS("#f-title_en")),
		chromedp.SendKeys(chromedp.CSS("#f-title_en"), "Counter-smuggling, second cohort"),
		chromedp.SetValue(chromedp.CSS("#f-starts_on"), "2023-02-12"),
		chromedp.SetValue(chromedp.CSS("#f-ends_on"), "2023-02-15"),
		chromedp.SetValue(chromedp.CSS("#f-capacity"), "30"),
		chromedp.SendKeys(chromedp.CSS("#f-city"), "Hurghada"),
		chromedp.Click(chromedp.CSS("form button[type=submit].btn-lg")),
		chromedp.WaitVisible(chromedp.CSS("#participants")),
	)
	if err != nil {
		t.Fatalf("create the training: %v", err)
	}
	browsertest.Axe(t, ctx, "new training's page")

	// The agency's list: Arabic headers, the officers of the Hurghada course.
	var b strings.Builder
	b.WriteString("\xEF\xBB\xBFالاسم بالعربية,Name,الجنس,المنفذ,الوظيفة\n")
	stations := []string{"Safaga seaport", "Hurghada International Airport", "Headquarters, Cairo"}
	for _, o := range seed.Build(model.MustDate("2023-01-17")).Officers[:27] {
		sex := "ذكر"
		if o.Sex == model.SexFemale {
			sex = "أنثى"
		}
		fmt.Fprintf(&b, "%s,%s,%s,\"%s\",%s\n", o.NameAr, o.NameEn, sex, stations[o.Station], o.Position)
	}
	file := filepath.Join(t.TempDir(), "nominations.csv")
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("a[href$='/import']")),
		chromedp.WaitVisible(chromedp.CSS("#f-file")),
		chromedp.SetUploadFiles(chromedp.CSS("#f-file"), []string{file}),
		chromedp.Click(chromedp.CSS("form[enctype] button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#f-col-0")),
	)
	if err != nil {
		t.Fatalf("upload: %v", err)
	}
	browsertest.Axe(t, ctx, "import: columns")
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(".card-foot button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".import-table")),
	)
	if err != nil {
		t.Fatalf("mapping: %v", err)
	}
	browsertest.Axe(t, ctx, "import: preview")
	browsertest.Screenshot(t, ctx, "import-preview")
	// The confirmation asks before saving; accept the dialog.
	// The persons it creates get the lawful basis asked once here.
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`),
		chromedp.SetValue(chromedp.CSS("#f-basis"), "public_task"),
		chromedp.SendKeys(chromedp.CSS("#f-basis_purpose"), "Nominated by the agency"),
		chromedp.Click(chromedp.CSS(".card-foot button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".alert-ok"))); err != nil {
		t.Fatalf("confirm: %v", err)
	}
	done, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".alert-ok")))
	if !strings.Contains(done, "27 people registered") {
		t.Fatalf("import summary = %q", done)
	}
	err = chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".page-head .btn-primary")), chromedp.WaitVisible(chromedp.CSS(".group-table")))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".group-table tbody tr"))
		.map(tr => tr.querySelector("th").textContent.trim() + "=" + tr.querySelector("td").textContent.trim())`))
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(rows, "; ")
	for _, want := range []string{"Safaga seaport=12", "Hurghada International Airport=10", "Headquarters, Cairo=5"} {
		if !strings.Contains(got, want) {
			t.Errorf("counts by port %q lack %q", got, want)
		}
	}
	browsertest.Screenshot(t, ctx, "training-after-import")
}
