// Package seed describes the demo data: the counter-smuggling course held in
// Hurghada from 16 to 19 January 2023 for 27 officers of the Egyptian
// Customs Authority under SPHERE II, funded by Denmark, and three more
// trainings placed around the day the demo is loaded so that the dashboard
// always has something to show. The data is fixed; only the dates of the
// recent trainings follow the load day, so the same day gives the same data.
package seed

import (
	"slices"

	"github.com/traindesk/traindesk/internal/model"
)

// Officer is a demo participant. Station indexes Demo.Stations.
type Officer struct {
	NameAr, NameEn string
	Sex            model.Sex
	Station        int
	Position       model.Position
	Rank           string
	BirthYear      int
}

// Reg is a registration: Officer indexes Demo.Officers; Marks holds one
// mark per session ("" for not yet marked).
type Reg struct {
	Officer      int
	Status       model.RegistrationStatus
	Marks        []model.Mark
	Pre, Post    float64
	Satisfaction int
}

// Training is a demo training with its sessions and people.
type Training struct {
	Training     model.Training
	Topics       []string
	SDGs, GCMs   []int64
	Facilitators []string // emails of demo users
	Regs         []Reg
}

// User is a demo account.
type User struct {
	Email, Name string
	Role        model.Role
}

// Demo is the whole demo data set.
type Demo struct {
	Donor      model.Donor
	Project    model.Project
	Indicators []model.Indicator
	Agency     model.Agency
	Stations   []model.DutyStation
	Users      []User
	Officers   []Officer
	Trainings  []Training
}

// Station indexes.
const (
	Safaga = iota
	Hurghada
	HQ
)

const (
	govCairo  int64 = 1
	govRedSea int64 = 17
)

func ptr[T any](v T) *T { return &v }

// Build returns the demo data for a load on day today.
func Build(today model.Date) Demo {
	d := Demo{
		Donor: model.Donor{NameEn: "Government of the Kingdom of Denmark", NameAr: "حكومة مملكة الدنمارك", ShortName: "Denmark"},
		Project: model.Project{
			Code:    "SPHERE II",
			TitleEn: "Strengthening the Sphere of Protection for Victims of Trafficking and Vulnerable Migrants in Egypt while Preventing Irregular Migration and Human Trafficking",
			TitleAr: "تعزيز نطاق الحماية لضحايا الاتجار بالبشر والمهاجرين المستضعفين في مصر مع منع الهجرة غير النظامية والاتجار بالبشر",
			// The project runs to the end of next year, so that the demo's
			// trainings, placed around the load day, and next month's
			// course an officer plans fall inside its period.
			StartsOn: model.MustDate("2022-01-01"), EndsOn: model.Date{Year: today.Year + 1, Month: 12, Day: 31}, MasteryThreshold: 70,
		},
		Indicators: []model.Indicator{
			{Code: "1.1", NameEn: "Customs officials trained on counter-smuggling and counter-trafficking", NameAr: "عدد موظفي الجمارك المدربين على مكافحة التهريب والاتجار بالبشر", Unit: "count", Metric: model.MetricOfficialsTrained, Baseline: 0, Target: 120, Position: 1},
			{Code: "1.2", NameEn: "Share of women among the officials trained", NameAr: "نسبة النساء بين الموظفين المدربين", Unit: "percent", Metric: model.MetricWomenShare, Baseline: 10, Target: 30, Position: 2},
			{Code: "1.3", NameEn: "Share of participants whose post-test score exceeds their pre-test score", NameAr: "نسبة المشاركين الذين تحسنت درجاتهم في الاختبار البعدي", Unit: "percent", Metric: model.MetricKnowledgeGain, Baseline: 0, Target: 75, Position: 3},
			{Code: "1.4", NameEn: "Training days delivered", NameAr: "عدد أيام التدريب المنفذة", Unit: "count", Metric: model.MetricTrainingDays, Baseline: 0, Target: 40, Position: 4},
		},
		Agency: model.Agency{
			NameEn: "Egyptian Customs Authority", NameAr: "مصلحة الجمارك المصرية", ShortName: "ECA",
			ParentMinistryEn: "Ministry of Finance", ParentMinistryAr: "وزارة المالية", Kind: model.AgencyCustoms,
			FocalName: "Training Department", FocalPhone: "+20 2 0000 0000", FocalEmail: "training@customs.example.gov.eg",
		},
		Stations: []model.DutyStation{
			Safaga:   {NameEn: "Safaga seaport", NameAr: "ميناء سفاجا البحري", Kind: model.StationSeaport, GovernorateID: ptr(govRedSea)},
			Hurghada: {NameEn: "Hurghada International Airport", NameAr: "مطار الغردقة الدولي", Kind: model.StationAirport, GovernorateID: ptr(govRedSea)},
			HQ:       {NameEn: "Headquarters, Cairo", NameAr: "الإدارة المركزية بالقاهرة", Kind: model.StationHeadquarters, GovernorateID: ptr(govCairo)},
		},
		Users: []User{
			{"officer@traindesk.local", "Salma Okasha", model.RoleProgramOfficer},
			{"trainer@traindesk.local", "Karim Nabil", model.RoleTrainer},
			{"manager@traindesk.local", "Laila Fawzy", model.RoleManager},
		},
		Officers: slices.Clone(officers),
	}
	d.Trainings = []Training{hurghada2023(), victims2023(), documents(today), refresher(today)}
	return d
}

