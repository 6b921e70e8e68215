package model_test

import (
	"errors"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
)

// TestTrainingInput_TitleInEitherLanguage accepts a title in English, in
// Arabic or in both, and refuses a training with neither.
func TestTrainingInput_TitleInEitherLanguage(t *testing.T) {
	base := model.TrainingInput{StartsOn: "2023-03-05", EndsOn: "2023-03-07", Capacity: "20", Language: "ar"}
	cases := []struct {
		name   string
		en, ar string
		err    string
	}{
		{"English", "Risk profiling", "", ""},
		{"Arabic", "", "تحليل المخاطر", ""},
		{"Both", "Risk profiling", "تحليل المخاطر", ""},
		{"ErrNeither", "  ", " ", "training.error.title_one"},
	}
	for _, c := range cases {
		in := base
		in.TitleEn, in.TitleAr, in.VenueAr = c.en, c.ar, " قاعة "
		tr, _, err := in.Training(nil)
		var ve *model.ValidationError
		switch {
		case c.err == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.err != "" && (!errors.As(err, &ve) || ve.Fields["title_en"] != c.err):
			t.Errorf("%s: %v, want %s on title_en", c.name, err, c.err)
		case c.err == "" && (tr.TitleAr != in.TitleAr || tr.VenueAr != "قاعة"):
			t.Errorf("%s: saved %q / %q", c.name, tr.TitleAr, tr.VenueAr)
		}
	}
}
