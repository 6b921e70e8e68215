package browsertest_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/app"
	"github.com/traindesk/traindesk/internal/browsertest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestBrowser_RollCallSignInEnds (issue 16, point 5): the tablet keeps the
// sign-in's end and checks it with no network. Once it has passed, the open
// roll call hides every name and asks for a sign-in, a tap is not queued
// under the trainer, and the offline copy (roll call, dashboard, roster)
// is gone; the mark made before waits for the trainer, also when someone
// else signs in on the tablet.
func TestBrowser_RollCallSignInEnds(t *testing.T) {
	// Mostly waiting (for pulls, time-outs, the sign-in's end): it runs
	// beside the other waiting test.
	t.Parallel()
	const idle = 25 * time.Second
	env := webtest.New(t, webtest.Options{Demo: true, RealClock: true, Adjust: func(o *app.Options) { o.SessionIdle = idle }})
	a := newTablet(t, env, model.RoleTrainer)
	today := a.todayRoll()
	a.open(today)
	name := a.text(a.row(1) + " .name")
	reg := a.reg(2)
	a.cut(webtest.NetworkDown)
	a.tap(1, "present")
	waitFor(t, "the tap queued", func() bool { return a.pending() == 1 })
	// When the tablet holds the sign-in to end, by its own clock.
	ends := time.UnixMilli(evalT[int64](a, `caches.match("/offline/signin", {cacheName: "traindesk-pages"}).then(r => r.json()).then(j => j.expires)`))
	if time.Until(ends) < time.Second || time.Until(ends) > idle {
		t.Fatalf("the tablet holds the sign-in until %v, %v from now; it lasts %v", ends, time.Until(ends), idle)
	}

	waitUpTo(t, idle+10*time.Second, "the roll call to hide at the sign-in's end", func() bool {
		return evalT[bool](a, `!document.querySelector(".roll-row") && !document.getElementById("roll").hasAttribute("data-roll")`)
	})
	late := time.Since(ends)
	t.Logf("the roll call hid itself %v after the sign-in's end", late.Round(100*time.Millisecond))
	if late < -500*time.Millisecond {
		t.Errorf("the roll call hid itself %v before the sign-in's end", -late)
	}
	if body := evalT[string](a, `document.body.innerText`); strings.Contains(body, name) || !strings.Contains(a.text(".lock-text"), "has ended") {
		t.Errorf("after the sign-in's end the page shows %q", body)
	}
	browsertest.Screenshot(t, a.ctx, "roll-signin-ended-en-tablet")
	if evalT[bool](a, fmt.Sprintf(`window.traindeskRoll.record(%d, "present")`, reg)) || a.pending() != 1 {
		t.Error("a tap after the sign-in's end was queued")
	}

	for _, path := range []string{today, "/"} {
		a.navigate(path, "[data-offline-signin]")
		if body := evalT[string](a, `document.body.innerText`); strings.Contains(body, name) || !strings.Contains(body, "Sign in again") {
			t.Errorf("%s offline after the sign-in's end shows %q", path, body)
		}
	}
	roster := fmt.Sprintf(`fetch("/api/v1/sessions/%d/roster").then(r => r.status)`, sessionOf(today))
	if st := evalT[int](a, roster); st != 401 {
		t.Errorf("the roster offline after the sign-in's end = %d, want 401", st)
	}
	if n := evalT[int](a, `caches.open("traindesk-pages").then(c => c.keys()).then(k => k.length)`); n != 0 {
		t.Errorf("%d entries of the offline copy outlived the sign-in", n)
	}

	// Back online, a program officer signs in on the tablet: the trainer's
	// mark waits for the trainer, and the officer's roll call says so.
	a.restore()
	a.signIn(model.RoleProgramOfficer)
	a.open(today)
	want := fmt.Sprintf("1 mark by %s waits until they sign in again.", env.Users[model.RoleTrainer].Name)
	waitSee(t, "the officer's page to name the waiting mark", want, func() string { return a.text("#roll-others") })
	time.Sleep(2 * time.Second)
	if n := marksOf(t, env, today); n != 0 {
		t.Errorf("%d marks reached the server under the officer's sign-in", n)
	}
}
