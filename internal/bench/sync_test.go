package bench_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/bench"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/webtest"
)

// benchCourse adds a training with regs participants and sessions
// sittings, facilitated by the demo trainer, and returns their ids.
func benchCourse(t *testing.T, env *webtest.Env, regs, sessions int) ([]int64, []int64) {
	ctx := context.Background()
	today := model.DateOf(env.Clock.Now().In(env.Cairo))
	tr := model.Training{TitleEn: "Benchmark course", StartsOn: today, EndsOn: today.AddDays(sessions - 1), Status: model.StatusOngoing,
		Capacity: regs, Language: "ar", CompletionMinRate: 80}
	if err := env.Store.CreateTraining(ctx, &tr, model.TrainingPlan{Facilitators: []int64{env.Users[model.RoleTrainer].ID}}); err != nil {
		t.Fatal(err)
	}
	var regIDs, sitIDs []int64
	for i := 0; i < regs; i++ {
		p := model.Person{NameLatin: fmt.Sprintf("Bench Person %d", i), Sex: model.SexMale}
		if err := env.Store.CreatePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
		r := model.Registration{TrainingID: tr.ID, PersonID: p.ID, Status: model.RegConfirmed}
		if err := env.Store.InsertRegistration(ctx, &r, nil); err != nil {
			t.Fatal(err)
		}
		regIDs = append(regIDs, r.ID)
	}
	sits, _ := env.Store.Sittings(ctx, tr.ID)
	for _, s := range sits {
		sitIDs = append(sitIDs, s.ID)
	}
	return regIDs, sitIDs
}

// rawUpsert is the baseline: one statement, no checks, no history.
func rawUpsert(st *store.Store) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		reg, _ := strconv.ParseInt(r.URL.Query().Get("reg"), 10, 64)
		sit, _ := strconv.ParseInt(r.URL.Query().Get("sit"), 10, 64)
		ct, _ := strconv.ParseInt(r.URL.Query().Get("t"), 10, 64)
		err := st.Exec(r.Context(), `INSERT INTO attendance (registration_id, sitting_id, status, note, client_time, device_id, op_id, via, recorded_at)
VALUES (?, ?, 'present', '', ?, 'raw', '', 'online', ?)
ON CONFLICT (registration_id, sitting_id) DO UPDATE SET status = excluded.status, client_time = excluded.client_time, recorded_at = excluded.recorded_at`,
			reg, sit, ct, time.Now().UTC())
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		w.Write([]byte(`{"ok":true}`))
	}
}

type load struct {
	ops      int64
	failures int64
	locked   int64
	lat      []time.Duration
	mu       sync.Mutex
	elapsed  time.Duration
}

func (l *load) p99() time.Duration {
	sort.Slice(l.lat, func(i, j int) bool { return l.lat[i] < l.lat[j] })
	if len(l.lat) == 0 {
		return 0
	}
	return l.lat[len(l.lat)*99/100]
}

func (l *load) perSecond() float64 { return float64(l.ops) / l.elapsed.Seconds() }

// hammer runs clients goroutines, each sending perClient requests built by
// mk; read, when set, is handed each answer's body.
func hammer(clients, perClient int, mk func(client, i int) *http.Request, c *http.Client, read func(client int, body []byte)) *load {
	l := &load{}
	var wg sync.WaitGroup
	start := time.Now()
	for g := 0; g < clients; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < perClient; i++ {
				req := mk(g, i)
				t0 := time.Now()
				res, err := c.Do(req)
				d := time.Since(t0)
				if err != nil {
					atomic.AddInt64(&l.failures, 1)
					continue
				}
				body, _ := io.ReadAll(res.Body)
				res.Body.Close()
				if res.StatusCode != 200 {
					atomic.AddInt64(&l.failures, 1)
				}
				if bytes.Contains(body, []byte("database is locked")) {
					atomic.AddInt64(&l.locked, 1)
				}
				if read != nil && res.StatusCode == 200 {
					read(g, body)
				}
				atomic.AddInt64(&l.ops, 1)
				l.mu.Lock()
				l.lat = append(l.lat, d)
				l.mu.Unlock()
			}
		}(g)
	}
	wg.Wait()
	l.elapsed = time.Since(start)
	return l
}

// tablets keeps, per simulated tablet, the marks version it last saw of
// each session, as the roll-call page does, so that every request asks
// only for what changed since (docs/sync-protocol.md).
type tablets struct {
	mu    sync.Mutex
	since []map[int64]int64
}

