package store

import (
	"context"
	"strings"

	"github.com/traindesk/traindesk/internal/model"
)

// Statement is one SQL statement with its arguments.
type Statement struct {
	Name string
	SQL  string
	Args []any
}

// reportScope is the WITH clause every report statement starts with. It
// is written in SQL that SQLite and PostgreSQL both run:
//
//   - cand: the trainings of the period, neither drafts nor cancelled, with
//     their completion rule;
//   - sit: their live sessions, each with held = 1 once it has taken place:
//     its day is before AsOf, or is AsOf and somebody has been marked;
//   - ses: per training, the sessions held, all its live sessions (planned)
//     and the sessions held within the period (training days);
//   - tr: the trainings counted, those with at least one session held;
//   - reg: the participations: live (not withdrawn) registrations of those
//     trainings with a present or late mark at a session held, with what
//     was recorded on the registration (agency, duty station, position)
//     and the person they count as: the survivor of a merge
//     (COALESCE(merged_into_id, id)), whose sex is used. Registrations
//     normally move to the survivor on merge; this keeps the count right
//     when one did not.
//
// The disaggregation and the goals read reg several times and ask for it
// MATERIALIZED (SQLite 3.35+, PostgreSQL 12+): computed once, it halves
// their time over a million marks. The statements that join reg to the
// attendance leave it inline, so that SQLite searches the marks of the
// counted registrations by index instead of scanning every mark.
func reportScope(f model.ReportFilter, materialize bool) (string, []any) {
	where := []string{"t.project_id = ?", "t.status NOT IN ('draft', 'cancelled')", "t.starts_on <= ?", "t.ends_on >= ?"}
	args := []any{f.ProjectID, f.To, f.From}
	for _, c := range []struct {
		cond string
		id   int64
	}{{"t.id = ?", f.TrainingID}, {"t.agency_id = ?", f.AgencyID}, {"t.governorate_id = ?", f.GovernorateID}, {"t.thematic_area_id = ?", f.ThematicID},
		{"EXISTS (SELECT 1 FROM training_facilitators tf WHERE tf.training_id = t.id AND tf.user_id = ?)", f.FacilitatorID}} {
		if c.id != 0 {
			where, args = append(where, c.cond), append(args, c.id)
		}
	}
	hint := ""
	if materialize {
		hint = "MATERIALIZED "
	}
	sql := `WITH cand AS (
  SELECT t.id, t.completion_min_rate AS min_rate, t.completion_min_post_score AS min_post
  FROM trainings t WHERE ` + strings.Join(where, " AND ") + `
), sit AS (
  SELECT si.id, si.training_id, si.date,
    CASE WHEN si.date < ? OR (si.date = ? AND EXISTS (SELECT 1 FROM attendance a WHERE a.sitting_id = si.id))
      THEN 1 ELSE 0 END AS held
  FROM cand JOIN sittings si ON si.training_id = cand.id
  WHERE si.deleted_at IS NULL
), ses AS (
  SELECT training_id, SUM(held) AS sessions, COUNT(*) AS planned,
    SUM(CASE WHEN held = 1 AND date >= ? AND date <= ? THEN 1 ELSE 0 END) AS days
  FROM sit GROUP BY training_id
), tr AS (
  SELECT cand.id, cand.min_rate, cand.min_post, ses.sessions, ses.planned
  FROM cand JOIN ses ON ses.training_id = cand.id
  WHERE ses.sessions > 0
), reg AS ` + hint + `(
  SELECT r.id, r.training_id, r.agency_id, r.duty_station_id, r.position, pe.id AS pid, pe.sex,
    ` + markSum("present") + ` AS present, ` + markSum("late") + ` AS late,
    ` + markSum("absent") + ` AS absent, ` + markSum("excused") + ` AS excused
  FROM tr JOIN registrations r ON r.training_id = tr.id
    JOIN attendance_totals k ON k.registration_id = r.id
    JOIN persons p ON p.id = r.person_id
    JOIN persons pe ON pe.id = COALESCE(p.merged_into_id, p.id)
  WHERE r.status <> 'withdrawn' AND ` + markSum("present', 'late") + ` > 0
)
`
	args = append(args, f.AsOf, f.AsOf, f.From, f.To)
	for i := 0; i < 5; i++ {
		args = append(args, f.AsOf, f.AsOf)
	}
	return sql, args
}

