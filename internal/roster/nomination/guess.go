package nomination

import (
	"slices"
	"sort"
)

// Scores of a header for a field; higher wins. An exact phrase beats a name
// header, which beats a phrase found inside a longer header (ten points a
// word), which beats a name word among other words ("Name of agency" is an
// agency).
const (
	scoreExact         = 1000
	scoreAmbiguous     = 900 // an ambiguous phrase's first field; its second gets 100 less
	scoreNameExplicit  = 100
	scoreNameGeneric   = 90
	scoreNameOther     = 80
	scorePhraseWord    = 10
	scoreLooseExplicit = 6
	scoreLooseGeneric  = 5
)

// script is the writing of a column's values, as far as it is known.
type script int

const (
	scriptUnknown script = iota
	scriptLatin
	scriptArabic
)

// candidate is a possible field for a column.
type candidate struct {
	col   int
	field Field
	score int
}

// GuessMapping proposes a field for each header, from English and Arabic
// header names, ignoring case, spacing, punctuation and diacritics. Each
// field goes to at most one column, the best match (leftmost on a tie); the
// other columns are FieldIgnore. A bare "Name" is taken for the Latin name
// and a bare "الاسم" for the Arabic one; GuessMappingWithData does better
// when the rows are at hand.
func GuessMapping(headers []string) Mapping {
	return guess(headers, nil)
}

// GuessMappingWithData is GuessMapping that also looks at the first rows of
// t: a column whose header only says "name" is mapped to the Arabic name
// when its values are in Arabic script, and to the Latin name when they are
// in Latin script, whatever the language of the header.
func GuessMappingWithData(t *Table) Mapping {
	if t == nil {
		return nil
	}
	return guess(t.Headers, columnScripts(t, 20))
}

// guess scores every header against every field and hands out the fields,
// best score first.
func guess(headers []string, scripts []script) Mapping {
	phrases := headerPhrases()
	nc := newNameClassifier()
	var cands []candidate
	for col, h := range headers {
		toks := tokens(h)
		if len(toks) == 0 {
			continue
		}
		hint := scriptUnknown
		if col < len(scripts) {
			hint = scripts[col]
		}
		byPhrase := append(phraseCandidates(col, toks, phrases), ambiguousCandidates(col, toks)...)
		cands = append(cands, byPhrase...)
		cands = append(cands, nc.candidates(col, toks, hint, len(byPhrase) > 0)...)
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		return cands[i].col < cands[j].col
	})
	m := make(Mapping, len(headers))
	taken := map[Field]bool{}
	for _, c := range cands {
		if m[c.col] == FieldIgnore && !taken[c.field] {
			m[c.col], taken[c.field] = c.field, true
		}
	}
	return m
}

// phraseCandidates scores a header against each field's phrases.
func phraseCandidates(col int, toks []string, table []fieldPhrases) []candidate {
	var out []candidate
	for _, fp := range table {
		best := 0
		for _, p := range fp.phrases {
			best = max(best, phraseScore(toks, p))
		}
		if best > 0 {
			out = append(out, candidate{col, fp.field, best})
		}
	}
	return out
}

// ambiguousCandidates offers a header that is exactly an ambiguous phrase
// to each of its fields, the first preferred.
func ambiguousCandidates(col int, toks []string) []candidate {
	var out []candidate
	for _, a := range ambiguousPhrases() {
		if slices.Equal(toks, a.phrase) {
			for i, f := range a.fields {
				out = append(out, candidate{col, f, scoreAmbiguous - 100*i})
			}
		}
	}
	return out
}

// LooksLike is the field a header names on its own, as the guess would
// map it if it were the list's only column, or FieldIgnore. The import
// warns when a column that looks like a field is left out.
func LooksLike(header string) Field {
	return guess([]string{header}, nil)[0]
}

// phraseScore is scoreExact when the header is the phrase, ten points a word
// when the phrase appears in it as whole consecutive words, else 0.
func phraseScore(toks, phrase []string) int {
	if len(phrase) == 0 || len(phrase) > len(toks) {
		return 0
	}
	if slices.Equal(toks, phrase) {
		return scoreExact
	}
	for i := 0; i+len(phrase) <= len(toks); i++ {
		if slices.Equal(toks[i:i+len(phrase)], phrase) {
			return scorePhraseWord * len(phrase)
		}
	}
	return 0
}

// columnScripts tells, for each column, the script of most of its first n
// values that have letters.
func columnScripts(t *Table, n int) []script {
	out := make([]script, len(t.Headers))
	for col := range out {
		var arabic, latin int
		for _, row := range t.Rows[:min(n, len(t.Rows))] {
			if col >= len(row) {
				continue
			}
			switch {
			case hasArabic(row[col]):
				arabic++
			case hasLatin(row[col]):
				latin++
			}
		}
		switch {
		case arabic > latin:
			out[col] = scriptArabic
		case latin > arabic:
			out[col] = scriptLatin
		}
	}
	return out
}
