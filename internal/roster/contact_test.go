package roster

import "testing"

func TestNormalizePhone(t *testing.T) {
	cases := []struct{ in, want string }{
		// Egyptian mobiles, every usual way of writing them.
		{"+20 10 1234 5678", "+201012345678"},
		{"0020-10-12345678", "+201012345678"},
		{"01012345678", "+201012345678"},
		{"(010) 1234-5678", "+201012345678"},
		{"٠١٠١٢٣٤٥٦٧٨", "+201012345678"},
		{"۰۱۰۱۲۳۴۵۶۷۸", "+201012345678"},
		{"+٢٠ ١٠ ١٢٣٤ ٥٦٧٨", "+201012345678"},
		{"\u200e+20 101 234 5678\u200f", "+201012345678"},
		{"+20 (0)10 1234 5678", "+201012345678"},
		{"+2001012345678", "+201012345678"},
		{"201012345678", "+201012345678"},
		{"1012345678", "+201012345678"},
		{" 010.1234.5678 ", "+201012345678"},
		{"0111 222 3333", "+201112223333"},
		{"0122-222-3333", "+201222223333"},
		{"01555555555", "+201555555555"},
		// Egyptian landlines: Cairo (2 + 8 digits), Alexandria (3 + 7).
		{"02 2345 6789", "+20223456789"},
		{"+20 2 2345 6789", "+20223456789"},
		{"03 456 7890", "+2034567890"},
		// Other countries keep their code.
		{"+44 20 7946 0958", "+442079460958"},
		{"0044 20 7946 0958", "+442079460958"},
		{"+1 (202) 555-0143", "+12025550143"},
		{"+966 50 123 4567", "+966501234567"},
		// Garbage and the empty field give "".
		{"", ""},
		{"   ", ""},
		{"n/a", ""},
		{"لا يوجد", ""},
		{"+", ""},
		{"12345", ""},
		{"0101234567", ""},   // a digit short
		{"010123456789", ""}, // a digit long
		{"01312345678", ""},  // no such mobile network
		{"01012345678 / 01112345678", ""},
		{"010-1234-5678 ext 12", ""},
		{"+20 10 1234 5678 +1", ""},
		{"+0 123 456 789", ""},
		{"+1234567890123456", ""},
	}
	for _, c := range cases {
		if got := NormalizePhone(c.in); got != c.want {
			t.Errorf("NormalizePhone(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNormalizeEmail(t *testing.T) {
	cases := map[string]string{
		"  Mona.Hassan@Customs.GOV.eg ": "mona.hassan@customs.gov.eg",
		"a@b.c":                         "a@b.c",
		"":                              "",
	}
	for in, want := range cases {
		if got := NormalizeEmail(in); got != want {
			t.Errorf("NormalizeEmail(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNormalizeRef(t *testing.T) {
	cases := map[string]string{
		"2 8501 0112 34567": "28501011234567",
		"٢٨٥٠١٠١١٢٣٤٥٦٧":    "28501011234567",
		"ecs-00123":         "ECS00123",
		" ECS 00123 ":       "ECS00123",
		"":                  "",
		"— / —":             "",
	}
	for in, want := range cases {
		if got := NormalizeRef(in); got != want {
			t.Errorf("NormalizeRef(%q) = %q, want %q", in, got, want)
		}
	}
}
