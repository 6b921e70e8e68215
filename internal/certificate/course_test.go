package certificate

import (
	"context"
	"errors"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
)

func TestBuild_FollowsTheRule(t *testing.T) {
	c := course(t)
	if len(c.People) != 4 {
		t.Fatalf("%d people, want 4: the withdrawn one is left out", len(c.People))
	}
	want := map[string]bool{"Ahmed Mahmoud Abdelrahman": true, "Yasser Gamal Mansour": false,
		"Mona Abdelhalim Salem": false, "Hebatallah Ahmed Rashad": true}
	for _, p := range c.People {
		if p.Result.Completed != want[p.NameLatin] {
			t.Errorf("%s completed = %v", p.NameLatin, p.Result.Completed)
		}
	}
	if n := len(c.Completers()); n != 2 {
		t.Errorf("%d completers, want 2", n)
	}
	// A minimum post-test score without a score fails everybody.
	c.T.CompletionMinPostScore = new(int)
	*c.T.CompletionMinPostScore = 50
	again := Build(c.T, c.Refs, c.Sittings, nil, nil, nil, nil)
	if len(again.Completers()) != 0 {
		t.Error("completers without a post-test score")
	}
}

func TestIssuable(t *testing.T) {
	c := course(t)
	end := c.T.EndsOn
	cases := []struct {
		status model.TrainingStatus
		today  model.Date
		want   error
	}{
		{model.StatusCompleted, end.AddDays(-2), nil},
		{model.StatusOngoing, end, ErrNotEnded},
		{model.StatusOngoing, end.AddDays(1), nil},
		{model.StatusPlanned, end.AddDays(30), nil},
		{model.StatusCancelled, end.AddDays(30), ErrCancelled},
	}
	for _, tc := range cases {
		c.T.Status = tc.status
		if err := c.Issuable(tc.today); !errors.Is(err, tc.want) || (tc.want == nil && err != nil) {
			t.Errorf("%s on %s: %v, want %v", tc.status, tc.today, err, tc.want)
		}
	}
}

// fakeIssuer records what it was asked to issue.
type fakeIssuer struct{ asked []int64 }

func (f *fakeIssuer) IssueCertificates(_ context.Context, ids []int64, code func() (string, error)) (map[int64]model.Certificate, []int64, error) {
	f.asked = append(f.asked, ids...)
	out := map[int64]model.Certificate{}
	var created []int64
	for _, id := range ids {
		s, _ := code()
		out[id] = model.Certificate{ID: id * 10, RegistrationID: id, Code: s}
		created = append(created, id*10)
	}
	return out, created, nil
}

func TestIssue(t *testing.T) {
	c := course(t)
	done, _ := c.Person(103)
	issued, _ := c.Person(100)
	notDone, _ := c.Person(101)
	st := &fakeIssuer{}
	code := func() (string, error) { return "7KQ2MXA93B0F", nil }
	today := c.T.EndsOn.AddDays(1)
	if _, err := c.Issue(context.Background(), st, today, code, notDone); !errors.Is(err, ErrNotCompleted) {
		t.Fatalf("non-completer: %v", err)
	}
	created, err := c.Issue(context.Background(), st, today, code, issued, done)
	if err != nil || len(created) != 1 || len(st.asked) != 1 || st.asked[0] != 103 || c.Certs[103].Code == "" {
		t.Fatalf("issue: %v, %v, asked %v", created, err, st.asked)
	}
	c.T.Status = model.StatusOngoing
	other, _ := c.Person(100)
	delete(c.Certs, other.ID)
	if _, err := c.Issue(context.Background(), st, c.T.EndsOn, code, other); !errors.Is(err, ErrNotEnded) {
		t.Fatalf("before the end: %v", err)
	}
	if Refusal(err) != "" || Refusal(ErrNotEnded) == "" || Refusal(ErrNoneToDownload) == "" {
		t.Error("refusals are not explained")
	}
}
