package app_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/proctest"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// TestInstances_TwoOnPostgres runs two server processes on one PostgreSQL
// database and talks to them over HTTP as a load balancer without sticky
// sessions would: a browser signed in on one is signed in on the other
// (forms included, its CSRF token is the session's), signing out on one
// ends the session on the other, an export started on one is followed
// and downloaded on the other, tablets sending conflicting marks to
// both end with one roster that both show, each mark applied once, and
// wrong passwords spread over both are checked no more often than the
// account's limit allows.
func TestInstances_TwoOnPostgres(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	course := proctest.Seed(t, dsn, 0)
	vars := map[string]string{"TRAINDESK_DB": dsn, "TRAINDESK_SESSION_KEY": strings.Repeat("7c", 32)}
	a := proctest.Start(t, with(vars, "TRAINDESK_DATA_DIR", t.TempDir()))
	b := proctest.Start(t, with(vars, "TRAINDESK_DATA_DIR", t.TempDir()))

	t.Run("session", func(t *testing.T) { sessionAcross(t, a.URL(), b.URL()) })
	t.Run("marks", func(t *testing.T) { marksConverge(t, dsn, course, a.URL(), b.URL()) })
	t.Run("export", func(t *testing.T) { exportAcross(t, dsn, course, a.URL(), b.URL()) })
	t.Run("limit", func(t *testing.T) { limitAcross(t, a.URL(), b.URL()) })
}

// with copies vars with k set to v.
func with(vars map[string]string, k, v string) map[string]string {
	out := map[string]string{k: v}
	for x, y := range vars {
		out[x] = y
	}
	return out
}

// sessionAcross signs in on a, uses the session on b for a page and a
// form, signs out on b and finds the session's cookie refused on a.
func sessionAcross(t *testing.T, a, b string) {
	onA := proctest.NewClient(a)
	if res, err := onA.SignIn(proctest.Officer, proctest.Password); err != nil || res.Status != http.StatusSeeOther {
		t.Fatalf("sign in on the first instance: %d, %v", res.Status, err)
	}
	onB := onA.On(b)
	if res, err := onB.Get("/persons"); err != nil || res.Status != http.StatusOK {
		t.Fatalf("the session on the second instance: %d to %q, %v", res.Status, res.Location, err)
	}
	res, err := onB.Post("/persons", url.Values{"name_latin": {"Across " + proctest.Word(7)}, "sex": {"F"}, "confirm_new": {"1"}, "basis": {"consent"}, "basis_purpose": {"Training"}})
	if err != nil || res.Status != http.StatusSeeOther || proctest.IDAfter(res.Location, "/persons/") == "" {
		t.Fatalf("a form posted on the second instance with the first's session: %d to %q, %v", res.Status, res.Location, err)
	}
	// A copy of the cookies, as an attacker who took them would hold.
	kept := copyJar(t, onA)
	if res, err := onB.Post("/logout", nil); err != nil || res.Status != http.StatusSeeOther {
		t.Fatalf("sign out on the second instance: %d, %v", res.Status, err)
	}
	res, err = kept.Get("/persons")
	if err != nil || res.Status != http.StatusSeeOther || !strings.HasPrefix(res.Location, "/login") {
		t.Errorf("the signed-out session's cookie on the first instance: %d to %q, %v; want a redirect to sign in", res.Status, res.Location, err)
	}
}

// copyJar returns a client for c's server holding a copy of c's cookies.
func copyJar(t *testing.T, c *proctest.Client) *proctest.Client {
	jar, _ := cookiejar.New(nil)
	u, _ := url.Parse(c.Base)
	jar.SetCookies(u, c.HTTP.Jar.Cookies(u))
	cp := proctest.NewClient(c.Base)
	cp.HTTP.Jar = jar
	return cp
}

