package roster

import (
	"slices"
	"strings"
	"testing"
)

// like mimics the store's query: every word's alternatives are ORed, the
// words are ANDed, and each alternative is a LIKE '%term%'.
func like(key string, terms [][]string) bool {
	for _, alts := range terms {
		if !slices.ContainsFunc(alts, func(a string) bool { return strings.Contains(key, a) }) {
			return false
		}
	}
	return len(terms) > 0
}

func TestNameKey_Search(t *testing.T) {
	people := []struct {
		id            int
		latin, arabic string
	}{
		{1, "Mohamed Ahmed El-Shazly", "محمد أحمد الشاذلي"},
		{2, "", "عبد الرحمن حسن"},
		{3, "Youssef Kamal", ""},
		{4, "Mahmoud Ahmed", "محمود أحمد"},
		{5, "Heba Allah Mostafa", ""},
		{6, "Amr Fathy", "عمرو فتحي"},
		{7, "Omar Gamal", ""},
	}
	keys := map[int]string{}
	for _, p := range people {
		keys[p.id] = NameKey(p.latin, p.arabic)
	}
	cases := []struct {
		query string
		want  []int
	}{
		{"MOHAMED", []int{1}},
		{"محمد", []int{1}},
		{"Muhammad", []int{1}},
		// Terms match anywhere, so a beginning also finds longer names.
		{"moh", []int{1, 4}},
		{"محم", []int{1, 4}},
		{"mohame", []int{1, 4}}, // its key "mhm" begins Mahmoud's too
		{"mohamed", []int{1}},
		{"Mohamed Shazly", []int{1}},
		{"shazly", []int{1}},
		{"الشاذلي", []int{1}},
		{"El Shazly", []int{1}},
		{"ahmed", []int{1, 4}},
		{"احمد", []int{1, 4}},
		{"mahmoud", []int{4}},
		{"محمود", []int{4}},
		{"Abdelrahman", []int{2}},
		{"Abd El-Rahman Hassan", []int{2}},
		{"عبدالرحمن", []int{2}},
		{"يوسف", []int{3}},
		{"Yusuf", []int{3}},
		{"Hebatallah", []int{5}},
		{"هبة الله مصطفى", []int{5}},
		{"Mustafa", []int{5}},
		{"عمرو", []int{6}},
		{"Amro", []int{6}},
		{"fathi", []int{6}},
		{"Omar", []int{7}},
		{"عمر", []int{6, 7}}, // عمرو starts with عمر
		{"Jamal", []int{7}},
		{"xyz", nil},
		{"Mohamed Kamal", nil},
		{"", nil},
		{" - ", nil},
	}
	for _, c := range cases {
		terms := SearchTerms(c.query)
		var got []int
		for _, p := range people {
			if like(keys[p.id], terms) {
				got = append(got, p.id)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("search %q (terms %q) found %v, want %v", c.query, terms, got, c.want)
		}
	}
}

func TestNameKey(t *testing.T) {
	cases := []struct{ latin, arabic, want string }{
		{"Mohamed El-Shazly", "محمد الشاذلي", "mohamed elshazly | محمد الشاذلي | ~mhmd ~alczly"},
		{"Mohamed Abdallah", "محمد عبد الله", "mohamed abdellah | محمد عبدالله | ~mhmd ~abd ~al"},
		{"Mahmoud Ali", "محمد علي", "mahmoud ali | محمد علي | ~mhmwd ~aly | ~mhmd ~aly"},
		{"", "مُحَمَّد", "محمد | ~mhmd"},
		{"Sameh", "", "sameh | ~smh"},
		{"", "", ""},
	}
	for _, c := range cases {
		if got := NameKey(c.latin, c.arabic); got != c.want {
			t.Errorf("NameKey(%q, %q) = %q, want %q", c.latin, c.arabic, got, c.want)
		}
	}
	long := strings.Repeat("Abdelrahman ", 200)
	if got := NameKey(long, long); len([]rune(got)) > maxNameKey {
		t.Errorf("NameKey of a long name has %d characters, more than %d", len([]rune(got)), maxNameKey)
	}
}

func TestSearchTerms(t *testing.T) {
	cases := []struct {
		query string
		want  [][]string
	}{
		{"Mohamed", [][]string{{"mohamed", "~mhmd"}}},
		{"Abd El-Rahman", [][]string{{"abdelrahman", "~abdlrhmn"}}},
		{"محمد عبد الله", [][]string{{"محمد", "~mhmd"}, {"عبدالله", "~abd ~al"}}},
		{"010", [][]string{{"010"}}},
		{"", nil},
		{"%_\\", nil},
	}
	for _, c := range cases {
		got := SearchTerms(c.query)
		if !slices.EqualFunc(got, c.want, slices.Equal) {
			t.Errorf("SearchTerms(%q) = %q, want %q", c.query, got, c.want)
		}
	}
	for _, q := range []string{"50%_off\\x", "a_b%c", "O'Brien [x]"} {
		for _, alts := range SearchTerms(q) {
			for _, a := range alts {
				if strings.ContainsAny(a, `%_\`) {
					t.Errorf("SearchTerms(%q) gave %q, which holds a LIKE wildcard", q, a)
				}
			}
		}
	}
}
