package roster

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestScore(t *testing.T) {
	base := Candidate{ID: 1, NameLatin: "Mohamed Ahmed Hassan", NameArabic: "محمد أحمد حسن"}
	cases := []struct {
		name    string
		a, b    Candidate
		want    int
		reasons []string
	}{
		{"same national ref only",
			Candidate{NationalRef: "2850101 1234567"}, Candidate{NationalRef: "28501011234567"},
			100, []string{ReasonSameNationalRef}},
		{"same email only, case and spaces differ",
			Candidate{Email: " Mona@Customs.gov.eg"}, Candidate{Email: "mona@customs.gov.eg "},
			95, []string{ReasonSameEmail}},
		{"same phone only, formats differ",
			Candidate{Phone: "+20 10 1234 5678"}, Candidate{Phone: "٠١٠١٢٣٤٥٦٧٨"},
			90, []string{ReasonSamePhone}},
		{"same Arabic name, spelling variants",
			Candidate{NameArabic: "أحمد مصطفى عبد الله"}, Candidate{NameArabic: "احمد مصطفي عبدالله"},
			85, []string{ReasonSameNameArabic}},
		{"same Latin name, case and accents",
			Candidate{NameLatin: "Mohaméd EL-SAYED"}, Candidate{NameLatin: "mohamed elsayed"},
			85, []string{ReasonSameNameLatin}},
		{"same name in both scripts",
			base, Candidate{NameLatin: "MOHAMED AHMED HASSAN", NameArabic: "محمد احمد حسن"},
			90, []string{ReasonSameNameArabic, ReasonSameNameLatin}},
		{"Arabic against Latin, all words in order",
			Candidate{NameArabic: "محمد أحمد حسن"}, Candidate{NameLatin: "Muhammad Ahmad Hasan"},
			80, []string{ReasonCrossScript}},
		{"Latin transliterations, all words in order",
			Candidate{NameLatin: "Mostafa Abdelrahman El-Shazly"}, Candidate{NameLatin: "Mustafa Abd El Rahman Shazly"},
			80, []string{ReasonSimilarName}},
		{"shorter name found in order",
			Candidate{NameLatin: "Mohamed Hassan"}, base,
			75, []string{ReasonSimilarName}},
		{"shorter Arabic name found in order in a Latin one",
			Candidate{NameArabic: "يوسف الشاذلي"}, Candidate{NameLatin: "Youssef Kamal Elshazly"},
			75, []string{ReasonCrossScript}},
		{"all words, other order",
			Candidate{NameLatin: "Hassan Mohamed Ahmed"}, base,
			70, []string{ReasonSimilarName}},
		{"first and last name, a conflicting name between: a reason, not an offer",
			Candidate{NameLatin: "Mohamed Ali Hassan"}, base,
			50, []string{ReasonFirstLast}},
		{"first and last name across scripts",
			Candidate{NameArabic: "محمد علي حسن"}, Candidate{NameLatin: "Mohamed Ahmed Hassan"},
			50, []string{ReasonFirstLast}},
		{"phone and name add up",
			Candidate{NameArabic: "محمد أحمد حسن", Phone: "01012345678"}, Candidate{NameLatin: "Mohamed Ahmed Hassan", Phone: "+201012345678"},
			95, []string{ReasonSamePhone, ReasonCrossScript}},
		{"everything agrees, capped at 100",
			Candidate{NationalRef: "X1", Email: "a@b.eg", Phone: "01012345678", NameLatin: "Amr Fathy"},
			Candidate{NationalRef: "x1", Email: "A@B.EG", Phone: "01012345678", NameLatin: "Amr Fathy"},
			100, []string{ReasonSameNationalRef, ReasonSameEmail, ReasonSamePhone, ReasonSameNameLatin}},
		{"birth year far apart",
			Candidate{NameArabic: "محمد أحمد حسن", BirthYear: 1980}, Candidate{NameLatin: "Mohamed Ahmed Hassan", BirthYear: 1990},
			45, []string{ReasonCrossScript, ReasonBirthYearDiffers}},
		{"birth year a few years apart",
			Candidate{NameArabic: "محمد أحمد حسن", BirthYear: 1980}, Candidate{NameLatin: "Mohamed Ahmed Hassan", BirthYear: 1983},
			65, []string{ReasonCrossScript, ReasonBirthYearDiffers}},
		{"the same birth year confirms",
			Candidate{NameArabic: "محمد أحمد حسن", BirthYear: 1980}, Candidate{NameLatin: "Mohamed Ahmed Hassan", BirthYear: 1980},
			85, []string{ReasonCrossScript, ReasonSameBirthYear}},
		{"birth year one apart is tolerated",
			Candidate{NameArabic: "محمد أحمد حسن", BirthYear: 1980}, Candidate{NameLatin: "Mohamed Ahmed Hassan", BirthYear: 1981},
			80, []string{ReasonCrossScript}},
		{"birth year unknown on one side",
			Candidate{NameArabic: "محمد أحمد حسن", BirthYear: 1980}, Candidate{NameLatin: "Mohamed Ahmed Hassan"},
			80, []string{ReasonCrossScript}},
		{"birth year alone is no match",
			Candidate{BirthYear: 1980}, Candidate{BirthYear: 1980},
			0, nil},

		// Negative cases: below the threshold, with the reason when some
		// words agree.
		{"Mahmoud is not Mohamed (brothers)",
			Candidate{NameLatin: "Mahmoud Ahmed Hassan"}, base,
			scorePartial, []string{ReasonPartialName}},
		{"محمود is not محمد",
			Candidate{NameArabic: "محمود أحمد حسن"}, base,
			scorePartial, []string{ReasonPartialName}},
		{"Ahmed is not Mahmoud",
			Candidate{NameLatin: "Ahmed Mohamed"}, Candidate{NameLatin: "Mahmoud Mohamed"},
			scorePartial, []string{ReasonPartialName}},
		{"Omar is not Amr",
			Candidate{NameLatin: "Omar Fathy"}, Candidate{NameArabic: "عمرو فتحي"},
			scorePartial, []string{ReasonPartialName}},
		{"Hassan is not Hossam",
			Candidate{NameLatin: "Mohamed Hassan"}, Candidate{NameLatin: "Mohamed Hossam"},
			scorePartial, []string{ReasonPartialName}},
		{"a father's name inside his son's",
			Candidate{NameLatin: "Ahmed Mohamed Hassan El-Shazly"}, Candidate{NameLatin: "Mohamed Hassan El-Shazly"},
			scorePartial, []string{ReasonPartialName}},
		{"one shared given name is not enough",
			Candidate{NameLatin: "Mohamed"}, Candidate{NameArabic: "محمد"},
			scoreFirstNameOnly, []string{ReasonFirstNameOnly}},
		{"identical one-word names are not enough",
			Candidate{NameLatin: "Mohamed"}, Candidate{NameLatin: "Mohamed"},
			scoreFirstNameOnly, []string{ReasonFirstNameOnly}},
		{"different people sharing a first name",
			Candidate{NameLatin: "Mohamed Kamal Youssef"}, Candidate{NameLatin: "Mohamed Sameh Ibrahim"},
			scorePartial, []string{ReasonPartialName}},
		{"nothing in common",
			Candidate{NameLatin: "Youssef Kamal"}, Candidate{NameLatin: "Nour Samir"},
			0, nil},
		{"empty fields never match",
			Candidate{}, Candidate{},
			0, nil},
		{"garbage phones never match",
			Candidate{Phone: "n/a"}, Candidate{Phone: "n/a"},
			0, nil},
		{"different emails and phones",
			Candidate{Email: "a@b.eg", Phone: "01012345678"}, Candidate{Email: "c@d.eg", Phone: "01112345678"},
			0, nil},
	}
	for _, c := range cases {
		got, why := Score(c.a, c.b)
		if got != c.want || !slices.Equal(why, c.reasons) {
			t.Errorf("%s: Score = %d %v, want %d %v", c.name, got, why, c.want, c.reasons)
		}
		if got2, why2 := Score(c.b, c.a); got2 != got || !slices.Equal(why2, why) {
			t.Errorf("%s: not symmetric: %d %v one way, %d %v the other", c.name, got, why, got2, why2)
		}
	}
}

