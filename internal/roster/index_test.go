package roster

import "testing"

func TestIndex_FindsAcrossScripts(t *testing.T) {
	pool := []Candidate{
		{ID: 1, NameLatin: "Mohamed Abdallah El-Gammal", NameArabic: "محمد عبد الله الجمال"},
		{ID: 2, NameLatin: "Mohamed Ali Hassan", Phone: "+20 10 1234 5678"},
		{ID: 3, NameLatin: "Mona Abdelhalim Salem", Email: "mona@example.org"},
	}
	x := NewIndex(pool)
	cases := []struct {
		in   Candidate
		want int64
	}{
		{Candidate{NameArabic: "محمد عبدالله الجمال"}, 1},
		{Candidate{NameLatin: "Muhammad Abdullah Elgammal"}, 1},
		{Candidate{NameLatin: "Mohamed", Phone: "01012345678"}, 2},
		{Candidate{NameLatin: "M. Salem", Email: "MONA@example.org"}, 3},
	}
	for _, c := range cases {
		ms := x.Matches(c.in, DefaultMinScore)
		if len(ms) == 0 || ms[0].Candidate.ID != c.want {
			t.Errorf("%+v: matches %+v, want %d first", c.in, ms, c.want)
		}
	}
	if ms := x.Matches(Candidate{NameLatin: "Mohamed"}, DefaultMinScore); len(ms) != 0 {
		t.Errorf("a lone common first name matched %+v", ms)
	}
	// Someone else listed with the same (office) phone is not offered.
	if ms := x.Matches(Candidate{NameLatin: "Someone Else", Phone: "01012345678"}, DefaultMinScore); len(ms) != 0 {
		t.Errorf("a shared phone under another name matched %+v", ms)
	}
	x.Add(Candidate{ID: 9, NameLatin: "Omar Khaled Darwish"})
	if ms := x.Matches(Candidate{NameArabic: "عمر خالد درويش"}, DefaultMinScore); len(ms) == 0 || ms[0].Candidate.ID != 9 {
		t.Errorf("an added candidate is not found: %+v", ms)
	}
}
