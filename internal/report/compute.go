package report

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/traindesk/traindesk/internal/model"
)

// Querier is what Compute needs from the database: the project with its
// donor and indicators, and the report's aggregates (read together, so
// that the participations are read once). *store.Store implements it.
type Querier interface {
	ProjectByID(ctx context.Context, id int64) (model.Project, error)
	DonorByID(ctx context.Context, id int64) (model.Donor, error)
	Indicators(ctx context.Context, projectID int64) ([]model.Indicator, error)
	ReportAggregates(ctx context.Context, f model.ReportFilter) (model.ReportAggregates, error)
	ReportQuizzes(ctx context.Context, f model.ReportFilter) ([]model.ReportQuiz, error)
}

// Compute gathers the figures for f. Every number comes from the store's
// aggregates, and Go here only adds up per-training lines and divides,
// except the results per question, which the questionnaires' own rule
// counts. An unknown project is model.ErrNotFound; an invalid filter a
// *model.ValidationError.
func Compute(ctx context.Context, q Querier, f Filter) (model.Figures, error) {
	if err := f.Validate(); err != nil {
		return model.Figures{}, err
	}
	if f.AsOf.IsZero() {
		return model.Figures{}, errors.New("report: no day to count the figures as of")
	}
	p, err := q.ProjectByID(ctx, f.ProjectID)
	if err != nil {
		return model.Figures{}, err
	}
	d, err := q.DonorByID(ctx, p.DonorID)
	if err != nil {
		return model.Figures{}, err
	}
	fig := model.Figures{
		Project: model.ReportProject{ID: p.ID, Code: p.Code, TitleEn: p.TitleEn, TitleAr: p.TitleAr, DonorID: d.ID,
			DonorEn: d.NameEn, DonorAr: d.NameAr, MasteryThreshold: float64(p.MasteryThreshold)},
		Period: model.Period{From: f.From, To: f.To},
		Scope: model.ReportScope{AgencyID: f.AgencyID, GovernorateID: f.GovernorateID, ThematicID: f.ThematicID,
			FacilitatorID: f.FacilitatorID},
		Counted: model.ReportCounted{AsOf: f.AsOf},
	}
	sf := f.storeFilter(fig.Project.MasteryThreshold)
	agg, err := q.ReportAggregates(ctx, sf)
	if err != nil {
		return model.Figures{}, fmt.Errorf("report: %w", err)
	}
	addTrainings(agg.Trainings, &fig)
	addGroups(agg.Groups, &fig)
	addAssessments(agg.Assessments, sf.Mastery, &fig)
	addGoals(agg.Goals, &fig)
	fig.Outcome = model.OutcomeFigures{Trained: agg.Outcome.Trained, Answered: agg.Outcome.Answered, Used: agg.Outcome.Used,
		Share: share(agg.Outcome.Used, agg.Outcome.Answered)}
	if err := addQuestions(ctx, q, sf, &fig); err != nil {
		return model.Figures{}, fmt.Errorf("report: %w", err)
	}
	inds, err := q.Indicators(ctx, p.ID)
	if err != nil {
		return model.Figures{}, fmt.Errorf("report: %w", err)
	}
	fig.Indicators = indicators(inds, fig)
	return fig, nil
}

// addTrainings fills the per-training table and the totals that add up
// over trainings: trainings held, training days, no-shows, marks and
// completion. A training with no session held yet only counts as not
// started; one with sessions to come is running, and its completers are
// not counted until it is over.
func addTrainings(rows []model.ReportTraining, fig *model.Figures) {
	a, s, c := &fig.Attendance, &fig.Summary, &fig.Counted
	for _, r := range rows {
		if r.Sessions == 0 {
			c.NotStarted++
			continue
		}
		t := model.TrainingFigures{ID: r.ID, TitleEn: r.TitleEn, TitleAr: r.TitleAr, StartsOn: r.StartsOn, EndsOn: r.EndsOn, VenueEn: r.VenueEn, VenueAr: r.VenueAr, City: r.City,
			GovernorateEn: r.GovernorateEn, GovernorateAr: r.GovernorateAr, Status: r.Status, Running: r.Sessions < r.Planned,
			Sessions: r.Sessions, SessionsPlanned: r.Planned, Days: r.Days, Participants: r.Participants, NoShows: r.NoShows,
			Women: r.Women, Men: r.Men, Expected: r.Participants * r.Sessions, Attended: r.Present + r.Late}
		t.AttendanceRate = share(t.Attended, t.Expected)
		if t.Running {
			c.Running++
		} else {
			t.Completed = r.Completed
			t.CompletionRate = share(t.Completed, t.Participants)
			s.CompletionBase += t.Participants
		}
		fig.Trainings = append(fig.Trainings, t)

		s.TrainingsHeld++
		s.TrainingDays += r.Days
		s.NoShows += r.NoShows
		s.Completed += t.Completed
		a.Expected += t.Expected
		a.Present += r.Present
		a.Late += r.Late
		a.Absent += r.Absent
		a.Excused += r.Excused
	}
	a.Attended = a.Present + a.Late
	a.Unmarked = a.Expected - a.Attended - a.Absent - a.Excused
	a.Rate = share(a.Attended, a.Expected)
	s.CompletionRate = share(s.Completed, s.CompletionBase)
}

