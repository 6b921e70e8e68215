package roster

import (
	"slices"
	"testing"
)

// TestScore_FieldsWeighIn checks that sex, birth year and identifiers move
// the score, and that the reasons name each field that agreed and each that
// disagreed.
func TestScore_FieldsWeighIn(t *testing.T) {
	name := func(latin string) Candidate { return Candidate{NameLatin: latin} }
	with := func(c Candidate, f func(*Candidate)) Candidate { f(&c); return c }
	cases := []struct {
		name    string
		a, b    Candidate
		want    int
		reasons []string
	}{
		{"a recorded different sex puts a name-only match below the threshold",
			with(name("Nour Ahmed Hassan"), func(c *Candidate) { c.Sex = "M" }),
			with(name("Nour Ahmed Hassan"), func(c *Candidate) { c.Sex = "F" }),
			45, []string{ReasonSameNameLatin, ReasonSexDiffers}},
		{"masculine and feminine forms are different names, sex or not",
			name("Karim Ahmed Hassan"), name("Karima Ahmed Hassan"),
			scorePartial, []string{ReasonPartialName}},
		{"Samir and Samira across scripts, sex recorded",
			with(name("Samir Ahmed Hassan"), func(c *Candidate) { c.Sex = "M" }),
			Candidate{NameArabic: "سميرة أحمد حسن", Sex: "F"},
			0, []string{ReasonPartialName, ReasonSexDiffers}},
		{"the same phone raises a name match",
			with(name("Mohamed Ahmed Hassan"), func(c *Candidate) { c.Phone = "01012345678" }),
			with(name("Muhammad Ahmad Hasan"), func(c *Candidate) { c.Phone = "+20 10 1234 5678" }),
			95, []string{ReasonSamePhone, ReasonSimilarName}},
		{"an equal national ID with different names is offered, saying so",
			with(name("Mohamed Ahmed Hassan"), func(c *Candidate) { c.NationalRef = "28501011234567" }),
			with(name("Youssef Kamal Darwish"), func(c *Candidate) { c.NationalRef = "2 850101 12 34567" }),
			60, []string{ReasonSameNationalRef, ReasonNamesDiffer}},
		{"two national IDs tell namesakes apart",
			with(name("Mohamed Ahmed Hassan"), func(c *Candidate) { c.NationalRef = "28501011234517" }),
			with(name("Mohamed Ahmed Hassan"), func(c *Candidate) { c.NationalRef = "29203150112355" }),
			0, []string{ReasonSameNameLatin, ReasonBirthYearDiffers, ReasonRefDiffers}},
		{"an employee number that differs from an ID only says so",
			with(name("Mohamed Ahmed Hassan"), func(c *Candidate) { c.NationalRef = "EC-4471" }),
			with(name("Mohamed Ahmed Hassan"), func(c *Candidate) { c.NationalRef = "28501011234567" }),
			85, []string{ReasonSameNameLatin, ReasonRefDiffers}},
		{"the national ID gives the sex and birth year a record lacks",
			with(name("Mona Ahmed Hassan"), func(c *Candidate) { c.NationalRef = "28501011234517" }),
			with(name("Mona Ahmed Hassan"), func(c *Candidate) { c.Sex, c.BirthYear = "F", 1985 }),
			50, []string{ReasonSameNameLatin, ReasonSameBirthYear, ReasonSexDiffers}},
		{"a shared office phone under another name is not the person",
			with(name("Ahmed Mostafa Kamal"), func(c *Candidate) { c.Phone = "01012345678" }),
			with(name("Youssef Samir Darwish"), func(c *Candidate) { c.Phone = "01012345678" }),
			50, []string{ReasonSamePhone, ReasonNamesDiffer}},
		{"other contacts that differ are listed",
			with(name("Mohamed Ahmed Hassan"), func(c *Candidate) { c.Phone, c.Email = "01012345678", "a@b.eg" }),
			with(name("Mohamed Ahmed Hassan"), func(c *Candidate) { c.Phone, c.Email = "01112345678", "c@d.eg" }),
			85, []string{ReasonSameNameLatin, ReasonEmailDiffers, ReasonPhoneDiffers}},
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

// TestScore_EdgeNames checks one-word names and words a typing error
// apart: compared, with a reason, and offered only with another field.
func TestScore_EdgeNames(t *testing.T) {
	cases := []struct {
		name    string
		a, b    Candidate
		want    int
		reasons []string
	}{
		{"a one-word Arabic name against a two-word Latin one",
			Candidate{NameArabic: "منى"}, Candidate{NameLatin: "Mona Salem"},
			scoreFirstNameOnly, []string{ReasonFirstNameOnly}},
		{"a one-word name is offered with an agreeing phone",
			Candidate{NameArabic: "منى", Phone: "01012345678"}, Candidate{NameLatin: "Mona Salem", Phone: "01012345678"},
			95, []string{ReasonSamePhone, ReasonFirstNameOnly}},
		{"but not with a birth year alone",
			Candidate{NameArabic: "منى", BirthYear: 1988}, Candidate{NameLatin: "Mona Salem", BirthYear: 1988},
			scoreFirstNameOnly + bonusPerSignal, []string{ReasonFirstNameOnly, ReasonSameBirthYear}},
		{"a one-word name that is another's family name",
			Candidate{NameLatin: "Salem"}, Candidate{NameLatin: "Mona Salem"},
			scorePartial, []string{ReasonPartialName}},
		{"a typing error in a Latin word",
			Candidate{NameLatin: "Mohamed Ahmed Hassam"}, Candidate{NameLatin: "Mohamed Ahmed Hassan"},
			scoreSameWords - scoreCloseWord, []string{ReasonCloseSpelling}},
		{"a typing error in an Arabic word",
			Candidate{NameArabic: "محمد أحمد الشاذلى"}, Candidate{NameArabic: "محمد أحمد الشازلي"},
			scoreSameWords - scoreCloseWord, []string{ReasonCloseSpelling}},
		{"a two-word name with a typing error is close, not offered",
			Candidate{NameLatin: "Hala Sherbiny"}, Candidate{NameLatin: "Hqla Sherbiny"},
			scoreCloseOnly, []string{ReasonCloseSpelling}},
		{"an initial",
			Candidate{NameLatin: "M. Shazly", Phone: "01012345678"}, Candidate{NameArabic: "محمد الشاذلي", Phone: "01012345678"},
			95, []string{ReasonSamePhone, ReasonCloseSpelling}},
		{"the article dropped, with ع after it",
			Candidate{NameArabic: "محمد العطار"}, Candidate{NameLatin: "Mohamed Attar"},
			scoreSameWords, []string{ReasonCrossScript}},
		{"the article assimilated",
			Candidate{NameLatin: "Mohamed Es-Sayed"}, Candidate{NameLatin: "Mohamed El Sayed"},
			scoreSameWords, []string{ReasonSimilarName}},
	}
	for _, c := range cases {
		got, why := Score(c.a, c.b)
		if got != c.want || !slices.Equal(why, c.reasons) {
			t.Errorf("%s: Score = %d %v, want %d %v", c.name, got, why, c.want, c.reasons)
		}
	}
}

func TestParseNationalID(t *testing.T) {
	cases := []struct {
		ref  string
		ok   bool
		year int
		sex  string
	}{
		{"28501011234517", true, 1985, "M"},
		{"28501011234567", true, 1985, "F"},
		{"30112312800248", true, 2001, "F"},
		{"28513011234567", false, 0, ""}, // month 13
		{"28501019934567", false, 0, ""}, // governorate 99
		{"EC4471", false, 0, ""},
		{"2850101123456", false, 0, ""},
	}
	for _, c := range cases {
		id, ok := parseNationalID(c.ref)
		if ok != c.ok || id.birthYear != c.year || id.sex != c.sex {
			t.Errorf("parseNationalID(%s) = %+v %v", c.ref, id, ok)
		}
	}
}
