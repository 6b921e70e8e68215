package namepairs

import "strings"

// sameByIDs: the names alone would not say it (one record gives only the
// own name, or a short name in the other script), but a phone, an e-mail
// or the national ID agrees.
func (g *gen) sameByIDs() (Pair, bool) {
	p := g.anyPerson()
	la, lb := g.randomLook(&p), g.randomLook(&p)
	if g.r.pct(60) {
		lb.slots = []int{slotOwn}
	} else {
		la.script, lb.script = scriptArabic, scriptLatin
	}
	fa, fb := g.sameFields()
	switch n := g.r.intn(100); {
	case n < 50:
		fa.phone, fb.phone = true, true
	case n < 75:
		fa.email, fb.email = true, true
	default:
		fa.nid, fb.nid = true, true
	}
	return Pair{Same: true, A: g.record(&p, la, fa), B: g.record(&p, lb, fb)}, true
}

// sameChanged: the person changed phone (and sometimes e-mail) between
// the two lists.
func (g *gen) sameChanged() (Pair, bool) {
	p := g.anyPerson()
	q := p
	q.phone = g.newPhone()
	fa, fb := g.sameFields()
	fa.phone, fb.phone = true, true
	if g.r.pct(40) {
		q.email = g.email(&q)
		fa.email, fb.email = true, true
	}
	la, lb := g.randomLook(&p), g.randomLook(&p)
	return Pair{Same: true, A: g.record(&p, la, fa), B: g.record(&q, lb, fb)}, q.phone != p.phone
}

// sameWider: one record spelled the Levantine, Gulf or Maghreb way (the
// last spellings of each name: j, q, th, dh, ch, ou) with Al-, the other
// in Arabic or the Egyptian way.
func (g *gen) sameWider() (Pair, bool) {
	p := g.anyPerson()
	la, lb := g.randomLook(&p), g.randomLook(&p)
	if la.script == scriptLatin {
		la.spelling = [4]int{0, 0, 0, 0}
	}
	lb.script = scriptLatin
	for s := range lb.spelling {
		lb.spelling[s] = len(g.spellings(&p, s)) - 1
	}
	lb.article = pick(g.r, []int{3, 4})
	return g.same(&p, la, lb), true
}

// sameChat: an own name written with the chat digit 2 (Tare2, Ra2fat)
// against Arabic or the usual spelling.
func (g *gen) sameChat() (Pair, bool) {
	p := g.newPerson('M')
	p.names[slotOwn] = pick(g.r, g.lex.withDigits)
	g.redraw(&p)
	la, lb := g.randomLook(&p), g.randomLook(&p)
	lb.script = scriptLatin
	if la.script == scriptLatin {
		la.spelling[slotOwn] = 0
	}
	pr := g.same(&p, la, lb)
	usual := g.latinWord(&p, lb, slotOwn)
	if lb.upper {
		usual = strings.ToUpper(usual)
	}
	chat := g.lex.name(p.names[slotOwn]).chat
	if lb.upper {
		chat = strings.ToUpper(chat)
	}
	pr.B.Latin = chat + strings.TrimPrefix(pr.B.Latin, usual)
	return pr, true
}

// sameSexTypo: the same national ID and name, the sex mistyped on one list.
func (g *gen) sameSexTypo() (Pair, bool) {
	p := g.anyPerson()
	la, lb := g.randomLook(&p), g.randomLook(&p)
	fa, fb := g.sameFields()
	fa.nid, fb.nid, fa.sex, fb.sex = true, true, true, true
	pr := Pair{Same: true, A: g.record(&p, la, fa), B: g.record(&p, lb, fb)}
	pr.B.Sex = map[string]string{"M": "F", "F": "M"}[pr.B.Sex]
	return pr, true
}

// foldASCII lower-cases s and drops everything but letters, to tell two
// spellings apart.
func foldASCII(s string) string { return asciiLower(s) }
