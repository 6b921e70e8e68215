package store

import (
	"context"

	"github.com/traindesk/traindesk/internal/model"
)

// groupCounts are the counts every disaggregation line carries.
const groupCounts = `COUNT(*) AS participations,
  COALESCE(SUM(CASE WHEN reg.sex = 'F' THEN 1 ELSE 0 END), 0) AS participations_women,
  COALESCE(SUM(CASE WHEN reg.sex = 'M' THEN 1 ELSE 0 END), 0) AS participations_men,
  COUNT(DISTINCT reg.pid) AS individuals,
  COUNT(DISTINCT CASE WHEN reg.sex = 'F' THEN reg.pid END) AS women,
  COUNT(DISTINCT CASE WHEN reg.sex = 'M' THEN reg.pid END) AS men`

// groupsSQL counts everybody, then disaggregates by the agency, duty
// station, the duty station's governorate and the position recorded on
// each registration, in one statement that reads reg once.
const groupsSQL = `SELECT 'all' AS dim, NULL AS id, '' AS grp_key, '' AS name_en, '' AS name_ar, ` + groupCounts + `
FROM reg
UNION ALL
SELECT 'agency', reg.agency_id, '', COALESCE(ag.name_en, ''), COALESCE(ag.name_ar, ''), ` + groupCounts + `
FROM reg LEFT JOIN agencies ag ON ag.id = reg.agency_id
GROUP BY reg.agency_id, ag.name_en, ag.name_ar
UNION ALL
SELECT 'station', reg.duty_station_id, '', COALESCE(ds.name_en, ''), COALESCE(ds.name_ar, ''), ` + groupCounts + `
FROM reg LEFT JOIN duty_stations ds ON ds.id = reg.duty_station_id
GROUP BY reg.duty_station_id, ds.name_en, ds.name_ar
UNION ALL
SELECT 'governorate', ds.governorate_id, '', COALESCE(g.name_en, ''), COALESCE(g.name_ar, ''), ` + groupCounts + `
FROM reg LEFT JOIN duty_stations ds ON ds.id = reg.duty_station_id
  LEFT JOIN governorates g ON g.id = ds.governorate_id
GROUP BY ds.governorate_id, g.name_en, g.name_ar
UNION ALL
SELECT 'position', NULL, reg.position, '', '', ` + groupCounts + `
FROM reg GROUP BY reg.position`

// ReportGroups returns every disaggregation line, in no particular order.
func (s *Store) ReportGroups(ctx context.Context, f model.ReportFilter) ([]model.ReportGroup, error) {
	st := statement("groups", f)
	var out []model.ReportGroup
	return out, mapErr("report groups", s.read(ctx).Raw(st.SQL, st.Args...).Scan(&out).Error)
}

const assessmentsSQL = `, scored AS (
  SELECT asm.pre_score, asm.post_score, asm.satisfaction,
    CASE WHEN asm.pre_score IS NOT NULL AND asm.post_score IS NOT NULL THEN 1 ELSE 0 END AS scored
  FROM reg JOIN assessments asm ON asm.registration_id = reg.id
)
SELECT COALESCE(SUM(scored), 0) AS assessed,
  COALESCE(SUM(CASE WHEN scored = 1 THEN pre_score END), 0) AS sum_pre,
  COALESCE(SUM(CASE WHEN scored = 1 THEN post_score END), 0) AS sum_post,
  COALESCE(SUM(CASE WHEN scored = 1 AND post_score > pre_score THEN 1 ELSE 0 END), 0) AS improved,
  COALESCE(SUM(CASE WHEN scored = 1 AND post_score >= ? THEN 1 ELSE 0 END), 0) AS mastery,
  COALESCE(SUM(CASE WHEN satisfaction = 1 THEN 1 ELSE 0 END), 0) AS sat1,
  COALESCE(SUM(CASE WHEN satisfaction = 2 THEN 1 ELSE 0 END), 0) AS sat2,
  COALESCE(SUM(CASE WHEN satisfaction = 3 THEN 1 ELSE 0 END), 0) AS sat3,
  COALESCE(SUM(CASE WHEN satisfaction = 4 THEN 1 ELSE 0 END), 0) AS sat4,
  COALESCE(SUM(CASE WHEN satisfaction = 5 THEN 1 ELSE 0 END), 0) AS sat5
FROM scored`

