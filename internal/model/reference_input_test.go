package model_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
)

// check compares a Validate result with the field messages expected.
func check(t *testing.T, name string, err error, want map[string]string) {
	t.Helper()
	got := model.FieldErrors(err)
	if len(want) == 0 {
		if err != nil {
			t.Errorf("%s: %v, want valid", name, err)
		}
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: %v, want %v", name, got, want)
	}
}

func TestAgencyInput_Validate(t *testing.T) {
	ok := model.AgencyInput{NameEn: "Egyptian Customs Authority", Kind: "customs"}
	cases := []struct {
		name   string
		change func(*model.AgencyInput)
		want   map[string]string
	}{
		{"Valid", func(*model.AgencyInput) {}, nil},
		{"ArabicOptional", func(in *model.AgencyInput) { in.NameAr = "" }, nil},
		{"EnglishOptional", func(in *model.AgencyInput) { in.NameEn, in.NameAr = "", "مصلحة الجمارك المصرية" }, nil},
		{"ErrName", func(in *model.AgencyInput) { in.NameEn, in.NameAr = "   ", " " }, map[string]string{"name_en": "error.required_one_language"}},
		{"ErrKind", func(in *model.AgencyInput) { in.Kind = "navy" }, map[string]string{"kind": "error.choose"}},
		{"PhoneFormats", func(in *model.AgencyInput) { in.FocalPhone = "+20 (65) 344-1234" }, nil},
		{"PhoneArabicDigits", func(in *model.AgencyInput) { in.FocalPhone = "٠١٠٠ ١٢٣ ٤٥٦٧" }, nil},
		{"ErrPhoneShort", func(in *model.AgencyInput) { in.FocalPhone = "12345" }, map[string]string{"focal_phone": "ref.error.phone"}},
		{"ErrPhoneLetters", func(in *model.AgencyInput) { in.FocalPhone = "ext. 12345678" }, map[string]string{"focal_phone": "ref.error.phone"}},
		{"ErrPhonePlusInside", func(in *model.AgencyInput) { in.FocalPhone = "20+1234567" }, map[string]string{"focal_phone": "ref.error.phone"}},
		{"ErrEmail", func(in *model.AgencyInput) { in.FocalEmail = "Training Dept <t@x.org>" }, map[string]string{"focal_email": "error.email"}},
	}
	for _, c := range cases {
		in := ok
		c.change(&in)
		check(t, c.name, in.Validate(), c.want)
	}
	in := model.AgencyInput{NameEn: " ECA ", Kind: "customs", FocalPhone: "٠١٠٠ ١٢٣ ٤٥٦٧", FocalEmail: " Training@Customs.GOV.eg "}
	if err := in.Validate(); err != nil {
		t.Fatal(err)
	}
	var a model.Agency
	in.Apply(&a)
	if a.NameEn != "ECA" || a.FocalPhone != "0100 123 4567" || a.FocalEmail != "training@customs.gov.eg" || a.Kind != model.AgencyCustoms {
		t.Errorf("applied %+v", a)
	}
}

func TestProjectInput_Validate(t *testing.T) {
	ok := model.ProjectInput{Code: "SPHERE II", TitleEn: "Sphere", DonorID: "1", StartsOn: "2022-01-01", EndsOn: "2026-12-31", MasteryThreshold: "70"}
	cases := []struct {
		name   string
		change func(*model.ProjectInput)
		want   map[string]string
	}{
		{"Valid", func(*model.ProjectInput) {}, nil},
		{"OneDay", func(in *model.ProjectInput) { in.EndsOn = in.StartsOn }, nil},
		{"ArabicDigits", func(in *model.ProjectInput) { in.MasteryThreshold = "٨٠" }, nil},
		{"ErrEndBeforeStart", func(in *model.ProjectInput) { in.EndsOn = "2021-12-31" }, map[string]string{"ends_on": "ref.error.end_before_start"}},
		{"ErrDonorNotOffered", func(in *model.ProjectInput) { in.DonorID = "2" }, map[string]string{"donor_id": "error.choose"}},
		{"ErrMastery", func(in *model.ProjectInput) { in.MasteryThreshold = "101" }, map[string]string{"mastery_threshold": "ref.error.whole_0_100"}},
		{"ErrMasteryFraction", func(in *model.ProjectInput) { in.MasteryThreshold = "70.5" }, map[string]string{"mastery_threshold": "ref.error.whole_0_100"}},
		{"ErrDate", func(in *model.ProjectInput) { in.StartsOn = "2022-02-30" }, map[string]string{"starts_on": "ref.error.date"}},
		{"ErrCodeLong", func(in *model.ProjectInput) { in.Code = "A-VERY-LONG-PROJECT-CODE-THAT-NOBODY-USES" }, map[string]string{"code": "error.too_long"}},
	}
	for _, c := range cases {
		in := ok
		c.change(&in)
		check(t, c.name, in.Validate([]int64{1}), c.want)
	}
}

