package proctest

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/traindesk/traindesk/internal/model"
)

// load writes to a server from outside, as a training room and an office
// do at once: tablets send marks, and a program officer registers people
// one by one, imports nomination lists and merges duplicates. It records
// every write the server acknowledged, which must survive a crash.
type load struct {
	t       testing.TB
	course  Course
	tablets []*Tablet
	officer *Client

	mu        sync.Mutex
	answers   map[string]model.OpResult // the first answer to each operation the server answered
	enrolled  []int64                   // persons whose registration on course.Enrol was acknowledged
	lists     map[int64]int             // import training → rows, for every list sent
	confirmed map[int64]bool            // lists whose confirmation was acknowledged
	merges    [][2]int64                // duplicate, survivor: acknowledged merges
	survivor  int                       // the next enrolled person a duplicate is merged into
	imported  int                       // nomination lists sent
	rounds    int                       // office rounds the server acknowledged whole

	stop chan struct{}
	wg   sync.WaitGroup
}

// newLoad signs n tablets in as the trainer and a browser in as the
// program officer.
func newLoad(t testing.TB, base string, course Course, n int) *load {
	t.Helper()
	l := &load{t: t, course: course, answers: map[string]model.OpResult{}, lists: map[int64]int{}, confirmed: map[int64]bool{}}
	signIn := func(email string) *Client {
		c := NewClient(base)
		if res, err := c.SignIn(email, Password); err != nil || res.Status != http.StatusSeeOther {
			t.Fatalf("sign in as %s: %d, %v", email, res.Status, err)
		}
		return c
	}
	for i := range n {
		l.tablets = append(l.tablets, &Tablet{Device: fmt.Sprintf("tablet-%d", i+1), C: signIn(Trainer)})
	}
	l.officer = signIn(Officer)
	return l
}

// start sets every writer going.
func (l *load) start() {
	l.stop = make(chan struct{})
	for _, tb := range l.tablets {
		l.wg.Add(1)
		go l.tablet(tb)
	}
	l.wg.Add(1)
	go l.office()
}

// halt stops the writers and waits for them.
func (l *load) halt() {
	close(l.stop)
	l.wg.Wait()
}

func (l *load) stopped() bool {
	select {
	case <-l.stop:
		return true
	default:
		return false
	}
}

// pause waits a little after a request the server did not answer (it is
// down), as a page waits before it tries again.
func (l *load) pause() { time.Sleep(50 * time.Millisecond) }

// progress is how far the writers got: operations answered and office
// rounds acknowledged.
func (l *load) progress() (ops, office int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.answers), l.rounds
}

// answer records the server's answers from device; l.mu is held. An
// operation answered before must get the same answer again.
func (l *load) answer(device string, res []model.OpResult) {
	for _, r := range res {
		if r.Result == model.OpRefused {
			l.t.Errorf("%s: operation %s refused: %s", device, r.OpID, r.Reason)
		}
		if first, ok := l.answers[r.OpID]; ok && first != r {
			l.t.Errorf("%s: operation %s answered %+v, then %+v", device, r.OpID, first, r)
		} else if !ok {
			l.answers[r.OpID] = r
		}
	}
}

// tablet takes one to three marks at a time and sends what waits.
func (l *load) tablet(tb *Tablet) {
	defer l.wg.Done()
	for i := 0; !l.stopped(); i++ {
		l.mu.Lock()
		for range 1 + i%3 {
			tb.Tap(l.course.Cells, time.Now())
		}
		ops := tb.Batch()
		l.mu.Unlock()
		res, err := Sync(tb.C, tb.Device, ops)
		if err != nil {
			l.answered(err)
			l.pause()
			continue
		}
		l.mu.Lock()
		tb.Forget(res)
		l.answer(tb.Device, res)
		l.mu.Unlock()
	}
}

// answered fails the test when err is an answer of the server rather than
// the server being down: a live server must not refuse these writes.
func (l *load) answered(err error) {
	var se *StatusError
	if errors.As(err, &se) {
		l.t.Errorf("the server answered: %v", err)
	}
}

// office registers people, imports a list every fourth round and merges a
// duplicate every fourth round.
func (l *load) office() {
	defer l.wg.Done()
	for i := 0; !l.stopped(); i++ {
		var err error
		switch i % 4 {
		case 1:
			err = l.importList(i)
		case 3:
			err = l.mergeDuplicate(i)
		default:
			err = l.enrol(i)
		}
		if err != nil {
			l.answered(err)
			l.waitUp()
			continue
		}
		l.mu.Lock()
		l.rounds++
		l.mu.Unlock()
	}
}

// waitUp waits until the server answers again after a request it did not
// answer, so that the office's rounds are spent on a live server rather
// than used up while it is down.
func (l *load) waitUp() {
	for !l.stopped() {
		if res, err := l.officer.Get("/healthz"); err == nil && res.Status == http.StatusOK {
			return
		}
		l.pause()
	}
}