// ReportAssessments sums the assessments of the counted trainings.
func (s *Store) ReportAssessments(ctx context.Context, f model.ReportFilter) (model.ReportAssessments, error) {
	st := statement("assessments", f)
	var out model.ReportAssessments
	return out, mapErr("report assessments", s.read(ctx).Raw(st.SQL, st.Args...).Scan(&out).Error)
}

// goalsSQL counts, per SDG and per GCM objective, the counted trainings
// tagged with it, their participations and the individuals among them.
// The trainings are counted from tr (a training with nobody counted yet
// still counts) and the participations from reg joined to the tags by
// training, apart: joining reg to the tags per training costs one index
// search per participation, where joining the trainings to reg searched
// the materialized reg per training and tag.
var goalsSQL = goalsPart("sdg", "training_sdgs", "sdg_id", "sdgs") + "UNION ALL\n" +
	goalsPart("gcm", "training_gcms", "gcm_id", "gcm_objectives") + "ORDER BY 1 DESC, 2"

// goalsPart is goalsSQL for one kind of goal: its tag table and column,
// and the table of its titles.
func goalsPart(kind, tags, col, titles string) string {
	return `SELECT '` + kind + `' AS kind, x.goal, g.title_en, g.title_ar, x.trainings,
  COALESCE(y.participations, 0) AS participations, COALESCE(y.individuals, 0) AS individuals
FROM (SELECT l.` + col + ` AS goal, COUNT(*) AS trainings FROM tr JOIN ` + tags + ` l ON l.training_id = tr.id GROUP BY l.` + col + `) x
  JOIN ` + titles + ` g ON g.id = x.goal
  LEFT JOIN (SELECT l.` + col + ` AS goal, COUNT(*) AS participations, COUNT(DISTINCT reg.pid) AS individuals
    FROM reg JOIN ` + tags + ` l ON l.training_id = reg.training_id GROUP BY l.` + col + `) y ON y.goal = x.goal
`
}

// ReportGoals returns the SDGs, then the GCM objectives, by number.
func (s *Store) ReportGoals(ctx context.Context, f model.ReportFilter) ([]model.ReportGoal, error) {
	st := statement("goals", f)
	var out []model.ReportGoal
	return out, mapErr("report goals", s.read(ctx).Raw(st.SQL, st.Args...).Scan(&out).Error)
}

// ReportMaxSessions is the largest number of sessions held by a counted
// training: the width of the attendance matrix.
func (s *Store) ReportMaxSessions(ctx context.Context, f model.ReportFilter) (int, error) {
	scope, args := reportScope(f, false)
	var n int
	err := s.read(ctx).Raw(scope+"SELECT COALESCE(MAX(sessions), 0) FROM tr", args...).Scan(&n).Error
	return n, mapErr("report sessions", err)
}

// outcomeSQL counts, over the participations of counted trainings whose
// follow-up was sent, those who answered it and those who reported using
// the skills.
const outcomeSQL = `, fu AS (
  SELECT q.id, q.training_id FROM questionnaires q JOIN tr ON tr.id = q.training_id
  WHERE q.kind = 'followup'
)
SELECT COUNT(reg.id) AS trained, COUNT(resp.id) AS answered,
  COALESCE(SUM(CASE WHEN resp.used THEN 1 ELSE 0 END), 0) AS used
FROM reg JOIN fu ON fu.training_id = reg.training_id
  LEFT JOIN questionnaire_responses resp ON resp.questionnaire_id = fu.id AND resp.registration_id = reg.id`

// ReportOutcome counts the follow-ups' answers of the counted trainings.
func (s *Store) ReportOutcome(ctx context.Context, f model.ReportFilter) (model.ReportOutcome, error) {
	st := statement("outcome", f)
	var out model.ReportOutcome
	return out, mapErr("report outcome", s.read(ctx).Raw(st.SQL, st.Args...).Scan(&out).Error)
}
