package certificate

import (
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

func TestRefusal(t *testing.T) {
	for _, err := range []error{ErrNotEnded, ErrCancelled, ErrNotCompleted, ErrNoneToDownload, ErrAlreadyRevoked, ErrNotRevoked} {
		if Refusal(err) == "" || !errors.Is(err, model.ErrConflict) {
			t.Errorf("%v is not explained, or not a conflict", err)
		}
	}
	if Refusal(model.ErrForbidden) != "" || Refusal(errors.New("disk full")) != "" {
		t.Error("other errors are explained as refusals")
	}
	r := refused(course(t), ErrNotEnded)
	var re *Refused
	if !errors.As(r, &re) || re.TrainingID != 1 || !errors.Is(r, ErrNotEnded) {
		t.Errorf("refused = %#v", r)
	}
	if err := refused(course(t), model.ErrForbidden); err != model.ErrForbidden {
		t.Errorf("a non-refusal was wrapped: %v", err)
	}
}
