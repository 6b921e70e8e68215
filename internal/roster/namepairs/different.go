package namepairs

import "strings"

// The builders of "different person" pairs. Each draws two persons chosen
// to look alike. ok is false when the draw does not suit the kind, or when
// the two records could be one person for all a clerk can see (different
// reports that).

// different renders p and q and checks that a clerk could tell them apart.
func (g *gen) different(p, q *person, la, lb look, fa, fb fields) (Pair, bool) {
	pr := Pair{A: g.record(p, la, fa), B: g.record(q, lb, fb)}
	if compatible(g.ids(p, la), g.ids(q, lb)) && !distinguishable(pr.A, pr.B) {
		return pr, false
	}
	return pr, true
}

// ids lists the names a record writes, as their Arabic spelling without
// the article, so that a family name and a given name that are one name
// (عثمان, السيد and سيد) count as one.
func (g *gen) ids(p *person, l look) []string {
	var out []string
	for _, s := range l.slots {
		if s == slotFamily {
			out = append(out, strings.TrimPrefix(g.lex.family[p.fam].ar, "ال"))
		} else {
			out = append(out, g.lex.name(p.names[s]).ar)
		}
	}
	return out
}

// compatible reports whether two written names could be one person's: the
// same own name, and the shorter name's words in the longer one in order.
func compatible(x, y []string) bool {
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(x) == 0 || x[0] != y[0] {
		return false
	}
	i := 0
	for _, w := range y {
		if i < len(x) && x[i] == w {
			i++
		}
	}
	return i == len(x)
}

// distinguishable reports whether the records' other fields tell two
// persons apart: a recorded sex, birth years five or more apart, or two
// national IDs.
func distinguishable(a, b Record) bool {
	switch {
	case a.Sex != "" && b.Sex != "" && a.Sex != b.Sex:
		return true
	case a.BirthYear != 0 && b.BirthYear != 0 && (a.BirthYear-b.BirthYear >= 5 || b.BirthYear-a.BirthYear >= 5):
		return true
	}
	return a.NationalID != "" && b.NationalID != "" && digitsOf(a.NationalID) != digitsOf(b.NationalID)
}

func digitsOf(s string) string {
	var b strings.Builder
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			b.WriteRune(c)
		case c >= '٠' && c <= '٩':
			b.WriteRune('0' + (c - '٠'))
		}
	}
	return b.String()
}

// relative returns a copy of p with its own details (birth, phone, e-mail,
// ID, spellings) drawn again, for a sibling, cousin or namesake.
func (g *gen) relative(p person) person {
	g.redraw(&p)
	return p
}

// twoLooks draws looks for two records that write the same slots.
func (g *gen) twoLooks(p *person, slots []int) (look, look) {
	la, lb := g.randomLook(p), g.randomLook(p)
	la.slots, lb.slots = slots, slots
	return la, lb
}

// diffMascFem: a brother and a sister whose own names are the masculine
// and feminine forms of one name (Samir, Samira), with sex on both
// records most of the time.
func (g *gen) diffMascFem() (Pair, bool) {
	p := g.newPerson('M')
	var fem string
	for fem == "" {
		p.names[slotOwn] = g.maleName()
		fem = g.lex.name(p.names[slotOwn]).fem
	}
	g.redraw(&p)
	q := g.relative(p)
	q.names[slotOwn], q.sex = fem, 'F'
	g.redraw(&q)
	la, lb := g.twoLooks(&p, g.someSlots(&p))
	fa, fb := g.someFields(), g.someFields()
	withSex := g.r.pct(75)
	fa.sex, fb.sex = withSex, withSex
	return g.different(&p, &q, la, lb, fa, fb)
}

// diffConfusable: two persons whose own name (or father's) are different
// names that sound alike (Saad, Saeed, Sayed; Kamal, Kamel), the rest of
// the name the same.
func (g *gen) diffConfusable() (Pair, bool) {
	p := g.anyPerson()
	slot := slotOwn
	if g.r.pct(25) {
		slot = slotFather
	}
	var others []string
	for k := range g.lex.different[p.names[slot]] {
		if slot == slotOwn || g.lex.name(k).sex == 'M' {
			others = append(others, k)
		}
	}
	if len(others) == 0 {
		return Pair{}, false
	}
	sortStrings(others)
	q := g.relative(p)
	q.names[slot] = pick(g.r, others)
	if slot == slotOwn {
		q.sex = g.sexOf(q.names[slot], p.sex)
	}
	g.redraw(&q)
	slots := g.someSlots(&p)
	if slot == slotFather && len(slots) == 2 {
		slots = p.slots()
	}
	la, lb := g.twoLooks(&p, slots)
	return g.different(&p, &q, la, lb, g.someFields(), g.someFields())
}

// sexOf is the sex of name k, or def for a name given to both.
func (g *gen) sexOf(k string, def byte) byte {
	if s := g.lex.name(k).sex; s != 'U' {
		return s
	}
	return def
}

func sortStrings(xs []string) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}