var officers = []Officer{
	{"أحمد محمود عبد الرحمن", "Ahmed Mahmoud Abdelrahman", model.SexMale, Safaga, model.PositionFrontLine, "Captain", 1986},
	{"محمد السيد إبراهيم", "Mohamed El-Sayed Ibrahim", model.SexMale, Safaga, model.PositionFrontLine, "First Lieutenant", 1990},
	{"مصطفى كمال حسن", "Mostafa Kamal Hassan", model.SexMale, Safaga, model.PositionDesk, "Major", 1982},
	{"عمرو عبد الله فتحي", "Amr Abdallah Fathy", model.SexMale, Safaga, model.PositionFrontLine, "Lieutenant", 1993},
	{"كريم أشرف سليمان", "Karim Ashraf Soliman", model.SexMale, Safaga, model.PositionFrontLine, "First Lieutenant", 1991},
	{"محمود عادل الشاذلي", "Mahmoud Adel El-Shazly", model.SexMale, Safaga, model.PositionDesk, "Captain", 1987},
	{"هشام فاروق عثمان", "Hesham Farouk Osman", model.SexMale, Safaga, model.PositionFrontLine, "Inspector", 1979},
	{"ياسر جمال منصور", "Yasser Gamal Mansour", model.SexMale, Safaga, model.PositionFrontLine, "Inspector", 1984},
	{"منى عبد الحليم سالم", "Mona Abdelhalim Salem", model.SexFemale, Safaga, model.PositionDesk, "Senior Specialist", 1988},
	{"وليد سمير عبد العزيز", "Walid Samir Abdelaziz", model.SexMale, Safaga, model.PositionFrontLine, "Inspector", 1985},
	{"إسلام حمدي رضوان", "Islam Hamdy Radwan", model.SexMale, Safaga, model.PositionFrontLine, "Lieutenant", 1994},
	{"ريهام حسني مراد", "Reham Hosny Mourad", model.SexFemale, Safaga, model.PositionDesk, "Specialist", 1992},
	{"شريف مجدي يوسف", "Sherif Magdy Youssef", model.SexMale, Hurghada, model.PositionFrontLine, "Captain", 1988},
	{"طارق نبيل الصاوي", "Tarek Nabil El-Sawy", model.SexMale, Hurghada, model.PositionFrontLine, "Inspector", 1983},
	{"حسام الدين علي", "Hossam El-Din Ali", model.SexMale, Hurghada, model.PositionDesk, "Major", 1981},
	{"إبراهيم رجب قاسم", "Ibrahim Ragab Kassem", model.SexMale, Hurghada, model.PositionFrontLine, "Lieutenant", 1995},
	{"دينا مصطفى الشريف", "Dina Mostafa El-Sherif", model.SexFemale, Hurghada, model.PositionFrontLine, "Inspector", 1990},
	{"أيمن صلاح الدين زكي", "Ayman Salah El-Din Zaki", model.SexMale, Hurghada, model.PositionFrontLine, "Inspector", 1980},
	{"خالد عبد الحميد نصر", "Khaled Abdelhamid Nasr", model.SexMale, Hurghada, model.PositionDesk, "Captain", 1986},
	{"رامي عصام البنا", "Ramy Essam El-Banna", model.SexMale, Hurghada, model.PositionFrontLine, "First Lieutenant", 1992},
	{"نهى طارق عبد الغني", "Noha Tarek Abdelghany", model.SexFemale, Hurghada, model.PositionDesk, "Specialist", 1991},
	{"عبد الرحمن سعيد خليل", "Abdelrahman Saeed Khalil", model.SexMale, Hurghada, model.PositionFrontLine, "Lieutenant", 1996},
	{"محمد عبد الله الجمال", "Mohammed Abdullah El-Gammal", model.SexMale, HQ, model.PositionCapacity, "Colonel", 1975},
	{"سارة محمد فهمي", "Sara Mohamed Fahmy", model.SexFemale, HQ, model.PositionCapacity, "Senior Specialist", 1987},
	{"سامح فؤاد مرسي", "Sameh Fouad Morsy", model.SexMale, HQ, model.PositionHeadquarters, "Brigadier", 1972},
	{"أحمد عبد الفتاح شعبان", "Ahmed Abdelfattah Shaaban", model.SexMale, HQ, model.PositionHeadquarters, "Colonel", 1976},
	{"هبة الله أحمد رشاد", "Hebatallah Ahmed Rashad", model.SexFemale, HQ, model.PositionHeadquarters, "Director", 1978},
	// Officers who join the later trainings only.
	{"عمر خالد درويش", "Omar Khaled Darwish", model.SexMale, Safaga, model.PositionFrontLine, "Lieutenant", 1997},
	{"ياسمين علاء الدين حافظ", "Yasmin Alaa El-Din Hafez", model.SexFemale, Hurghada, model.PositionFrontLine, "Inspector", 1994},
	{"مروان هاني عبد المجيد", "Marwan Hany Abdelmegid", model.SexMale, Hurghada, model.PositionFrontLine, "Lieutenant", 1996},
	{"أسماء سيد النجار", "Asmaa Sayed El-Naggar", model.SexFemale, Safaga, model.PositionDesk, "Specialist", 1993},
	{"باسم شوقي عبد الباقي", "Bassem Shawky Abdelbaky", model.SexMale, Safaga, model.PositionFrontLine, "First Lieutenant", 1990},
}