// expect turns an answer other than status into a *StatusError.
func expect(status int, res Response, err error) (Response, error) {
	if err == nil && res.Status != status {
		err = &StatusError{Status: res.Status, Body: res.Body}
	}
	return res, err
}

// post submits a form as the officer and expects status.
func (l *load) post(path string, form url.Values, status int) (Response, error) {
	res, err := l.officer.Post(path, form)
	return expect(status, res, err)
}

// newPerson creates a person named after kind and i, and returns their id.
func (l *load) newPerson(kind string, i int) (int64, error) {
	res, err := l.post("/persons", url.Values{"name_latin": {kind + " " + Word(i)}, "sex": {"F"}, "confirm_new": {"1"}, "basis": {"consent"}, "basis_purpose": {"Training"}}, http.StatusSeeOther)
	if err != nil {
		return 0, err
	}
	id, perr := strconv.ParseInt(IDAfter(res.Location, "/persons/"), 10, 64)
	if perr != nil {
		return 0, &StatusError{Status: res.Status, Body: "redirected to " + res.Location}
	}
	return id, nil
}

// register puts person on training.
func (l *load) register(training, person int64) error {
	_, err := l.post(fmt.Sprintf("/trainings/%d/registrations", training), url.Values{"person_id": {strconv.FormatInt(person, 10)}},
		http.StatusSeeOther)
	return err
}

// enrol creates a person and registers them on the course's training.
func (l *load) enrol(i int) error {
	id, err := l.newPerson("Enrolled", i)
	if err != nil {
		return err
	}
	if err := l.register(l.course.Enrol, id); err != nil {
		return err
	}
	l.mu.Lock()
	l.enrolled = append(l.enrolled, id)
	l.mu.Unlock()
	return nil
}

// listRows is the number of people on a nomination list.
const listRows = 12

// importList sends a nomination list for the next empty training, looks
// at its preview and confirms it.
func (l *load) importList(i int) error {
	l.mu.Lock()
	if l.imported >= len(l.course.Imports) {
		l.mu.Unlock()
		return nil
	}
	training := l.course.Imports[l.imported]
	l.imported++
	l.lists[training] = listRows
	l.mu.Unlock()
	var csv strings.Builder
	csv.WriteString("Name,Sex\n")
	for r := range listRows {
		fmt.Fprintf(&csv, "%s %s,F\n", Word(100*i+r), Word(100*i+r+50000))
	}
	path := fmt.Sprintf("/trainings/%d/import", training)
	res, err := l.officer.Upload(path, "file", "list.csv", []byte(csv.String()))
	if res, err = expect(http.StatusSeeOther, res, err); err != nil {
		return err
	}
	uid := IDAfter(res.Location, path+"/")
	if uid == "" {
		return &StatusError{Status: res.Status, Body: "redirected to " + res.Location}
	}
	if res, err := l.officer.Get(path + "/" + uid + "/preview"); err != nil || res.Status != http.StatusOK {
		_, err = expect(http.StatusOK, res, err)
		return err
	}
	if _, err := l.post(path+"/"+uid+"/confirm", url.Values{"basis": {"public_task"}, "basis_purpose": {"Nominated"}}, http.StatusOK); err != nil {
		return err
	}
	l.mu.Lock()
	l.confirmed[training] = true
	l.mu.Unlock()
	return nil
}

// mergeDuplicate creates a duplicate of a person already enrolled, on
// another training, and merges it into that person.
func (l *load) mergeDuplicate(i int) error {
	l.mu.Lock()
	if l.survivor >= len(l.enrolled) {
		l.mu.Unlock()
		return nil
	}
	into := l.enrolled[l.survivor]
	l.survivor++
	l.mu.Unlock()
	dup, err := l.newPerson("Duplicate", i)
	if err != nil {
		return err
	}
	if err := l.register(l.course.Merge, dup); err != nil {
		return err
	}
	_, err = l.post(fmt.Sprintf("/persons/%d/merge", dup), url.Values{"into": {strconv.FormatInt(into, 10)}}, http.StatusSeeOther)
	if err != nil {
		return err
	}
	l.mu.Lock()
	l.merges = append(l.merges, [2]int64{dup, into})
	l.mu.Unlock()
	return nil
}

// Word is a made-up word for number i, unlike the word of any other
// number, so that made-up names never look like duplicates.
func Word(i int) string {
	const letters = "bdfgklmnprstvzaeiou"
	b := []byte{byte('A' + i%26)}
	for n, k := uint64(i)*2654435761+12345, 0; k < 7; k++ {
		b = append(b, letters[n%uint64(len(letters))])
		n /= uint64(len(letters))
		n += uint64(i) * 40503
	}
	return string(b)
}
