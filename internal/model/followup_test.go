package model

import "testing"

// TestFollowUpDueOn keeps the day of the month, or the month's last day
// when the month is shorter: a follow-up is never due in the month after.
func TestFollowUpDueOn(t *testing.T) {
	for _, c := range []struct {
		ends   string
		months int
		want   string
	}{
		{"2023-01-19", 3, "2023-04-19"},
		{"2023-08-31", 6, "2024-02-29"},
		{"2022-08-31", 6, "2023-02-28"},
		{"2023-11-30", 3, "2024-02-29"},
		{"2023-10-31", 3, "2024-01-31"},
		{"2023-12-15", 3, "2024-03-15"},
	} {
		p := FollowUpPending{FollowUp: FollowUp{Months: c.months}, EndsOn: MustDate(c.ends)}
		if got := p.DueOn().String(); got != c.want {
			t.Errorf("%s + %d months = %s; want %s", c.ends, c.months, got, c.want)
		}
	}
}
