package chart

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"testing"
)

func TestNiceAxis(t *testing.T) {
	tests := []struct {
		max       float64
		integral  bool
		top, step float64
	}{
		{0, true, 1, 1},
		{3, true, 3, 1},
		{7, true, 8, 2},
		{42, true, 50, 10},
		{100, true, 100, 20},
		{0.37, false, 0.4, 0.1},
		{1234, true, 1250, 250},
	}
	for _, tt := range tests {
		top, step := niceAxis(tt.max, tt.integral)
		if top != tt.top || step != tt.step {
			t.Errorf("niceAxis(%v) = %v, %v; want %v, %v", tt.max, top, step, tt.top, tt.step)
		}
	}
}

// svgElement is one element of a parsed SVG.
type svgElement struct {
	name  string
	attrs map[string]string
	text  string
}

// parseSVG checks that s is well-formed XML and returns its elements.
func parseSVG(t *testing.T, s string) []svgElement {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(s))
	var els []svgElement
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return els
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed: %v\n%s", err, s)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			el := svgElement{name: tok.Name.Local, attrs: map[string]string{}}
			for _, a := range tok.Attr {
				el.attrs[a.Name.Local] = a.Value
			}
			els = append(els, el)
		case xml.CharData:
			if len(els) > 0 {
				els[len(els)-1].text += string(tok)
			}
		}
	}
}

// findText returns the first <text> element whose content is s.
func findText(els []svgElement, s string) (svgElement, bool) {
	for _, el := range els {
		if el.name == "text" && el.text == s {
			return el, true
		}
	}
	return svgElement{}, false
}

func agencies(rtl, horizontal bool) BarChart {
	return BarChart{
		Title:  "المشاركون حسب الجهة",
		Series: []string{"نساء", "رجال"},
		Bars: []Bar{
			{Label: "مصلحة الجمارك المصرية", Values: []float64{12, 30}},
			{Label: "<script>alert(1)</script>", Values: []float64{7, 9}},
			{Label: "Ministry of Finance", Values: []float64{3, 4}},
		},
		RTL: rtl, Horizontal: horizontal,
	}
}

func TestBarChart_SVG(t *testing.T) {
	for _, horizontal := range []bool{false, true} {
		for _, rtl := range []bool{false, true} {
			name := "vertical"
			if horizontal {
				name = "horizontal"
			}
			t.Run(name+"/rtl="+strconv.FormatBool(rtl), func(t *testing.T) {
				checkBarSVG(t, agencies(rtl, horizontal).SVG(), rtl)
			})
		}
	}
}

func checkBarSVG(t *testing.T, s string, rtl bool) {
	els := parseSVG(t, s)
	root := els[0]
	if root.name != "svg" || root.attrs["role"] != "img" || root.attrs["width"] != "100%" ||
		!strings.HasPrefix(root.attrs["viewBox"], "0 0 640 ") || root.attrs["aria-label"] != "المشاركون حسب الجهة" {
		t.Errorf("root element: %v", root.attrs)
	}
	if els[1].name != "title" || els[1].text != "المشاركون حسب الجهة" {
		t.Errorf("first child is %s %q, want the <title>", els[1].name, els[1].text)
	}
	if strings.Contains(s, "<script") || !strings.Contains(s, "&lt;script&gt;") {
		t.Error("label is not escaped")
	}
	if strings.Contains(s, "style") {
		t.Error("SVG uses style, which the CSP forbids")
	}
	for _, want := range []string{"30", "12", "نساء", "رجال", "مصلحة الجمارك المصرية"} {
		if _, ok := findText(els, want); !ok {
			t.Errorf("no <text> %q", want)
		}
	}
	title, _ := findText(els, "المشاركون حسب الجهة")
	x, _ := strconv.ParseFloat(title.attrs["x"], 64)
	if onRight := x > svgWidth/2; onRight != rtl || title.attrs["text-anchor"] != "start" {
		t.Errorf("title at x=%v anchored %q, want on the start side (rtl=%v)", x, title.attrs["text-anchor"], rtl)
	}
	if got := root.attrs["direction"] == "rtl"; got != rtl {
		t.Errorf("direction=%q, rtl=%v", root.attrs["direction"], rtl)
	}
}

func TestBarChart_SVGMirrorsBars(t *testing.T) {
	ltr := parseSVG(t, agencies(false, false).SVG())
	rtl := parseSVG(t, agencies(true, false).SVG())
	first := func(els []svgElement) float64 {
		for _, el := range els {
			if el.name == "rect" && el.attrs["fill"] == seriesColor(0) && el.attrs["height"] != el.attrs["width"] {
				x, _ := strconv.ParseFloat(el.attrs["x"], 64)
				return x
			}
		}
		t.Fatal("no bar")
		return 0
	}
	if l, r := first(ltr), first(rtl); l > svgWidth/2 || r < svgWidth/2 {
		t.Errorf("first bar at x=%v (LTR) and x=%v (RTL), want left then right", l, r)
	}
}

func TestProgressChart_SVG(t *testing.T) {
	p := ProgressChart{
		Title: "Indicators", LegendActual: "Actual", LegendBaseline: "Baseline", LegendTarget: "Target",
		Items: []Progress{
			{Label: "Officers trained", Baseline: 10, Target: 60, Actual: 45},
			{Label: "Women share", Baseline: 20, Target: 40, Actual: 46, Unit: "%"},
			{Label: "No target", Actual: 3},
		},
	}
	els := parseSVG(t, p.SVG())
	for _, want := range []string{"45 / 60 (75%)", "46% / 40% (115%)", "3 / 0", "Target"} {
		if _, ok := findText(els, want); !ok {
			t.Errorf("no <text> %q", want)
		}
	}
	p.RTL = true
	p.Format = func(v float64) string { return strconv.FormatFloat(v, 'f', 0, 64) + "!" }
	els = parseSVG(t, p.SVG())
	if _, ok := findText(els, "45! / 60! (75!%)"); !ok {
		t.Error("Format is not used")
	}
	// The donor report shows progress from the baseline, with the
	// page's percent sign.
	done := 70.0
	p.Items[0].Done, p.PercentSign = &done, "٪"
	if _, ok := findText(parseSVG(t, p.SVG()), "45! / 60! (70!٪)"); !ok {
		t.Error("Done is not shown")
	}
}

func TestEmptyCharts(t *testing.T) {
	parseSVG(t, BarChart{}.SVG())
	parseSVG(t, BarChart{Horizontal: true, Bars: []Bar{{Label: "x"}}}.SVG())
	parseSVG(t, ProgressChart{}.SVG())
}