// markSum is how many marks of registration r with one of the statuses
// (quoted inside one pair of quotes) count on the report's day: those at
// the live sessions held by then. A session is held once its day has
// passed, or on its day once somebody is marked there; a mark at a
// session on or before the report's day therefore always counts. The sums
// kept in attendance_totals (k) are exact when the latest of r's marked
// sessions is on or before that day (the report as of today, every day
// after the roll is taken); otherwise, as of an earlier day, r's own few
// marks are counted. It takes two arguments, the day twice.
func markSum(statuses string) string {
	kept := "k." + statuses
	if statuses == "present', 'late" {
		kept = "k.present + k.late"
	}
	return `(CASE WHEN k.last_on <= ? THEN ` + kept + ` ELSE (SELECT COUNT(*) FROM attendance a
      JOIN sittings si ON si.id = a.sitting_id AND si.deleted_at IS NULL
      WHERE a.registration_id = r.id AND si.date <= ? AND a.status IN ('` + statuses + `')) END)`
}

// reportQueries are the report's aggregate statements after the scope,
// one per aggregate, and whether reg is materialized for them. The report
// reads its figures with ReportAggregates, in one pass; these count the
// same figures each on its own (a single training's groups for the news
// draft, and the tests that hold the one pass against them).
var reportQueries = []struct {
	name, sql   string
	materialize bool
}{
	{"trainings", trainingsSQL, false},
	{"groups", groupsSQL, true},
	{"assessments", assessmentsSQL, false},
	{"goals", goalsSQL, true},
	{"outcome", outcomeSQL, false},
}

// ReportStatements returns the statements ReportAggregates (what the
// report runs) reads for f, and the one that finds the report's tests and
// evaluations (ReportQuizzes), in order, so that the benchmark can time the
// same SQL without GORM and read its query plans.
func ReportStatements(f model.ReportFilter) []Statement {
	out := make([]Statement, 0, len(passStatements)+2)
	for _, q := range passStatements {
		out = append(out, passStatement(q.name, f))
	}
	scope, args := reportScope(f, false)
	return append(out, Statement{Name: "names", SQL: namesSQL}, Statement{Name: "quizzes", SQL: scope + quizIDsSQL, Args: args})
}

// statement builds the named report statement for f.
func statement(name string, f model.ReportFilter) Statement {
	for _, q := range reportQueries {
		if q.name == name {
			scope, args := reportScope(f, q.materialize)
			if name == "assessments" {
				args = append(args, f.Mastery)
			}
			return Statement{Name: name, SQL: scope + q.sql, Args: args}
		}
	}
	panic("store: no report statement " + name)
}

