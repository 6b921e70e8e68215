package trainings_test

import (
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
)

// TestList_SearchBounded: the trainings list searches text of up to the
// bound, and refuses longer text (with the reference lists the page needs)
// before it reaches the database.
func TestList_SearchBounded(t *testing.T) {
	e := newEnv(t, model.MustDate("2023-01-17"))
	list, err := e.svc.List(e.ctx, e.actor["officer"], model.TrainingFilter{Text: "  Counter-smuggling  "})
	if err != nil || list.Total == 0 {
		t.Fatalf("a search in bounds: %d found, %v", list.Total, err)
	}
	for _, text := range []string{strings.Repeat("a", 10000), strings.Repeat("customs ", 500), strings.Repeat("w ", 9)} {
		list, err := e.svc.List(e.ctx, e.actor["officer"], model.TrainingFilter{Text: text})
		if model.FieldErrors(err)["q"] != model.SearchTooLong || len(list.Rows) != 0 || len(list.Refs.Projects) == 0 {
			t.Errorf("%d characters: %v, %d rows", len(text), err, len(list.Rows))
		}
	}
}
