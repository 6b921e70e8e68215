package browsertest_test

import (
	"context"
	"fmt"
	"math"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/traindesk/traindesk/internal/browsertest"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/webtest"
)

// TestBrowser_ScoresGrid opens the test scores of the Hurghada course at
// laptop, tablet and phone width, in English and Arabic, and checks that the page
// is a grid: the three boxes of a person share a row, each column's boxes
// share a vertical line under their own heading, and the columns run in
// the page's direction. It then walks the grid from the keyboard: Enter
// goes down a column, Tab along a row.
func TestBrowser_ScoresGrid(t *testing.T) {
	ctx := browsertest.New(t)
	env := webtest.New(t, webtest.Options{Demo: true})
	browsertest.SignIn(t, ctx, env, model.RoleProgramOfficer)
	defer browsertest.Viewport(t, ctx, 1280, 800)
	for _, lang := range []string{"en", "ar"} {
		for _, size := range []struct {
			name string
			w, h int64
		}{{"laptop", 1280, 800}, {"tablet", 800, 1280}, {"phone", 390, 844}} {
			browsertest.Viewport(t, ctx, size.w, size.h)
			if err := chromedp.Do(ctx, chromedp.Navigate(env.HTTP.URL+"/trainings/1/assessments?lang="+lang),
				chromedp.WaitVisible(chromedp.CSS("table[data-keygrid]"))); err != nil {
				t.Fatal(err)
			}
			where := lang + " " + size.name
			checkScoreGrid(t, ctx, where, lang == "ar")
			// Every column on the screen: the table does not scroll sideways
			// inside its frame, even on a phone.
			wide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const w = document.querySelector(".assess-table").closest(".table-wrap"); return w.scrollWidth > w.clientWidth + 1; })()`))
			if err != nil || wide {
				t.Errorf("%s: the scores table scrolls sideways inside its frame (%v)", where, err)
			}
			browsertest.Screenshot(t, ctx, "scores-"+lang+"-"+size.name)
			browsertest.Axe(t, ctx, "scores ("+where+")")
		}
	}
	browsertest.Viewport(t, ctx, 1280, 800)
	if err := chromedp.Do(ctx, chromedp.Navigate(env.HTTP.URL+"/trainings/1/assessments?lang=en"),
		chromedp.WaitVisible(chromedp.CSS("table[data-keygrid]"))); err != nil {
		t.Fatal(err)
	}
	walkScoreGrid(t, ctx, env)
}

// checkScoreGrid compares the boxes of the first rows' inputs with each
// other and with the column headings.
func checkScoreGrid(t *testing.T, ctx context.Context, where string, rtl bool) {
	t.Helper()
	heads := browsertest.Boxes(t, ctx, ".assess-table thead th")
	if len(heads) != 4 {
		t.Fatalf("%s: %d column headings, want 4", where, len(heads))
	}
	const near = 3.0 // px
	var columns [3][]browsertest.Box
	for row := 1; row <= 5; row++ {
		cells := browsertest.Boxes(t, ctx, fmt.Sprintf(".assess-table tbody tr:nth-child(%d) input.score-input", row))
		if len(cells) != 3 {
			t.Fatalf("%s: row %d has %d score boxes, want 3", where, row, len(cells))
		}
		for i, c := range cells {
			if math.Abs(c.Top-cells[0].Top) > near {
				t.Errorf("%s: row %d: %s is at top %.0f, the row's first box at %.0f", where, row, c.Selector, c.Top, cells[0].Top)
			}
			columns[i] = append(columns[i], c)
			h := heads[i+1]
			if mid := (c.Left + c.Right) / 2; mid < h.Left || mid > h.Right {
				t.Errorf("%s: %s (%.0f–%.0f) is not under its heading (%.0f–%.0f)", where, c.Selector, c.Left, c.Right, h.Left, h.Right)
			}
		}
		if after := cells[1].Left > cells[0].Left && cells[2].Left > cells[1].Left; after == rtl {
			t.Errorf("%s: row %d: the columns do not run %s", where, row, map[bool]string{false: "left to right", true: "right to left"}[rtl])
		}
	}
	for i, col := range columns {
		for _, c := range col[1:] {
			if math.Abs(c.Left-col[0].Left) > near {
				t.Errorf("%s: column %d: %s is at left %.0f, the column's first box at %.0f", where, i+1, c.Selector, c.Left, col[0].Left)
			}
		}
	}
	if vw, _ := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.documentElement.clientWidth`)); len(heads) > 0 {
		if last := heads[len(heads)-1]; (rtl && last.Left < 0) || (!rtl && last.Right > vw+near) {
			// The table may scroll inside its frame, but not the page.
			if over, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > document.documentElement.clientWidth`)); over {
				t.Errorf("%s: the page scrolls sideways", where)
			}
		}
	}
}

// walkScoreGrid types into the first box and moves with Enter and Tab.
func walkScoreGrid(t *testing.T, ctx context.Context, env *webtest.Env) {
	t.Helper()
	ids, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".assess-table tbody tr")).slice(0, 2).flatMap(tr => Array.from(tr.querySelectorAll("input")).map(i => i.id))`))
	if err != nil || len(ids) != 6 {
		t.Fatalf("the first two rows' boxes: %v, %v", ids, err)
	}
	active := func() string {
		id, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id`))
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	steps := []struct {
		key   string
		shift bool
		want  string
	}{
		{kb.Enter, false, ids[3]}, // down the pre-test column
		{kb.Tab, false, ids[4]},   // along the row to the post-test
		{kb.Enter, true, ids[1]},  // back up the post-test column
	}
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS("#"+ids[0]))); err != nil {
		t.Fatal(err)
	}
	for _, s := range steps {
		var opts []chromedp.KeyOption
		if s.shift {
			opts = append(opts, chromedp.KeyModifiers(chromedp.ModifierShift))
		}
		if err := chromedp.Do(ctx, chromedp.KeyEvent(s.key, opts...)); err != nil {
			t.Fatal(err)
		}
		if got := active(); got != s.want {
			t.Errorf("after %q (shift %v) the focus is on %q, want %q", s.key, s.shift, got, s.want)
		}
	}
	if n := env.Hits("POST", "/trainings/1/assessments"); n != 0 {
		t.Errorf("Enter submitted the scores %d times", n)
	}
}
