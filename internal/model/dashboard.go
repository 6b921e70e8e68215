package model

// TodaySitting is a session on the dashboard's "today" list.
type TodaySitting struct {
	SittingID  int64
	TrainingID int64
	TitleEn    string
	TitleAr    string
	VenueEn    string
	VenueAr    string
	City       string
	Date       Date
	StartsAt   string
	EndsAt     string
	Topic      string
	Registered int
	Marked     int
}

// UpcomingTraining is a training on the dashboard's "coming up" list.
type UpcomingTraining struct {
	ID           int64
	TitleEn      string
	TitleAr      string
	StartsOn     Date
	EndsOn       Date
	City         string
	VenueEn      string
	VenueAr      string
	Status       TrainingStatus
	Capacity     int
	Participants int
}

// Dashboard is everything the home page shows. Headlines are the donor
// report's own figures for the year so far, one set per project that has
// trainings this year among those the viewer may see.
type Dashboard struct {
	Date      Date // the venue's today, the day the page is for
	Today     []TodaySitting
	Upcoming  []UpcomingTraining
	Headlines []Figures
	// Version is the data change counter the dashboard was gathered at:
	// whatever is made from it alone (the rendered page) stays right
	// while the counter has not moved.
	Version int64
}
