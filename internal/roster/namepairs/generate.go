package namepairs

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"strconv"
)

// Record is one person as a list or the registry holds them.
type Record struct {
	Latin, Arabic, Sex string
	BirthYear          int
	Phone, Email       string
	NationalID         string
}

// Pair is two records and whether they are one person.
type Pair struct {
	ID   int
	Kind string
	Same bool
	A, B Record
}

// gen draws persons and renders records.
type gen struct {
	r    *rng
	lex  *lexicon
	used map[string]bool // e-mail addresses handed out
}

// kind is one way of building pairs, and how many the set holds.
type kind struct {
	name  string
	count int
	build func(*gen) (Pair, bool)
}

// kindsSame build "same person" pairs.
var kindsSame = []kind{
	{"spelling", 90, (*gen).sameSpelling},
	{"script", 130, (*gen).sameScript},
	{"arabic_spelling", 50, (*gen).sameArabic},
	{"both_scripts", 60, (*gen).sameBoth},
	{"dropped_words", 100, (*gen).sameDropped},
	{"article", 120, (*gen).sameArticle},
	{"compound", 100, (*gen).sameCompound},
	{"typo", 90, (*gen).sameTypo},
	{"identifier", 60, (*gen).sameByIDs},
	{"changed_phone", 30, (*gen).sameChanged},
	{"wider_arab", 50, (*gen).sameWider},
	{"chat_digits", 20, (*gen).sameChat},
	{"sex_mistyped", 10, (*gen).sameSexTypo},
}

// kindsDifferent build "different person" pairs.
var kindsDifferent = []kind{
	{"masc_fem", 90, (*gen).diffMascFem},
	{"confusable", 130, (*gen).diffConfusable},
	{"first_name", 100, (*gen).diffFirstName},
	{"siblings", 80, (*gen).diffSiblings},
	{"cousins", 90, (*gen).diffCousins},
	{"father_son", 60, (*gen).diffFatherSon},
	{"namesake_id", 50, (*gen).diffNamesakeID},
	{"namesake_age", 40, (*gen).diffNamesakeAge},
	{"unisex", 25, (*gen).diffUnisex},
	{"shared_phone", 30, (*gen).diffSharedPhone},
	{"shared_email", 15, (*gen).diffSharedEmail},
	{"near_name", 70, (*gen).diffNear},
}

// seed fixes the set; changing it changes every pair.
const seed = 15

// Generate builds the labelled set. It is deterministic.
func Generate() []Pair { return GenerateSeed(seed) }

// GenerateSeed builds a set like Generate's from another seed: other
// persons and other renderings of the same lexicon, to check that a
// change to the matcher helps beyond the pairs it was tuned on.
func GenerateSeed(seed uint64) []Pair {
	g := &gen{r: &rng{s: seed}, lex: newLexicon(), used: map[string]bool{}}
	var out []Pair
	for _, ks := range [][]kind{kindsSame, kindsDifferent} {
		for _, k := range ks {
			for n := 0; n < k.count; {
				p, ok := k.build(g)
				if !ok {
					continue
				}
				p.Kind, p.ID = k.name, len(out)+1
				if g.r.pct(50) {
					p.A, p.B = p.B, p.A
				}
				out = append(out, p)
				n++
			}
		}
	}
	return out
}

//go:embed testdata/pairs.csv
var pairsCSV []byte

var header = []string{"id", "kind", "label",
	"a_latin", "a_arabic", "a_sex", "a_birth_year", "a_phone", "a_email", "a_national_id",
	"b_latin", "b_arabic", "b_sex", "b_birth_year", "b_phone", "b_email", "b_national_id"}

// Load returns the committed set.
func Load() ([]Pair, error) { return Parse(pairsCSV) }

// Encode writes pairs as the CSV file the set is kept in.
func Encode(pairs []Pair) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(header)
	for _, p := range pairs {
		label := "different"
		if p.Same {
			label = "same"
		}
		row := []string{strconv.Itoa(p.ID), p.Kind, label}
		row = append(append(row, recordCells(p.A)...), recordCells(p.B)...)
		w.Write(row)
	}
	w.Flush()
	return b.Bytes()
}

func recordCells(r Record) []string {
	year := ""
	if r.BirthYear != 0 {
		year = strconv.Itoa(r.BirthYear)
	}
	return []string{r.Latin, r.Arabic, r.Sex, year, r.Phone, r.Email, r.NationalID}
}

// Parse reads the CSV file the set is kept in.
func Parse(data []byte) ([]Pair, error) {
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 || len(rows[0]) != len(header) {
		return nil, fmt.Errorf("namepairs: the header is not %v", header)
	}
	out := make([]Pair, 0, len(rows)-1)
	for i, row := range rows[1:] {
		id, err := strconv.Atoi(row[0])
		if err != nil || (row[2] != "same" && row[2] != "different") {
			return nil, fmt.Errorf("namepairs: bad row %d", i+2)
		}
		a, errA := parseRecord(row[3:10])
		b, errB := parseRecord(row[10:17])
		if errA != nil || errB != nil {
			return nil, fmt.Errorf("namepairs: bad birth year on row %d", i+2)
		}
		out = append(out, Pair{ID: id, Kind: row[1], Same: row[2] == "same", A: a, B: b})
	}
	return out, nil
}

func parseRecord(c []string) (Record, error) {
	r := Record{Latin: c[0], Arabic: c[1], Sex: c[2], Phone: c[4], Email: c[5], NationalID: c[6]}
	if c[3] != "" {
		y, err := strconv.Atoi(c[3])
		if err != nil {
			return r, err
		}
		r.BirthYear = y
	}
	return r, nil
}
