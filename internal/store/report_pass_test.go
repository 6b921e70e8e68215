package store_test

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/report/reporttest"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

// TestReportAggregates_EqualTheStatements: the one-pass aggregates equal
// the five aggregate statements (trainings, groups, assessments, goals,
// outcome) on the hand-counted fixture with follow-up answers added, and
// again after each of 40 random writes that change what they count
// (marks, withdrawals, merges, sexes, scores, recorded stations and
// positions, goal tags, follow-up answers), for several filters.
func TestReportAggregates_EqualTheStatements(t *testing.T) {
	storetest.Each(t, store.Options{}, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		fx, err := reporttest.Seed(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		minReg, maxReg := idRange(t, s, "registrations")
		minSit, maxSit := idRange(t, s, "sittings")
		minPer, maxPer := idRange(t, s, "persons")
		minTr, maxTr := idRange(t, s, "trainings")
		rng := rand.New(rand.NewPCG(5, 23))
		pick := func(lo, hi int64) int64 { return lo + rng.Int64N(hi-lo+1) }
		// Follow-ups for every training, answered by some registrations.
		mustExec(t, s, `INSERT INTO questionnaires (training_id, kind, state, created_at, updated_at)
SELECT id, 'followup', 'open', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM trainings`)
		mustExec(t, s, `INSERT INTO questionnaire_responses (questionnaire_id, registration_id, answers, submitted_at, used)
SELECT q.id, r.id, '{}', CURRENT_TIMESTAMP, CASE WHEN r.id % 3 = 0 THEN NULL WHEN r.id % 3 = 1 THEN TRUE ELSE FALSE END
FROM questionnaires q JOIN registrations r ON r.training_id = q.training_id WHERE q.kind = 'followup' AND r.id % 2 = 0`)
		filters := []model.ReportFilter{
			{ProjectID: fx.ProjectID, From: model.MustDate("2020-01-01"), To: model.MustDate("2027-12-31"), AsOf: reporttest.Today, Mastery: 70},
			{ProjectID: fx.ProjectID, From: model.MustDate("2023-01-01"), To: model.MustDate("2023-12-31"), AsOf: reporttest.Today, Mastery: 60},
			{ProjectID: fx.ProjectID, From: model.MustDate("2020-01-01"), To: model.MustDate("2027-12-31"), AsOf: model.MustDate("2023-05-10"), Mastery: 70},
			{ProjectID: fx.ProjectID, From: model.MustDate("2020-01-01"), To: model.MustDate("2027-12-31"), AsOf: reporttest.Today, Mastery: 70,
				AgencyID: firstID(t, s, "agencies")},
			{ProjectID: fx.ProjectID, From: model.MustDate("2020-01-01"), To: model.MustDate("2027-12-31"), AsOf: reporttest.Today, Mastery: 70,
				TrainingID: firstID(t, s, "trainings")}, // the news item counts one training
		}
		check := func(step string) (participations int) {
			t.Helper()
			for i, f := range filters {
				got, err := s.ReportAggregates(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				want := statements(t, s, f)
				sortGroups(got.Groups)
				sortGroups(want.Groups)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("after %s, filter %d: the one pass counts\n%+v\nthe statements\n%+v", step, i, got, want)
				}
				participations += want.Groups[0].Participations
			}
			return participations
		}
		if check("seeding") == 0 {
			t.Fatal("the fixture has no participation counted: the comparison would prove nothing")
		}
		writes := []func() (string, string, []any){
			func() (string, string, []any) {
				return "a mark set", `INSERT INTO attendance (registration_id, sitting_id, status, recorded_at)
SELECT r.id, si.id, ?, CURRENT_TIMESTAMP FROM registrations r JOIN sittings si ON si.training_id = r.training_id
WHERE r.id = ? AND si.id = ? ON CONFLICT (registration_id, sitting_id) DO UPDATE SET status = excluded.status`,
					[]any{[]string{"present", "late", "absent", "excused"}[rng.IntN(4)], pick(minReg, maxReg), pick(minSit, maxSit)}
			},
			func() (string, string, []any) {
				return "a registration withdrawn or back", "UPDATE registrations SET status = CASE WHEN status = 'withdrawn' THEN 'confirmed' ELSE 'withdrawn' END WHERE id = ?",
					[]any{pick(minReg, maxReg)}
			},
			func() (string, string, []any) {
				a, b := pick(minPer, maxPer), pick(minPer, maxPer)
				return "a person merged", "UPDATE persons SET merged_into_id = ? WHERE id = ? AND id <> ?", []any{a, b, a}
			},
			func() (string, string, []any) {
				return "a sex changed", "UPDATE persons SET sex = ? WHERE id = ?", []any{[]string{"F", "M"}[rng.IntN(2)], pick(minPer, maxPer)}
			},
			func() (string, string, []any) {
				pre, post := any(float64(30+rng.IntN(60))), any(float64(30+rng.IntN(70)))
				if rng.IntN(4) == 0 {
					post = nil
				}
				return "scores set", `INSERT INTO assessments (registration_id, pre_score, post_score, satisfaction, updated_at)
VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP) ON CONFLICT (registration_id) DO UPDATE SET pre_score = excluded.pre_score,
  post_score = excluded.post_score, satisfaction = excluded.satisfaction`, []any{pick(minReg, maxReg), pre, post, 1 + rng.IntN(5)}
			},
			func() (string, string, []any) {
				return "a recorded station and position changed", `UPDATE registrations SET position = ?,
  duty_station_id = (SELECT MIN(id) FROM duty_stations WHERE id >= ?) WHERE id = ?`,
					[]any{[]string{"", "front_line", "desk"}[rng.IntN(3)], rng.IntN(6), pick(minReg, maxReg)}
			},
			func() (string, string, []any) {
				return "a goal tagged", `INSERT INTO training_sdgs (training_id, sdg_id) SELECT t.id, g.id FROM trainings t, sdgs g
WHERE t.id = ? AND g.id = ? ON CONFLICT DO NOTHING`, []any{pick(minTr, maxTr), 1 + rng.IntN(17)}
			},
			func() (string, string, []any) {
				return "a goal untagged", "DELETE FROM training_gcms WHERE training_id = ?", []any{pick(minTr, maxTr)}
			},
			func() (string, string, []any) {
				return "an answer changed", "UPDATE questionnaire_responses SET used = NOT COALESCE(used, FALSE) WHERE registration_id = ?",
					[]any{pick(minReg, maxReg)}
			},
		}
		for i := 0; i < 40; i++ {
			name, q, args := writes[rng.IntN(len(writes))]()
			if err := s.Exec(ctx, q, args...); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			check(fmt.Sprintf("write %d (%s)", i, name))
		}
	})
}

