package namepairs

import (
	"fmt"
	"strings"
)

// Slots of the Egyptian name chain: own name, father, grandfather, family.
const (
	slotOwn = iota
	slotFather
	slotGrand
	slotFamily
)

// person is one drawn person: the truth a record is rendered from.
type person struct {
	names [4]string // given-name keys of own, father, grandfather; [slotFamily] unused
	fam   int       // index into lexicon.family, -1 when the chain ends with the grandfather
	sex   byte
	birth int
	phone string // national number without the trunk 0, e.g. 1012345678
	email string
	nid   string
	// usual is the Latin spelling this person uses for each slot, an index
	// into that name's spellings; records mostly use it.
	usual [4]int
}

// governorates are the two-digit codes of the national ID's place of birth.
var governorates = []string{"01", "02", "03", "04", "11", "12", "13", "14", "15", "16", "17", "18", "19",
	"21", "22", "23", "24", "25", "26", "27", "28", "29", "31", "32", "33", "34", "35"}

var emailDomains = []string{"customs.gov.eg", "gmail.com", "yahoo.com", "hotmail.com", "moi.gov.eg", "mof.gov.eg"}

// newPerson draws a person of sex sex ('M' or 'F'), with a family name
// most of the time.
func (g *gen) newPerson(sex byte) person {
	p := person{sex: sex, fam: -1}
	p.names[slotOwn] = g.lex.given[pick(g.r, g.lex.bySex[sex])].key
	p.names[slotFather] = g.maleName()
	p.names[slotGrand] = g.maleName()
	if g.r.pct(80) {
		p.fam = g.r.intn(len(g.lex.family))
	}
	g.redraw(&p)
	return p
}

// maleName draws a masculine given name.
func (g *gen) maleName() string {
	for {
		k := g.lex.given[pick(g.r, g.lex.bySex['M'])]
		if k.sex == 'M' {
			return k.key
		}
	}
}

// redraw gives p new personal details (birth year, phone, e-mail, ID,
// usual spellings) for its names, as for another person of the same name.
func (g *gen) redraw(p *person) {
	p.birth = g.r.between(1962, 2001)
	p.phone = g.newPhone()
	for s := range p.usual {
		p.usual[s] = g.usualSpelling(len(g.spellings(p, s)))
	}
	p.email = g.email(p)
	p.nid = g.nid(p)
}

// newPhone draws an Egyptian mobile number without its trunk 0.
func (g *gen) newPhone() string {
	return pick(g.r, []string{"10", "11", "12", "15"}) + fmt.Sprintf("%08d", g.r.intn(100000000))
}

// usualSpelling picks a spelling index, the first (most common) spelling
// half the time.
func (g *gen) usualSpelling(n int) int {
	if n <= 1 || g.r.pct(50) {
		return 0
	}
	return g.r.intn(n)
}

// spellings lists the Latin spellings of slot s of p.
func (g *gen) spellings(p *person, s int) []string {
	if s == slotFamily {
		if p.fam < 0 {
			return nil
		}
		return g.lex.family[p.fam].lat
	}
	return g.lex.name(p.names[s]).lat
}

// email makes an address from the person's usual Latin name, never one
// another drawn person already has.
func (g *gen) email(p *person) string {
	for {
		if e := g.emailOnce(p); !g.used[e] {
			g.used[e] = true
			return e
		}
	}
}

func (g *gen) emailOnce(p *person) string {
	own := asciiLower(g.spellings(p, slotOwn)[p.usual[slotOwn]])
	last := asciiLower(g.spellings(p, slotFather)[p.usual[slotFather]])
	if p.fam >= 0 {
		last = asciiLower(g.spellings(p, slotFamily)[p.usual[slotFamily]])
	}
	local := own + "." + last
	if g.r.pct(40) {
		local = own + last + fmt.Sprint(g.r.between(1, 99))
	}
	return local + "@" + pick(g.r, emailDomains)
}

// nid makes an Egyptian national ID with its real structure: century
// (2 for the 1900s, 3 for the 2000s), birth date, governorate, a serial
// whose last digit is odd for men and even for women, and a check digit.
func (g *gen) nid(p *person) string {
	century := "2"
	if p.birth >= 2000 {
		century = "3"
	}
	sexDigit := 2 * g.r.intn(5)
	if p.sex == 'M' {
		sexDigit++
	}
	return fmt.Sprintf("%s%02d%02d%02d%s%03d%d%d", century, p.birth%100, g.r.between(1, 12), g.r.between(1, 28),
		pick(g.r, governorates), g.r.intn(1000), sexDigit, g.r.intn(10))
}

// slots is the full name chain of p: own, father, grandfather and the
// family name when there is one.
func (p *person) slots() []int {
	if p.fam >= 0 {
		return []int{slotOwn, slotFather, slotGrand, slotFamily}
	}
	return []int{slotOwn, slotFather, slotGrand}
}

// someSlots picks how much of the chain a record writes: all of it, the
// own name, father and last name, or the own and last name only. Each of
// these is a subsequence of the longer ones, so any two renderings of one
// person are recognisably the same name.
func (g *gen) someSlots(p *person) []int {
	full := p.slots()
	last := full[len(full)-1]
	switch n := g.r.intn(100); {
	case n < 50:
		return full
	case n < 85:
		return []int{slotOwn, slotFather, last}
	default:
		return []int{slotOwn, last}
	}
}

func asciiLower(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		if c >= 'a' && c <= 'z' {
			b.WriteRune(c)
		}
	}
	return b.String()
}
