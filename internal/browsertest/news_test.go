package browsertest_test

import (
	"context"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/browsertest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestBrowser_NewsItem: a programme officer opens the demo course's news
// item; the page shows both drafts, the Arabic one right to left, with
// the contact left blank, and passes axe-core in English and Arabic at
// laptop, tablet and phone sizes.
func TestBrowser_NewsItem(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true})
	id := env.Store.MustString(context.Background(), "SELECT CAST(id AS TEXT) FROM trainings WHERE title_en LIKE 'Counter-smuggling for customs%'")
	browsertest.SignIn(t, ctx, env, model.RoleProgramOfficer)
	for _, lang := range []string{"en", "ar"} {
		text := msgOpen(t, ctx, env.HTTP.URL+"/trainings/"+id+"/news?lang="+lang)
		if !strings.Contains(text, "Download .docx") && !strings.Contains(text, ".docx") {
			t.Errorf("%s: no .docx download on the page:\n%s", lang, text)
		}
		screens(t, ctx, "news-"+lang)
	}
}
