package browsertest_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/traindesk/traindesk/internal/app"
	"github.com/traindesk/traindesk/internal/browsertest"
	tdmail "github.com/traindesk/traindesk/internal/mail"
	"github.com/traindesk/traindesk/internal/mail/mailtest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

var firstMessage = regexp.MustCompile(`/messages/(\d+)`)

// TestBrowser_Invitations: a programme officer opens the planned course
// from the training page's message summary, sends the invitations, sees
// them delivered to the in-process SMTP server and marked sent on the
// page, opens one, and makes a nomination letter; an administrator sees
// the outbox. Every page in English and Arabic, at laptop, tablet and
// phone sizes, through axe-core.
func TestBrowser_Invitations(t *testing.T) {
	ctx := browsertest.New(t)
	srv := mailtest.Start(t, nil)
	env := webtest.New(t, webtest.Options{Demo: true, Adjust: func(o *app.Options) {
		o.Mail = &tdmail.Server{Host: "127.0.0.1", Port: srv.Port(), TLSOptional: true}
	}})
	bg := context.Background()
	id := env.Store.MustString(bg, "SELECT CAST(id AS TEXT) FROM trainings WHERE title_en LIKE 'Counter-smuggling refresher%'")
	if err := env.Store.Exec(bg, `UPDATE persons SET email = 'officer' || id || '@customs.example'
		WHERE id IN (SELECT person_id FROM registrations WHERE training_id = ?)`, id); err != nil {
		t.Fatal(err)
	}
	confirmed := env.Store.MustString(bg, "SELECT CAST(COUNT(*) AS TEXT) FROM registrations WHERE training_id = ? AND status = 'confirmed'", id)
	browsertest.SignIn(t, ctx, env, model.RoleProgramOfficer)
	err := chromedp.Do(ctx, chromedp.Navigate(env.HTTP.URL+"/trainings/"+id+"?lang=en"),
		chromedp.WaitVisible(chromedp.CSS("#msg-summary a")), chromedp.Click(chromedp.CSS("#msg-summary a")),
		chromedp.WaitVisible(chromedp.CSS("#send-invitations")), chromedp.Click(chromedp.CSS("#send-invitations")),
		chromedp.WaitVisible(chromedp.CSS("#letters")))
	if err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(20 * time.Second); fmt.Sprint(len(srv.Messages())) != confirmed && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
	}
	if got := fmt.Sprint(len(srv.Messages())); got != confirmed {
		t.Fatalf("%s invitations delivered, want %s", got, confirmed)
	}
	text := msgOpen(t, ctx, env.HTTP.URL+"/trainings/"+id+"/messages?lang=en")
	if strings.Count(text, "Sent") < 2 || !strings.Contains(text, "Nothing to send") {
		t.Errorf("the page does not show the invitations sent:\n%s", text)
	}
	html, _ := chromedp.Run(ctx, chromedp.OuterHTML(chromedp.CSS("main")))
	m := firstMessage.FindStringSubmatch(html)
	if m == nil {
		t.Fatal("no link to a message")
	}
	for _, lang := range []string{"en", "ar"} {
		msgOpen(t, ctx, env.HTTP.URL+"/trainings/"+id+"/messages?lang="+lang)
		screens(t, ctx, "messages-"+lang)
		text := msgOpen(t, ctx, env.HTTP.URL+"/messages/"+m[1]+"?lang="+lang)
		if !strings.Contains(text, "invite.ics") || !strings.Contains(text, "badge.png") {
			t.Errorf("the message page (%s) does not list its files", lang)
		}
		screens(t, ctx, "message-"+lang)
	}
	// A nomination letter, made from the page, downloaded, and e-mailed
	// to the agency's focal point.
	err = chromedp.Do(ctx, chromedp.Navigate(env.HTTP.URL+"/trainings/"+id+"/messages?lang=en"),
		chromedp.WaitVisible(chromedp.CSS("#letters")),
		chromedp.SetValue(chromedp.CSS("#f-agency_id"), env.Store.MustString(bg, "SELECT CAST(MIN(id) AS TEXT) FROM agencies WHERE focal_email <> ''")),
		chromedp.Click(chromedp.CSS(`#letters form[action$="/letters"] button.btn-primary`)), chromedp.WaitVisible(chromedp.CSS(".letter-table")))
	if err != nil {
		t.Fatal(err)
	}
	if text := msgOpen(t, ctx, env.HTTP.URL+"/trainings/"+id+"/messages?lang=en"); !strings.Contains(text, "TD-") {
		t.Error("the letter is not listed")
	}
	letter := env.Store.MustString(bg, "SELECT CAST(MAX(id) AS TEXT) FROM nomination_letters")
	if got := fetchHead(t, ctx, "/letters/"+letter+"/pdf"); !strings.HasPrefix(got, "application/pdf %PDF") {
		t.Errorf("the letter's download: %.40q", got)
	}
	screens(t, ctx, "letters-en")
	err = chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.letter-table form[action$="/email"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`.letter-table a[href^="/messages/"]`)))
	if err != nil {
		t.Fatal(err)
	}
	mailed := len(srv.Messages())
	for deadline := time.Now().Add(20 * time.Second); fmt.Sprint(mailed-1) != confirmed && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
		mailed = len(srv.Messages())
	}
	if all := srv.Messages(); fmt.Sprint(len(all)-1) != confirmed {
		t.Errorf("%d messages after the letter, want %s and the letter", len(all), confirmed)
	} else if raw := string(all[len(all)-1].Raw); !strings.Contains(raw, "nomination-list-template.xlsx") || !strings.Contains(raw, "application/pdf") {
		t.Error("the letter's e-mail does not carry the PDF and the template")
	}
	screens(t, ctx, "letters-sent-en")

	clear := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, network.ClearBrowserCookies, cdp.Empty{})
		return err
	})
	if err := chromedp.Do(ctx, clear); err != nil {
		t.Fatal(err)
	}
	browsertest.SignIn(t, ctx, env, model.RoleAdmin)
	for _, lang := range []string{"en", "ar"} {
		text := msgOpen(t, ctx, env.HTTP.URL+"/admin/outbox?lang="+lang)
		if !strings.Contains(text, "officer") {
			t.Errorf("the outbox (%s) lists no message", lang)
		}
		screens(t, ctx, "outbox-"+lang)
	}
}

