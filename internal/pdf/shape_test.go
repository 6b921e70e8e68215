package pdf

import (
	"fmt"
	"testing"
)

// runes renders a string as code points, for readable failures.
func runes(s string) string {
	out := ""
	for _, r := range s {
		out += fmt.Sprintf("U+%04X ", r)
	}
	return out
}

func TestShape(t *testing.T) {
	tests := []struct {
		name, in string
		want     []rune
	}{
		// Initial meem, medial hah, medial meem, final dal.
		{"muhammad", "محمد", []rune{0xFEE3, 0xFEA4, 0xFEE4, 0xFEAA}},
		// Dal, alef and reh never join the letter after them, so each
		// letter of "dar" stands isolated.
		{"dar", "دار", []rune{0xFEA9, 0xFE8D, 0xFEAD}},
		// Likewise every letter of "wizara" follows a non-joining letter.
		{"wizara", "وزارة", []rune{0xFEED, 0xFEAF, 0xFE8D, 0xFEAD, 0xFE93}},
		// Initial beh, final alef, then a new group: initial beh, final teh marbuta.
		{"bab", "بابة", []rune{0xFE91, 0xFE8E, 0xFE91, 0xFE94}},
		// Lam-alef alone is the isolated ligature.
		{"la", "لا", []rune{0xFEFB}},
		// The lam of "al" is initial, seen medial, and the lam-alef after
		// it takes its final form; meem after the alef is isolated.
		{"salam", "السلام", []rune{0xFE8D, 0xFEDF, 0xFEB4, 0xFEFC, 0xFEE1}},
		// Lam with alef with hamza below after an alef: isolated ligature.
		{"iskandariya", "الإسكندرية", []rune{
			0xFE8D, 0xFEF9, 0xFEB3, 0xFEDC, 0xFEE8, 0xFEAA, 0xFEAD, 0xFEF3, 0xFE94,
		}},
		{"lam alef madda", "لآ", []rune{0xFEF5}},
		{"lam alef hamza above joined", "بلأ", []rune{0xFE91, 0xFEF8}},
		// Harakat are transparent: the letters join across damma, fatha
		// and shadda exactly as in "محمد", and the marks are kept.
		{"harakat", "مُحَمَّد", []rune{
			0xFEE3, 0x064F, 0xFEA4, 0x064E, 0xFEE4, 0x064E, 0x0651, 0xFEAA,
		}},
		// A fatha between lam and alef does not stop the ligature.
		{"lam fatha alef", "لَا", []rune{0xFEFB, 0x064E}},
		// Tatweel makes the letters around it join.
		{"tatweel", "بـب", []rune{0xFE91, 0x0640, 0xFE90}},
		// ZWNJ stops joining.
		{"zwnj", "ب\u200cب", []rune{0xFE8F, 0x200C, 0xFE8F}},
		// Hamza joins nothing; yeh with hamza above is dual-joining.
		{"hamza", "سماء", []rune{0xFEB3, 0xFEE4, 0xFE8E, 0xFE80}},
		{"latin untouched", "SPHERE II 2023", []rune("SPHERE II 2023")},
		{"digits untouched", "٢٠٢٣", []rune("٢٠٢٣")},
		{"mixed words", "في Safaga", []rune{0xFED3, 0xFEF2, ' ', 'S', 'a', 'f', 'a', 'g', 'a'}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Shape(tt.in)
			if got != string(tt.want) {
				t.Errorf("Shape(%q)\n got %s\nwant %s", tt.in, runes(got), runes(string(tt.want)))
			}
			if again := Shape(got); again != got {
				t.Errorf("Shape is not idempotent: %s", runes(again))
			}
		})
	}
}

func TestHasArabic(t *testing.T) {
	for in, want := range map[string]bool{
		"": false, "SPHERE II": false, "2023": false,
		"مصلحة": true, "Safaga ميناء": true, "\uFEFB": true,
	} {
		if got := HasArabic(in); got != want {
			t.Errorf("HasArabic(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestArabicDigits(t *testing.T) {
	if got := ArabicDigits("Page 3 of 12, 45%"); got != "Page ٣ of ١٢, ٤٥%" {
		t.Errorf("ArabicDigits = %q", got)
	}
}
