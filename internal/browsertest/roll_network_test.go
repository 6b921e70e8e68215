package browsertest_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/browsertest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestBrowser_RollCallNetwork takes one session's roll on two tablets,
// each a browser of its own at 800×1280 with a network of its own, which
// is cut both ways: the browser's offline emulation with a server that
// drops connections, and a server that stops answering while connected.
// The subtests share the server and the tablets, and mark different rows.
func TestBrowser_RollCallNetwork(t *testing.T) {
	// Mostly waiting (for pulls, time-outs, the sign-in's end): it runs
	// beside the other waiting test.
	t.Parallel()
	env := webtest.New(t, webtest.Options{Demo: true, RealClock: true})
	a := newTablet(t, env, model.RoleTrainer)
	b := newTablet(t, env, model.RoleTrainer)
	today := a.todayRoll()
	a.open(today)
	b.open(today)

	t.Run("OthersChangesShowWithoutReload", func(t *testing.T) { othersChanges(t, env, a, b, today) })
	t.Run("OfflineReloadShowsLastKnownRoster", func(t *testing.T) { lastKnownRoster(t, env, a, b, today) })
	t.Run("LieFiShowsTheCopyInItsLanguage", func(t *testing.T) { lieFi(t, env, a, b, today) })
	t.Run("MarksWaitForTheirUser", func(t *testing.T) { marksWaitForTheirUser(t, env, a, today) })
	t.Run("SignOutOfflineWaitsForTheNetwork", func(t *testing.T) { signOutOffline(t, env, a, today) })
	t.Run("RestPresentIsKeptWholeOrUndone", func(t *testing.T) { restPresent(t, env, b, today) })
}

// othersChanges (issue 16, point 3): an open roll call pulls what others
// changed every few seconds and on regaining the network, without a
// reload, and lights up the rows another device changed.
func othersChanges(t *testing.T, env *webtest.Env, a, b *tablet, today string) {
	a.tap(1, "absent")
	waitFor(t, "tablet B to show A's absent, lit", func() bool { return b.rowState(1) == "absent*" })
	if got := a.rowState(1); got != "absent" {
		t.Errorf("A's own mark on A = %q, want it unlit", got)
	}
	b.tap(2, "late")
	waitFor(t, "tablet A to show B's late, lit", func() bool { return a.rowState(2) == "late*" })

	b.cut(webtest.NetworkDown)
	a.tap(3, "excused")
	waitFor(t, "A's excused in the database", func() bool { return mark(t, env, today, a.reg(3)).Status == model.MarkExcused })
	time.Sleep(2 * time.Second)
	if got := b.rowState(3); got != "" {
		t.Fatalf("offline tablet B shows %q for row 3", got)
	}
	b.restore()
	waitUpTo(t, 8*time.Second, "B to show A's excused on regaining the network", func() bool { return b.rowState(3) == "excused*" })
}

// lastKnownRoster (point 1): after a sync, an offline reload shows the
// marks the server confirmed (not the older copy of the page) with the
// time it confirmed them; on the tablet that made them (sync answers) and
// on the other one (pulls).
func lastKnownRoster(t *testing.T, env *webtest.Env, a, b *tablet, today string) {
	for i := 4; i <= 9; i++ {
		a.tap(i, "present")
	}
	waitFor(t, "the six marks sent", func() bool { return a.pending() == 0 && marksOf(t, env, today) == 9 })
	waitFor(t, "B to show the six", func() bool { return b.rowState(9) != "" })
	want := []string{"absent", "late", "excused", "present", "present", "present", "present", "present", "present"}
	for name, tb := range map[string]*tablet{"A": a, "B": b} {
		tb.cut(webtest.NetworkDown)
		tb.reload(rollReady)
		var got []string
		for i := 1; i <= 9; i++ {
			got = append(got, strings.TrimSuffix(tb.rowState(i), "*"))
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s offline after a reload shows %v, want %v", name, got, want)
		}
		if n := evalT[int](tb, `document.querySelectorAll(".roll-row.is-pending").length`); n != 0 {
			t.Errorf("%s shows %d pending rows, want none", name, n)
		}
		if c := tb.text(`[data-count="present"]`); c != "6" {
			t.Errorf("%s counts %s present, want 6", name, c)
		}
		st, text := tb.state()
		when := tb.text("#roll-confirmed")
		if st != "offline" || !strings.HasPrefix(when, "Last confirmed by the server: ") {
			t.Errorf("%s: status %q %q, confirmed %q", name, st, text, when)
		}
		if name == "A" {
			browsertest.Screenshot(t, tb.ctx, "roll-offline-known-en-tablet")
		}
		tb.restore()
	}
}

