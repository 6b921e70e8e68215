package reporttest

// The figures of SPHERE II for 2026 as of Today (27 November 2026),
// counted by hand from db/seed/demo.go and the cases of current.
//
// W is the March workshop (cases 8): Hossam (14) present twice, Noha (20,
// a woman) present then absent, Khaled (18) nominated and absent once, a
// no-show. Hossam completes (2 of 2); Noha does not (1 of 2).
//
// D is the document course, running: 17 registrations (officers 0, 3, 4,
// 6, 7, 9, 10, 12, 13, 15, 17, 19, 21, 27, 28, 29, 31; 28 a woman), only
// its first session (the day before Today) marked: everyone present but
// officer 9 late and officer 19 absent, a no-show. Its session of Today is
// unmarked and so has not taken place; the third is tomorrow's.
//
// The draft briefing (case 9) counts nowhere; the refresher of December
// has not started.

// Counts are a report's counts, from which every rate follows.
type Counts struct {
	TrainingsHeld, Running, NotStarted, TrainingDays            int
	Participations, ParticipationsWomen, ParticipationsMen      int
	Individuals, Women, Men, NoShows, CompletionBase, Completed int
	Expected, Present, Late, Absent, Excused, Unmarked          int
	Assessed, SumPre, SumPost, Improved, Mastery                int
	Ratings                                                     [5]int
}

// Current is the year 2026 as of Today.
var Current = Counts{
	TrainingsHeld: 2, Running: 1, NotStarted: 1, // W and D; D runs; the refresher has not started
	TrainingDays:   3,                                                 // W 2 + D 1
	Participations: 18, ParticipationsWomen: 2, ParticipationsMen: 16, // W 2 + D 16; Noha and officer 28
	Individuals: 18, Women: 2, Men: 16, // nobody is on both
	NoShows:        2,               // Khaled on W, officer 19 on D
	CompletionBase: 2, Completed: 1, // W only; Hossam
	Expected: 20, Present: 18, Late: 1, Absent: 1, Excused: 0, Unmarked: 0, // W 2 × 2 + D 16 × 1; W 3 + D 15 present; Noha absent
	Assessed: 2, SumPre: 110, SumPost: 145, Improved: 2, Mastery: 1, // 50 → 80 and 60 → 65; mastery 70
	Ratings: [5]int{0, 0, 2, 0, 0},
}

// CurrentTodayMarked is the year 2026 once TodayMarked has marked officer
// 19 present at Today's session: D has held two sessions, and he counts.
var CurrentTodayMarked = Counts{
	TrainingsHeld: 2, Running: 1, NotStarted: 1, TrainingDays: 4,
	Participations: 19, ParticipationsWomen: 2, ParticipationsMen: 17, Individuals: 19, Women: 2, Men: 17,
	NoShows: 1, CompletionBase: 2, Completed: 1,
	Expected: 38, Present: 19, Late: 1, Absent: 2, Excused: 0, Unmarked: 16, // W 4 + D 17 × 2; his absence of day one now counts
	Assessed: 2, SumPre: 110, SumPost: 145, Improved: 2, Mastery: 1, Ratings: [5]int{0, 0, 2, 0, 0},
}

// CurrentCut is 11 March to 26 November 2026, which cuts W after its first
// day and D before Today: both count whole, with one training day each.
var CurrentCut = Counts{
	TrainingsHeld: 2, Running: 1, NotStarted: 0, TrainingDays: 2,
	Participations: 18, ParticipationsWomen: 2, ParticipationsMen: 16, Individuals: 18, Women: 2, Men: 16,
	NoShows: 2, CompletionBase: 2, Completed: 1,
	Expected: 20, Present: 18, Late: 1, Absent: 1, Excused: 0, Unmarked: 0,
	Assessed: 2, SumPre: 110, SumPost: 145, Improved: 2, Mastery: 1, Ratings: [5]int{0, 0, 2, 0, 0},
}

// NextMonth is December 2026: only the refresher, not started, so nothing
// counts.
var NextMonth = Counts{NotStarted: 1}

// CurrentRow is a training's line in 2026: sessions held, sessions
// planned, training days, participants, no-shows, women, men, attended
// marks, completed; and whether it is still running.
type CurrentRow struct {
	Counts  [9]int
	Running bool
}

// CurrentTrainings by title.
var CurrentTrainings = map[string]CurrentRow{
	"Risk profiling workshop for airport shifts":   {[9]int{2, 2, 2, 2, 1, 1, 1, 3, 1}, false},
	"Document examination for front-line officers": {[9]int{1, 3, 1, 16, 1, 1, 15, 16, 0}, true},
}

// CurrentStations by the duty station recorded on the registration.
var CurrentStations = map[string]Group{
	"Safaga seaport":                 {9, 0, 9, 9, 0, 9}, // D 0, 3, 4, 6, 7, 9, 10, 27, 31
	"Hurghada International Airport": {9, 2, 7, 9, 2, 7}, // D 12, 13, 15, 17, 21, 28, 29; W Hossam, Noha
}

// CurrentSDGs and CurrentGCMs: W is tagged SDG 16 and GCM 11, D SDG 16 and
// GCM 4 and 11; the draft's SDG 5 and the refresher's tags add nothing.
var (
	CurrentSDGs = map[int64]Goal{16: {2, 18, 18}}
	CurrentGCMs = map[int64]Goal{4: {1, 16, 16}, 11: {2, 18, 18}}
)

// CurrentIndicators by code.
var CurrentIndicators = map[string]Indicator{
	"1.1": {18, 18.0 / 120 * 100, false},
	"1.2": {200.0 / 18, (200.0/18 - 10) / (30 - 10) * 100, false},
	"1.3": {100, 100.0 / 75 * 100, false},
	"1.4": {3, 3.0 / 40 * 100, false},
	"1.5": {18, 18.0 / 200 * 100, false},
	"1.6": {50, 0, false},
	"1.7": {2, 2.0 / 10 * 100, false},
	"2.1": {3, (3.0 - 1) / (5 - 1) * 100, false},
	"2.2": {0, 0, true},
}