// addGroups counts participations and unique individuals, and sorts the
// disaggregation lines into their tables, largest first and "not
// recorded" last.
func addGroups(rows []model.ReportGroup, fig *model.Figures) {
	d, s := &fig.Groups, &fig.Summary
	for _, r := range rows {
		if r.Dim == "all" {
			s.Participations, s.ParticipationsWomen, s.ParticipationsMen = r.Participations, r.ParticipationsWomen, r.ParticipationsMen
			s.Individuals, s.Women, s.Men = r.Individuals, r.Women, r.Men
			continue
		}
		g := model.GroupFigures{Key: r.Key, NameEn: r.NameEn, NameAr: r.NameAr, Participations: r.Participations,
			ParticipationsWomen: r.ParticipationsWomen, ParticipationsMen: r.ParticipationsMen,
			Individuals: r.Individuals, Women: r.Women, Men: r.Men}
		if r.ID != nil {
			g.Key = strconv.FormatInt(*r.ID, 10)
		}
		switch r.Dim {
		case "agency":
			d.Agency = append(d.Agency, g)
		case "station":
			d.Station = append(d.Station, g)
		case "governorate":
			d.Governorate = append(d.Governorate, g)
		case "position":
			d.Position = append(d.Position, g)
		}
	}
	for _, gs := range [][]model.GroupFigures{d.Agency, d.Station, d.Governorate, d.Position} {
		slices.SortStableFunc(gs, byCount)
	}
	s.WomenShare = share(s.Women, s.Individuals)
}

// byCount orders groups by participations, then name; "not recorded" last.
func byCount(a, b model.GroupFigures) int {
	if (a.Key == "") != (b.Key == "") {
		if a.Key == "" {
			return 1
		}
		return -1
	}
	return cmp.Or(cmp.Compare(b.Participations, a.Participations), cmp.Compare(a.NameEn, b.NameEn), cmp.Compare(a.Key, b.Key))
}

// addAssessments fills knowledge gain and satisfaction.
func addAssessments(r model.ReportAssessments, mastery float64, fig *model.Figures) {
	k := &fig.Knowledge
	k.Assessed, k.Improved, k.Mastery, k.MasteryThreshold = r.Assessed, r.Improved, r.Mastery, mastery
	k.MeanPre, k.MeanPost = mean(r.SumPre, r.Assessed), mean(r.SumPost, r.Assessed)
	k.MeanGain = mean(r.SumPost-r.SumPre, r.Assessed)
	k.ImprovedShare, k.MasteryShare = share(r.Improved, r.Assessed), share(r.Mastery, r.Assessed)

	s := &fig.Satisfaction
	s.Counts = [5]int{r.Sat1, r.Sat2, r.Sat3, r.Sat4, r.Sat5}
	sum := 0
	for i, n := range s.Counts {
		s.Responses += n
		sum += (i + 1) * n
	}
	s.Mean = mean(float64(sum), s.Responses)
}

// addGoals fills the SDG and GCM tables.
func addGoals(rows []model.ReportGoal, fig *model.Figures) {
	for _, r := range rows {
		g := model.GoalFigures{Number: r.Goal, TitleEn: r.TitleEn, TitleAr: r.TitleAr, Trainings: r.Trainings,
			Participations: r.Participations, Individuals: r.Individuals}
		if r.Kind == "sdg" {
			fig.SDGs = append(fig.SDGs, g)
		} else {
			fig.GCMs = append(fig.GCMs, g)
		}
	}
}
