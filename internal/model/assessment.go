package model

import (
	"strconv"
	"strings"
)

// AssessmentInput is one row of the scores table as typed.
type AssessmentInput struct {
	RegistrationID int64
	Pre, Post      string
	Satisfaction   string
}

// Assessment validates a row: scores from 0 to 100 (decimals allowed, a
// comma as decimal mark too), satisfaction a whole number from 1 to 5, any
// of them empty. Errors are keyed "pre", "post" and "satisfaction".
func (in AssessmentInput) Assessment() (Assessment, map[string]string) {
	errs := map[string]string{}
	a := Assessment{RegistrationID: in.RegistrationID}
	score := func(field, s string) *float64 {
		s = strings.TrimSpace(strings.Replace(s, ",", ".", 1))
		if s == "" {
			return nil
		}
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || v < 0 || v > 100 {
			errs[field] = "assessment.error.score"
			return nil
		}
		return &v
	}
	a.PreScore, a.PostScore = score("pre", in.Pre), score("post", in.Post)
	if s := strings.TrimSpace(in.Satisfaction); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < 1 || v > 5 {
			errs["satisfaction"] = "assessment.error.satisfaction"
		} else {
			a.Satisfaction = &v
		}
	}
	return a, errs
}

// Result is a participant's completion of a training.
type Result struct {
	Attended  int  // sessions present or late
	Sessions  int  // sessions held
	Completed bool // by the training's rule
}

// Complete applies a training's rule to a participant's marks and post-test
// score.
func (t Training) Complete(attended, sessions int, post *float64) Result {
	return Result{Attended: attended, Sessions: sessions,
		Completed: Completed(attended, sessions, t.CompletionMinRate, t.CompletionMinPostScore, post)}
}