// statements reads the aggregates with the five statements.
func statements(t *testing.T, s *store.Store, f model.ReportFilter) model.ReportAggregates {
	t.Helper()
	ctx := context.Background()
	var a model.ReportAggregates
	var errs [5]error
	a.Trainings, errs[0] = s.ReportTrainings(ctx, f)
	a.Groups, errs[1] = s.ReportGroups(ctx, f)
	a.Assessments, errs[2] = s.ReportAssessments(ctx, f)
	a.Goals, errs[3] = s.ReportGoals(ctx, f)
	a.Outcome, errs[4] = s.ReportOutcome(ctx, f)
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	return a
}

// sortGroups orders disaggregation lines by dimension, id and key ("all"
// first).
func sortGroups(gs []model.ReportGroup) {
	id := func(g model.ReportGroup) int64 {
		if g.ID == nil {
			return -1
		}
		return *g.ID
	}
	dim := func(g model.ReportGroup) string {
		if g.Dim == "all" {
			return ""
		}
		return g.Dim
	}
	slices.SortFunc(gs, func(a, b model.ReportGroup) int {
		return cmp.Or(cmp.Compare(dim(a), dim(b)), cmp.Compare(id(a), id(b)), cmp.Compare(a.Key, b.Key))
	})
}

func mustExec(t *testing.T, s *store.Store, q string, args ...any) {
	t.Helper()
	if err := s.Exec(context.Background(), q, args...); err != nil {
		t.Fatalf("%.60s: %v", q, err)
	}
}

// firstID is the lowest id of a table.
func firstID(t *testing.T, s *store.Store, table string) int64 {
	lo, _ := idRange(t, s, table)
	return lo
}
