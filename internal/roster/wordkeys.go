package roster

import "strings"

// maxWordKeys bounds the sound keys of one word: every key is filed in the
// index in pairs with the other words' keys.
const maxWordKeys = 8

// wordKeys returns the sound keys of a normalised word: its skeleton
// first, then the keys of the spellings it may stand for. Matching takes
// two words for the same name when they share a key. The alternatives
// cover what one skeleton cannot decide:
//
//   - the article: الشاذلي, El-Shazly and Shazly; and where the article
//     meets ع or ا its vowel merges with the name's in Latin (العطار,
//     Attar; الإمام, Emam), so the name after the article is keyed as a
//     word of its own too;
//   - a compound ending in "ad-Din" (Alaaeldin), keyed as stem + "dn";
//   - Latin spellings that stand for two letters: "dh" (ض, ظ, ذ: Ridha,
//     Kadhim), "dj" (ج), the chat digit 2 (hamza or ق: Ra2fat, Tare2),
//     "ou" that is a short u (Mounir, Nouha) or ع (Souad), and a final
//     "ah" that is ة (Abazah) or ح (Salah);
//   - Arabic letters with two usual Latin renderings: ث as s (Osman), غ as
//     g (Magraby), and a final ه after ي that Latin writes as h (Wagih).
func wordKeys(t string) []string {
	var keys []string
	add := func(k string) {
		if k == "" || len(keys) >= maxWordKeys {
			return
		}
		for _, x := range keys {
			if x == k {
				return
			}
		}
		keys = append(keys, k)
	}
	for _, f := range spellingVariants(t) {
		stem, din := splitDin(f)
		for _, base := range []string{stem, stripArticle(stem)} {
			k := wordSkeleton(base)
			if din && k != "" {
				k += " dn"
			}
			add(k)
		}
	}
	for _, prefix := range []string{"abdel", "abouel", "abou"} {
		// The name after Abdel or Abou starts a word of its own: its
		// spellings are those of a first syllable (Abdel Munim, منعم).
		if rest, ok := strings.CutPrefix(t, prefix); ok && len(rest) >= 3 && !isArabicWord(t) {
			for _, v := range spellingVariants(rest)[1:] {
				add(wordSkeleton(prefix + v))
			}
			break
		}
	}
	if stem, ok := latinAllahStem(t); ok {
		// Skeleton takes the t before Allah for the construct t of
		// Hebatallah; in Atallah (عطا الله) it is the name's own.
		add(latinSkeleton(stem) + " al")
	}
	return keys
}

// latinAllahStem returns a Latin word without a final Allah, the letter
// before it kept.
func latinAllahStem(w string) (string, bool) {
	for _, suf := range latinAllah {
		if s, ok := strings.CutSuffix(w, suf); ok && len(s) >= 2 && !isArabicWord(w) {
			return s, true
		}
	}
	return "", false
}

// dinSuffixes are the joined spellings of "ad-Din", longest first.
var dinSuffixes = []string{"eldine", "eddine", "eldin", "aldin", "eddin", "uddin", "edine", "edin", "الدين"}

// splitDin separates a final "ad-Din" from the word it was joined to.
func splitDin(w string) (string, bool) {
	for _, s := range dinSuffixes {
		if stem, ok := strings.CutSuffix(w, s); ok && len([]rune(stem)) >= 2 {
			return stem, true
		}
	}
	return w, false
}

// stripArticle removes a leading article (ال, el, al) when a name of at
// least two Arabic letters or three Latin ones remains.
func stripArticle(w string) string {
	if rest, ok := strings.CutPrefix(w, "ال"); ok && len([]rune(rest)) >= 2 {
		return rest
	}
	return stripLatinArticle(w)
}

func stripLatinArticle(w string) string {
	for _, a := range []string{"el", "al"} {
		if rest, ok := strings.CutPrefix(w, a); ok && len(rest) >= 3 {
			return rest
		}
	}
	return w
}

func stripArabicArticle(w string) string {
	if rest, ok := strings.CutPrefix(w, "ال"); ok && len([]rune(rest)) >= 2 {
		return rest
	}
	return w
}