// The 27 officers of the Hurghada course are the first 27 entries.
const hurghadaOfficers = 27

// Short names for the marks in the tables below.
const (
	pr = model.MarkPresent
	lt = model.MarkLate
	ab = model.MarkAbsent
	ex = model.MarkExcused
)

// hurghada2023 is the course from the reference article.
func hurghada2023() Training {
	t := Training{
		Training: model.Training{
			TitleEn:      "Counter-smuggling for customs officers: migrants, goods and trafficking",
			TitleAr:      "مكافحة التهريب لموظفي الجمارك: المهاجرون والبضائع والاتجار",
			ObjectivesEn: "Show how the smuggling of migrants, the smuggling of goods and trafficking in persons are linked; practise the techniques that identify them; share practice from other countries and from the guidance of international organisations.",
			ObjectivesAr: "بيان الصلة بين تهريب المهاجرين وتهريب البضائع والاتجار بالأشخاص؛ والتدرّب على الأساليب التي تكشفها؛ وتبادل الممارسات من بلدان أخرى ومن إرشادات المنظمات الدولية.",
			VenueEn:      "Hotel conference hall", VenueAr: "قاعة المؤتمرات بالفندق", City: "Hurghada", GovernorateID: ptr(govRedSea),
			StartsOn: model.MustDate("2023-01-16"), EndsOn: model.MustDate("2023-01-19"),
			Status: model.StatusCompleted, Capacity: 30, Language: "ar", CompletionMinRate: model.DefaultCompletionRate,
		},
		Topics: []string{
			"Links between smuggling of migrants, smuggling of goods and trafficking in persons",
			"Indicators and profiling at seaports and airports",
			"Protection of people on the move and referral of victims",
			"Practice from other countries and international guidelines",
		},
		SDGs:         []int64{3, 10, 16, 17},
		GCMs:         []int64{7, 9, 10, 11, 23},
		Facilitators: []string{"trainer@traindesk.local"},
	}
	// A few late, absent and excused marks; everyone else is present.
	exceptions := map[int][]model.Mark{
		4:  {lt, pr, pr, pr},
		11: {pr, pr, lt, pr},
		7:  {pr, ab, ab, pr}, // 50%: does not complete
		19: {pr, lt, ex, pr}, // 75%: does not complete
		13: {pr, pr, pr, ab}, // 75%: does not complete
		2:  {pr, pr, pr, lt},
		25: {pr, ex, pr, pr}, // 75%: does not complete
		22: {lt, pr, pr, pr},
	}
	for i := 0; i < hurghadaOfficers; i++ {
		marks, ok := exceptions[i]
		if !ok {
			marks = []model.Mark{pr, pr, pr, pr}
		}
		pre := float64(40 + (i*7)%31)
		post := pre + float64(8+(i*5)%23)
		if i == 9 || i == 18 {
			post = pre - 2 // two participants whose score did not rise
		}
		t.Regs = append(t.Regs, Reg{Officer: i, Status: model.RegConfirmed, Marks: marks,
			Pre: pre, Post: min(post, 100), Satisfaction: 3 + (i*3)%3})
	}
	return t
}