// msgOpen opens a page and returns its main text.
func msgOpen(t *testing.T, ctx context.Context, url string) string {
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

// screens runs axe-core and takes the page at the three sizes.
func screens(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	browsertest.Axe(t, ctx, name)
	for _, s := range []struct {
		name string
		w, h int64
	}{{"laptop", 1280, 800}, {"tablet", 800, 1280}, {"phone", 390, 844}} {
		browsertest.Viewport(t, ctx, s.w, s.h)
		browsertest.Screenshot(t, ctx, name+"-"+s.name)
	}
	browsertest.Viewport(t, ctx, 1280, 800)
}

// TestBrowser_CalendarFeed: a trainer makes a private calendar address and
// sees it with a webcal:// link beside it, which a phone opens in its
// calendar app, in English and Arabic at the three sizes, through axe-core.
func TestBrowser_CalendarFeed(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true})
	browsertest.SignIn(t, ctx, env, model.RoleTrainer)
	for _, lang := range []string{"en", "ar"} {
		err := chromedp.Do(ctx, chromedp.Navigate(env.HTTP.URL+"/calendar?lang="+lang),
			chromedp.WaitVisible(chromedp.CSS(`form[action="/calendar"] button`)),
			chromedp.Click(chromedp.CSS(`form[action="/calendar"] button`)), chromedp.WaitVisible(chromedp.CSS("#feed-webcal")))
		if err != nil {
			t.Fatal(err)
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById("feed-webcal").getAttribute("href") ===
			"webcal://" + document.getElementById("feed-url").textContent.trim().replace(/^https:\/\//, "")`))
		if err != nil || !got {
			t.Errorf("%s: the webcal link is not the https address with its own scheme (%v)", lang, err)
		}
		screens(t, ctx, "calendar-feed-"+lang)
	}
}