// marksConverge has four tablets, two on each instance, mark the same
// cells at once with different marks, then reads every session's marks
// from both instances: they are the same, each cell holds the mark that
// model.Wins picks among all that were sent, and each operation was
// applied once. Sending every batch again to the other instance gets the
// same answers.
func marksConverge(t *testing.T, dsn string, course proctest.Course, a, b string) {
	const tablets, rounds = 4, 15
	type batch struct {
		device string
		ops    []model.MarkOp
		res    []model.OpResult
	}
	var (
		mu      sync.Mutex
		batches []batch
		wg      sync.WaitGroup
	)
	cells := course.Cells[:min(len(course.Cells), 12)]
	start := time.Now().UnixMilli()
	for i := range tablets {
		base := []string{a, b}[i%2]
		c := proctest.NewClient(base)
		if res, err := c.SignIn(proctest.Trainer, proctest.Password); err != nil || res.Status != http.StatusSeeOther {
			t.Fatalf("tablet %d signs in: %d, %v", i, res.Status, err)
		}
		device := fmt.Sprintf("tablet-%d", i+1)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range rounds {
				var ops []model.MarkOp
				for k, cell := range cells {
					ops = append(ops, model.MarkOp{OpID: fmt.Sprintf("%s-%03d-%03d", device, r, k), RegistrationID: cell.Registration,
						SittingID: cell.Sitting, Status: model.Marks[(i+r+k)%len(model.Marks)], DeviceID: device, Via: model.ViaSync,
						// Times interleave across tablets, and some tie, so
						// that the winner depends on the rule, not the order.
						ClientTime: start + int64(r*10+(i*k)%7)})
				}
				res, err := proctest.Sync(c, device, ops)
				if err != nil {
					t.Errorf("%s: %v", device, err)
					return
				}
				mu.Lock()
				batches = append(batches, batch{device, ops, res})
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	want := map[[2]int64]model.MarkOp{}
	for _, bt := range batches {
		for _, op := range bt.ops {
			k := [2]int64{op.RegistrationID, op.SittingID}
			if w, ok := want[k]; !ok || model.Wins(op.ClientTime, op.DeviceID, op.OpID, w.ClientTime, w.DeviceID, w.OpID) {
				want[k] = op
			}
		}
	}
	fromA, fromB := rosterMarks(t, a, cells), rosterMarks(t, b, cells)
	if fmt.Sprint(fromA) != fmt.Sprint(fromB) {
		t.Errorf("the instances show different marks:\n%v\n%v", fromA, fromB)
	}
	for k, op := range want {
		got := fromA[k]
		if got.Status != op.Status || got.ClientTime != op.ClientTime || got.DeviceID != op.DeviceID {
			t.Errorf("cell %v holds %s from %s at %d, want %s from %s at %d", k, got.Status, got.DeviceID, got.ClientTime,
				op.Status, op.DeviceID, op.ClientTime)
		}
	}
	replayOnOther(t, a, b, batches[0].device, batches[0].ops, batches[0].res)
	st, err := store.Open(context.Background(), dsn, store.Options{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	proctest.CheckMarks(t, st)
	t.Logf("%d tablets on 2 instances sent %d operations in %d batches; %d cells agree on both", tablets, tablets*rounds*len(cells), len(batches), len(want))
}

// rosterMarks reads the marks of the cells' sessions from the instance
// at base, as the trainer's roll-call page does.
func rosterMarks(t *testing.T, base string, cells []proctest.Cell) map[[2]int64]model.MarkState {
	c := proctest.NewClient(base)
	if res, err := c.SignIn(proctest.Trainer, proctest.Password); err != nil || res.Status != http.StatusSeeOther {
		t.Fatalf("sign in to read the roster: %d, %v", res.Status, err)
	}
	sittings := map[int64]bool{}
	for _, cell := range cells {
		sittings[cell.Sitting] = true
	}
	out := map[[2]int64]model.MarkState{}
	for s := range sittings {
		res, err := c.Get(fmt.Sprintf("/api/v1/sessions/%d/roster", s))
		if err != nil || res.Status != http.StatusOK {
			t.Fatalf("the roster of session %d: %d, %v", s, res.Status, err)
		}
		var ans struct{ Marks []model.MarkState }
		if err := json.Unmarshal([]byte(res.Body), &ans); err != nil {
			t.Fatal(err)
		}
		for _, m := range ans.Marks {
			out[[2]int64{m.RegistrationID, m.SittingID}] = m
		}
	}
	return out
}

// replayOnOther sends a batch again, to both instances, as the device
// that sent it: each answers what the batch got the first time.
func replayOnOther(t *testing.T, a, b, device string, ops []model.MarkOp, first []model.OpResult) {
	for _, base := range []string{a, b} {
		c := proctest.NewClient(base)
		if res, err := c.SignIn(proctest.Trainer, proctest.Password); err != nil || res.Status != http.StatusSeeOther {
			t.Fatalf("sign in to replay: %d, %v", res.Status, err)
		}
		res, err := proctest.Sync(c, device, ops)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(res) != fmt.Sprint(first) {
			t.Errorf("a replay on %s answered %v, first %v", base, res, first)
		}
	}
}

// limitAcross sends 20 wrong passwords for one account at once, half to
// each instance, from browsers that never signed in: the account's
// counter is kept in the database, so no more than its limit (5) are
// checked between the two, and the others are refused (429) unchecked.
func limitAcross(t *testing.T, a, b string) {
	const n = 20
	codes := make([]int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := proctest.NewClient([]string{a, b}[i%2])
			for range 50 { // a busy answer (503) asks the browser to try again
				res, err := c.SignIn(proctest.Manager, "wrong-guess-"+proctest.Word(i))
				if err != nil {
					t.Error(err)
					return
				}
				if codes[i] = res.Status; res.Status != http.StatusServiceUnavailable {
					return
				}
				time.Sleep(100 * time.Millisecond)
			}
		}()
	}
	wg.Wait()
	count := map[int]int{}
	for _, c := range codes {
		count[c]++
	}
	t.Logf("answers to %d wrong passwords over 2 instances: %v", n, count)
	if count[http.StatusUnauthorized] > 5 || count[http.StatusUnauthorized]+count[http.StatusTooManyRequests] != n {
		t.Errorf("answers %v: want at most 5 checked (401) and the rest refused (429)", count)
	}
	if count[http.StatusTooManyRequests] < n-5 {
		t.Errorf("only %d of %d refused", count[http.StatusTooManyRequests], n)
	}
}

// exportAcross starts an export of the demo project's participants on a,
// follows its progress on b and downloads the file from b: the same bytes
// as the direct download.
func exportAcross(t *testing.T, dsn string, course proctest.Course, a, b string) {
	st, err := store.Open(context.Background(), dsn, store.Options{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	project := st.MustString(context.Background(), "SELECT CAST(id AS TEXT) FROM projects WHERE code = ?", course.Project)
	st.Close()
	onA := proctest.NewClient(a)
	if res, err := onA.SignIn(proctest.Manager, proctest.Password); err != nil || res.Status != http.StatusSeeOther {
		t.Fatalf("sign in: %d, %v", res.Status, err)
	}
	onB := onA.On(b)
	period := url.Values{"project": {project}, "from": {course.Today.AddDays(-400).String()}, "to": {course.Today.AddDays(400).String()}}
	direct, err := onB.Get("/reports/export/participants.csv?" + period.Encode())
	if err != nil || direct.Status != http.StatusOK || direct.Body == "" {
		t.Fatalf("the direct download: %d, %v", direct.Status, err)
	}
	form := url.Values{"format": {"csv"}, "table": {"participants"}, "async": {"1"}}
	for k, v := range period {
		form[k] = v
	}
	res, err := onA.Post("/reports/export", form)
	if err != nil || res.Status != http.StatusSeeOther || !strings.HasPrefix(res.Location, "/reports/jobs/") {
		t.Fatalf("an export started on the first instance: %d to %q, %v", res.Status, res.Location, err)
	}
	job := res.Location
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the export never finished as the second instance sees it")
		}
		req, _ := http.NewRequest("GET", b+job+"/status", nil)
		req.Header.Set("HX-Request", "true")
		r, err := onB.HTTP.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(r.Body)
		r.Body.Close()
		if r.StatusCode != http.StatusOK {
			t.Fatalf("the progress on the second instance: %d", r.StatusCode)
		}
		if !strings.Contains(string(body), "every 1s") {
			break
		}
	}
	file, err := onB.Get(job + "/file")
	if err != nil || file.Status != http.StatusOK || file.Body != direct.Body {
		t.Errorf("the file from the second instance: %d, %d bytes against %d, %v", file.Status, len(file.Body), len(direct.Body), err)
	}
}
