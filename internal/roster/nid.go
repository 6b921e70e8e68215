package roster

// nationalID is what an Egyptian national ID number says about its
// holder. The 14 digits are: the century of birth (2 for the 1900s, 3 for
// the 2000s), the birth date as YYMMDD, the governorate of birth (two
// digits), a serial of four digits whose last is odd for men and even for
// women, and a check digit.
type nationalID struct {
	birthYear int
	sex       string // "M" or "F"
}

// egyptianGovernorates are the governorate codes an ID can carry (88 is
// for those born abroad).
var egyptianGovernorates = map[string]bool{
	"01": true, "02": true, "03": true, "04": true, "11": true, "12": true, "13": true, "14": true, "15": true,
	"16": true, "17": true, "18": true, "19": true, "21": true, "22": true, "23": true, "24": true, "25": true,
	"26": true, "27": true, "28": true, "29": true, "31": true, "32": true, "33": true, "34": true, "35": true,
	"88": true,
}

// parseNationalID reads a reference in comparison form (NormalizeRef) as
// an Egyptian national ID; ok is false for anything else, such as an
// employee number, so that only real IDs are used to tell people apart.
func parseNationalID(ref string) (nationalID, bool) {
	if len(ref) != 14 {
		return nationalID{}, false
	}
	for i := 0; i < len(ref); i++ {
		if ref[i] < '0' || ref[i] > '9' {
			return nationalID{}, false
		}
	}
	two := func(i int) int { return int(ref[i]-'0')*10 + int(ref[i+1]-'0') }
	century, month, day := ref[0], two(3), two(5)
	if (century != '2' && century != '3') || month < 1 || month > 12 || day < 1 || day > 31 || !egyptianGovernorates[ref[7:9]] {
		return nationalID{}, false
	}
	id := nationalID{birthYear: 1900 + two(1), sex: "F"}
	if century == '3' {
		id.birthYear += 100
	}
	if (ref[12]-'0')%2 == 1 {
		id.sex = "M"
	}
	return id, true
}
