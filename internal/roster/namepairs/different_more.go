package namepairs

// diffFirstName: two unrelated persons with the same own name.
func (g *gen) diffFirstName() (Pair, bool) {
	p := g.anyPerson()
	q := g.newPerson(p.sex)
	q.names[slotOwn] = p.names[slotOwn]
	g.redraw(&q)
	return g.different(&p, &q, g.randomLook(&p), g.randomLook(&q), g.someFields(), g.someFields())
}

// diffSiblings: two children of one father, so all but the own name agree.
func (g *gen) diffSiblings() (Pair, bool) {
	p := g.anyPerson()
	q := g.relative(p)
	q.sex = pick(g.r, []byte{'M', 'F'})
	q.names[slotOwn] = g.lex.given[pick(g.r, g.lex.bySex[q.sex])].key
	if q.names[slotOwn] == p.names[slotOwn] || g.lex.different[p.names[slotOwn]][q.names[slotOwn]] {
		return Pair{}, false
	}
	g.redraw(&q)
	return g.different(&p, &q, g.randomLook(&p), g.randomLook(&q), g.someFields(), g.someFields())
}

// diffCousins: the same own and family name (cousins named after one
// grandfather), a different father, or the same father's name and a
// different grandfather. Both records write the word that differs.
func (g *gen) diffCousins() (Pair, bool) {
	p := g.anyPerson()
	if p.fam < 0 {
		return Pair{}, false
	}
	q := g.relative(p)
	slot, slots := slotFather, pick(g.r, [][]int{p.slots(), {slotOwn, slotFather, slotFamily}})
	if g.r.pct(30) {
		slot, slots = slotGrand, p.slots()
	}
	q.names[slot] = g.maleName()
	if q.names[slot] == p.names[slot] {
		return Pair{}, false
	}
	g.redraw(&q)
	la, lb := g.twoLooks(&p, slots)
	return g.different(&p, &q, la, lb, g.someFields(), g.someFields())
}

// diffFatherSon: a son's name is his own name followed by his father's,
// so the father's name is found, in order, inside the son's.
func (g *gen) diffFatherSon() (Pair, bool) {
	p := g.newPerson('M')
	q := g.relative(p)
	q.names = [4]string{g.maleName(), p.names[slotOwn], p.names[slotFather]}
	if q.names[slotOwn] == p.names[slotOwn] {
		return Pair{}, false
	}
	g.redraw(&q)
	p.birth = g.r.between(1962, 1975)
	q.birth = p.birth + g.r.between(22, 30)
	p.nid, q.nid = g.nid(&p), g.nid(&q)
	return g.different(&p, &q, g.randomLook(&p), g.randomLook(&q), g.someFields(), g.someFields())
}

// namesake draws two persons of one name and sex with their own details.
func (g *gen) namesake() (person, person, look, look) {
	p := g.anyPerson()
	q := g.relative(p)
	return p, q, g.randomLook(&p), g.randomLook(&q)
}

// diffNamesakeID: the same name, told apart by two national IDs.
func (g *gen) diffNamesakeID() (Pair, bool) {
	p, q, la, lb := g.namesake()
	fa, fb := g.someFields(), g.someFields()
	fa.nid, fb.nid = true, true
	return g.different(&p, &q, la, lb, fa, fb)
}

// diffNamesakeAge: the same name, born eight or more years apart.
func (g *gen) diffNamesakeAge() (Pair, bool) {
	p, q, la, lb := g.namesake()
	if d := p.birth - q.birth; d < 8 && d > -8 {
		return Pair{}, false
	}
	fa, fb := g.someFields(), g.someFields()
	fa.birth, fb.birth = true, true
	return g.different(&p, &q, la, lb, fa, fb)
}

// diffUnisex: a name given to both sexes (Nour; Alaa, which is علاء for a
// man and آلاء for a woman), a man and a woman, sex recorded on both.
func (g *gen) diffUnisex() (Pair, bool) {
	p := g.newPerson('M')
	q := g.relative(p)
	q.sex = 'F'
	p.names[slotOwn], q.names[slotOwn] = "nour", "nour"
	if g.r.pct(50) {
		p.names[slotOwn], q.names[slotOwn] = "alaa", "alaaf"
	}
	for q.names[slotFather] == p.names[slotFather] {
		q.names[slotFather] = g.maleName()
	}
	g.redraw(&p)
	g.redraw(&q)
	fa, fb := g.someFields(), g.someFields()
	fa.sex, fb.sex = true, true
	return g.different(&p, &q, g.randomLook(&p), g.randomLook(&q), fa, fb)
}

// diffSharedPhone: two colleagues listed with their office's phone.
func (g *gen) diffSharedPhone() (Pair, bool) {
	p, q := g.anyPerson(), g.anyPerson()
	if p.names[slotOwn] == q.names[slotOwn] {
		return Pair{}, false
	}
	fa, fb := g.someFields(), g.someFields()
	fa.phoneAs, fb.phoneAs = p.phone, p.phone
	return g.different(&p, &q, g.randomLook(&p), g.randomLook(&q), fa, fb)
}

// diffSharedEmail: two colleagues listed with their unit's address.
func (g *gen) diffSharedEmail() (Pair, bool) {
	p, q := g.anyPerson(), g.anyPerson()
	if p.names[slotOwn] == q.names[slotOwn] {
		return Pair{}, false
	}
	fa, fb := g.someFields(), g.someFields()
	fa.emailAs = pick(g.r, []string{"training@customs.gov.eg", "hr.safaga@customs.gov.eg", "capacity@moi.gov.eg"})
	fb.emailAs = fa.emailAs
	return g.different(&p, &q, g.randomLook(&p), g.randomLook(&q), fa, fb)
}

// diffNear: an own name replaced by another name a letter or two away
// (Hatem, Hazem; Amir, Amin), the rest of the name the same.
func (g *gen) diffNear() (Pair, bool) {
	p := g.anyPerson()
	near := g.lex.near[p.names[slotOwn]]
	if len(near) == 0 {
		return Pair{}, false
	}
	q := g.relative(p)
	q.names[slotOwn] = pick(g.r, near)
	q.sex = g.sexOf(q.names[slotOwn], p.sex)
	g.redraw(&q)
	la, lb := g.twoLooks(&p, g.someSlots(&p))
	return g.different(&p, &q, la, lb, g.someFields(), g.someFields())
}
