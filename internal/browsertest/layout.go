package browsertest

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/chromedp"
)

// Box is where an element is drawn, in CSS pixels from the viewport's
// top-left corner (getBoundingClientRect).
type Box struct {
	Selector                 string
	Left, Top, Right, Bottom float64
}

// Boxes returns the box of every element that selector matches, in
// document order. Layout tests compare them: the inputs of one table row
// share a top, those of one column a left edge.
func Boxes(t testing.TB, ctx context.Context, selector string) []Box {
	t.Helper()
	boxes, err := chromedp.Run(ctx, chromedp.Evaluate[[]Box](`Array.from(document.querySelectorAll(`+quoteJS(selector)+`)).map(e => {
		const r = e.getBoundingClientRect();
		return {Selector: e.id ? "#" + e.id : e.tagName.toLowerCase(), Left: r.left, Top: r.top, Right: r.right, Bottom: r.bottom};
	})`))
	if err != nil {
		t.Fatalf("boxes of %s: %v", selector, err)
	}
	return boxes
}

// quoteJS writes s as a JavaScript string literal.
func quoteJS(s string) string {
	out := []rune{'"'}
	for _, r := range s {
		if r == '"' || r == '\\' {
			out = append(out, '\\')
		}
		out = append(out, r)
	}
	return string(append(out, '"'))
}

// Expanded is the "expanded" state that the browser's accessibility tree
// gives the first element selector matches (what a screen reader
// announces for a disclosure): "true", "false", or "" when it has none.
func Expanded(t testing.TB, ctx context.Context, selector string) string {
	t.Helper()
	nodes, err := chromedp.Run(ctx, chromedp.Nodes(chromedp.CSS(selector), chromedp.AtLeast(1)))
	if err != nil {
		t.Fatalf("expanded state of %s: %v", selector, err)
	}
	fetch := false
	res, err := chromedp.Call(ctx, accessibility.GetPartialAXTree, accessibility.GetPartialAXTreeParams{
		BackendNodeID: nodes[0].BackendNodeID, FetchRelatives: &fetch})
	if err != nil {
		t.Fatalf("accessibility tree of %s: %v", selector, err)
	}
	for _, n := range res.Nodes {
		for _, p := range n.Properties {
			if p.Name == accessibility.PropertyNameExpanded && p.Value != nil {
				return strings.Trim(string(p.Value.Value), `"`)
			}
		}
	}
	return ""
}
