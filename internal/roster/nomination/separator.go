package nomination

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"
)

// sampleRecords and sampleBytes bound how much of a file the separator
// is chosen from.
const (
	sampleRecords = 30
	sampleBytes   = 64 << 10
)

// chooseSeparator picks the field separator from the first lines of the
// file together, not from the header alone: the separator that splits the
// lines into the same number of columns, line after line, is the file's.
// Where two do (a header "Name\tTitle, rank" splits in two at the tab and
// at the comma alike), the one whose columns look like values wins: a
// separator that is nearly always followed by a space is punctuation in
// text ("Name, English;Name, Arabic"), and a column holding a tab was cut
// at the wrong character. Comma wins what is still a tie, then semicolon:
// it is what Excel writes most.
func chooseSeparator(text string) rune {
	sample := text
	if len(sample) > sampleBytes {
		sample = sample[:sampleBytes]
		if i := strings.LastIndexByte(sample, '\n'); i > 0 {
			sample = sample[:i+1]
		}
	}
	best, bestScore := ',', -1.0
	for _, sep := range Separators {
		if s := separatorScore(sample, sep); s > bestScore {
			best, bestScore = sep, s
		}
	}
	return best
}

// separatorScore rates sep as the separator of sample (see
// chooseSeparator): a separator that does not split the lines scores 0;
// then come how many lines have the usual number of columns, how
// value-like the columns are, and the number of columns.
func separatorScore(sample string, sep rune) float64 {
	counts, tabCells, err := sampleColumns(sample, sep)
	if err != nil || len(counts) == 0 {
		return 0
	}
	usual, same := usualCount(counts)
	if usual < 2 {
		return 0 // it does not split the lines: no reason to take it
	}
	score := 1000 + 100*float64(same)/float64(len(counts))
	score -= 40 * spacedRatio(sample, sep)
	score -= 20 * float64(min(tabCells, 2))
	return score + float64(min(usual, 20))
}

// sampleColumns reads the first records of sample with sep: the number of
// cells of each record that holds anything, and how many cells hold a tab
// (when sep is not the tab).
func sampleColumns(sample string, sep rune) (counts []int, tabCells int, err error) {
	r := csv.NewReader(strings.NewReader(sample))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = sep, true, -1
	for len(counts) < sampleRecords {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, 0, err
		}
		filled := false
		for _, c := range rec {
			if strings.TrimFunc(c, isBlank) != "" {
				filled = true
			}
			if sep != '\t' && strings.ContainsRune(c, '\t') {
				tabCells++
			}
		}
		if filled {
			counts = append(counts, len(rec))
		}
	}
	return counts, tabCells, nil
}

// usualCount returns the most frequent number of cells (the larger on a
// tie) and how many records have it.
func usualCount(counts []int) (usual, same int) {
	freq := map[int]int{}
	for _, c := range counts {
		freq[c]++
	}
	for c, n := range freq {
		if n > same || n == same && c > usual {
			usual, same = c, n
		}
	}
	return usual, same
}

// spacedRatio is the share of sep's occurrences outside quotes that a
// space follows: ", " is punctuation in text, not a column break.
func spacedRatio(sample string, sep rune) float64 {
	total, spaced := 0, 0
	quoted := false
	rs := []rune(sample)
	for i, r := range rs {
		switch {
		case r == '"':
			quoted = !quoted
		case !quoted && r == sep:
			total++
			if i+1 < len(rs) && rs[i+1] == ' ' {
				spaced++
			}
		}
	}
	if total == 0 {
		return 0
	}
	return float64(spaced) / float64(total)
}
