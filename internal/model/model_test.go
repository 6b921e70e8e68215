package model_test

import (
	"testing"

	"github.com/traindesk/traindesk/internal/model"
)

func TestDate(t *testing.T) {
	d := model.MustDate("2023-01-16")
	if d.String() != "2023-01-16" || d.AddDays(3).String() != "2023-01-19" || d.AddDays(-16).String() != "2022-12-31" {
		t.Fatal("date arithmetic")
	}
	if d.DaysUntil(model.MustDate("2023-01-19")) != 3 || !d.Before(d.AddDays(1)) || !d.AddDays(1).After(d) {
		t.Fatal("date comparison")
	}
	var s model.Date
	if err := s.Scan("2023-05-21"); err != nil || s.String() != "2023-05-21" {
		t.Fatalf("scan: %v %v", s, err)
	}
	if err := s.Scan("nonsense"); err == nil {
		t.Fatal("scanned nonsense")
	}
	if v, _ := (model.Date{}).Value(); v != nil {
		t.Fatal("an unset date is not NULL")
	}
	tr := model.Training{StartsOn: d, EndsOn: model.MustDate("2023-01-19")}
	if tr.Days() != 4 {
		t.Fatalf("the Hurghada course lasts %d days, want 4", tr.Days())
	}
}

func TestCompleted(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	i := func(v int) *int { return &v }
	cases := []struct {
		attended, total, rate int
		minPost               *int
		post                  *float64
		want                  bool
	}{
		{4, 4, 80, nil, nil, true},
		{3, 4, 80, nil, nil, false}, // 75%
		{4, 5, 80, nil, nil, true},  // exactly 80%
		{0, 0, 80, nil, nil, false}, // no session held
		{4, 4, 80, i(60), f(59.5), false},
		{4, 4, 80, i(60), f(60), true},
		{4, 4, 80, i(60), nil, false},
		{2, 4, 50, nil, nil, true},
	}
	for _, c := range cases {
		if got := model.Completed(c.attended, c.total, c.rate, c.minPost, c.post); got != c.want {
			t.Errorf("Completed(%d/%d, %d%%) = %v", c.attended, c.total, c.rate, got)
		}
	}
}

func TestUserInput(t *testing.T) {
	in := model.UserInput{Email: " Salma@Example.org ", Name: "Salma", Role: model.RoleManager, Password: "long-enough-1"}
	if err := in.Validate(true); err != nil || in.Email != "salma@example.org" {
		t.Fatalf("valid input refused: %v (%q)", err, in.Email)
	}
	bad := model.UserInput{Email: "Salma <s@x.org>", Role: "boss", Password: "short"}
	fe := model.FieldErrors(bad.Validate(true))
	for field, key := range map[string]string{"email": "error.email", "name": "error.required", "role": "error.choose", "password": "error.password_short"} {
		if fe[field] != key {
			t.Errorf("%s: %q, want %q", field, fe[field], key)
		}
	}
	edit := model.UserInput{Email: "a@b.org", Name: "A", Role: model.RoleAdmin}
	if err := edit.Validate(false); err != nil {
		t.Errorf("an edit without a password is refused: %v", err)
	}
}