func newTablets(n int) *tablets {
	t := &tablets{since: make([]map[int64]int64, n)}
	for i := range t.since {
		t.since[i] = map[int64]int64{}
	}
	return t
}

func (t *tablets) get(g int, sid int64) int64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.since[g][sid]
}

// read takes the versions of an answer, as a tablet does after a sync.
func (t *tablets) read(g int, body []byte) {
	var a struct {
		Versions map[int64]int64 `json:"versions"`
	}
	if json.Unmarshal(body, &a) != nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	for sid, v := range a.Versions {
		t.since[g][sid] = v
	}
}

// round is one interleaved measurement of both paths.
type round struct{ raw, sync *load }

func (r round) ratio() float64    { return r.sync.perSecond() / r.raw.perSecond() }
func (r round) p99Ratio() float64 { return float64(r.sync.p99()) / float64(r.raw.p99()) }

// median returns the middle value of xs.
func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

// TestBenchSync measures marking under load: 32 tablets tapping through
// the real sync endpoint (session, CSRF, checks, idempotency, history,
// delta answer) against a bare upsert through the same server and
// database, in 5 interleaved rounds whose median ratio is the figure, so
// that one noisy round does not decide it; then one 500-mark offline batch
// against a raw 500-row transaction, and its replay.
func TestBenchSync(t *testing.T) {
	bench.Case(t)
	env := webtest.New(t, webtest.Options{Demo: true, RealClock: true})
	regs, sits := benchCourse(t, env, bench.N(100, 10), 5)
	trainer := env.SignIn(model.RoleTrainer)
	token := trainer.Token()
	mux := http.NewServeMux()
	mux.Handle("/raw", rawUpsert(env.Store))
	mux.Handle("/", env.Server)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	client := &http.Client{Jar: trainer.Jar, Transport: &http.Transport{MaxIdleConnsPerHost: 64}}

	clients, per, rounds := bench.N(32, 4), bench.N(40, 5), bench.N(5, 1)
	batchSize := bench.N(500, 50) // at most len(regs) × len(sits)
	tabs := newTablets(clients)
	var seq int64
	mkSync := func(g, i int) *http.Request {
		n := atomic.AddInt64(&seq, 1)
		sid := sits[(g+i)%len(sits)]
		op := model.MarkOp{OpID: fmt.Sprintf("bench-%d-%d-%d", g, i, n), RegistrationID: regs[(g*per+i)%len(regs)],
			SittingID: sid, Status: model.MarkPresent, ClientTime: time.Now().UnixMilli(), DeviceID: fmt.Sprintf("tab-%d", g)}
		b, _ := json.Marshal(map[string]any{"ops": []model.MarkOp{op}, "since": map[int64]int64{sid: tabs.get(g, sid)}})
		req, _ := http.NewRequest("POST", srv.URL+"/api/v1/sync", bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-CSRF-Token", token)
		return req
	}
	mkRaw := func(g, i int) *http.Request {
		u := fmt.Sprintf("%s/raw?reg=%d&sit=%d&t=%d", srv.URL, regs[(g*per+i)%len(regs)], sits[(g+i)%len(sits)], time.Now().UnixMilli())
		req, _ := http.NewRequest("POST", u, nil)
		return req
	}
	// Warm both paths up (connections, caches) before measuring either.
	hammer(4, 10, mkRaw, client, nil)
	hammer(4, 10, mkSync, client, tabs.read)
	w := os.Stdout
	fmt.Fprintf(w, "\nMarking under load: %d clients × %d taps, one mark per request, %d interleaved rounds\n", clients, per, rounds)
	var ratios, p99s []float64
	failed := false
	for r := 0; r < rounds; r++ {
		var m round
		// Alternate which path goes first, so that drift favours neither.
		if r%2 == 0 {
			m.raw = hammer(clients, per, mkRaw, client, nil)
			m.sync = hammer(clients, per, mkSync, client, tabs.read)
		} else {
			m.sync = hammer(clients, per, mkSync, client, tabs.read)
			m.raw = hammer(clients, per, mkRaw, client, nil)
		}
		ratios, p99s = append(ratios, m.ratio()), append(p99s, m.p99Ratio())
		fmt.Fprintf(w, "  round %d: raw %6.0f marks/s p99 %8s | sync %6.0f marks/s p99 %8s | ratio %.2fx, p99 %.2fx | failures %d/%d locked %d/%d\n",
			r+1, m.raw.perSecond(), m.raw.p99(), m.sync.perSecond(), m.sync.p99(), m.ratio(), m.p99Ratio(),
			m.raw.failures, m.sync.failures, m.raw.locked, m.sync.locked)
		failed = failed || m.raw.failures+m.raw.locked+m.sync.failures+m.sync.locked > 0
	}
	fmt.Fprintf(w, "  POST /api/v1/sync (full checks, delta answer) against the raw upsert: median throughput ratio %.2fx, median p99 ratio %.2fx\n",
		median(ratios), median(p99s))
	if failed {
		t.Errorf("requests failed under load (database is locked?)")
	}
	bench.Record(bench.Row{Case: fmt.Sprintf("one mark per request, %d concurrent tablets", clients), Subject: "POST /api/v1/sync (delta answer)",
		Baseline: "raw upsert through the same server", Ratio: fmt.Sprintf("%.2f× throughput, p99 %.2f× (median of %d rounds)", median(ratios), median(p99s), rounds),
		Aim: "≥ 0.50×, p99 ≤ 1.5×, 0 locked", Met: median(ratios) >= 0.5 && median(p99s) <= 1.5 && !failed})

	// One offline batch of 500 marks.
	ctx := context.Background()
	batch := func(round int) []model.MarkOp {
		var ops []model.MarkOp
		at := time.Now().UnixMilli()
		for i := 0; i < batchSize; i++ {
			ops = append(ops, model.MarkOp{OpID: fmt.Sprintf("offline-%d-%04d", round, i), RegistrationID: regs[i%len(regs)],
				SittingID: sits[i/len(regs)], Status: model.MarkLate, ClientTime: at + int64(i), DeviceID: "tab-offline", Via: model.ViaSync})
		}
		return ops
	}
	send := func(ops []model.MarkOp) {
		b, _ := json.Marshal(map[string]any{"ops": ops})
		req, _ := http.NewRequest("POST", srv.URL+"/api/v1/sync", bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-CSRF-Token", token)
		res, err := client.Do(req)
		if err != nil || res.StatusCode != 200 {
			t.Fatalf("batch: %v %v", err, res)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
	}
	round := 0
	sub := bench.Measure(fmt.Sprintf("POST /api/v1/sync, %d marks", batchSize), func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			round++
			send(batch(round))
		}
	})
	rawTx := bench.Measure(fmt.Sprintf("raw %d-row transaction", batchSize), func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			at := time.Now().UnixMilli()
			err := env.Store.Tx(ctx, func(ctx context.Context) error {
				for j := 0; j < batchSize; j++ {
					if err := env.Store.Exec(ctx, `INSERT INTO attendance (registration_id, sitting_id, status, note, client_time, device_id, op_id, via, recorded_at)
VALUES (?, ?, 'late', '', ?, 'raw', '', 'online', ?) ON CONFLICT (registration_id, sitting_id) DO UPDATE SET client_time = excluded.client_time`,
						regs[j%len(regs)], sits[j/len(regs)], at+int64(j), time.Now().UTC()); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	})
	bench.Print(w, fmt.Sprintf("Offline batch of %d marks against a raw %d-row transaction", batchSize, batchSize), rawTx, sub)
	bench.Record(bench.Row{Case: fmt.Sprintf("%d-mark offline batch", batchSize), Subject: fmt.Sprintf("%s (%d allocs)", dur(sub.NsPerOp), sub.Allocs),
		Baseline: fmt.Sprintf("raw %d-row transaction: ", batchSize) + dur(rawTx.NsPerOp), Ratio: fmt.Sprintf("%.1f×", sub.NsPerOp/rawTx.NsPerOp),
		Aim: "≤ 2×", Met: sub.NsPerOp/rawTx.NsPerOp <= 2})
	before := [2]int64{env.Store.MustCount(ctx, "attendance"), env.Store.MustCount(ctx, "attendance_history")}
	send(batch(round))
	after := [2]int64{env.Store.MustCount(ctx, "attendance"), env.Store.MustCount(ctx, "attendance_history")}
	fmt.Fprintf(w, "  replaying the last batch added %d marks and %d history lines\n", after[0]-before[0], after[1]-before[1])
	if after != before {
		t.Errorf("the replay added rows")
	}
}
