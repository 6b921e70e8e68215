package model

// Table names are part of the schema that db/migrations defines; the store
// reads them from these methods so that the two cannot drift apart.

func (User) TableName() string             { return "users" }
func (Login) TableName() string            { return "logins" }
func (AuditEntry) TableName() string       { return "audit_log" }
func (Governorate) TableName() string      { return "governorates" }
func (SDG) TableName() string              { return "sdgs" }
func (GCMObjective) TableName() string     { return "gcm_objectives" }
func (ThematicArea) TableName() string     { return "thematic_areas" }
func (Donor) TableName() string            { return "donors" }
func (Project) TableName() string          { return "projects" }
func (Indicator) TableName() string        { return "indicators" }
func (Agency) TableName() string           { return "agencies" }
func (DutyStation) TableName() string      { return "duty_stations" }
func (Training) TableName() string         { return "trainings" }
func (TrainingQuota) TableName() string    { return "training_quotas" }
func (Sitting) TableName() string          { return "sittings" }
func (Person) TableName() string           { return "persons" }
func (PersonMerge) TableName() string      { return "person_merges" }
func (Registration) TableName() string     { return "registrations" }
func (Attendance) TableName() string       { return "attendance" }
func (AttendanceChange) TableName() string { return "attendance_history" }
func (Assessment) TableName() string       { return "assessments" }
func (Certificate) TableName() string      { return "certificates" }
