package namepairs

// The builders of "same person" pairs. Each renders one drawn person twice;
// ok is false when the draw does not suit the kind, and the caller draws
// again.

// sameFields draws the details of two records of one person; a birth year
// is sometimes a year off, as when an age was turned into a year.
func (g *gen) sameFields() (fields, fields) {
	fa, fb := g.someFields(), g.someFields()
	if g.r.pct(10) {
		fb.birthShift = pick(g.r, []int{-1, 1})
	}
	return fa, fb
}

func (g *gen) anyPerson() person {
	return g.newPerson(pick(g.r, []byte{'M', 'M', 'F'}))
}

func (g *gen) same(p *person, la, lb look) Pair {
	fa, fb := g.sameFields()
	return Pair{Same: true, A: g.record(p, la, fa), B: g.record(p, lb, fb)}
}

// sameSpelling: both in Latin letters, spelled differently.
func (g *gen) sameSpelling() (Pair, bool) {
	p := g.anyPerson()
	la, lb := g.randomLook(&p), g.randomLook(&p)
	la.script, lb.script = scriptLatin, scriptLatin
	for s := range lb.spelling {
		lb.spelling[s] = g.r.intn(max(1, len(g.spellings(&p, s))))
	}
	pr := g.same(&p, la, lb)
	return pr, foldASCII(pr.A.Latin) != foldASCII(pr.B.Latin)
}

// sameScript: one record in Arabic only, the other in Latin only.
func (g *gen) sameScript() (Pair, bool) {
	p := g.anyPerson()
	la, lb := g.randomLook(&p), g.randomLook(&p)
	la.script, lb.script = scriptArabic, scriptLatin
	return g.same(&p, la, lb), true
}

// sameArabic: both in Arabic, one written carefully and one loosely.
func (g *gen) sameArabic() (Pair, bool) {
	p := g.anyPerson()
	la, lb := g.randomLook(&p), g.randomLook(&p)
	la.script, lb.script = scriptArabic, scriptArabic
	la.arLoose, lb.arLoose = false, true
	pr := g.same(&p, la, lb)
	return pr, pr.A.Arabic != pr.B.Arabic
}

// sameBoth: both records carry both scripts.
func (g *gen) sameBoth() (Pair, bool) {
	p := g.anyPerson()
	la, lb := g.randomLook(&p), g.randomLook(&p)
	la.script, lb.script = scriptBoth, scriptBoth
	return g.same(&p, la, lb), true
}

// sameDropped: the full four-word name against a shorter one.
func (g *gen) sameDropped() (Pair, bool) {
	p := g.anyPerson()
	if p.fam < 0 {
		return Pair{}, false
	}
	la, lb := g.randomLook(&p), g.randomLook(&p)
	la.slots = p.slots()
	lb.slots = pick(g.r, [][]int{{slotOwn, slotFamily}, {slotOwn, slotFather, slotFamily}, {slotOwn, slotGrand, slotFamily}})
	return g.same(&p, la, lb), true
}

// sameArticle: a family name with the article, written with it, without
// it, or assimilated; half of them names whose article meets ع or ا.
func (g *gen) sameArticle() (Pair, bool) {
	p := g.anyPerson()
	p.fam = g.articleFamily(g.r.pct(50))
	g.redraw(&p)
	la, lb := g.randomLook(&p), g.randomLook(&p)
	if lb.script == scriptArabic {
		lb.script = scriptLatin
	}
	switch n := g.r.intn(100); {
	case n < 60:
		lb.article = 5 // none
	case n < 80:
		lb.article = 6 // assimilated
	}
	la.arDrop = g.r.pct(15)
	return g.same(&p, la, lb), true
}

// articleFamily picks a family name with the article; vowel asks for one
// whose article meets ع or ا (العطار, الإمام).
func (g *gen) articleFamily(vowel bool) int {
	for {
		i := g.r.intn(len(g.lex.family))
		f := g.lex.family[i]
		if !f.article {
			continue
		}
		third := []rune(f.ar)[2]
		if !vowel || third == 'ع' || third == 'ا' || third == 'أ' || third == 'إ' {
			return i
		}
	}
}

// sameCompound: a compound name (عبد, أبو, الدين, الله) spelled two ways.
func (g *gen) sameCompound() (Pair, bool) {
	p := g.anyPerson()
	slot := pick(g.r, []int{slotOwn, slotOwn, slotFather})
	k := pick(g.r, g.lex.compounds)
	if g.lex.name(k).sex != p.sex && slot == slotOwn || g.lex.name(k).sex != 'M' && slot == slotFather {
		return Pair{}, false
	}
	p.names[slot] = k
	g.redraw(&p)
	la, lb := g.randomLook(&p), g.randomLook(&p)
	if slot == slotFather {
		la.slots, lb.slots = p.slots(), []int{slotOwn, slotFather, p.slots()[len(p.slots())-1]}
	}
	n := len(g.spellings(&p, slot))
	la.spelling[slot] = g.r.intn(n)
	lb.spelling[slot] = (la.spelling[slot] + 1 + g.r.intn(n-1)) % n
	return g.same(&p, la, lb), true
}

// sameTypo: one record has a typing error in one word.
func (g *gen) sameTypo() (Pair, bool) {
	p := g.anyPerson()
	la, lb := g.randomLook(&p), g.randomLook(&p)
	lb.typo = pick(g.r, lb.slots)
	switch lb.script {
	case scriptArabic:
		lb.typoAr = true
	case scriptBoth:
		lb.typoAr = g.r.pct(50)
	}
	return g.same(&p, la, lb), true
}