func TestIndicatorInput_Validate(t *testing.T) {
	ok := model.IndicatorInput{NameEn: "Officials trained", Metric: "officials_trained", Unit: "count", Target: "120"}
	cases := []struct {
		name   string
		change func(*model.IndicatorInput)
		want   map[string]string
	}{
		{"Valid", func(*model.IndicatorInput) {}, nil},
		{"ManualActual", func(in *model.IndicatorInput) { in.Metric, in.Actual = "manual", "12" }, nil},
		{"ManualPercent", func(in *model.IndicatorInput) { in.Metric, in.Unit, in.Target = "manual", "percent", "100" }, nil},
		{"ErrActualComputed", func(in *model.IndicatorInput) { in.Actual = "12" }, map[string]string{"actual": "ref.error.actual_manual"}},
		{"ErrUnitPercent", func(in *model.IndicatorInput) { in.Metric = "women_share" }, map[string]string{"unit": "ref.error.unit_percent"}},
		{"ErrUnitCount", func(in *model.IndicatorInput) { in.Metric, in.Unit, in.Target = "training_days", "percent", "40" }, map[string]string{"unit": "ref.error.unit_count"}},
		{"ErrPercentOver", func(in *model.IndicatorInput) { in.Metric, in.Unit, in.Target = "women_share", "percent", "130" }, map[string]string{"target": "ref.error.percent_max"}},
		{"ErrNegative", func(in *model.IndicatorInput) { in.Baseline = "-3" }, map[string]string{"baseline": "ref.error.not_negative"}},
		{"ErrNaN", func(in *model.IndicatorInput) { in.Target = "NaN" }, map[string]string{"target": "ref.error.number"}},
		{"ErrUnit", func(in *model.IndicatorInput) { in.Unit = "kg" }, map[string]string{"unit": "error.choose"}},
		{"ErrPosition", func(in *model.IndicatorInput) { in.Position = "1000" }, map[string]string{"position": "ref.error.position"}},
	}
	for _, c := range cases {
		in := ok
		c.change(&in)
		check(t, c.name, in.Validate(), c.want)
	}
	in := model.IndicatorInput{NameEn: "Share", Metric: "manual", Unit: "percent", Baseline: "", Target: "٣٠٫٥", Actual: "12", Position: ""}
	if err := in.Validate(); err != nil {
		t.Fatal(err)
	}
	var i model.Indicator
	in.Apply(&i)
	if i.Baseline != 0 || i.Target != 30.5 || i.Actual == nil || *i.Actual != 12 || i.Position != 0 {
		t.Errorf("applied %+v", i)
	}
}

func TestStationInput_Validate(t *testing.T) {
	in := model.StationInput{NameEn: "Safaga seaport", Kind: "seaport", GovernorateID: "17", AgencyID: ""}
	if err := in.Validate([]int64{17}, []int64{1}); err != nil {
		t.Fatal(err)
	}
	var d model.DutyStation
	in.Apply(&d)
	if d.GovernorateID == nil || *d.GovernorateID != 17 || d.AgencyID != nil {
		t.Errorf("applied %+v", d)
	}
	in.GovernorateID, in.Kind = "", "harbour"
	check(t, "ErrGovernorateKind", in.Validate([]int64{17}, nil), map[string]string{"governorate_id": "error.choose", "kind": "error.choose"})
}

func TestInUseError(t *testing.T) {
	err := error(&model.InUseError{Kind: model.RefAgency, ID: 1, Uses: []model.Use{{What: "trainings", Count: 4}}})
	if !errors.Is(err, model.ErrConflict) || err.Error() != "agency 1 is still used by 4 trainings" {
		t.Errorf("%v", err)
	}
}