// victims2023 shares twelve officers with the Hurghada course, so that
// participations and unique individuals differ.
func victims2023() Training {
	t := Training{
		Training: model.Training{
			TitleEn:      "Identifying and referring victims of trafficking at ports of entry",
			TitleAr:      "التعرّف على ضحايا الاتجار وإحالتهم في منافذ الدخول",
			ObjectivesEn: "Recognise indicators of trafficking among travellers and crews, interview with care, and refer presumed victims to protection services.",
			ObjectivesAr: "التعرّف على مؤشرات الاتجار بين المسافرين وأفراد الطواقم، وإجراء المقابلات بعناية، وإحالة الضحايا المفترضين إلى خدمات الحماية.",
			VenueEn:      "Customs training centre", VenueAr: "مركز تدريب الجمارك", City: "Safaga", GovernorateID: ptr(govRedSea),
			StartsOn: model.MustDate("2023-05-21"), EndsOn: model.MustDate("2023-05-23"),
			Status: model.StatusCompleted, Capacity: 20, Language: "ar", CompletionMinRate: model.DefaultCompletionRate,
		},
		Topics:       []string{"Indicators of trafficking", "Interviewing presumed victims", "National referral mechanism"},
		SDGs:         []int64{5, 10, 16},
		GCMs:         []int64{7, 10},
		Facilitators: []string{"trainer@traindesk.local"},
	}
	for _, i := range []int{0, 1, 2, 3, 8, 11, 12, 16, 20, 22, 23, 26, 27, 28, 29, 30} {
		marks := []model.Mark{pr, pr, pr}
		if i == 29 {
			marks = []model.Mark{pr, ab, pr}
		}
		pre := float64(45 + (i*11)%29)
		t.Regs = append(t.Regs, Reg{Officer: i, Status: model.RegConfirmed, Marks: marks,
			Pre: pre, Post: min(pre+float64(6+(i*3)%19), 100), Satisfaction: 4 + i%2})
	}
	// One nominee withdrew before the course.
	t.Regs = append(t.Regs, Reg{Officer: 5, Status: model.RegWithdrawn})
	return t
}

