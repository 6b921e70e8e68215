package migrations

import (
	"time"

	"gorm.io/gorm"
)

// Tables created by m0001, declared here only as targets of foreign keys.
type m0002User struct {
	ID int64 `gorm:"primaryKey"`
}

func (m0002User) TableName() string { return "users" }

type m0002Governorate struct {
	ID int64 `gorm:"primaryKey"`
}

func (m0002Governorate) TableName() string { return "governorates" }

type m0002SDG struct {
	ID int64 `gorm:"primaryKey"`
}

func (m0002SDG) TableName() string { return "sdgs" }

type m0002GCM struct {
	ID int64 `gorm:"primaryKey"`
}

func (m0002GCM) TableName() string { return "gcm_objectives" }

type m0002Thematic struct {
	ID int64 `gorm:"primaryKey"`
}

func (m0002Thematic) TableName() string { return "thematic_areas" }

type m0002Donor struct {
	ID         int64  `gorm:"primaryKey"`
	NameEn     string `gorm:"size:200;not null"`
	NameAr     string `gorm:"size:200;not null;default:''"`
	ShortName  string `gorm:"size:60;not null;default:''"`
	ArchivedAt *time.Time
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

func (m0002Donor) TableName() string { return "donors" }

type m0002Project struct {
	ID               int64       `gorm:"primaryKey"`
	Code             string      `gorm:"size:40;not null;uniqueIndex:ux_projects_code"`
	TitleEn          string      `gorm:"size:400;not null"`
	TitleAr          string      `gorm:"size:400;not null;default:''"`
	DonorID          int64       `gorm:"not null;index:ix_projects_donor"`
	Donor            *m0002Donor `gorm:"constraint:OnDelete:RESTRICT"`
	StartsOn         string      `gorm:"size:10"`
	EndsOn           string      `gorm:"size:10"`
	MasteryThreshold int         `gorm:"not null;default:70"`
	ArchivedAt       *time.Time
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

func (m0002Project) TableName() string { return "projects" }

type m0002Indicator struct {
	ID        int64         `gorm:"primaryKey"`
	ProjectID int64         `gorm:"not null;index:ix_indicators_project"`
	Project   *m0002Project `gorm:"constraint:OnDelete:CASCADE"`
	Code      string        `gorm:"size:20;not null;default:''"`
	NameEn    string        `gorm:"size:300;not null"`
	NameAr    string        `gorm:"size:300;not null;default:''"`
	Unit      string        `gorm:"size:16;not null;default:'count'"`
	Metric    string        `gorm:"size:32;not null;default:'manual'"`
	Baseline  float64       `gorm:"not null;default:0"`
	Target    float64       `gorm:"not null;default:0"`
	Actual    *float64
	Position  int `gorm:"not null;default:0"`
}

func (m0002Indicator) TableName() string { return "indicators" }

type m0002Agency struct {
	ID               int64  `gorm:"primaryKey"`
	NameEn           string `gorm:"size:200;not null"`
	NameAr           string `gorm:"size:200;not null;default:''"`
	ShortName        string `gorm:"size:40;not null;default:''"`
	ParentMinistryEn string `gorm:"size:200;not null;default:''"`
	ParentMinistryAr string `gorm:"size:200;not null;default:''"`
	Kind             string `gorm:"size:20;not null;default:'other'"`
	FocalName        string `gorm:"size:120;not null;default:''"`
	FocalPhone       string `gorm:"size:40;not null;default:''"`
	FocalEmail       string `gorm:"size:254;not null;default:''"`
	ArchivedAt       *time.Time
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

func (m0002Agency) TableName() string { return "agencies" }

type m0002Station struct {
	ID            int64             `gorm:"primaryKey"`
	NameEn        string            `gorm:"size:200;not null"`
	NameAr        string            `gorm:"size:200;not null;default:''"`
	Kind          string            `gorm:"size:20;not null;default:'other'"`
	GovernorateID *int64            `gorm:"index:ix_stations_governorate"`
	Governorate   *m0002Governorate `gorm:"constraint:OnDelete:RESTRICT"`
	AgencyID      *int64            `gorm:"index:ix_stations_agency"`
	Agency        *m0002Agency      `gorm:"constraint:OnDelete:RESTRICT"`
	ArchivedAt    *time.Time
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

func (m0002Station) TableName() string { return "duty_stations" }

type m0002Training struct {
	ID                     int64             `gorm:"primaryKey"`
	Title                  string            `gorm:"size:300;not null"`
	Objectives             string            `gorm:"type:text;not null;default:''"`
	ThematicAreaID         *int64            `gorm:"index:ix_trainings_thematic"`
	ThematicArea           *m0002Thematic    `gorm:"constraint:OnDelete:RESTRICT"`
	ProjectID              *int64            `gorm:"index:ix_trainings_project"`
	Project                *m0002Project     `gorm:"constraint:OnDelete:RESTRICT"`
	AgencyID               *int64            `gorm:"index:ix_trainings_agency"`
	Agency                 *m0002Agency      `gorm:"constraint:OnDelete:RESTRICT"`
	Venue                  string            `gorm:"size:200;not null;default:''"`
	City                   string            `gorm:"size:120;not null;default:''"`
	GovernorateID          *int64            `gorm:"index:ix_trainings_governorate"`
	Governorate            *m0002Governorate `gorm:"constraint:OnDelete:RESTRICT"`
	StartsOn               string            `gorm:"size:10;not null;index:ix_trainings_dates,priority:1"`
	EndsOn                 string            `gorm:"size:10;not null;index:ix_trainings_dates,priority:2"`
	Status                 string            `gorm:"size:16;not null;default:'draft';index:ix_trainings_status"`
	CancelReason           string            `gorm:"size:500;not null;default:''"`
	Capacity               int               `gorm:"not null;default:1"`
	Language               string            `gorm:"size:8;not null;default:'ar'"`
	CompletionMinRate      int               `gorm:"not null;default:80"`
	CompletionMinPostScore *int
	CopiedFromID           *int64
	CreatedByID            *int64
	CreatedBy              *m0002User `gorm:"constraint:OnDelete:SET NULL"`
	CreatedAt              time.Time
	UpdatedAt              time.Time
}

func (m0002Training) TableName() string { return "trainings" }

type m0002Quota struct {
	ID            int64          `gorm:"primaryKey"`
	TrainingID    int64          `gorm:"not null;index:ix_quotas_training"`
	Training      *m0002Training `gorm:"constraint:OnDelete:CASCADE"`
	AgencyID      *int64
	Agency        *m0002Agency `gorm:"constraint:OnDelete:RESTRICT"`
	DutyStationID *int64
	DutyStation   *m0002Station `gorm:"constraint:OnDelete:RESTRICT"`
	Places        int           `gorm:"not null"`
}

func (m0002Quota) TableName() string { return "training_quotas" }

type m0002Facilitator struct {
	TrainingID int64          `gorm:"primaryKey;autoIncrement:false"`
	Training   *m0002Training `gorm:"constraint:OnDelete:CASCADE"`
	UserID     int64          `gorm:"primaryKey;autoIncrement:false;index:ix_facilitators_user"`
	User       *m0002User     `gorm:"constraint:OnDelete:CASCADE"`
}

func (m0002Facilitator) TableName() string { return "training_facilitators" }

type m0002TrainingSDG struct {
	TrainingID int64          `gorm:"primaryKey;autoIncrement:false"`
	Training   *m0002Training `gorm:"constraint:OnDelete:CASCADE"`
	SDGID      int64          `gorm:"primaryKey;autoIncrement:false;column:sdg_id"`
	SDG        *m0002SDG      `gorm:"foreignKey:SDGID;constraint:OnDelete:RESTRICT"`
}

func (m0002TrainingSDG) TableName() string { return "training_sdgs" }

type m0002TrainingGCM struct {
	TrainingID int64          `gorm:"primaryKey;autoIncrement:false"`
	Training   *m0002Training `gorm:"constraint:OnDelete:CASCADE"`
	GCMID      int64          `gorm:"primaryKey;autoIncrement:false;column:gcm_id"`
	GCM        *m0002GCM      `gorm:"foreignKey:GCMID;constraint:OnDelete:RESTRICT"`
}

func (m0002TrainingGCM) TableName() string { return "training_gcms" }

type m0002Sitting struct {
	ID         int64          `gorm:"primaryKey"`
	TrainingID int64          `gorm:"not null;index:ix_sittings_training,priority:1"`
	Training   *m0002Training `gorm:"constraint:OnDelete:CASCADE"`
	Date       string         `gorm:"size:10;not null;index:ix_sittings_training,priority:2;index:ix_sittings_date"`
	StartsAt   string         `gorm:"size:5;not null;default:'09:00'"`
	EndsAt     string         `gorm:"size:5;not null;default:'16:00'"`
	Topic      string         `gorm:"size:300;not null;default:''"`
	DeletedAt  *time.Time
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

func (m0002Sitting) TableName() string { return "sittings" }

type m0002Person struct {
	ID            int64  `gorm:"primaryKey"`
	NameLatin     string `gorm:"size:200;not null;default:''"`
	NameArabic    string `gorm:"size:200;not null;default:''"`
	NameKey       string `gorm:"size:800;not null;default:''"`
	Sex           string `gorm:"size:1;not null;default:''"`
	BirthYear     *int
	AgeBand       string        `gorm:"size:16;not null;default:''"`
	AgencyID      *int64        `gorm:"index:ix_persons_agency"`
	Agency        *m0002Agency  `gorm:"constraint:OnDelete:RESTRICT"`
	DutyStationID *int64        `gorm:"index:ix_persons_station"`
	DutyStation   *m0002Station `gorm:"constraint:OnDelete:RESTRICT"`
	Position      string        `gorm:"size:32;not null;default:''"`
	Rank          string        `gorm:"size:80;not null;default:''"`
	Phone         string        `gorm:"size:40;not null;default:'';index:ix_persons_phone"`
	Email         string        `gorm:"size:254;not null;default:'';index:ix_persons_email"`
	NationalRef   string        `gorm:"size:40;not null;default:''"`
	Notes         string        `gorm:"type:text;not null;default:''"`
	MergedIntoID  *int64        `gorm:"index:ix_persons_merged"`
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

func (m0002Person) TableName() string { return "persons" }

type m0002Merge struct {
	ID                 int64        `gorm:"primaryKey"`
	SurvivorID         int64        `gorm:"not null;index:ix_merges_survivor"`
	Survivor           *m0002Person `gorm:"foreignKey:SurvivorID;constraint:OnDelete:RESTRICT"`
	MergedID           int64        `gorm:"not null;index:ix_merges_merged"`
	Merged             *m0002Person `gorm:"foreignKey:MergedID;constraint:OnDelete:RESTRICT"`
	MovedRegistrations string       `gorm:"type:text;not null;default:'[]'"`
	MergedByID         *int64
	MergedAt           time.Time `gorm:"not null"`
	UndoneAt           *time.Time
	UndoneByID         *int64
}

func (m0002Merge) TableName() string { return "person_merges" }

type m0002Registration struct {
	ID             int64          `gorm:"primaryKey"`
	TrainingID     int64          `gorm:"not null;uniqueIndex:ux_registrations_training_person,priority:1"`
	Training       *m0002Training `gorm:"constraint:OnDelete:CASCADE"`
	PersonID       int64          `gorm:"not null;uniqueIndex:ux_registrations_training_person,priority:2;index:ix_registrations_person"`
	Person         *m0002Person   `gorm:"constraint:OnDelete:RESTRICT"`
	Status         string         `gorm:"size:16;not null;default:'nominated'"`
	AgencyID       *int64         `gorm:"index:ix_registrations_agency"`
	Agency         *m0002Agency   `gorm:"constraint:OnDelete:RESTRICT"`
	DutyStationID  *int64         `gorm:"index:ix_registrations_station"`
	DutyStation    *m0002Station  `gorm:"constraint:OnDelete:RESTRICT"`
	Position       string         `gorm:"size:32;not null;default:''"`
	RegisteredByID *int64
	RegisteredAt   time.Time `gorm:"not null"`
	UpdatedAt      time.Time
}

func (m0002Registration) TableName() string { return "registrations" }

type m0002RegistrationChange struct {
	ID             int64              `gorm:"primaryKey"`
	RegistrationID int64              `gorm:"not null;index:ix_registration_history_reg"`
	Registration   *m0002Registration `gorm:"constraint:OnDelete:CASCADE"`
	OldStatus      string             `gorm:"size:16;not null;default:''"`
	NewStatus      string             `gorm:"size:16;not null"`
	Reason         string             `gorm:"size:500;not null;default:''"`
	ChangedByID    *int64
	ChangedAt      time.Time `gorm:"not null"`
}

func (m0002RegistrationChange) TableName() string { return "registration_history" }

type m0002Attendance struct {
	ID             int64              `gorm:"primaryKey"`
	RegistrationID int64              `gorm:"not null;uniqueIndex:ux_attendance_reg_sitting,priority:1"`
	Registration   *m0002Registration `gorm:"constraint:OnDelete:CASCADE"`
	SittingID      int64              `gorm:"not null;uniqueIndex:ux_attendance_reg_sitting,priority:2;index:ix_attendance_sitting"`
	Sitting        *m0002Sitting      `gorm:"constraint:OnDelete:CASCADE"`
	Status         string             `gorm:"size:16;not null"`
	Note           string             `gorm:"size:500;not null;default:''"`
	ClientTime     int64              `gorm:"not null;default:0"`
	DeviceID       string             `gorm:"size:64;not null;default:''"`
	OpID           string             `gorm:"size:64;not null;default:''"`
	Via            string             `gorm:"size:16;not null;default:'online'"`
	RecordedByID   *int64
	RecordedAt     time.Time `gorm:"not null"`
}

func (m0002Attendance) TableName() string { return "attendance" }

type m0002AttendanceChange struct {
	ID             int64              `gorm:"primaryKey"`
	RegistrationID int64              `gorm:"not null;index:ix_attendance_history_cell,priority:1"`
	Registration   *m0002Registration `gorm:"constraint:OnDelete:CASCADE"`
	SittingID      int64              `gorm:"not null;index:ix_attendance_history_cell,priority:2"`
	Sitting        *m0002Sitting      `gorm:"constraint:OnDelete:CASCADE"`
	OldStatus      string             `gorm:"size:16;not null;default:''"`
	NewStatus      string             `gorm:"size:16;not null"`
	Note           string             `gorm:"size:500;not null;default:''"`
	ClientTime     int64              `gorm:"not null;default:0"`
	DeviceID       string             `gorm:"size:64;not null;default:''"`
	OpID           string             `gorm:"size:64;not null;default:''"`
	Via            string             `gorm:"size:16;not null"`
	RecordedByID   *int64
	RecordedAt     time.Time `gorm:"not null"`
}

func (m0002AttendanceChange) TableName() string { return "attendance_history" }

// m0002SyncOp remembers each offline operation applied, so that a replayed
// batch changes nothing and gets the same answer.
type m0002SyncOp struct {
	OpID      string `gorm:"primaryKey;size:64"`
	UserID    *int64
	DeviceID  string    `gorm:"size:64;not null;default:''"`
	SittingID int64     `gorm:"not null;default:0"`
	Result    string    `gorm:"type:text;not null"`
	AppliedAt time.Time `gorm:"not null"`
}

func (m0002SyncOp) TableName() string { return "sync_ops" }

type m0002Assessment struct {
	RegistrationID int64              `gorm:"primaryKey;autoIncrement:false"`
	Registration   *m0002Registration `gorm:"constraint:OnDelete:CASCADE"`
	PreScore       *float64
	PostScore      *float64
	Satisfaction   *int
	UpdatedByID    *int64
	UpdatedAt      time.Time
}

func (m0002Assessment) TableName() string { return "assessments" }

type m0002Certificate struct {
	ID             int64              `gorm:"primaryKey"`
	RegistrationID int64              `gorm:"not null;uniqueIndex:ux_certificates_registration"`
	Registration   *m0002Registration `gorm:"constraint:OnDelete:RESTRICT"`
	Code           string             `gorm:"size:32;not null;uniqueIndex:ux_certificates_code"`
	IssuedAt       time.Time          `gorm:"not null"`
	RevokedAt      *time.Time
	RevokedReason  string `gorm:"size:500;not null;default:''"`
	RevokedByID    *int64
}

func (m0002Certificate) TableName() string { return "certificates" }

// m0002Upload keeps an uploaded nomination list between the upload, mapping
// and preview steps; nothing from it reaches the registry before the officer
// confirms.
type m0002Upload struct {
	ID         int64          `gorm:"primaryKey"`
	TrainingID int64          `gorm:"not null;index:ix_uploads_training"`
	Training   *m0002Training `gorm:"constraint:OnDelete:CASCADE"`
	UserID     *int64
	FileName   string    `gorm:"size:255;not null"`
	Kind       string    `gorm:"size:8;not null"`
	Content    []byte    `gorm:"not null"`
	Mapping    string    `gorm:"type:text;not null;default:''"`
	CreatedAt  time.Time `gorm:"not null"`
}

func (m0002Upload) TableName() string { return "import_uploads" }

func m0002(tx *gorm.DB) error {
	return createTables(tx,
		&m0002Donor{}, &m0002Project{}, &m0002Indicator{},
		&m0002Agency{}, &m0002Station{},
		&m0002Training{}, &m0002Quota{}, &m0002Facilitator{}, &m0002TrainingSDG{}, &m0002TrainingGCM{},
		&m0002Sitting{}, &m0002Person{}, &m0002Merge{},
		&m0002Registration{}, &m0002RegistrationChange{},
		&m0002Attendance{}, &m0002AttendanceChange{}, &m0002SyncOp{},
		&m0002Assessment{}, &m0002Certificate{}, &m0002Upload{})
}
