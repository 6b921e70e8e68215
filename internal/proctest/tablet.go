package proctest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/traindesk/traindesk/internal/model"
)

// Cell is a person's registration and a session: what a tap marks.
type Cell struct{ Registration, Sitting int64 }

// Tablet is a roll-call tablet as the page behaves: every tap is kept with
// its own id until the server answers it, and what waits is sent in
// batches whenever the server answers; a failed request keeps everything.
type Tablet struct {
	Device  string
	C       *Client
	Pending []model.MarkOp // taken, not yet answered
	Taken   []model.MarkOp // every mark ever taken, for a replay
	n       int
}

// Tap takes a mark on one of cells, at the tablet's clock now.
func (tb *Tablet) Tap(cells []Cell, now time.Time) {
	tb.n++
	c := cells[(tb.n*7+len(tb.Device)*3)%len(cells)]
	status := model.Marks[tb.n%len(model.Marks)]
	op := model.MarkOp{OpID: fmt.Sprintf("%s-%07d", tb.Device, tb.n), RegistrationID: c.Registration, SittingID: c.Sitting,
		Status: status, ClientTime: now.UnixMilli(), DeviceID: tb.Device, Via: model.ViaSync}
	tb.Pending = append(tb.Pending, op)
	tb.Taken = append(tb.Taken, op)
}

// batchSize is how many waiting marks the page sends at once.
const batchSize = 20

// Batch returns the next waiting marks to send, at most batchSize.
func (tb *Tablet) Batch() []model.MarkOp {
	return append([]model.MarkOp(nil), tb.Pending[:min(len(tb.Pending), batchSize)]...)
}

// Forget drops the marks the server answered.
func (tb *Tablet) Forget(res []model.OpResult) {
	answered := map[string]bool{}
	for _, r := range res {
		answered[r.OpID] = true
	}
	kept := tb.Pending[:0:0]
	for _, op := range tb.Pending {
		if !answered[op.OpID] {
			kept = append(kept, op)
		}
	}
	tb.Pending = kept
}

// Send sends the next batch and forgets what the server answered. It
// returns the answers (none when the request failed).
func (tb *Tablet) Send() ([]model.OpResult, error) {
	res, err := Sync(tb.C, tb.Device, tb.Batch())
	if err != nil {
		return nil, err
	}
	tb.Forget(res)
	return res, nil
}

// Drain sends until nothing waits, and returns every answer.
func (tb *Tablet) Drain() ([]model.OpResult, error) {
	var all []model.OpResult
	for len(tb.Pending) > 0 {
		res, err := tb.Send()
		if err != nil {
			return all, err
		}
		all = append(all, res...)
	}
	return all, nil
}

// Sync posts ops as one batch from device and returns the server's
// answers, one per operation.
func Sync(c *Client, device string, ops []model.MarkOp) ([]model.OpResult, error) {
	if ops == nil {
		ops = []model.MarkOp{}
	}
	res, err := c.PostJSON("/api/v1/sync", map[string]any{"device_id": device, "ops": ops})
	if err != nil {
		return nil, err
	}
	if res.Status != http.StatusOK {
		return nil, &StatusError{Status: res.Status, Body: res.Body}
	}
	var out struct{ Results []model.OpResult }
	if err := json.Unmarshal([]byte(res.Body), &out); err != nil {
		return nil, err
	}
	if len(out.Results) != len(ops) {
		return nil, fmt.Errorf("sync answered %d results for %d operations", len(out.Results), len(ops))
	}
	return out.Results, nil
}

// StatusError is an answer of the server other than the one expected, as
// opposed to no answer at all (the server is down).
type StatusError struct {
	Status int
	Body   string
}

func (e *StatusError) Error() string { return fmt.Sprintf("answered %d: %.300s", e.Status, e.Body) }
