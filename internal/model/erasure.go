package model

import (
	"fmt"
)

// ErrPersonErased refuses a change to a person whose identity was erased:
// the record stays, under its pseudonym, only so that the counts it is part
// of stay right.
var ErrPersonErased = fmt.Errorf("the person's identity was erased and the record is kept read-only: %w", ErrConflict)

// AgeBandIn is the band of AgeBands a person born in birthYear was in
// during year, or "" when the age falls below the first band.
func AgeBandIn(birthYear, year int) string {
	age := year - birthYear
	bounds := []int{18, 25, 35, 45, 55}
	band := ""
	for i, b := range bounds {
		if age >= b {
			band = AgeBands[i]
		}
	}
	return band
}

// Erased is what an erased person keeps: the facts the donor's figures
// count (sex, age band, agency, station, position) and a pseudonym made
// from code ("Person 4F2K"). Names, birth year, rank, contacts, ID number
// and notes go.
func Erased(p Person, code string, year int) Person {
	if p.AgeBand == "" && p.BirthYear != nil {
		p.AgeBand = AgeBandIn(*p.BirthYear, year)
	}
	p.NameLatin, p.NameArabic = "Person "+code, "شخص "+code
	p.BirthYear, p.Rank = nil, ""
	return ClearContacts(p)
}

// ErasedFields names the fields an erasure empties, for the audit line.
var ErasedFields = []string{"name_latin", "name_arabic", "birth_year", "rank", "phone", "email", "national_ref", "notes"}

// PseudonymCode turns random bits into the four characters of a
// pseudonym, from an alphabet without look-alikes (no I, L, O, U).
func PseudonymCode(bits uint32) string {
	const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
	out := make([]byte, 4)
	for i := range out {
		out[i] = alphabet[bits&31]
		bits >>= 5
	}
	return string(out)
}
