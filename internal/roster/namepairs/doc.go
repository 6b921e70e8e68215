// Package namepairs is the labelled set that measures the registry's
// duplicate check: pairs of person records, each labelled "same person" or
// "different person", in Arabic and Latin script, and the code that scores
// the check on them (Evaluate) through the same path the application uses.
//
// # How the set is built
//
// Generate builds it from a lexicon written for this purpose (lexicon_*.go):
// common Egyptian and wider Arab given names, each with its Arabic spelling,
// its sex and the Latin spellings seen on nomination lists and in civil
// registers (Mohamed, Mohammed, Muhammad; Abdel Rahman, Abd El-Rahman,
// Abdul Rahman; Youssef, Yusuf), and family names with and without the
// article. A pseudo-random generator with a fixed seed draws persons
// (own name, father, grandfather, family name — the Egyptian name chain —
// sex, birth year, mobile number, e-mail, national ID with its real
// structure) and renders each person as a record the way a clerk would
// type it: in one script or both, with middle names left out, the article
// written El-, Al, Es- or not at all, compounds joined or spaced, Arabic
// hamza, ta marbuta and alef maqsura written either way, and sometimes a
// typing error.
//
// The label comes from the construction, never from a matcher:
//
//   - "same" pairs are two renderings of one drawn person (kinds listed in
//     kindsSame). Their differences are ones a clerk would forgive:
//     spelling, script, a word left out, a typo, a changed phone.
//   - "different" pairs are two drawn persons chosen to look alike (kinds
//     in kindsDifferent): masculine and feminine forms of one name
//     (siblings), different names that sound alike (Saad, Saeed, Sayed),
//     people sharing a first name, siblings, cousins, father and son,
//     namesakes told apart by national ID, birth year or recorded sex, and
//     people sharing an office phone or e-mail. A pair is only labelled
//     different when a careful clerk with both records in front of them
//     could tell: two records with identical names and nothing else to go
//     on are never put in the set, since nobody could label them.
//
// The set lives in testdata/pairs.csv; TestPairsFileUpToDate fails when it
// no longer equals what Generate produces (regenerate with
// `go test ./internal/roster/namepairs -run TestPairsFileUpToDate -update`).
package namepairs
