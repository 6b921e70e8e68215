package namepairs

import (
	"strings"
)

// fields says which of a person's details a record holds.
type fields struct {
	sex, birth, phone, email, nid bool
	birthShift                    int    // added to the birth year (an age converted to a year)
	phoneAs, emailAs              string // a phone or e-mail that is not the person's own (an office's)
}

// someFields draws which details a record holds, as often as nomination
// lists hold them.
func (g *gen) someFields() fields {
	return fields{sex: g.r.pct(65), birth: g.r.pct(35), phone: g.r.pct(45), email: g.r.pct(25), nid: g.r.pct(20)}
}

// fill writes p's details into r as f says, each in one of the ways lists
// write it.
func (g *gen) fill(r *Record, p *person, f fields) {
	if f.sex {
		r.Sex = string(p.sex)
	}
	if f.birth {
		r.BirthYear = p.birth + f.birthShift
	}
	switch {
	case f.phoneAs != "":
		r.Phone = g.phoneText(f.phoneAs)
	case f.phone:
		r.Phone = g.phoneText(p.phone)
	}
	switch {
	case f.emailAs != "":
		r.Email = f.emailAs
	case f.email:
		r.Email = p.email
		if g.r.pct(20) {
			r.Email = strings.ToUpper(r.Email[:1]) + r.Email[1:]
		}
	}
	if f.nid {
		r.NationalID = g.nidText(p.nid)
	}
}

// phoneText writes a mobile number (without its trunk 0) the way lists do.
func (g *gen) phoneText(n string) string {
	switch g.r.intn(7) {
	case 0:
		return "+20 " + n[:2] + " " + n[2:6] + " " + n[6:]
	case 1:
		return "0020" + n
	case 2:
		return arabicDigits("0" + n)
	case 3:
		return "0" + n[:2] + "-" + n[2:6] + "-" + n[6:]
	case 4:
		return n // a spreadsheet dropped the 0
	}
	return "0" + n
}

// nidText writes a national ID plainly, spaced, or in Arabic-Indic digits.
func (g *gen) nidText(n string) string {
	switch g.r.intn(5) {
	case 0:
		return n[:1] + " " + n[1:7] + " " + n[7:9] + " " + n[9:]
	case 1:
		return arabicDigits(n)
	}
	return n
}

func arabicDigits(s string) string {
	var b strings.Builder
	for _, c := range s {
		if c >= '0' && c <= '9' {
			b.WriteRune('٠' + (c - '0'))
		} else {
			b.WriteRune(c)
		}
	}
	return b.String()
}