func TestFindMatches(t *testing.T) {
	in := Candidate{ID: 10, NameLatin: "Mohamed Ahmed El-Shazly", Phone: "010 1234 5678", BirthYear: 1985}
	pool := []Candidate{
		{ID: 10, NameLatin: "Mohamed Ahmed El-Shazly"},
		{ID: 8, NameArabic: "محمد احمد الشاذلى"},                                // itself
		{ID: 1, NameArabic: "محمد أحمد الشاذلي"},                                // cross-script, 80
		{ID: 2, NameLatin: "Mahmoud Ahmed El-Shazly"},                           // different person
		{ID: 3, NameLatin: "M. Shazly", Phone: "+201012345678"},                 // phone 90 + initial 5 = 95
		{ID: 4, NameLatin: "Mohamed Shazly"},                                    // in order, 75
		{ID: 5, NameLatin: "Mohamed Ali Elshazly"},                              // first and last, 50
		{ID: 6, NameLatin: "Mohamed Ahmed Elshazly", BirthYear: 1960},           // 85 - 35 = 50
		{ID: 7, NameLatin: "Mohamed Ahmed Elshazly", Phone: "+20 10 1234 5678"}, // phone 90 + 5 = 95
		{ID: 9, NameLatin: "Ahmed Mostafa Kamal", Phone: "01012345678"},         // an office phone: 90 - 40
		{ID: 0, NameLatin: "Youssef Kamal"},                                     // nothing in common
	}
	got := FindMatches(in, pool, DefaultMinScore)
	type row struct {
		id    int64
		score int
	}
	var rows []row
	for _, m := range got {
		rows = append(rows, row{m.Candidate.ID, m.Score})
		if len(m.Reasons) == 0 {
			t.Errorf("match %d has no reasons", m.Candidate.ID)
		}
	}
	want := []row{{3, 95}, {7, 95}, {1, 80}, {8, 80}, {4, 75}}
	if !slices.Equal(rows, want) {
		t.Errorf("FindMatches = %v, want %v", rows, want)
	}

	if got := FindMatches(in, pool, 80); len(got) != 4 {
		t.Errorf("FindMatches(min 80) returned %d matches, want 4", len(got))
	}
	if got := FindMatches(in, pool, 0); len(got) != 9 {
		t.Errorf("FindMatches(min 0) returned %d matches, want 9: every score above 0", len(got))
	}
	if got := FindMatches(in, nil, DefaultMinScore); len(got) != 0 {
		t.Errorf("FindMatches(empty pool) = %v", got)
	}
	// A new person (ID 0) is compared with every pool entry, even ID 0 ones.
	fresh := Candidate{NameLatin: "Youssef Kamal Ibrahim"}
	if got := FindMatches(fresh, pool, DefaultMinScore); len(got) != 1 || got[0].Candidate.NameLatin != "Youssef Kamal" || got[0].Score != 75 {
		t.Errorf("FindMatches(new person) = %+v", got)
	}
	// Even with no threshold, a candidate with nothing in common is left out.
	if got := FindMatches(Candidate{NameLatin: "Nour Samir"}, pool, 0); len(got) != 0 {
		t.Errorf("FindMatches(min 0) = %+v, want none", got)
	}
}

