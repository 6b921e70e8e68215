package namepairs

import (
	"strings"
)

// Scripts a record's name is written in.
const (
	scriptLatin = iota
	scriptArabic
	scriptBoth
)

// look is how one record writes a person's name.
type look struct {
	script   int
	slots    []int
	spelling [4]int // Latin spelling per slot; -1 means the person's usual one
	article  int    // how the Latin family name writes its article (articleForms)
	arDrop   bool   // the Arabic family name without ال
	arLoose  bool   // hamza seats, ta marbuta and alef maqsura written loosely
	typo     int    // slot with a typing error, -1 none
	typoAr   bool   // the typo is in the Arabic name (else the Latin one)
	upper    bool   // the Latin name in capitals
}

// articleForms are the ways a Latin family name writes the article, with
// how often lists use each: El-, El , joined, Al-, Al , none, assimilated.
var articleForms = []struct {
	form string
	pct  int
}{{"El-", 30}, {"El ", 18}, {"El", 12}, {"Al-", 10}, {"Al ", 5}, {"", 18}, {"assimilated", 7}}

// plainLook is a look with the usual spellings and no accident.
func plainLook(script int, slots []int) look {
	return look{script: script, slots: slots, spelling: [4]int{-1, -1, -1, -1}, article: -1, typo: -1}
}

// randomLook draws a look: script, slots, spellings and article form.
func (g *gen) randomLook(p *person) look {
	l := plainLook(g.randomScript(), g.someSlots(p))
	for s := range l.spelling {
		if g.r.pct(35) {
			l.spelling[s] = g.r.intn(max(1, len(g.spellings(p, s))))
		}
	}
	l.article = g.articleForm()
	l.arLoose = g.r.pct(40)
	l.upper = g.r.pct(15)
	return l
}

// randomScript is Latin 40%, Arabic 25%, both 35% of the time.
func (g *gen) randomScript() int {
	switch n := g.r.intn(100); {
	case n < 40:
		return scriptLatin
	case n < 65:
		return scriptArabic
	}
	return scriptBoth
}

// articleForm draws an index into articleForms by their frequency.
func (g *gen) articleForm() int {
	n := g.r.intn(100)
	for i, a := range articleForms {
		if n < a.pct {
			return i
		}
		n -= a.pct
	}
	return 0
}

// latin writes the Latin name of p as l says.
func (g *gen) latin(p *person, l look) string {
	words := make([]string, 0, len(l.slots))
	for _, s := range l.slots {
		words = append(words, g.latinWord(p, l, s))
	}
	name := strings.Join(words, " ")
	if l.upper {
		name = strings.ToUpper(name)
	}
	return name
}

func (g *gen) latinWord(p *person, l look, s int) string {
	sp := g.spellings(p, s)
	i := l.spelling[s]
	if i < 0 || i >= len(sp) {
		i = p.usual[s]
	}
	w := sp[i]
	if s == slotFamily && g.lex.family[p.fam].article {
		w = withArticle(w, l.article)
	}
	if l.typo == s && !l.typoAr {
		w = g.latinTypo(w)
	}
	return w
}

// withArticle writes the article before a bare Latin family name.
func withArticle(w string, form int) string {
	if form < 0 {
		form = 0
	}
	f := articleForms[form].form
	switch f {
	case "El":
		return "El" + strings.ToLower(w)
	case "assimilated":
		if c := sunConsonant(w); c != "" {
			return "E" + strings.ToLower(c) + "-" + w
		}
		return "El-" + w
	}
	return f + w
}

// sunConsonant returns the first consonant of w (a digraph counts as one)
// when it is a sun letter, which the article assimilates in speech and in
// some transliterations (Es-Sayed, Esh-Shazly, En-Naggar).
func sunConsonant(w string) string {
	lw := strings.ToLower(w)
	for _, d := range []string{"sh", "th"} {
		if strings.HasPrefix(lw, d) {
			return w[:2]
		}
	}
	if lw != "" && strings.ContainsRune("tdrzsnl", rune(lw[0])) {
		return w[:1]
	}
	return ""
}

// arabic writes the Arabic name of p as l says.
func (g *gen) arabic(p *person, l look) string {
	words := make([]string, 0, len(l.slots))
	for _, s := range l.slots {
		var w string
		if s == slotFamily {
			w = g.lex.family[p.fam].ar
			if l.arDrop {
				w = strings.TrimPrefix(w, "ال")
			}
		} else {
			w = g.lex.name(p.names[s]).ar
		}
		if l.arLoose {
			w = g.loosen(w)
		}
		if l.typo == s && l.typoAr {
			w = g.arabicTypo(w)
		}
		words = append(words, w)
	}
	return strings.Join(words, " ")
}

// loosen writes an Arabic name the careless way: hamza seats dropped,
// final ة as ه and final ى as ي, and compounds joined, each now and then.
func (g *gen) loosen(w string) string {
	if g.r.pct(60) {
		w = strings.NewReplacer("أ", "ا", "إ", "ا", "آ", "ا").Replace(w)
	}
	var words []string
	for _, x := range strings.Fields(w) {
		if g.r.pct(50) {
			x = replaceFinal(x, "ة", "ه")
		}
		if g.r.pct(60) {
			x = replaceFinal(x, "ى", "ي")
		}
		words = append(words, x)
	}
	w = strings.Join(words, " ")
	for _, c := range []string{"عبد ", "ابو ", "أبو "} {
		if strings.HasPrefix(w, c) && g.r.pct(50) {
			w = strings.TrimSuffix(c, " ") + strings.TrimPrefix(w, c)
		}
	}
	if strings.HasSuffix(w, " الله") && g.r.pct(50) {
		w = strings.TrimSuffix(w, " الله") + "الله"
	}
	return w
}

func replaceFinal(w, from, to string) string {
	if strings.HasSuffix(w, from) {
		return strings.TrimSuffix(w, from) + to
	}
	return w
}

// record renders p as l says, with the fields given.
func (g *gen) record(p *person, l look, f fields) Record {
	r := Record{}
	if l.script != scriptArabic {
		r.Latin = g.latin(p, l)
	}
	if l.script != scriptLatin {
		r.Arabic = g.arabic(p, l)
	}
	g.fill(&r, p, f)
	return r
}
