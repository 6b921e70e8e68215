package pdf

import (
	"slices"
	"strings"
	"testing"
)

// rev returns an Arabic word as drawn: shaped, then reversed.
func rev(s string) string {
	r := []rune(Shape(s))
	slices.Reverse(r)
	return string(r)
}

func TestVisual(t *testing.T) {
	tests := []struct {
		name string
		in   string
		rtl  bool
		want string
	}{
		{"pure arabic", "مصلحة الجمارك المصرية", true,
			rev("المصرية") + " " + rev("الجمارك") + " " + rev("مصلحة")},
		{"pure arabic in ltr paragraph", "محمد عبد الله الجمال", false,
			rev("الجمال") + " " + rev("الله") + " " + rev("عبد") + " " + rev("محمد")},
		{"latin inside arabic", "تدريب SPHERE II في الغردقة", true,
			rev("الغردقة") + " " + rev("في") + " SPHERE II " + rev("تدريب")},
		{"latin first", "Safaga ميناء سفاجا", true,
			rev("سفاجا") + " " + rev("ميناء") + " Safaga"},
		{"arabic inside english", "Port of سفاجا today", false,
			"Port of " + rev("سفاجا") + " today"},
		{"arabic-indic year", "يناير ٢٠٢٣", true, "٢٠٢٣ " + rev("يناير")},
		// A range reads right to left as a whole, each number left to right.
		{"ascii range in arabic", "١٦–١٩ يناير", true, rev("يناير") + " ١٩–١٦"},
		{"ascii range", "16–19 يناير", true, rev("يناير") + " 19–16"},
		{"range in english", "January 16–19", false, "January 16–19"},
		{"time and decimals", "الساعة 10:30 و 2.5", true,
			"2.5 " + rev("و") + " 10:30 " + rev("الساعة")},
		{"percent after arabic", "نسبة 45%", true, "%45 " + rev("نسبة")},
		{"latin brackets at end", "مرحبا (SPHERE)", true, "(SPHERE) " + rev("مرحبا")},
		{"arabic brackets mirrored", "(ملاحظة)", true, "(" + rev("ملاحظة") + ")"},
		{"nested brackets", "و [SPHERE (II)]", true, "[SPHERE (II)] " + rev("و")},
		{"brackets in latin after latin", "كلمة ABC (DEF)", true, "ABC (DEF) " + rev("كلمة")},
		{"latin line", "Ministry of Finance.", false, "Ministry of Finance."},
		{"marks stay before their base", "بَ", true, "\u064E\uFE8F"},
		{"isolated date", "تقرير " + Isolate("2023-01-01 – 2023-12-31", false), true,
			"2023-01-01 – 2023-12-31 " + rev("تقرير")},
		{"direction marks removed", "a\u200Fb", false, "ab"},
		{"trailing space", "مرحبا ", false, rev("مرحبا") + " "},
		{"empty", "", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Visual(tt.in, tt.rtl)
			if got != tt.want {
				t.Errorf("Visual(%q, %v)\n got %q\nwant %q", tt.in, tt.rtl, got, tt.want)
			}
		})
	}
}

func TestVisual_NumbersKeepDigitOrder(t *testing.T) {
	in := "تدريب SPHERE II في الغردقة ١٦–١٩ يناير ٢٠٢٣ و 16–19"
	got := Visual(in, true)
	for _, want := range []string{"SPHERE II", "٢٠٢٣", "١٦", "١٩", "16", "19"} {
		if !strings.Contains(got, want) {
			t.Errorf("Visual(%q) = %q lacks %q", in, got, want)
		}
	}
}

func TestVisual_MultiLine(t *testing.T) {
	got := Visual("مرحبا\nHello", true)
	if want := rev("مرحبا") + "\nHello"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDoc_Lines(t *testing.T) {
	d, err := New(Options{RTL: true})
	if err != nil {
		t.Fatal(err)
	}
	d.SetFont(false, 10)
	text := "واحد اثنان ثلاثة أربعة خمسة"
	width := d.TextWidth("واحد اثنان") + 0.5
	lines := d.Lines(text, width)
	want := []string{Visual("واحد اثنان", true), Visual("ثلاثة أربعة", true), Visual("خمسة", true)}
	if !slices.Equal(lines, want) {
		t.Errorf("Lines = %q, want %q", lines, want)
	}
	for _, l := range d.Lines(strings.Repeat("x", 200), 20) {
		if w := d.PDF().GetStringWidth(l); w > 20 {
			t.Errorf("line %q is %.1f mm wide, want at most 20", l, w)
		}
	}
}

func TestDoc_BaseDirection(t *testing.T) {
	ar, _ := New(Options{RTL: true})
	en, _ := New(Options{})
	tests := []struct {
		d    *Doc
		in   string
		want bool
	}{
		{ar, "Ministry of Finance.", false},
		{ar, "SPHERE II في الغردقة", true},
		{ar, "2023", true},
		{en, "محمد", true},
		{en, "SPHERE II في الغردقة", false},
		{en, "2023", false},
	}
	for _, tt := range tests {
		if got := tt.d.baseRTL(tt.in); got != tt.want {
			t.Errorf("baseRTL(%q) on RTL=%v page = %v, want %v", tt.in, tt.d.RTL(), got, tt.want)
		}
	}
}