// spellingVariants returns w and the spellings it may stand for (see
// wordKeys).
func spellingVariants(w string) []string {
	if isArabicWord(w) {
		return arabicVariants(w)
	}
	out := []string{w}
	if strings.ContainsAny(w, "2357") {
		for _, two := range []string{"k", "", "w"} {
			out = append(out, strings.NewReplacer("2", two, "7", "h", "5", "kh", "3", "").Replace(w))
		}
	}
	for _, r := range [][2]string{{"dh", "d"}, {"dh", "z"}, {"dj", "j"}, {"th", "s"}, {"gh", "g"}, {"gue", "ge"}, {"gui", "gi"}} {
		if strings.Contains(w, r[0]) {
			out = append(out, strings.ReplaceAll(w, r[0], r[1]))
		}
	}
	for _, v := range []string{shortOu(w), longOu(w), shortFirstU(w)} {
		if v != w {
			out = append(out, v)
		}
	}
	if rest, ok := strings.CutPrefix(w, "abou"); ok && rest != "" {
		out = append(out, "abow"+rest) // the long u of Abou El-Kheir, before two consonants
	}
	if n := len(w); n >= 4 && strings.HasSuffix(w, "ah") && !isLatinVowel(w[n-3]) {
		out = append(out, w[:n-1])
	}
	for _, end := range []string{"oy", "oi"} {
		if stem, ok := strings.CutSuffix(w, end); ok && len(stem) >= 2 {
			out = append(out, stem+"owy") // Bishoy, بيشوي
		}
	}
	return out
}

// arabicVariants returns an Arabic word and the spellings Latin may
// render it by: ث as s (Osman), غ as g (Magraby), and a final ه as an h
// (طه Taha, وجيه Wagih) rather than the feminine ending.
func arabicVariants(w string) []string {
	out := []string{w}
	for _, r := range [][2]string{{"ث", "س"}, {"غ", "ج"}} {
		if strings.Contains(w, r[0]) {
			out = append(out, strings.ReplaceAll(w, r[0], r[1]))
		}
	}
	if strings.HasSuffix(w, "ه") {
		out = append(out, w+"ه")
	}
	return out
}

// shortOu rewrites as "o" each "ou" that may stand for a short u or for
// ع rather than the long u و: after a leading m (Mounir, Mouna), before a
// vowel (Souad), or before a single consonant and a vowel (Nouha).
func shortOu(w string) string {
	b := []byte(w)
	changed := false
	for i := 0; i+1 < len(b); i++ {
		if b[i] != 'o' || b[i+1] != 'u' {
			continue
		}
		j := i + 2
		short := i == 1 && b[0] == 'm' ||
			j < len(b) && isVowelOrY(b[j]) ||
			j+1 < len(b) && !isVowelOrY(b[j]) && isLatinVowel(b[j+1])
		if short {
			b = append(b[:i+1], b[i+2:]...)
			changed = true
		}
	}
	if !changed {
		return w
	}
	return string(b)
}

// longOu rewrites as "ou" every single o or u inside the word, for the
// spellings that write the long u و with one letter (Yossef, Kholi, Musa,
// Assiuty).
func longOu(w string) string {
	var b strings.Builder
	for i := 0; i < len(w); i++ {
		c := w[i]
		single := (c == 'o' || c == 'u') && i > 0 && w[i-1] != 'o' && w[i-1] != 'u' &&
			(i+1 == len(w) || w[i+1] != 'o' && w[i+1] != 'u')
		if single && i+1 < len(w) {
			b.WriteString("ou")
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// shortFirstU rewrites as "o" a u that is the word's first vowel, which
// the skeleton takes for a long u but is as often short (Husam حسام,
// Suleiman سليمان, Surur سرور, Suad سعاد).
func shortFirstU(w string) string {
	for i := 1; i < len(w); i++ {
		if isLatinVowel(w[i]) {
			if w[i] == 'u' && (i+1 == len(w) || w[i+1] != 'u') {
				return w[:i] + "o" + w[i+1:]
			}
			return w
		}
	}
	return w
}