// lieFi (points 2 and 8): with a network that accepts and never answers,
// the roll call opens from the copy after about three seconds, in the
// language asked for; the status says "offline" instead of "waiting" for
// ever; and when the network answers again the copy is refreshed by the
// answer the page no longer waited for.
func lieFi(t *testing.T, env *webtest.Env, a, b *tablet, today string) {
	a.navigate(today+"?lang=en", rollReady)
	a.navigate(today+"?lang=ar", rollReady)
	a.cut(webtest.NetworkHang)
	for _, lang := range []string{"ar", "en"} {
		start := time.Now()
		a.navigate(today+"?lang="+lang, rollReady)
		took := time.Since(start)
		t.Logf("lie-fi: the %s roll call showed from the copy after %v", lang, took.Round(100*time.Millisecond))
		if took > 10*time.Second {
			t.Errorf("the %s roll call took %v to show under lie-fi", lang, took)
		}
		if got := evalT[string](a, `document.documentElement.lang`); got != lang {
			t.Errorf("?lang=%s under lie-fi gave the %q page", lang, got)
		}
	}
	a.tap(10, "present")
	start := time.Now()
	waitFor(t, "the status to say offline under lie-fi", func() bool { st, _ := a.state(); return st == "offline" })
	t.Logf("lie-fi: the status said offline %v after the tap", time.Since(start).Round(100*time.Millisecond))
	if a.pending() != 1 {
		t.Fatalf("%d pending, want 1", a.pending())
	}

	// Another tablet marks; when A's network answers again, the page
	// fetches it gave up on refresh A's copy.
	b.tap(11, "late")
	reg := b.reg(11)
	waitFor(t, "B's late in the database", func() bool { return mark(t, env, today, reg).Status == model.MarkLate })
	a.restore()
	kept := fmt.Sprintf(`caches.open("traindesk-pages").then(c => c.match(%q)).then(r => r ? r.text() : "").then(h => h.includes('data-reg="%d" data-status="late"'))`,
		today+"?lang=ar", reg)
	waitFor(t, "the copy refreshed in the background", func() bool { return evalT[bool](a, kept) })
	waitFor(t, "A's lie-fi mark in the database", func() bool { return mark(t, env, today, a.reg(10)).Status == model.MarkPresent })
	// The requests held during lie-fi answered late, each setting the
	// language cookie; settle it.
	a.navigate(today+"?lang=en", rollReady)
}