// TestReasonsInCatalogues checks that every reason Score can give has a
// message in both languages, and that the two catalogue files agree.
func TestReasonsInCatalogues(t *testing.T) {
	reasons := []string{
		ReasonSameNationalRef, ReasonSameEmail, ReasonSamePhone, ReasonSameNameArabic, ReasonSameNameLatin,
		ReasonCrossScript, ReasonSimilarName, ReasonCloseSpelling, ReasonFirstLast, ReasonFirstNameOnly,
		ReasonPartialName, ReasonSameBirthYear, ReasonNamesDiffer, ReasonSexDiffers, ReasonBirthYearDiffers,
		ReasonRefDiffers, ReasonEmailDiffers, ReasonPhoneDiffers,
	}
	cats := map[string]map[string]string{}
	for _, lang := range []string{"en", "ar"} {
		b, err := os.ReadFile(filepath.Join("..", "i18n", "locales", lang, "roster_match.json"))
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		cats[lang] = m
	}
	for _, r := range reasons {
		for lang, m := range cats {
			if m[r] == "" {
				t.Errorf("%s has no message for %s", lang, r)
			}
		}
	}
	if len(cats["en"]) != len(cats["ar"]) || len(cats["en"]) != len(reasons) {
		t.Errorf("catalogues have %d (en) and %d (ar) keys, want %d each", len(cats["en"]), len(cats["ar"]), len(reasons))
	}
}
