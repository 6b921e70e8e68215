package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/webtest"
)

// course adds a two-day training facilitated by the test trainer, with
// regs participants, and returns the cells (registration, session) a
// tablet may mark today.
func course(t *testing.T, env *webtest.Env, regs int) [][2]int64 {
	t.Helper()
	ctx := context.Background()
	today := model.DateOf(env.Clock.Now().In(env.Cairo))
	tr := model.Training{TitleEn: "Backup under load", StartsOn: today.AddDays(-1), EndsOn: today, Status: model.StatusOngoing,
		Capacity: regs, Language: "ar", CompletionMinRate: 80}
	if err := env.Store.CreateTraining(ctx, &tr, model.TrainingPlan{Facilitators: []int64{env.Users[model.RoleTrainer].ID}}); err != nil {
		t.Fatal(err)
	}
	sits, err := env.Store.Sittings(ctx, tr.ID)
	if err != nil || len(sits) != 2 {
		t.Fatalf("sessions: %v, %v", sits, err)
	}
	var cells [][2]int64
	for i := 0; i < regs; i++ {
		p := model.Person{NameLatin: fmt.Sprintf("Officer %d", i), Sex: model.SexFemale}
		if err := env.Store.CreatePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
		r := model.Registration{TrainingID: tr.ID, PersonID: p.ID, Status: model.RegConfirmed}
		if err := env.Store.InsertRegistration(ctx, &r, nil); err != nil {
			t.Fatal(err)
		}
		for _, s := range sits {
			cells = append(cells, [2]int64{r.ID, s.ID})
		}
	}
	return cells
}

// tablet is a simulated roll-call tablet: the marks it has taken and not
// yet had acknowledged, as the page keeps them.
type tablet struct {
	device  string
	pending []model.MarkOp
	n       int
}

// tap takes a mark.
func (tb *tablet) tap(cells [][2]int64, at int64) {
	tb.n++
	c := cells[(tb.n*7+len(tb.device))%len(cells)]
	status := model.MarkPresent
	if tb.n%3 == 0 {
		status = model.MarkLate
	}
	tb.pending = append(tb.pending, model.MarkOp{OpID: fmt.Sprintf("%s-%06d", tb.device, tb.n), RegistrationID: c[0],
		SittingID: c[1], Status: status, ClientTime: at + int64(tb.n), DeviceID: tb.device, Via: model.ViaSync})
}

// send sends up to 20 waiting marks and forgets those the server answered;
// it returns the ids answered (nil when the request failed).
func (tb *tablet) send(c *webtest.Client, token string) ([]string, error) {
	ops := tb.pending[:min(len(tb.pending), 20)]
	b, _ := json.Marshal(map[string]any{"device_id": tb.device, "ops": ops})
	req, _ := http.NewRequest("POST", c.Server()+"/api/v1/sync", bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-CSRF-Token", token)
	res, err := c.Client.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	var out struct{ Results []model.OpResult }
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil || res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("sync: %d, %v", res.StatusCode, err)
	}
	answered := map[string]bool{}
	var ids []string
	for _, r := range out.Results {
		answered[r.OpID] = true
		ids = append(ids, r.OpID)
	}
	kept := tb.pending[:0:0]
	for _, op := range tb.pending {
		if !answered[op.OpID] {
			kept = append(kept, op)
		}
	}
	tb.pending = kept
	return ids, nil
}

// countOps counts the operations among ids that the database recorded.
func countOps(t *testing.T, st *store.Store, ids []string) int {
	t.Helper()
	n := 0
	for i := 0; i < len(ids); i += 200 {
		part := ids[i:min(i+200, len(ids))]
		args := make([]any, len(part))
		for j, id := range part {
			args[j] = id
		}
		q := "SELECT CAST(COUNT(*) AS TEXT) FROM sync_ops WHERE op_id IN (?" + strings.Repeat(", ?", len(part)-1) + ")"
		var k int
		fmt.Sscan(st.MustString(context.Background(), q, args...), &k)
		n += k
	}
	return n
}

// copyFile copies src over dst, as cp does.
func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}
