package roster

// vowelsDisagree reports vowels that make a and b different names though
// their consonants agree. Arabic against Arabic never gets here: letters
// are compared there.
func vowelsDisagree(a, b *nameWord) bool {
	if a.arabic && b.arabic {
		return false
	}
	if !a.arabic && !b.arabic {
		return latinVowelsDisagree(&a.v, &b.v)
	}
	ar, lat := &a.v, &b.v
	if !a.arabic {
		ar, lat = lat, ar
	}
	return crossVowelsDisagree(ar, lat)
}

// latinVowelsDisagree compares two Latin spellings: a feminine ending on
// one only (Samir, Samira; Nabil, Nabilah), an i on one and no i, e or y
// on the other (Karim, Karam; Saeed, Saad), and the long vowel moved from
// the first syllable to the last (Hashem, Hesham).
func latinVowelsDisagree(x, y *vowelInfo) bool {
	switch {
	case x.fem >= 0 && y.fem >= 0 && (x.fem == 0) != (y.fem == 0):
		return true
	case x.iGrade >= 2 && y.iGrade == 0 || y.iGrade >= 2 && x.iGrade == 0:
		return true
	}
	return x.first == 1 && x.last == 2 && y.first == 2 && y.last == 1 ||
		y.first == 1 && y.last == 2 && x.first == 2 && x.last == 1
}

// crossVowelsDisagree compares an Arabic spelling with a Latin one.
func crossVowelsDisagree(ar, lat *vowelInfo) bool {
	switch {
	case ar.fem >= 0 && lat.fem >= 0 && femDisagree(ar, lat.fem):
		return true
	case ar.midYa && lat.iGrade == 0:
		// Arabic writes a long i Latin does not: سعيد, Saad; حسين, Hassan.
		return true
	case !ar.midYa && (lat.iGrade == 4 || lat.iGrade == 3 && !ar.midAin):
		// Latin writes a long i Arabic does not: Saeed, سعد. An "ei" may
		// be a vowel, ع and a vowel (Abdel Moneim, عبد المنعم).
		return true
	case ar.lateAlef && lat.last == 2:
		// كمال is Kamal, never Kamel.
		return true
	case ar.alefTwo && (lat.first != 1 || ar.letters == 4 && lat.runs < 2):
		// كامل, هاشم, ناصر start with a long a: Kamel, Hashem, Nasser;
		// not Hesham, nor Nasr.
		return true
	}
	// كرم، سمر have no long vowel: not Karim, Samir, whose a-then-i
	// writes the pattern of كريم. An ع between them may be what Latin
	// writes as ei (Moneim, منعم); an i after another i or e is short
	// (Girgis, جرجس).
	return ar.noLong && !ar.midAin && lat.closedI && lat.runs >= 2 && lat.first == 1
}

// femDisagree compares endings: a Latin "ah" is ة or ح, a Latin a is ة, ا
// or ى, and no vowel is no vowel.
func femDisagree(ar *vowelInfo, lat int8) bool {
	switch lat {
	case 2:
		return ar.fem == 0 && !ar.lastHa
	case 1:
		return ar.fem == 0
	}
	return ar.fem == 1
}
