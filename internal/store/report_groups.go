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

const goalsSQL = `SELECT 'sdg' AS kind, ts.sdg_id AS goal, g.title_en, g.title_ar,
  COUNT(DISTINCT ts.training_id) AS trainings, COUNT(reg.id) AS participations, COUNT(DISTINCT reg.pid) AS individuals
FROM tr JOIN training_sdgs ts ON ts.training_id = tr.id JOIN sdgs g ON g.id = ts.sdg_id
  LEFT JOIN reg ON reg.training_id = tr.id
GROUP BY ts.sdg_id, g.title_en, g.title_ar
UNION ALL
SELECT 'gcm', tg.gcm_id, g.title_en, g.title_ar,
  COUNT(DISTINCT tg.training_id), COUNT(reg.id), COUNT(DISTINCT reg.pid)
FROM tr JOIN training_gcms tg ON tg.training_id = tr.id JOIN gcm_objectives g ON g.id = tg.gcm_id
  LEFT JOIN reg ON reg.training_id = tr.id
GROUP BY tg.gcm_id, g.title_en, g.title_ar
ORDER BY 1 DESC, 2`

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
