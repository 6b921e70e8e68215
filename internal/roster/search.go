package roster

import "strings"

// skeletonMark starts every skeleton key in a name key and in a search
// term. Without it a short key would also match inside the ordinary Latin
// text of the name key (the key "hm" of a query inside "ahmed"), and with it
// a key matches only from the start of a stored key, as a typed beginning
// should.
const skeletonMark = "~"

// maxNameKey is the width of the persons.name_key column, in characters.
const maxNameKey = 800

// NameKey returns the text stored in persons.name_key for search and
// candidate lookup. It holds, separated by " | ", the normalised Latin name,
// the normalised Arabic name, and the skeleton keys of each (once if both
// scripts give the same keys), every key prefixed with "~":
//
//	mohamed elshazly | محمد الشاذلي | ~mhmd ~alczly
//
// so that a LIKE search with any term from SearchTerms finds the person
// whichever script the person and the query were written in. Empty parts
// are left out, and the key is cut to the column's 800 characters.
func NameKey(latin, arabic string) string {
	var parts []string
	for _, n := range []string{Normalize(latin), Normalize(arabic)} {
		if n != "" {
			parts = append(parts, n)
		}
	}
	sl, sa := markKeys(skeletonWords(latin)), markKeys(skeletonWords(arabic))
	if sl != "" {
		parts = append(parts, sl)
	}
	if sa != "" && sa != sl {
		parts = append(parts, sa)
	}
	key := strings.Join(parts, " | ")
	if r := []rune(key); len(r) > maxNameKey {
		key = strings.TrimSpace(string(r[:maxNameKey]))
	}
	return key
}

// SearchTerms turns a free-text query (Latin, Arabic or mixed) into LIKE
// terms for persons.name_key. It returns one slice per word of the query,
// holding that word's alternatives: its normalised form and, when it has
// one, its skeleton form ("~mhmd", or "~abd ~al" for a compound). The
// contract for the store is:
//
//	WHERE (name_key LIKE '%' || alt11 || '%' OR name_key LIKE '%' || alt12 || '%')
//	  AND (name_key LIKE '%' || alt21 || '%' OR ...)
//
// that is, every word must match, through any of its alternatives. Terms
// contain only letters, digits, spaces and "~", never the LIKE wildcards %
// and _ or a backslash, so they need no escaping. Every inner slice has at
// least one term; an empty or punctuation-only query gives nil.
func SearchTerms(query string) [][]string {
	var out [][]string
	for _, w := range strings.Fields(Normalize(query)) {
		alts := []string{w}
		if k := markKeys(strings.Fields(wordSkeleton(w))); k != "" && k != w {
			alts = append(alts, k)
		}
		out = append(out, alts)
	}
	return out
}

// markKeys joins skeleton keys with spaces, each prefixed with
// skeletonMark. A word's skeleton may hold two keys ("abd al"), so the keys
// are split again first.
func markKeys(words []string) string {
	var keys []string
	for _, w := range words {
		for _, k := range strings.Fields(w) {
			keys = append(keys, skeletonMark+k)
		}
	}
	return strings.Join(keys, " ")
}
