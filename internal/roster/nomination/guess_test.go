package nomination

import (
	"slices"
	"testing"
)

func TestGuessMapping(t *testing.T) {
	tests := []struct {
		name    string
		headers []string
		want    Mapping
	}{
		{"english", []string{"No.", "Name (English)", "Sex", "Year of birth", "Agency", "Duty station", "Job title", "Grade", "Mobile", "E-mail", "National ID", "Remarks"},
			Mapping{"", FieldNameLatin, FieldSex, FieldBirthYear, FieldAgency, FieldDutyStation, FieldPosition, FieldRank, FieldPhone, FieldEmail, FieldNationalRef, FieldNotes}},
		{"english variants", []string{"FULL NAME", "gender", "DOB", "Organisation", "Port", "Position", "Rank", "Tel.", "Email address", "Employee number", "Notes"},
			Mapping{FieldNameLatin, FieldSex, FieldBirthYear, FieldAgency, FieldDutyStation, FieldPosition, FieldRank, FieldPhone, FieldEmail, FieldNationalRef, FieldNotes}},
		{"more english", []string{"Name in Latin", "Date of birth", "Authority", "Workplace", "Function", "Phone", "ID", "Location"},
			Mapping{FieldNameLatin, FieldBirthYear, FieldAgency, FieldDutyStation, FieldPosition, FieldPhone, FieldNationalRef, ""}},
		{"arabic", []string{"م", "الاسم", "الاسم باللغة الإنجليزية", "النوع", "تاريخ الميلاد", "جهة العمل", "المنفذ", "المسمى الوظيفي", "الدرجة", "رقم الهاتف", "البريد الإلكتروني", "الرقم القومي", "ملاحظات"},
			Mapping{"", FieldNameArabic, FieldNameLatin, FieldSex, FieldBirthYear, FieldAgency, FieldDutyStation, FieldPosition, FieldRank, FieldPhone, FieldEmail, FieldNationalRef, FieldNotes}},
		{"arabic variants with diacritics and hamza", []string{"الاسم رباعي", "الاسم بالانجليزية", "الجِنْس", "سنة الميلاد", "المصلحة", "جهة العمل الفرعية", "الوظيفة", "الرتبة", "الموبايل", "الايميل", "رقم الملف"},
			Mapping{FieldNameArabic, FieldNameLatin, FieldSex, FieldBirthYear, FieldAgency, FieldDutyStation, FieldPosition, FieldRank, FieldPhone, FieldEmail, FieldNationalRef}},
		{"more arabic", []string{"الإسم بالعربية", "الميناء", "الجهة", "المحمول", "الرقم الوظيفي"},
			Mapping{FieldNameArabic, FieldDutyStation, FieldAgency, FieldPhone, FieldNationalRef}},
		{"each field once, leftmost first", []string{"Phone", "Mobile", "Name", "Name"},
			Mapping{FieldPhone, "", FieldNameLatin, FieldNameArabic}},
		{"an agency name is no person's name", []string{"Name of agency", "اسم الجهة", "Officer name"},
			Mapping{FieldAgency, "", FieldNameLatin}},
		{"first and last name", []string{"First name", "Last name"},
			Mapping{FieldNameLatin, ""}},
		{"unknown and empty", []string{"", "Shoe size", "#"}, Mapping{"", "", ""}},
		{"bilingual", []string{"Name / الاسم", "Name in Arabic (الاسم بالعربية)", "Sex / النوع", "Mobile / الموبايل"},
			Mapping{FieldNameLatin, FieldNameArabic, FieldSex, FieldPhone}},
		// "جهة العمل" is the duty station, unless another column holds the
		// station: then it is the agency (the "arabic" case above).
		{"جهة العمل beside the agency", []string{"الاسم", "الجهة", "جهة العمل", "رقم الجوال"},
			Mapping{FieldNameArabic, FieldAgency, FieldDutyStation, FieldPhone}},
		{"جهة العمل alone", []string{"الاسم", "جهة العمل"}, Mapping{FieldNameArabic, FieldDutyStation}},
		{"the app's own words", []string{"الاسم بالعربية", "الجنس", "الجهة الشريكة", "مقر العمل", "الوظيفة"},
			Mapping{FieldNameArabic, FieldSex, FieldAgency, FieldDutyStation, FieldPosition}},
		{"station in other words", []string{"Name", "مكان العمل"}, Mapping{FieldNameLatin, FieldDutyStation}},
		{"station as a port", []string{"Name", "الميناء", "Phone no."}, Mapping{FieldNameLatin, FieldDutyStation, FieldPhone}},
		{"station in English", []string{"Name", "Duty-station", "Partner agency", "Mobile no"}, Mapping{FieldNameLatin, FieldDutyStation, FieldAgency, FieldPhone}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := GuessMapping(tt.headers)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// LooksLike names what a header stands for on its own, whatever the rest
// of the list: the import warns about such columns left out.
func TestLooksLike(t *testing.T) {
	for header, want := range map[string]Field{
		"جهة العمل": FieldDutyStation, "مقر العمل": FieldDutyStation, "المنفذ": FieldDutyStation, "Workplace": FieldDutyStation,
		"الاسم": FieldNameArabic, "Full name": FieldNameLatin, "الجهة": FieldAgency, "رقم الموبايل": FieldPhone,
		"Shoe size": FieldIgnore, "": FieldIgnore,
	} {
		if got := LooksLike(header); got != want {
			t.Errorf("LooksLike(%q) = %q, want %q", header, got, want)
		}
	}
}

// A bare "Name" column is Arabic when its values are; a bare "الاسم" column
// of Latin values is the Latin name. A qualified header is believed.
func TestGuessMappingWithData(t *testing.T) {
	tab := &Table{
		Headers: []string{"Name", "الاسم", "Sex", "Name (English)"},
		Rows: [][]string{
			{"أحمد حسن", "Ahmed Hassan", "M", "أحمد"},
			{"منى علي", "Mona Ali", "F", ""},
			{"", "", "", ""},
		},
	}
	if got, want := GuessMapping(tab.Headers), (Mapping{"", FieldNameArabic, FieldSex, FieldNameLatin}); !slices.Equal(got, want) {
		// A qualified header beats a bare one.
		t.Errorf("without data: got %q, want %q", got, want)
	}
	tab.Headers[3] = "Notes"
	if got, want := GuessMapping(tab.Headers), (Mapping{FieldNameLatin, FieldNameArabic, FieldSex, FieldNotes}); !slices.Equal(got, want) {
		t.Errorf("without data: got %q, want %q", got, want)
	}
	if got, want := GuessMappingWithData(tab), (Mapping{FieldNameArabic, FieldNameLatin, FieldSex, FieldNotes}); !slices.Equal(got, want) {
		t.Errorf("with data: got %q, want %q", got, want)
	}
	if GuessMappingWithData(nil) != nil {
		t.Error("nil table")
	}
}

func TestMappingValidate(t *testing.T) {
	tests := []struct {
		m    Mapping
		want []string
	}{
		{Mapping{FieldNameLatin, FieldSex}, nil},
		{Mapping{"", FieldNameArabic}, nil},
		{Mapping{FieldSex, FieldPhone}, []string{keyMapNeedName}},
		{Mapping{FieldNameLatin, FieldPhone, FieldPhone}, []string{keyMapDuplicate}},
		{Mapping{FieldSex, FieldSex}, []string{keyMapNeedName, keyMapDuplicate}},
		{nil, []string{keyMapNeedName}},
	}
	for _, tt := range tests {
		if got := tt.m.Validate(); !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.m, got, tt.want)
		}
	}
}

func TestParseMapping(t *testing.T) {
	got := ParseMapping([]string{"name_latin", " sex ", "", "bogus", "notes", "NAME_ARABIC"})
	want := Mapping{FieldNameLatin, FieldSex, "", "", FieldNotes, ""}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	for _, f := range Fields {
		if !f.Valid() || ParseMapping([]string{string(f)})[0] != f {
			t.Errorf("%q does not round-trip", f)
		}
	}
}

func TestFold(t *testing.T) {
	tests := map[string]string{
		"  E-Mail  Address ": "e mail address",
		"الإسْمُ":            "الاسم",
		"أنثى":               "انثي",
		"مدرسـة":             "مدرسه",
		"Café ١٢٣":           "cafe 123",
		"ﻻ":                  "لا",
	}
	for in, want := range tests {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}
