package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/report/reporttest"
	"github.com/traindesk/traindesk/internal/webtest"
)

// twoInstances runs fn on two instances of traindesk sharing one
// database, on SQLite and, when configured, PostgreSQL.
func twoInstances(t *testing.T, fn func(t *testing.T, first, second *webtest.Env)) {
	for _, pg := range []bool{false, true} {
		name := map[bool]string{false: "sqlite", true: "postgres"}[pg]
		t.Run(name, func(t *testing.T) {
			first := webtest.New(t, webtest.Options{Demo: true, Today: reporttest.Today, Postgres: pg})
			if _, err := reporttest.Add(context.Background(), first.Store); err != nil {
				t.Fatal(err)
			}
			fn(t, first, first.Another())
		})
	}
}

// headline is the dashboard's main part as served: the sessions of the
// day, the coming trainings and the headline figures.
func headline(t *testing.T, c *webtest.Client) string {
	t.Helper()
	res := c.Get("/")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("dashboard = %d", res.StatusCode)
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(res.Body))
	if err != nil {
		t.Fatal(err)
	}
	h, _ := doc.Find("main").Html()
	if !strings.Contains(h, "data-figure") {
		t.Fatalf("no headline figures on the dashboard")
	}
	return h
}

// TestHeadlineCache_NeverStaleAcrossInstances: the dashboard (its lists
// and its figures), kept between loads, changes on the next load after any write that
// changes them, made by the other instance or straight in the database,
// and are then those a fresh instance counts.
func TestHeadlineCache_NeverStaleAcrossInstances(t *testing.T) {
	twoInstances(t, func(t *testing.T, first, second *webtest.Env) {
		ctx := context.Background()
		m := first.SignIn(model.RoleManager)
		before := headline(t, m)
		if again := headline(t, m); again != before {
			t.Fatal("the headline changed without a write")
		}
		headline(t, m.On(second)) // the second instance keeps them too
		writes := []string{
			"UPDATE attendance SET status = 'present' WHERE status = 'absent'",
			"UPDATE registrations SET status = 'withdrawn' WHERE id = (SELECT MIN(r.id) FROM registrations r " +
				"JOIN trainings t ON t.id = r.training_id WHERE t.starts_on >= '2026-01-01' AND r.status <> 'withdrawn')",
			"DELETE FROM attendance WHERE sitting_id IN (SELECT s.id FROM sittings s WHERE s.date >= '2026-01-01')",
			"UPDATE trainings SET title_en = 'Renamed elsewhere', title_ar = 'Renamed elsewhere' WHERE ends_on >= '" + reporttest.Today.String() + "'",
		}
		prev := before
		for _, w := range writes {
			if err := second.Store.Exec(ctx, w); err != nil {
				t.Fatal(err)
			}
			got := headline(t, m)
			if got == prev {
				t.Errorf("after %q the first instance still shows the figures from before", w)
			}
			if fresh := headline(t, m.On(first.Another())); got != fresh {
				t.Errorf("after %q the first instance shows other figures than a fresh instance", w)
			}
			if there := headline(t, m.On(second)); there != got {
				t.Errorf("after %q the instances disagree", w)
			}
			prev = got
		}
	})
}

// TestSessionCache_EndsOnEveryInstance: a session that both instances
// verified moments ago ends on the first instance's next request when it
// is signed out, or its user disabled, through the second.
func TestSessionCache_EndsOnEveryInstance(t *testing.T) {
	twoInstances(t, func(t *testing.T, first, second *webtest.Env) {
		signedOut := func(c *webtest.Client, what string) {
			t.Helper()
			if r := c.Get("/"); r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/login") {
				t.Errorf("%s: the first instance still serves the session: %d", what, r.StatusCode)
			}
		}
		m := first.SignIn(model.RoleManager)
		old := sessionCookie(t, m, first)
		for _, c := range []*webtest.Client{m, m.On(second), m} {
			if r := c.Get("/"); r.StatusCode != http.StatusOK {
				t.Fatalf("dashboard = %d", r.StatusCode)
			}
		}
		if r := m.On(second).Post("/logout", nil); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("sign out on the second instance = %d", r.StatusCode)
		}
		replay := first.Client()
		replay.Jar.SetCookies(mustURL(first.HTTP.URL), []*http.Cookie{old})
		signedOut(replay, "signed out elsewhere")

		tr := first.SignIn(model.RoleTrainer)
		for _, c := range []*webtest.Client{tr, tr.On(second), tr} {
			if r := c.Get("/"); r.StatusCode != http.StatusOK {
				t.Fatalf("trainer dashboard = %d", r.StatusCode)
			}
		}
		admin := second.SignIn(model.RoleAdmin)
		id := first.Users[model.RoleTrainer].ID
		if r := admin.Post("/admin/users/"+itoa(id)+"/active", url.Values{"active": {"false"}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("disable on the second instance = %d", r.StatusCode)
		}
		signedOut(tr, "user disabled elsewhere")
	})
}
