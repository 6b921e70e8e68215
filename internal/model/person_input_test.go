package model_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
)

func TestPersonInput_Validate(t *testing.T) {
	valid := func() model.PersonInput {
		return model.PersonInput{NameLatin: " Mona  Abdelhalim Salem ", NameArabic: "منى عبد الحليم سالم", Sex: "F",
			BirthYear: "1988", Phone: "+20 10 1496 3524", Email: " Mona.Salem@Customs.example.gov.eg ", ThisYear: 2023}
	}
	cases := []struct {
		name   string
		change func(*model.PersonInput)
		want   map[string]string
	}{
		{"OK", func(*model.PersonInput) {}, nil},
		{"OKArabicOnly", func(in *model.PersonInput) { in.NameLatin = "" }, nil},
		{"OKLatinOnly", func(in *model.PersonInput) { in.NameArabic = "" }, nil},
		{"OKAgeBandOnly", func(in *model.PersonInput) { in.BirthYear, in.AgeBand = "", "35-44" }, nil},
		{"OKOldestAndYoungest", func(in *model.PersonInput) { in.BirthYear = "2007" }, nil},
		{"OKArabicDigits", func(in *model.PersonInput) { in.BirthYear, in.Phone = "١٩٨٨", "٠١٠١٤٩٦٣٥٢٤" }, nil},
		{"ErrNoName", func(in *model.PersonInput) { in.NameLatin, in.NameArabic = " ", "" },
			map[string]string{"name_latin": "registry.error.name_required", "name_arabic": "registry.error.name_required"}},
		{"ErrScripts", func(in *model.PersonInput) { in.NameLatin, in.NameArabic = "منى", "Mona" },
			map[string]string{"name_latin": "registry.error.latin_script", "name_arabic": "registry.error.arabic_script"}},
		{"ErrDigitsOnlyName", func(in *model.PersonInput) { in.NameLatin = "12345" },
			map[string]string{"name_latin": "registry.error.latin_script"}},
		{"ErrSex", func(in *model.PersonInput) { in.Sex = "X" }, map[string]string{"sex": "registry.error.sex"}},
		{"ErrTooYoung", func(in *model.PersonInput) { in.BirthYear = "2008" }, map[string]string{"birth_year": "registry.error.birth_year"}},
		{"ErrTooOld", func(in *model.PersonInput) { in.BirthYear = "1939" }, map[string]string{"birth_year": "registry.error.birth_year"}},
		{"ErrYearText", func(in *model.PersonInput) { in.BirthYear = "eighty" }, map[string]string{"birth_year": "registry.error.birth_year"}},
		{"ErrAgeBand", func(in *model.PersonInput) { in.AgeBand = "60+" }, map[string]string{"age_band": "error.choose"}},
		{"ErrPosition", func(in *model.PersonInput) { in.Position = "boss" }, map[string]string{"position": "error.choose"}},
		{"ErrEmail", func(in *model.PersonInput) { in.Email = "mona at customs" }, map[string]string{"email": "error.email"}},
		{"ErrPhoneShort", func(in *model.PersonInput) { in.Phone = "123 45" }, map[string]string{"phone": "registry.error.phone"}},
		{"ErrPhoneLong", func(in *model.PersonInput) { in.Phone = "+20 10 1496 3524 1234" }, map[string]string{"phone": "registry.error.phone"}},
		{"ErrPhoneLetters", func(in *model.PersonInput) { in.Phone = "010 MONA" }, map[string]string{"phone": "registry.error.phone"}},
		{"ErrPhonePlusInside", func(in *model.PersonInput) { in.Phone = "010+14963524" }, map[string]string{"phone": "registry.error.phone"}},
		{"ErrNameLong", func(in *model.PersonInput) { in.NameLatin = strings.Repeat("Mona ", 41) }, map[string]string{"name_latin": "error.too_long"}},
		{"ErrNotesLong", func(in *model.PersonInput) { in.Notes = strings.Repeat("x", 2001) }, map[string]string{"notes": "error.too_long"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := valid()
			c.change(&in)
			got := model.FieldErrors(in.Validate())
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("errors = %v, want %v", got, c.want)
			}
		})
	}
	in := valid()
	if err := in.Validate(); err != nil {
		t.Fatal(err)
	}
	p := in.Person()
	if p.NameLatin != "Mona Abdelhalim Salem" || p.Email != "mona.salem@customs.example.gov.eg" || p.BirthYear == nil || *p.BirthYear != 1988 {
		t.Errorf("person = %+v", p)
	}
	if back := model.PersonInputOf(p); back.BirthYear != "1988" || back.NameArabic != in.NameArabic {
		t.Errorf("input of person = %+v", back)
	}
}
