package reporttest

// The figures of SPHERE II for 1 January to 31 December 2023, counted by
// hand from db/seed/demo.go and the cases of Add.
//
// J is the January course in Hurghada: officers 0–26 of the demo, four
// sessions. Its exceptions table leaves officers 7 (2 of 4), 13, 19 and 25
// (3 of 4 each) short of 80%; everyone else attends all four (officers 2,
// 4, 11 and 22 once late, 19 once late and once excused). Women among
// 0–26: 8, 11, 16, 20, 23, 26.
//
// M is the May course in Safaga: officers 0, 1, 2, 3, 8, 11, 12, 16, 20,
// 22, 23, 26 (also on J) and 27, 28, 29, 30 (new; 28 and 30 women), three
// sessions, 29 absent once; plus D, the duplicate of officer 6 (Hesham),
// present twice, unmarked once. Officer 5 and Tamer are withdrawn.
const (
	TrainingsHeld = 2 // J and M; the cancelled workshop and the other project's training are out
	TrainingDays  = 7 // J 4 + M 3; J's removed fifth session is out

	Participations      = 44 // J 27 + M 17 (16 officers + D)
	ParticipationsWomen = 14 // J 6 + M 8 (8, 11, 16, 20, 23, 26, 28, 30)
	ParticipationsMen   = 30 // J 21 + M 9 (0, 1, 2, 3, 12, 22, 27, 29 and D as Hesham)
	Individuals         = 31 // officers 0–26 and 27–30; D is Hesham (officer 6)
	Women               = 8  // 8, 11, 16, 20, 23, 26, 28, 30
	Men                 = 23 // 31 − 8

	Completed = 36 // J 27 − 4; M 16 − 3 (0 and 8 score under 60, 29 attends 2 of 3), D attends 2 of 3

	Expected = 159 // 27 × 4 + 17 × 3
	Present  = 147 // J 108 − 5 late − 3 absent − 2 excused = 98; M 48 − 1 + D 2 = 49
	Late     = 5   // J: officers 2, 4, 11, 19, 22
	Absent   = 4   // J: 7 twice, 13 once; M: 29 once
	Excused  = 2   // J: 19, 25
	Unmarked = 1   // D's third session
	Attended = 152 // present + late

	Assessed  = 44   // every participation has both scores; officer 5's withdrawn scores are out
	SumPre    = 2431 // J 1491 + M 890 + D 50
	SumPost   = 3116 // J 1927 + M 1114 + D 75
	Improved  = 42   // all but J's officers 9 and 18 (post = pre − 2)
	Mastery   = 25   // post ≥ 70: J 15 (2, 3, 4, 7, 8, 11, 12, 13, 16, 17, 20, 21, 22, 25, 26), M 9 (2, 11, 12, 20, 22, 23, 26, 28, 30), D
	Threshold = 70   // SPHERE II's mastery threshold

	Responses = 44  // one rating per participation
	SumRating = 156 // J 27 × 3 + M 10 × 4 + 6 × 5 + D 5
)

// Ratings counts the ratings 1 to 5: J all 3; M 4 for even-numbered
// officers and 5 for odd ones (1, 3, 11, 23, 27, 29); D 5.
var Ratings = [5]int{0, 0, 27, 10, 7}

// Group holds the six counts of a disaggregation line: participations
// (all, women, men) and unique individuals (all, women, men).
type Group [6]int

// Stations, by the duty station recorded on the registration. Officer 0's
// move to headquarters changes nothing.
var Stations = map[string]Group{
	"Safaga seaport":                 {21, 5, 16, 14, 3, 11}, // J 0–11; M 0, 1, 2, 3, 8, 11, 27, 30 and D
	"Hurghada International Airport": {15, 5, 10, 12, 3, 9},  // J 12–21; M 12, 16, 20, 28, 29
	"Headquarters, Cairo":            {8, 4, 4, 5, 2, 3},     // J 22–26; M 22, 23, 26
}

// Governorates of those duty stations: Safaga and Hurghada are in the Red
// Sea governorate, headquarters in Cairo.
var Governorates = map[string]Group{
	"Red Sea": {36, 10, 26, 26, 6, 20},
	"Cairo":   {8, 4, 4, 5, 2, 3},
}

// Agencies: everyone is with the Egyptian Customs Authority.
var Agencies = map[string]Group{
	"Egyptian Customs Authority": {Participations, ParticipationsWomen, ParticipationsMen, Individuals, Women, Men},
}

// Positions, by the position recorded on the registration.
var Positions = map[string]Group{
	"front_line":        {24, 3, 21, 18, 2, 16}, // J 15 (16 a woman); M 0, 1, 3, 12, 16, 27, 28, 29 and D
	"desk":              {12, 7, 5, 8, 4, 4},    // J 2, 5, 8, 11, 14, 18, 20; M 2, 8, 11, 20, 30
	"capacity_building": {4, 2, 2, 2, 1, 1},     // 22 and 23 on both
	"headquarters":      {4, 2, 2, 3, 1, 2},     // J 24, 25, 26; M 26
}

// TrainingRow holds a training's line: sessions, days, participants,
// women, men, attended marks, completed.
type TrainingRow [7]int

// Trainings by title.
var Trainings = map[string]TrainingRow{
	"Counter-smuggling for customs officers: migrants, goods and trafficking": {4, 4, 27, 6, 21, 103, 23},
	"Identifying and referring victims of trafficking at ports of entry":      {3, 3, 17, 8, 9, 49, 13},
}

// Goal holds trainings, participations and unique individuals.
type Goal [3]int

// SDGs: J is tagged 3, 10, 16, 17 and M 5, 10, 16; the cancelled
// workshop's SDG 5 tag adds nobody.
var SDGs = map[int64]Goal{3: {1, 27, 27}, 5: {1, 17, 17}, 10: {2, 44, 31}, 16: {2, 44, 31}, 17: {1, 27, 27}}

// GCMs: J is tagged 7, 9, 10, 11, 23 and M 7, 10.
var GCMs = map[int64]Goal{7: {2, 44, 31}, 9: {1, 27, 27}, 10: {2, 44, 31}, 11: {1, 27, 27}, 23: {1, 27, 27}}

// Indicator holds an indicator's expected actual and progress; Missing
// marks a manual indicator with no value.
type Indicator struct {
	Actual, Progress float64
	Missing          bool
}

// Indicators by code: the demo's four and the fixture's five.
var Indicators = map[string]Indicator{
	"1.1": {31, 31.0 / 120 * 100, false},                            // officials trained; target 120
	"1.2": {800.0 / 31, (800.0/31 - 10) / (30 - 10) * 100, false},   // women share; baseline 10, target 30
	"1.3": {4200.0 / 44, 4200.0 / 44 / 75 * 100, false},             // improved share; target 75
	"1.4": {7, 7.0 / 40 * 100, false},                               // training days; target 40
	"1.5": {44, 44.0 / 200 * 100, false},                            // participations; target 200
	"1.6": {3600.0 / 44, (3600.0/44 - 50) / (90 - 50) * 100, false}, // completion; baseline 50, target 90
	"1.7": {2, 2.0 / 10 * 100, false},                               // trainings held; target 10
	"2.1": {3, (3.0 - 1) / (5 - 1) * 100, false},                    // manual 3; baseline 1, target 5
	"2.2": {0, 0, true},                                             // manual, nothing entered
}
