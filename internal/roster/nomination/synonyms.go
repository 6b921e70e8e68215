package nomination

import "strings"

// fieldPhrases is a field with the header texts that name it.
type fieldPhrases struct {
	field   Field
	phrases [][]string // folded, as tokens
}

// headerPhrases returns, for every field but the two names, the header
// texts partner agencies use for it in English and Arabic. They are written
// as users type them and folded here, so spelling variants (hamza, teh
// marbuta, alef maksura, diacritics, case, punctuation) need no entry of
// their own. The names are recognised by nameWords and its companions
// instead, because a name header is qualified in many ways.
func headerPhrases() []fieldPhrases {
	table := []struct {
		field Field
		list  string
	}{
		{FieldSex, "sex|gender|m/f|male/female|الجنس|النوع|نوع|جنس|ذكر/أنثى|الجنس (ذكر/أنثى)"},
		{FieldBirthYear, "year of birth|birth year|birthyear|yob|dob|d.o.b|date of birth|birth date|birthdate|born|" +
			"سنة الميلاد|تاريخ الميلاد|الميلاد|مواليد|تاريخ الولادة|سنة الولادة"},
		{FieldAgency, "agency|authority|organisation|organization|org|ministry|institution|entity|employer|" +
			"nominating agency|partner agency|government agency|" +
			"الجهة|الجهة الشريكة|المصلحة|الهيئة|الوزارة|الجهة التابع لها|جهة الترشيح|الجهة المرشحة|الجهة الحكومية"},
		// "جهة العمل" is in ambiguousPhrases: a duty station, or the agency
		// when the list names the station in another column.
		{FieldDutyStation, "duty station|duty-station|port|station|workplace|work place|place of work|work location|" +
			"location|branch|unit|port of entry|border post|border crossing|airport|seaport|posting|" +
			"مقر العمل|مكان العمل|محل العمل|مركز العمل|المنفذ|منفذ العمل|الميناء|المطار|جهة العمل الفرعية|" +
			"الجهة الفرعية|الفرع|الموقع|الوحدة"},
		{FieldPosition, "position|job title|job|function|role|post|occupation|designation|" +
			"الوظيفة|المسمى الوظيفي|المسمى|الوظيفة الحالية|طبيعة العمل|المنصب"},
		{FieldRank, "rank|grade|military rank|الرتبة|الدرجة|الدرجة الوظيفية|الرتبة العسكرية|الدرجة المالية|الرتبة/الدرجة"},
		{FieldPhone, "phone|mobile|tel|telephone|cell|cellphone|mob|whatsapp|contact number|phone number|phone no|" +
			"mobile number|mobile no|tel no|telephone number|رقم الهاتف|الهاتف|هاتف|الموبايل|موبايل|المحمول|محمول|" +
			"التليفون|تليفون|رقم التليفون|رقم المحمول|رقم الموبايل|الجوال|جوال|رقم الجوال|واتساب|رقم التواصل"},
		{FieldEmail, "email|e-mail|e mail|mail|email address|البريد الإلكتروني|البريد|الإيميل|ايميل|بريد إلكتروني"},
		{FieldNationalRef, "id|national id|id number|id no|nid|national number|employee number|employee no|" +
			"employee id|staff number|staff id|file number|personnel number|reference|ref|passport number|passport no|" +
			"الرقم القومي|رقم قومي|رقم الملف|الرقم الوظيفي|رقم البطاقة|رقم الهوية|كود الموظف|الكود|رقم جواز السفر"},
		{FieldNotes, "notes|note|remarks|remark|comments|comment|observations|ملاحظات|ملاحظة|الملاحظات|تعليقات"},
	}
	out := make([]fieldPhrases, len(table))
	for i, row := range table {
		out[i].field = row.field
		for _, p := range strings.Split(row.list, "|") {
			out[i].phrases = append(out[i].phrases, tokens(p))
		}
	}
	return out
}

// ambiguousPhrases are headers that name one field or another, by what
// else the list has: each is offered to its fields in order, below an
// exact phrase, so that an unambiguous column takes its field first.
// "جهة العمل" (place of work) is traindesk's older word for the duty
// station, but agencies also write it for the agency beside a column
// "المنفذ" or "الميناء" that holds the station.
func ambiguousPhrases() []struct {
	phrase []string
	fields []Field
} {
	return []struct {
		phrase []string
		fields []Field
	}{
		{tokens("جهة العمل"), []Field{FieldDutyStation, FieldAgency}},
		{tokens("work entity"), []Field{FieldDutyStation, FieldAgency}},
	}
}

// Word classes for name headers such as "Full name (English)", "الاسم
// رباعي" or "Name as in passport". Words are compared folded.
const (
	nameWords   = "name|names|fullname|الاسم|اسم|الاسماء|اسماء"
	fillerWords = "full|complete|of|in|the|as|per|on|written|officer|participant|nominee|employee|trainee|" +
		"candidate|letters|characters|script|language|" +
		"الموظف|المرشح|المتدرب|الضابط|المشارك|رباعي|الرباعي|ثلاثي|الثلاثي|رباعيا|بالكامل|كامل|الكامل|" +
		"باللغة|اللغة|بالحروف|الحروف|كما|في|هو|مكتوب|السفر"
	latinWords  = "english|latin|en|passport|eng"
	arabicWords = "arabic|ar|arab"
)

// wordSet folds a "|"-separated word list into a set.
func wordSet(list string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Split(list, "|") {
		set[fold(w)] = true
	}
	return set
}

// latinQualifier reports a word saying "in Latin letters": English, Latin,
// passport, or Arabic words built on إنجليز, لاتين or جواز.
func latinQualifier(w string, latin map[string]bool) bool {
	return latin[w] || strings.Contains(w, "نجليز") || strings.Contains(w, "لاتين") || strings.Contains(w, "جواز")
}

// arabicQualifier reports a word saying "in Arabic".
func arabicQualifier(w string, arabic map[string]bool) bool {
	return arabic[w] || strings.Contains(w, "عربي")
}
