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

// Headline holds the dashboard's few figures.
type Headline struct {
	Trainings      int
	Completed      int
	Upcoming       int
	Individuals    int
	Participations int
	Women          int
	Attended       int
	Marks          int
}

// Dashboard is everything the home page shows.
type Dashboard struct {
	Date     Date // the venue's today, the day the page is for
	Today    []TodaySitting
	Upcoming []UpcomingTraining
	Headline Headline
}
