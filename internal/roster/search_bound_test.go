package roster_test

import (
	"context"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/roster"
)

// TestSearch_Bounded: the longest search allowed runs on the database;
// anything longer (10,000 characters, 500 words) is refused as a
// validation error on "q" before it becomes a query, by every search of
// the registry, with what the page needs to show the message.
func TestSearch_Bounded(t *testing.T) {
	ctx := context.Background()
	each(t, func(t *testing.T, f *fixture) {
		// The most the bound lets through: 8 words in both scripts and a
		// phone-like word, 200 characters in all.
		widest := strings.Repeat("محمد ", 4) + strings.Repeat("Ahmed ", 3) + "0100"
		widest += strings.Repeat("x", model.MaxSearchChars-len([]rune(widest)))
		if _, err := f.svc.Search(ctx, f.po, roster.Query{Text: widest, Limit: 25}); err != nil {
			t.Fatalf("the widest search allowed: %v", err)
		}
		for name, text := range map[string]string{
			"10,000 characters": strings.Repeat("a", 10000),
			"500 words":         strings.Repeat("محمد ", 500),
			"201 characters":    strings.Repeat("b", model.MaxSearchChars+1),
			"9 words":           strings.Repeat("w ", model.MaxSearchWords+1),
		} {
			res, err := f.svc.Search(ctx, f.po, roster.Query{Text: text, Limit: 25})
			if model.FieldErrors(err)["q"] != model.SearchTooLong || len(res.Refs.Agencies) == 0 || len(res.Rows) != 0 {
				t.Errorf("search of %s: %v, %d rows, %d agencies", name, err, len(res.Rows), len(res.Refs.Agencies))
			}
			if _, err := f.svc.Find(ctx, f.po, text, 10); model.FieldErrors(err)["q"] != model.SearchTooLong {
				t.Errorf("find of %s: %v", name, err)
			}
			v, err := f.svc.MergeScreen(ctx, f.po, f.duplicate, roster.Query{Text: text}, f.survivor)
			if model.FieldErrors(err)["q"] != model.SearchTooLong || v.Dup.ID != f.duplicate || v.Survivor == nil || len(v.Choices) != 0 {
				t.Errorf("merge screen with %s: %v", name, err)
			}
		}
	})
}
