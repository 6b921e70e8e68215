package roster_test

import (
	"context"
	"errors"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster"
)

// TestSearch finds persons by a phone typed in any format and by name in
// the other script, for the registry's list and for picking someone to
// register; only roles that see the registry may search it.
func TestSearch(t *testing.T) {
	ctx := context.Background()
	each(t, func(t *testing.T, f *fixture) {
		res, err := f.svc.Search(ctx, f.manager, roster.Query{Text: "0020-101-274-3206", Limit: 10})
		if err != nil || res.Total != 1 || len(res.Rows) != 1 || res.Rows[0].NameLatin != "Mostafa Kamal Hassan" {
			t.Fatalf("phone search = %+v, %v", res.Rows, err)
		}
		if len(res.Refs.Agencies) == 0 {
			t.Error("the search came without the reference lists")
		}
		rows, err := f.svc.Find(ctx, f.po, "Ahmed Mahmoud", 50)
		if err != nil || !hasRow(rows, f.survivor) || !hasRow(rows, f.duplicate) {
			t.Fatalf("find = %+v, %v", rows, err)
		}
		if f, err := roster.SearchFilter(" 010 1274 3206 "); err != nil || f.PhoneTail != "1012743206" || len(f.Terms) == 0 {
			t.Errorf("filter = %+v, %v", f, err)
		}
		trainer := f.actor("trainer@traindesk.local")
		if _, err := f.svc.Search(ctx, trainer, roster.Query{}); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("a trainer searching: %v", err)
		}
		if _, err := f.svc.PersonPage(ctx, trainer, f.survivor); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("a trainer reading a person: %v", err)
		}
		if _, err := f.svc.PersonPage(ctx, f.manager, 999999); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("an unknown person: %v", err)
		}
	})
}

func hasRow(rows []model.PersonRow, id int64) bool {
	for _, r := range rows {
		if r.ID == id {
			return true
		}
	}
	return false
}
