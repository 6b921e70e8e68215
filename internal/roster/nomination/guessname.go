package nomination

// nameClassifier recognises the headers of the two name columns.
type nameClassifier struct {
	names, fillers, latin, arabic map[string]bool
}

// newNameClassifier folds the word lists once per guess.
func newNameClassifier() *nameClassifier {
	return &nameClassifier{
		names:   wordSet(nameWords),
		fillers: wordSet(fillerWords),
		latin:   wordSet(latinWords),
		arabic:  wordSet(arabicWords),
	}
}

// nameHeader is what a header says about names.
type nameHeader struct {
	name, latinWord, arabicWord bool // a name word, in Latin or Arabic script
	latin, arabic               bool // a qualifier: "English", "بالعربية", ...
	pure                        bool // nothing but name words, qualifiers and fillers
}

// read classifies the words of a folded header.
func (nc *nameClassifier) read(toks []string) nameHeader {
	h := nameHeader{pure: true}
	for _, w := range toks {
		switch {
		case nc.names[w]:
			h.name = true
			if hasArabic(w) {
				h.arabicWord = true
			} else {
				h.latinWord = true
			}
		case latinQualifier(w, nc.latin):
			h.latin = true
		case arabicQualifier(w, nc.arabic):
			h.arabic = true
		case !nc.fillers[w]:
			h.pure = false
		}
	}
	return h
}

// candidates returns the name fields a header may hold. A qualified header
// ("Name (English)", "الاسم بالعربية") gives one field; a bare one gives
// both when it holds nothing but name words, preferring the script of the column's values (hint) when known, else
// the language of the header word, Latin when both languages appear. A
// header that also names another field (other) is a name only when it holds
// nothing but name words.
func (nc *nameClassifier) candidates(col int, toks []string, hint script, other bool) []candidate {
	h := nc.read(toks)
	if !h.name || (other && !h.pure) {
		return nil // "اسم الجهة" is the agency's name, not a person's
	}
	explicit, generic, second := scoreNameExplicit, scoreNameGeneric, scoreNameOther
	if !h.pure {
		explicit, generic, second = scoreLooseExplicit, scoreLooseGeneric, 0
	}
	switch {
	case h.latin && !h.arabic:
		return []candidate{{col, FieldNameLatin, explicit}}
	case h.arabic && !h.latin:
		return []candidate{{col, FieldNameArabic, explicit}}
	}
	preferred, alternative := FieldNameLatin, FieldNameArabic
	if hint == scriptArabic || (hint == scriptUnknown && h.arabicWord && !h.latinWord) {
		preferred, alternative = alternative, preferred
	}
	if second == 0 {
		return []candidate{{col, preferred, generic}} // "Last name" is no Arabic name
	}
	return []candidate{{col, preferred, generic}, {col, alternative, second}}
}