// trainingsSQL lists every training of the period, counted or not yet
// started (sessions = 0). It takes the marks at sessions held per
// participation from reg, applies each training's completion rule per
// participation (pr), and sums per training (pt); rt counts the live
// registrations, so that those that never attended are the no-shows. The
// rule mirrors model.Completed: present or late in at least min_rate
// percent of the live sessions, and, when the training sets one, a
// post-test score of at least min_post. A test keeps the two in step. The
// report counts it only for trainings that are over.
const trainingsSQL = `, pr AS (
  SELECT reg.id, reg.training_id, reg.sex, reg.present, reg.late, reg.absent, reg.excused,
    CASE WHEN (reg.present + reg.late) * 100 >= tr.min_rate * tr.planned
      AND (tr.min_post IS NULL OR (asm.post_score IS NOT NULL AND asm.post_score >= tr.min_post))
    THEN 1 ELSE 0 END AS completed
  FROM reg JOIN tr ON tr.id = reg.training_id
    LEFT JOIN assessments asm ON asm.registration_id = reg.id
), pt AS (
  SELECT training_id, COUNT(*) AS participants,
    SUM(CASE WHEN sex = 'F' THEN 1 ELSE 0 END) AS women, SUM(CASE WHEN sex = 'M' THEN 1 ELSE 0 END) AS men,
    SUM(present) AS present, SUM(late) AS late, SUM(absent) AS absent, SUM(excused) AS excused,
    SUM(completed) AS completed
  FROM pr GROUP BY training_id
), rt AS (
  SELECT r.training_id, COUNT(*) AS registered
  FROM tr JOIN registrations r ON r.training_id = tr.id
  WHERE r.status <> 'withdrawn' GROUP BY r.training_id
)
SELECT t.id, t.title_en, t.title_ar, t.starts_on, t.ends_on, t.venue_en, t.venue_ar, t.city, t.governorate_id,
  COALESCE(g.name_en, '') AS governorate_en, COALESCE(g.name_ar, '') AS governorate_ar, t.status,
  t.completion_min_rate AS min_rate, t.completion_min_post_score AS min_post_score, t.thematic_area_id,
  COALESCE(ses.sessions, 0) AS sessions, COALESCE(ses.planned, 0) AS planned, COALESCE(ses.days, 0) AS days,
  COALESCE(pt.participants, 0) AS participants, COALESCE(rt.registered, 0) - COALESCE(pt.participants, 0) AS no_shows,
  COALESCE(pt.women, 0) AS women, COALESCE(pt.men, 0) AS men,
  COALESCE(pt.present, 0) AS present, COALESCE(pt.late, 0) AS late,
  COALESCE(pt.absent, 0) AS absent, COALESCE(pt.excused, 0) AS excused,
  COALESCE(pt.completed, 0) AS completed
FROM cand JOIN trainings t ON t.id = cand.id
  LEFT JOIN ses ON ses.training_id = cand.id
  LEFT JOIN pt ON pt.training_id = cand.id
  LEFT JOIN rt ON rt.training_id = cand.id
  LEFT JOIN governorates g ON g.id = t.governorate_id
ORDER BY t.starts_on, t.id`

// ReportTrainings returns the trainings of the period with their figures,
// by first day; those not started yet have no sessions.
func (s *Store) ReportTrainings(ctx context.Context, f model.ReportFilter) ([]model.ReportTraining, error) {
	st := statement("trainings", f)
	var out []model.ReportTraining
	return out, mapErr("report trainings", s.read(ctx).Raw(st.SQL, st.Args...).Scan(&out).Error)
}

// ExplainReport returns the query plan of each report statement, by name:
// SQLite's EXPLAIN QUERY PLAN details, or PostgreSQL's EXPLAIN lines.
func (s *Store) ExplainReport(ctx context.Context, f model.ReportFilter) (map[string][]string, error) {
	out := map[string][]string{}
	for _, st := range ReportStatements(f) {
		var lines []string
		if s.dialect == "sqlite" {
			var rows []struct{ Detail string }
			if err := s.read(ctx).Raw("EXPLAIN QUERY PLAN "+st.SQL, st.Args...).Scan(&rows).Error; err != nil {
				return nil, mapErr("explain "+st.Name, err)
			}
			for _, r := range rows {
				lines = append(lines, r.Detail)
			}
		} else if err := s.read(ctx).Raw("EXPLAIN "+st.SQL, st.Args...).Scan(&lines).Error; err != nil {
			return nil, mapErr("explain "+st.Name, err)
		}
		out[st.Name] = lines
	}
	return out, nil
}

// ReportMarksStatement lists, per participation the report counts for f,
// the marks it counts by status (id, present, late, absent, excused), so
// that a test can hold them against the marks themselves.
func ReportMarksStatement(f model.ReportFilter) Statement {
	scope, args := reportScope(f, false)
	return Statement{Name: "marks", SQL: scope + "SELECT id, present, late, absent, excused FROM reg", Args: args}
}
