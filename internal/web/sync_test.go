package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// syncAnswer is the sync endpoint's answer as a tablet reads it.
type syncAnswer struct {
	Results []model.OpResult  `json:"results"`
	Marks   []model.MarkState `json:"marks"`
	Version map[string]int64  `json:"versions"`
}

func decodeSync(t *testing.T, r webtest.Response) syncAnswer {
	t.Helper()
	var a syncAnswer
	if r.StatusCode != http.StatusOK {
		t.Fatalf("sync = %d %s", r.StatusCode, r.Body)
	}
	if err := json.Unmarshal([]byte(r.Body), &a); err != nil {
		t.Fatalf("sync answer %q: %v", r.Body, err)
	}
	return a
}

// signInNewTrainer adds a trainer of no training and signs them in.
func signInNewTrainer(t *testing.T, env *webtest.Env) *webtest.Client {
	t.Helper()
	hash, err := auth.HashPassword(webtest.Password, auth.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	u := model.User{Email: "stranger@example.org", Name: "Stranger", Role: model.RoleTrainer, PasswordHash: hash, Active: true}
	if err := env.Store.CreateUser(context.Background(), &u); err != nil {
		t.Fatal(err)
	}
	c := env.Client()
	if r := c.SignIn(u.Email, webtest.Password); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign in: %d", r.StatusCode)
	}
	return c
}

// TestSync_RefusedBatchRevealsNothing replays the attack from the field
// through the router: a trainer of another training, and a manager, send
// batches naming today's session (ops and since). Every item is refused,
// and the answer holds none of the session's marks, its correction note,
// its tablets' ids or its version.
func TestSync_RefusedBatchRevealsNothing(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true, Today: model.MustDate("2026-11-27")})
	_, si, regs := todaySession(t, env)
	now := env.Clock.Now().UnixMilli()
	own := env.SignIn(model.RoleTrainer)
	mark := map[string]any{"device_id": "tablet-secret-7", "ops": []map[string]any{
		{"op_id": "own-op-000001", "registration_id": regs[0].ID, "session_id": si.ID, "status": "excused",
			"note": "hospital stay after the accident", "client_time": now}}}
	if a := decodeSync(t, postJSON(own, "/api/v1/sync", mark)); len(a.Marks) == 0 || a.Version[fmt.Sprint(si.ID)] == 0 {
		t.Fatalf("the course's trainer got no marks back: %+v", a)
	}
	for name, c := range map[string]*webtest.Client{"foreign trainer": signInNewTrainer(t, env), "manager": env.SignIn(model.RoleManager)} {
		var ops []map[string]any
		for i, r := range regs[:5] {
			ops = append(ops, map[string]any{"op_id": fmt.Sprintf("probe-%s-%02d", name[:3], i), "registration_id": r.ID,
				"session_id": si.ID, "status": "absent", "client_time": now})
		}
		r := postJSON(c, "/api/v1/sync", map[string]any{"device_id": "probe", "ops": ops,
			"since": map[string]int64{fmt.Sprint(si.ID): 0, fmt.Sprint(si.ID + 1): 0}})
		a := decodeSync(t, r)
		for _, res := range a.Results {
			if res.Result != model.OpRefused {
				t.Errorf("%s: %+v, want refused", name, res)
			}
		}
		for _, leak := range []string{"hospital", "tablet-secret", "demo-tablet", `"session_id"`, `"version"`, `"status":"present"`} {
			if strings.Contains(r.Body, leak) {
				t.Errorf("%s: the answer holds %s: %s", name, leak, r.Body)
			}
		}
		if !strings.Contains(r.Body, `"marks":[]`) || !strings.Contains(r.Body, `"versions":{}`) {
			t.Errorf("%s: want an empty list of marks and no versions: %s", name, r.Body)
		}
	}
}

