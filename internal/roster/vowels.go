package roster

import "strings"

// The skeleton drops vowels, and with them what tells apart names that
// share their consonants: Saad, Saeed and Sayed (سعد، سعيد، سيد), Samir
// and Samira, Kamal and Kamel. vowelInfo keeps the part of that
// information each script writes reliably, so that matching can refuse to
// take such words for one name (vowelsDisagree).
type vowelInfo struct {
	fem int8 // the word ends in a vowel a (feminine ة, ا, ى): 1 yes, 0 no, -1 cannot tell, 2 a Latin "ah" (ة or ح)

	// Arabic.
	lastHa   bool // ends in ح (the h of Salah)
	midYa    bool // ي inside the word: a long i or the diphthong ay (سعيد، سيد)
	midAin   bool // ع inside the word, which Latin may write between two vowels (Moneim)
	lateAlef bool // a long ā before the last letter (كمال، هشام)
	alefTwo  bool // a long ā after the first letter (كامل، هاشم، ناصر)
	noLong   bool // no ا، و or ي after the first letter (كرم، شرف، نصر)
	letters  int

	// Latin.
	iGrade  int8 // 0 no i, e or y; 1 e only; 2 i or y; 3 ei, ai (maybe a vowel, ع, a vowel); 4 ee, ie, ay, ey, iy
	first   int8 // the first vowel: 1 a, 2 e or i, 3 o or u, 0 none
	last    int8 // the vowel of the last syllable, before the final consonant: the same classes
	runs    int  // vowel groups, the ending included
	closedI bool // ends in a consonant after an i or ee (Karim, Samir)
}

// stemForVowels is the part of a word whose vowels are read: without its
// article, and without a final Allah or ad-Din, whose ending says nothing of
// the name before it. compound reports such an ending.
func stemForVowels(t string, arabic bool) (stem string, compound bool) {
	stem, compound = splitDin(t)
	if s, allah := splitAllah(stem); allah {
		stem, compound = s, true
	}
	if arabic {
		return stripArabicArticle(stem), compound
	}
	return stripLatinArticle(asciiLetters(stem)), compound
}

// arabicLetters is an Arabic word for letter-by-letter comparison: the
// hamza on the line, which typists drop freely (شيماء, شيما), removed.
func arabicLetters(w string) string { return strings.ReplaceAll(w, "ء", "") }

// arabicVowels reads an Arabic stem.
func arabicVowels(w string) vowelInfo {
	rs := []rune(arabicLetters(w))
	n := len(rs)
	v := vowelInfo{letters: n, fem: arabicEnding(w), noLong: true}
	if n == 0 {
		return v
	}
	v.lastHa = rs[n-1] == 'ح'
	end := n - 1
	if end >= 2 && rs[end-1] == 'ي' && strings.ContainsRune("اهي", rs[end]) {
		end-- // the glide of a final ية or يا (فتحية، زكريا)
	}
	for i := 1; i < n; i++ {
		switch rs[i] {
		case 'ي':
			v.midYa = v.midYa || i < end
			v.noLong = false
		case 'ع':
			v.midAin = v.midAin || i < n-1
		case 'ا', 'و':
			v.noLong = false
		}
	}
	last := []rune(w)[len([]rune(w))-1]
	v.lateAlef = n >= 4 && rs[n-2] == 'ا' && last != 'ء'
	v.alefTwo = n >= 3 && rs[1] == 'ا' && rs[0] != 'ا'
	return v
}

// arabicEnding says whether an Arabic word ends in a vowel a: ة (folded
// into ه), ا, اء, or ى in the names that say it as a. A final ه after ي
// may be that of وجيه, so it cannot tell.
func arabicEnding(w string) int8 {
	rs := []rune(w)
	n := len(rs)
	switch {
	case n == 0:
		return -1
	case alefMaqsuraNames[w]:
		return 1
	case rs[n-1] == 'ه' && n > 1 && rs[n-2] == 'ي':
		return -1
	case rs[n-1] == 'ه' || rs[n-1] == 'ا' || rs[n-1] == 'ء':
		return 1
	}
	return 0
}

// latinVowels reads a Latin stem.
func latinVowels(w string) vowelInfo {
	v := vowelInfo{fem: latinEnding(w)}
	core := latinCore(w)
	switch {
	case containsAny(core, "ee", "ie", "ay", "ey", "iy"):
		v.iGrade = 4
	case containsAny(core, "ei", "ai"):
		v.iGrade = 3
	case strings.ContainsAny(core, "iy"):
		v.iGrade = 2
	case strings.ContainsRune(core, 'e'):
		v.iGrade = 1
	}
	var runs []string
	for i := 0; i < len(w); {
		if !isLatinVowel(w[i]) {
			i++
			continue
		}
		j := i
		for j < len(w) && isLatinVowel(w[j]) {
			j++
		}
		runs = append(runs, w[i:j])
		i = j
	}
	v.runs = len(runs)
	for _, r := range runs {
		if len(r) >= 2 && r[0] != r[1] && r != "ou" {
			v.runs++ // two vowels, two syllables: the a-e of Wael (وائل)
		}
	}
	if n := len(w); n > 1 && w[n-1] == 'y' && !isLatinVowel(w[n-2]) {
		v.runs++ // a final y is the vowel of Fathy, Rady
	}
	if len(runs) > 0 {
		v.first = vowelClass(runs[0])
	}
	endsVowel := w != "" && isVowelOrY(w[len(w)-1])
	if n := len(runs); n > 0 {
		lastRun := runs[n-1]
		if endsVowel && n > 1 {
			lastRun = runs[n-2]
		}
		if !endsVowel || n > 1 {
			v.last = vowelClass(lastRun)
		}
		v.closedI = !endsVowel && n >= 2 && strings.ContainsRune(lastRun, 'i')
	}
	return v
}

// vowelClass is 1 for a vowel group starting with a, 2 with e or i, 3 with
// o or u.
func vowelClass(run string) int8 {
	switch run[0] {
	case 'a':
		return 1
	case 'e', 'i':
		return 2
	}
	return 3
}

func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// latinEnding says the same of a Latin word: a final a is the vowel a; a
// final "ah" is ة (Marwah) or ح (Salah).
func latinEnding(w string) int8 {
	switch {
	case w == "":
		return -1
	case strings.HasSuffix(w, "ah"):
		return 2
	case strings.HasSuffix(w, "a"):
		return 1
	}
	return 0
}

// latinCore is a Latin word without its ending: the final vowels, and a y
// gliding into them with the vowels before it (the "iya" of Zakariya); a
// leading y, a consonant, is dropped too.
func latinCore(w string) string {
	if strings.HasSuffix(w, "ah") {
		w = w[:len(w)-1] // the h of a final ah is the ending's
	}
	end := len(w)
	for end > 0 && isVowelOrY(w[end-1]) {
		end--
	}
	if end < len(w) && end > 0 && w[end-1] == 'y' {
		end--
		for end > 0 && isLatinVowel(w[end-1]) {
			end--
		}
	}
	return strings.TrimPrefix(w[:end], "y")
}