// marksWaitForTheirUser (point 4): the trainer's marks wait while the
// calls hang; the trainer signs out in a second tab and a program officer
// signs in; the marks are not sent under the officer's sign-in, and the
// page says whose they are; once the trainer signs in again they go, as
// the trainer's.
func marksWaitForTheirUser(t *testing.T, env *webtest.Env, a *tablet, today string) {
	trainer, officer := env.Users[model.RoleTrainer], env.Users[model.RoleProgramOfficer]
	a.open(today)
	a.link.SetPath("/api/", webtest.NetworkHang)
	regs := []int64{a.reg(12), a.reg(13), a.reg(14)}
	a.tap(12, "present")
	a.tap(13, "present")
	a.tap(14, "late")
	waitFor(t, "three pending", func() bool { return a.pending() == 3 })

	second := a.tab()
	second.navigate("/", ".sidebar")
	second.signOut()
	second.signIn(model.RoleProgramOfficer)
	a.link.SetPath("/api/", webtest.NetworkUp)
	want := fmt.Sprintf("3 marks by %s wait until they sign in again.", trainer.Name)
	waitSee(t, "the page to say whose marks wait", want, func() string { return a.text("#roll-others") })
	waitFor(t, "the page to say someone else signed in", func() bool { return strings.HasPrefix(a.text(".lock-text"), "Someone else") })
	if n := evalT[int](a, `document.querySelectorAll(".roll-row").length`); n != 0 || strings.Contains(evalT[string](a, `document.body.innerText`), "Walid") {
		t.Errorf("the trainer's roll call still shows %d rows to the officer", n)
	}
	browsertest.Screenshot(t, a.ctx, "roll-others-wait-en-tablet")
	time.Sleep(6 * time.Second) // longer than the pull interval
	for _, reg := range regs {
		if m := mark(t, env, today, reg); m.Status != "" {
			t.Fatalf("a trainer's mark was sent while the officer (%d) was signed in: recorded by %v", officer.ID, *m.RecordedByID)
		}
	}

	second.signOut()
	second.signIn(model.RoleTrainer)
	waitFor(t, "the trainer's marks in the database", func() bool {
		for _, reg := range regs {
			if mark(t, env, today, reg).Status == "" {
				return false
			}
		}
		return true
	})
	for _, reg := range regs {
		m := mark(t, env, today, reg)
		if m.RecordedByID == nil || *m.RecordedByID != trainer.ID {
			t.Errorf("registration %d recorded by %v, want the trainer %d", reg, m.RecordedByID, trainer.ID)
		}
		hist, err := env.Store.MarkHistory(context.Background(), reg, sessionOf(today))
		if err != nil || len(hist) == 0 {
			t.Fatalf("history: %v", err)
		}
		for _, h := range hist {
			if h.RecordedByID == nil || *h.RecordedByID != trainer.ID {
				t.Errorf("a sync of registration %d ran as user %v", reg, h.RecordedByID)
			}
		}
	}
	waitFor(t, "the trainer's roll call back in the first tab", func() bool {
		return evalT[int](a, `document.querySelectorAll(".roll-row").length`) == 17
	})
}

// signOutOffline (point 6): signing out with no network says it will
// happen when back online and keeps the offline copy; back online it
// happens, and the copy goes, whole.
func signOutOffline(t *testing.T, env *webtest.Env, a *tablet, today string) {
	a.open(today)
	a.cut(webtest.NetworkDown)
	a.click("form[action='/logout'] button")
	waitFor(t, "the sign-out to wait", func() bool { return a.text("#signout-wait") != "" })
	if got := a.text("#signout-wait"); !strings.Contains(got, "signed out as soon as the tablet is back online") {
		t.Errorf("the sign-out notice says %q", got)
	}
	browsertest.Screenshot(t, a.ctx, "roll-signout-wait-en-tablet")
	a.reload(rollReady) // the copy is still there
	a.restore()
	waitFor(t, "the sign-out once online", func() bool { return evalT[string](a, `location.pathname`) == "/login" })
	if evalT[bool](a, `caches.has("traindesk-pages")`) {
		t.Error("the offline copy outlived the sign-out")
	}
	a.navigate("/", "#f-email") // signed out on the server too
	a.cut(webtest.NetworkDown)
	a.navigate(today, "[data-offline-signin]")
	if strings.Contains(evalT[string](a, `document.body.innerText`), "Walid") {
		t.Error("names shown after sign-out")
	}
	a.restore()
}