// TestRollCall_RosterSince reads the roster as a tablet does: the whole
// list with the version first, then only what changed since it.
func TestRollCall_RosterSince(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true, Today: model.MustDate("2026-11-27")})
	_, si, regs := todaySession(t, env)
	trainer := env.SignIn(model.RoleTrainer)
	type roster struct {
		People  []json.RawMessage `json:"people"`
		Version int64             `json:"version"`
		Delta   bool              `json:"delta"`
		Marks   []model.MarkState `json:"marks"`
		Server  int64             `json:"server_time"`
	}
	get := func(q string) roster {
		t.Helper()
		r := trainer.Get(fmt.Sprintf("/api/v1/sessions/%d/roster%s", si.ID, q))
		var out roster
		if r.StatusCode != 200 || json.Unmarshal([]byte(r.Body), &out) != nil || out.Marks == nil || out.Server == 0 {
			t.Fatalf("roster%s = %d %s", q, r.StatusCode, r.Body)
		}
		return out
	}
	now := env.Clock.Now().UnixMilli()
	decodeSync(t, postJSON(trainer, "/api/v1/sync", map[string]any{"device_id": "tab-0",
		"ops": []map[string]any{{"op_id": "since-op-0000", "registration_id": regs[1].ID, "session_id": si.ID, "status": "present", "client_time": now}}}))
	first := get("")
	if first.Version == 0 || first.Delta || len(first.Marks) == 0 {
		t.Fatalf("first read: version %d, delta %v, %d marks", first.Version, first.Delta, len(first.Marks))
	}
	a := decodeSync(t, postJSON(trainer, "/api/v1/sync", map[string]any{"device_id": "tab-1",
		"since": map[string]int64{fmt.Sprint(si.ID): first.Version},
		"ops":   []map[string]any{{"op_id": "since-op-0001", "registration_id": regs[0].ID, "session_id": si.ID, "status": "late", "client_time": now}}}))
	v := a.Version[fmt.Sprint(si.ID)]
	if v != first.Version+1 || len(a.Marks) != 1 || a.Marks[0].Status != model.MarkLate || a.Marks[0].Version != v {
		t.Fatalf("sync since %d: version %d, marks %+v", first.Version, v, a.Marks)
	}
	for _, c := range []struct {
		q     string
		delta bool
		n     int
	}{
		{"", false, len(first.Marks) + 1},
		{fmt.Sprintf("?since=%d", first.Version), true, 1},
		{fmt.Sprintf("?since=%d", v), true, 0},
		{fmt.Sprintf("?since=%d", v+1), false, len(first.Marks) + 1},
		{"?since=soon", false, len(first.Marks) + 1},
	} {
		got := get(c.q)
		if got.Version != v || got.Delta != c.delta || len(got.Marks) != c.n || len(got.People) != len(first.People) {
			t.Errorf("roster%s: version %d delta %v, %d marks; want %d %v %d", c.q, got.Version, got.Delta, len(got.Marks), v, c.delta, c.n)
		}
	}
}

// TestSync_OppositeOrderPairs_Postgres sends 50 pairs of batches at once
// through the router on PostgreSQL, each pair marking the same 30 cells in
// opposite orders. None may fail (a deadlock answered 500 before), and
// each operation is applied at most once: one history line per "applied".
func TestSync_OppositeOrderPairs_Postgres(t *testing.T) {
	env := webtest.New(t, webtest.Options{Demo: true, Today: model.MustDate("2026-11-27"), Postgres: true})
	tr, _, regs := todaySession(t, env)
	sits, _ := env.Store.Sittings(context.Background(), tr.ID)
	trainer := env.SignIn(model.RoleTrainer)
	token := trainer.Token()
	now := env.Clock.Now().UnixMilli()
	batch := func(pair, side int) []map[string]any {
		var ops []map[string]any
		for _, s := range sits {
			for i, r := range regs[:10] {
				ops = append(ops, map[string]any{"op_id": fmt.Sprintf("pair-%02d-%d-%d-%02d", pair, side, s.ID, i),
					"registration_id": r.ID, "session_id": s.ID, "status": model.Marks[(pair+side)%4], "client_time": now + int64(pair)})
			}
		}
		if side == 1 {
			for i, j := 0, len(ops)-1; i < j; i, j = i+1, j-1 {
				ops[i], ops[j] = ops[j], ops[i]
			}
		}
		return ops
	}
	answers := make([]webtest.Response, 100)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for k := range answers {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			b, _ := json.Marshal(map[string]any{"device_id": fmt.Sprintf("tab-%d", k%2), "ops": batch(k/2, k%2)})
			req, _ := http.NewRequest("POST", trainer.Server()+"/api/v1/sync", strings.NewReader(string(b)))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("X-CSRF-Token", token)
			<-start
			answers[k] = trainer.Send(req)
		}(k)
	}
	close(start)
	wg.Wait()
	applied := 0
	for k, r := range answers {
		if r.StatusCode != http.StatusOK {
			t.Fatalf("batch %d = %d %s", k, r.StatusCode, r.Body)
		}
		for _, res := range decodeSync(t, r).Results {
			switch res.Result {
			case model.OpApplied:
				applied++
			case model.OpSuperseded:
			default:
				t.Fatalf("batch %d: %+v", k, res)
			}
		}
	}
	ctx := context.Background()
	if n := env.Store.MustCount(ctx, "sync_ops"); n != int64(100*len(sits)*10) {
		t.Errorf("%d operations claimed, want %d", n, 100*len(sits)*10)
	}
	if n := env.Store.MustCount(ctx, "attendance_history WHERE op_id LIKE 'pair-%'"); n != int64(applied) {
		t.Errorf("%d history lines for %d applied operations", n, applied)
	}
}