// documents runs from yesterday to tomorrow: the trainer has a roll call to
// take today.
func documents(today model.Date) Training {
	t := Training{
		Training: model.Training{
			TitleEn:      "Document examination for front-line officers",
			TitleAr:      "فحص الوثائق لموظفي الخطوط الأمامية",
			ObjectivesEn: "Detect forged and altered travel and shipping documents at the counter and on the quay.",
			ObjectivesAr: "كشف وثائق السفر والشحن المزوّرة والمعدّلة عند الشبّاك وعلى الرصيف.",
			VenueEn:      "Safaga port training room", VenueAr: "قاعة التدريب بميناء سفاجا", City: "Safaga", GovernorateID: ptr(govRedSea),
			StartsOn: today.AddDays(-1), EndsOn: today.AddDays(1),
			Status: model.StatusOngoing, Capacity: 18, Language: "ar", CompletionMinRate: model.DefaultCompletionRate,
		},
		Topics:       []string{"Security features of travel documents", "Shipping documents and manifests", "Practical examination"},
		SDGs:         []int64{16},
		GCMs:         []int64{4, 11},
		Facilitators: []string{"trainer@traindesk.local"},
	}
	for k, i := range []int{0, 3, 4, 6, 7, 9, 10, 12, 13, 15, 17, 19, 21, 27, 28, 29, 31} {
		first := pr
		if k == 5 {
			first = lt
		} else if k == 11 {
			first = ab
		}
		t.Regs = append(t.Regs, Reg{Officer: i, Status: model.RegConfirmed, Marks: []model.Mark{first, "", ""}})
	}
	return t
}

// refresher is planned for next month, with nominations still coming in.
func refresher(today model.Date) Training {
	start := model.Date{Year: today.Year, Month: today.Month, Day: 1}.Time().AddDate(0, 1, 13)
	s := model.DateOf(start)
	t := Training{
		Training: model.Training{
			TitleEn:      "Counter-smuggling refresher for Hurghada airport",
			TitleAr:      "دورة تنشيطية في مكافحة التهريب لمطار الغردقة",
			ObjectivesEn: "Refresh risk profiling and the handling of suspected smuggling cases for airport shifts.",
			ObjectivesAr: "تنشيط مهارات تحليل المخاطر والتعامل مع حالات التهريب المشتبه بها لورديات المطار.",
			VenueEn:      "Hurghada International Airport, training room", VenueAr: "مطار الغردقة الدولي، قاعة التدريب", City: "Hurghada", GovernorateID: ptr(govRedSea),
			StartsOn: s, EndsOn: s.AddDays(1),
			Status: model.StatusPlanned, Capacity: 20, Language: "ar", CompletionMinRate: model.DefaultCompletionRate,
		},
		Topics:       []string{"Risk profiling", "Case handling and referral"},
		SDGs:         []int64{16, 17},
		GCMs:         []int64{9, 11},
		Facilitators: []string{"trainer@traindesk.local"},
	}
	for k, i := range []int{12, 13, 14, 15, 16, 18, 19, 20, 21, 28, 29} {
		st := model.RegConfirmed
		if k%3 == 2 {
			st = model.RegNominated
		}
		t.Regs = append(t.Regs, Reg{Officer: i, Status: st, Marks: []model.Mark{"", ""}})
	}
	return t
}
