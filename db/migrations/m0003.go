package migrations

import "gorm.io/gorm"

type m0003Governorate struct {
	ID     int64
	Code   string
	NameEn string
	NameAr string
}

func (m0003Governorate) TableName() string { return "governorates" }

type m0003Titled struct {
	ID      int64
	TitleEn string
	TitleAr string
}

type m0003Thematic struct {
	ID     int64
	NameEn string
	NameAr string
}

func (m0003Thematic) TableName() string { return "thematic_areas" }

// Egypt's 27 governorates with their ISO 3166-2:EG codes.
var m0003Governorates = []m0003Governorate{
	{1, "C", "Cairo", "القاهرة"},
	{2, "GZ", "Giza", "الجيزة"},
	{3, "ALX", "Alexandria", "الإسكندرية"},
	{4, "KB", "Qalyubia", "القليوبية"},
	{5, "SHR", "Sharqia", "الشرقية"},
	{6, "DK", "Dakahlia", "الدقهلية"},
	{7, "GH", "Gharbia", "الغربية"},
	{8, "MNF", "Monufia", "المنوفية"},
	{9, "BH", "Beheira", "البحيرة"},
	{10, "KFS", "Kafr El Sheikh", "كفر الشيخ"},
	{11, "DT", "Damietta", "دمياط"},
	{12, "PTS", "Port Said", "بورسعيد"},
	{13, "IS", "Ismailia", "الإسماعيلية"},
	{14, "SUZ", "Suez", "السويس"},
	{15, "SIN", "North Sinai", "شمال سيناء"},
	{16, "JS", "South Sinai", "جنوب سيناء"},
	{17, "BA", "Red Sea", "البحر الأحمر"},
	{18, "MT", "Matrouh", "مطروح"},
	{19, "WAD", "New Valley", "الوادي الجديد"},
	{20, "FYM", "Faiyum", "الفيوم"},
	{21, "BNS", "Beni Suef", "بني سويف"},
	{22, "MN", "Minya", "المنيا"},
	{23, "AST", "Asyut", "أسيوط"},
	{24, "SHG", "Sohag", "سوهاج"},
	{25, "KN", "Qena", "قنا"},
	{26, "LX", "Luxor", "الأقصر"},
	{27, "ASN", "Aswan", "أسوان"},
}

// The 17 Sustainable Development Goals with the United Nations' short
// titles in English and Arabic.
var m0003SDGs = []m0003Titled{
	{1, "No Poverty", "القضاء على الفقر"},
	{2, "Zero Hunger", "القضاء التام على الجوع"},
	{3, "Good Health and Well-being", "الصحة الجيدة والرفاه"},
	{4, "Quality Education", "التعليم الجيد"},
	{5, "Gender Equality", "المساواة بين الجنسين"},
	{6, "Clean Water and Sanitation", "المياه النظيفة والنظافة الصحية"},
	{7, "Affordable and Clean Energy", "طاقة نظيفة وبأسعار معقولة"},
	{8, "Decent Work and Economic Growth", "العمل اللائق ونمو الاقتصاد"},
	{9, "Industry, Innovation and Infrastructure", "الصناعة والابتكار والهياكل الأساسية"},
	{10, "Reduced Inequalities", "الحد من أوجه عدم المساواة"},
	{11, "Sustainable Cities and Communities", "مدن ومجتمعات محلية مستدامة"},
	{12, "Responsible Consumption and Production", "الاستهلاك والإنتاج المسؤولان"},
	{13, "Climate Action", "العمل المناخي"},
	{14, "Life Below Water", "الحياة تحت الماء"},
	{15, "Life on Land", "الحياة في البر"},
	{16, "Peace, Justice and Strong Institutions", "السلام والعدل والمؤسسات القوية"},
	{17, "Partnerships for the Goals", "عقد الشراكات لتحقيق الأهداف"},
}

// The 23 objectives of the Global Compact for Safe, Orderly and Regular
// Migration. Their official Arabic wording is not reproduced here from
// memory; the application shows the English title where Arabic is empty.
var m0003GCM = []m0003Titled{
	{1, "Collect and utilize accurate and disaggregated data as a basis for evidence-based policies", ""},
	{2, "Minimize the adverse drivers and structural factors that compel people to leave their country of origin", ""},
	{3, "Provide accurate and timely information at all stages of migration", ""},
	{4, "Ensure that all migrants have proof of legal identity and adequate documentation", ""},
	{5, "Enhance availability and flexibility of pathways for regular migration", ""},
	{6, "Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work", ""},
	{7, "Address and reduce vulnerabilities in migration", ""},
	{8, "Save lives and establish coordinated international efforts on missing migrants", ""},
	{9, "Strengthen the transnational response to smuggling of migrants", ""},
	{10, "Prevent, combat and eradicate trafficking in persons in the context of international migration", ""},
	{11, "Manage borders in an integrated, secure and coordinated manner", ""},
	{12, "Strengthen certainty and predictability in migration procedures for appropriate screening, assessment and referral", ""},
	{13, "Use migration detention only as a measure of last resort and work towards alternatives", ""},
	{14, "Enhance consular protection, assistance and cooperation throughout the migration cycle", ""},
	{15, "Provide access to basic services for migrants", ""},
	{16, "Empower migrants and societies to realize full inclusion and social cohesion", ""},
	{17, "Eliminate all forms of discrimination and promote evidence-based public discourse to shape perceptions of migration", ""},
	{18, "Invest in skills development and facilitate mutual recognition of skills, qualifications and competences", ""},
	{19, "Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries", ""},
	{20, "Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants", ""},
	{21, "Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration", ""},
	{22, "Establish mechanisms for the portability of social security entitlements and earned benefits", ""},
	{23, "Strengthen international cooperation and global partnerships for safe, orderly and regular migration", ""},
}

var m0003Thematics = []m0003Thematic{
	{1, "Counter-smuggling", "مكافحة التهريب"},
	{2, "Counter-trafficking", "مكافحة الاتجار بالبشر"},
	{3, "Integrated border management", "الإدارة المتكاملة للحدود"},
	{4, "Protection of migrants", "حماية المهاجرين"},
	{5, "Document examination", "فحص الوثائق"},
}

func m0003(tx *gorm.DB) error {
	if err := tx.Create(&m0003Governorates).Error; err != nil {
		return err
	}
	if err := tx.Table("sdgs").Create(&m0003SDGs).Error; err != nil {
		return err
	}
	if err := tx.Table("gcm_objectives").Create(&m0003GCM).Error; err != nil {
		return err
	}
	if err := tx.Create(&m0003Thematics).Error; err != nil {
		return err
	}
	// Rows inserted with explicit ids leave PostgreSQL's sequence behind;
	// move it on so that the next thematic area gets a fresh id.
	if tx.Dialector.Name() == "postgres" {
		return tx.Exec("SELECT setval(pg_get_serial_sequence('thematic_areas', 'id'), (SELECT MAX(id) FROM thematic_areas))").Error
	}
	return nil
}