// restPresent (point 7, point 8 and issue 10's counters): on tomorrow's
// session, offline, three taps on one person are one person waiting; a
// note on an unmarked person marks nobody; "mark the rest present" is
// queued and counted at once; undone, a reload keeps none of it; not
// undone, a reload keeps all of it and all of it reaches the database.
// Then, online on today's session, leaving the page at once still sends
// them all.
func restPresent(t *testing.T, env *webtest.Env, b *tablet, today string) {
	tomorrow := nextSession(t, env, today)
	b.open(tomorrow)
	// What the earlier subtests sent has left the queue (the status counts
	// every session's waiting marks, not only this one's).
	waitFor(t, "an empty queue", func() bool { return b.pending() == 0 })
	b.cut(webtest.NetworkDown)
	b.tap(1, "present")
	b.tap(1, "late")
	b.tap(1, "present")
	waitSee(t, "one person waiting", "1 · offline · Offline: marks are kept on this tablet · 1 waiting to be sent", func() string {
		st, text := b.state()
		return fmt.Sprintf("%d · %s · %s", b.pending(), st, text)
	})

	evalT[bool](b, `window.prompt = () => "arrives at eleven"; true`)
	b.click(b.row(2) + " [data-note]")
	if st, n := b.rowState(2), b.pending(); st != "" || n != 1 || !strings.Contains(b.text("#roll-toast"), "first") {
		t.Errorf("a note on an unmarked person: row %q, %d pending, toast %q", st, n, b.text("#roll-toast"))
	}

	// The counters move with the rows, in the same instant.
	const rest = `(() => { document.getElementById("roll-rest").click();
		return [document.querySelector('[data-count="present"]').textContent, document.querySelector('[data-count=""]').textContent,
			String(document.querySelectorAll('.roll-row[data-status="present"]').length)]; })()`
	if got := evalT[[]string](b, rest); strings.Join(got, " ") != "17 0 17" {
		t.Errorf("after the tap: present, unmarked, present rows = %v, want 17 0 17", got)
	}
	waitFor(t, "seventeen waiting", func() bool { return b.pending() == 17 })
	b.click("#roll-undo")
	waitFor(t, "the undo", func() bool { return b.pending() == 1 && b.text(`[data-count="present"]`) == "1" })
	b.reload(rollReady)
	if n, c := b.pending(), b.text(`[data-count="present"]`); n != 1 || c != "1" {
		t.Errorf("after undo and a reload: %d pending, %s present; want 1 and 1", n, c)
	}

	evalT[bool](b, `document.getElementById("roll-rest").click(); true`)
	b.reload(rollReady) // at once, within the undo time
	if n, c := b.pending(), b.text(`[data-count="present"]`); n != 17 || c != "17" {
		t.Errorf("reloaded within the undo time: %d pending, %s present; want 17 and 17", n, c)
	}
	browsertest.Screenshot(t, b.ctx, "roll-rest-kept-en-tablet")
	b.restore()
	waitFor(t, "the seventeen in the database", func() bool { return marksOf(t, env, tomorrow) == 17 })
	if m := mark(t, env, tomorrow, b.reg(2)); m.Note != "" || m.Status != model.MarkPresent {
		t.Errorf("the noted person: %+v", m)
	}

	// Online, leaving the page right after the tap.
	b.open(today)
	left := evalT[int](b, `+document.querySelector('[data-count=""]').textContent`)
	if left == 0 {
		t.Fatal("nobody left to mark today")
	}
	evalT[bool](b, `document.getElementById("roll-rest").click(); true`)
	b.navigate("/", ".sidebar")
	waitFor(t, "today's rest in the database", func() bool { return marksOf(t, env, today) == 17 })
}

// nextSession is the roll call of the session after the one of rollPath.
func nextSession(t *testing.T, env *webtest.Env, rollPath string) string {
	ctx := context.Background()
	si, err := env.Store.Sitting(ctx, sessionOf(rollPath))
	if err != nil {
		t.Fatal(err)
	}
	all, err := env.Store.Sittings(ctx, si.TrainingID)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range all {
		if s.ID == si.ID && i+1 < len(all) {
			return fmt.Sprintf("/sessions/%d/roll", all[i+1].ID)
		}
	}
	t.Fatal("no next session")
	return ""
}
