package bench_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/bench"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestBenchDurability prices synchronous=FULL, which makes every mark the
// server acknowledges survive a power cut, against NORMAL, which may lose
// the last commits then: taps sent one per request (one commit, so one
// sync of the log, each) and a 50-mark offline batch (one commit for
// all), through the real sync endpoint on a file on this machine's disk.
func TestBenchDurability(t *testing.T) {
	bench.Case(t)
	results := map[string][2]bench.Result{}
	for _, mode := range []string{"NORMAL", "FULL"} {
		env := webtest.New(t, webtest.Options{Demo: true, RealClock: true, Synchronous: mode})
		regs, sits := benchCourse(t, env, 50, 5)
		trainer := env.SignIn(model.RoleTrainer)
		token := trainer.Token()
		n := 0
		send := func(size int) {
			var ops []model.MarkOp
			for i := 0; i < size; i++ {
				n++
				ops = append(ops, model.MarkOp{OpID: fmt.Sprintf("%s-%08d", mode, n), RegistrationID: regs[n%len(regs)],
					SittingID: sits[n/len(regs)%len(sits)], Status: model.MarkPresent, ClientTime: time.Now().UnixMilli() + int64(i),
					DeviceID: "tab-1", Via: model.ViaSync})
			}
			b, _ := json.Marshal(map[string]any{"ops": ops})
			req, _ := http.NewRequest("POST", trainer.Server()+"/api/v1/sync", bytes.NewReader(b))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("X-CSRF-Token", token)
			res, err := trainer.Client.Do(req)
			if err != nil || res.StatusCode != http.StatusOK {
				t.Fatalf("sync: %v %v", err, res)
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
		}
		send(1) // warm up
		tap := bench.Measure("synchronous="+mode+", one mark per request", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				send(1)
			}
		})
		batch := bench.Measure("synchronous="+mode+", 50 marks per request", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				send(50)
			}
		})
		results[mode] = [2]bench.Result{tap, batch}
	}
	bench.Print(os.Stdout, "Durability: a tap, one mark per request, with synchronous=FULL against NORMAL", results["NORMAL"][0], results["FULL"][0])
	bench.Print(os.Stdout, "Durability: an offline batch of 50 marks, with synchronous=FULL against NORMAL", results["NORMAL"][1], results["FULL"][1])
}
