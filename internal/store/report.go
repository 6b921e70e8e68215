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
//   - tr: the trainings counted, with their completion rule;
//   - ses: each counted training's live sessions, and how many of them fall
//     within the period (training days);
//   - reg: the live (not withdrawn) registrations of those trainings, with
//     what was recorded on the registration (agency, duty station,
//     position) and the person they count as: the survivor of a merge
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
	where := []string{"t.project_id = ?", "t.status <> 'cancelled'", "t.starts_on <= ?", "t.ends_on >= ?"}
	args := []any{f.ProjectID, f.To, f.From}
	for _, c := range []struct {
		cond string
		id   int64
	}{{"t.agency_id = ?", f.AgencyID}, {"t.governorate_id = ?", f.GovernorateID}, {"t.thematic_area_id = ?", f.ThematicID}} {
		if c.id != 0 {
			where, args = append(where, c.cond), append(args, c.id)
		}
	}
	hint := ""
	if materialize {
		hint = "MATERIALIZED "
	}
	sql := `WITH tr AS (
  SELECT t.id, t.completion_min_rate AS min_rate, t.completion_min_post_score AS min_post
  FROM trainings t WHERE ` + strings.Join(where, " AND ") + `
), ses AS (
  SELECT si.training_id, COUNT(*) AS sessions,
    SUM(CASE WHEN si.date >= ? AND si.date <= ? THEN 1 ELSE 0 END) AS days
  FROM tr JOIN sittings si ON si.training_id = tr.id
  WHERE si.deleted_at IS NULL GROUP BY si.training_id
), reg AS ` + hint + `(
  SELECT r.id, r.training_id, r.agency_id, r.duty_station_id, r.position, pe.id AS pid, pe.sex
  FROM tr JOIN registrations r ON r.training_id = tr.id
    JOIN persons p ON p.id = r.person_id
    JOIN persons pe ON pe.id = COALESCE(p.merged_into_id, p.id)
  WHERE r.status <> 'withdrawn'
)
`
	return sql, append(args, f.From, f.To)
}

// reportQueries are the report's aggregate statements after the scope,
// and whether reg is materialized for them.
var reportQueries = []struct {
	name, sql   string
	materialize bool
}{
	{"trainings", trainingsSQL, false},
	{"groups", groupsSQL, true},
	{"assessments", assessmentsSQL, false},
	{"goals", goalsSQL, true},
}

// ReportStatements returns the aggregate statements the report runs for f,
// in order, so that the benchmark can time the same SQL without GORM and
// read its query plans.
func ReportStatements(f model.ReportFilter) []Statement {
	out := make([]Statement, 0, len(reportQueries))
	for _, q := range reportQueries {
		out = append(out, statement(q.name, f))
	}
	return out
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

// trainingsSQL aggregates marks per registration (att), applies each
// training's completion rule per registration (pr) and sums per training.
// The rule mirrors model.Completed: present or late in at least min_rate
// percent of the live sessions, and, when the training sets one, a
// post-test score of at least min_post. A test keeps the two in step.
const trainingsSQL = `, att AS (
  SELECT a.registration_id AS id,
    SUM(CASE WHEN a.status = 'present' THEN 1 ELSE 0 END) AS present,
    SUM(CASE WHEN a.status = 'late' THEN 1 ELSE 0 END) AS late,
    SUM(CASE WHEN a.status = 'absent' THEN 1 ELSE 0 END) AS absent,
    SUM(CASE WHEN a.status = 'excused' THEN 1 ELSE 0 END) AS excused
  FROM reg JOIN attendance a ON a.registration_id = reg.id
    JOIN sittings si ON si.id = a.sitting_id
  WHERE si.deleted_at IS NULL
  GROUP BY a.registration_id
), pr AS (
  SELECT reg.id, reg.training_id, reg.sex,
    COALESCE(att.present, 0) AS present, COALESCE(att.late, 0) AS late,
    COALESCE(att.absent, 0) AS absent, COALESCE(att.excused, 0) AS excused,
    CASE WHEN COALESCE(ses.sessions, 0) > 0
      AND (COALESCE(att.present, 0) + COALESCE(att.late, 0)) * 100 >= tr.min_rate * ses.sessions
      AND (tr.min_post IS NULL OR (asm.post_score IS NOT NULL AND asm.post_score >= tr.min_post))
    THEN 1 ELSE 0 END AS completed
  FROM reg JOIN tr ON tr.id = reg.training_id
    LEFT JOIN ses ON ses.training_id = reg.training_id
    LEFT JOIN att ON att.id = reg.id
    LEFT JOIN assessments asm ON asm.registration_id = reg.id
)
SELECT t.id, t.title_en, t.title_ar, t.starts_on, t.ends_on, t.venue_en, t.venue_ar, t.city, t.governorate_id,
  COALESCE(g.name_en, '') AS governorate_en, COALESCE(g.name_ar, '') AS governorate_ar, t.status,
  t.completion_min_rate AS min_rate, t.completion_min_post_score AS min_post_score, t.thematic_area_id,
  COALESCE(ses.sessions, 0) AS sessions, COALESCE(ses.days, 0) AS days,
  COUNT(pr.id) AS participants,
  COALESCE(SUM(CASE WHEN pr.sex = 'F' THEN 1 ELSE 0 END), 0) AS women,
  COALESCE(SUM(CASE WHEN pr.sex = 'M' THEN 1 ELSE 0 END), 0) AS men,
  COALESCE(SUM(pr.present), 0) AS present, COALESCE(SUM(pr.late), 0) AS late,
  COALESCE(SUM(pr.absent), 0) AS absent, COALESCE(SUM(pr.excused), 0) AS excused,
  COALESCE(SUM(pr.completed), 0) AS completed
FROM tr JOIN trainings t ON t.id = tr.id
  LEFT JOIN ses ON ses.training_id = tr.id
  LEFT JOIN pr ON pr.training_id = tr.id
  LEFT JOIN governorates g ON g.id = t.governorate_id
GROUP BY t.id, t.title_en, t.title_ar, t.starts_on, t.ends_on, t.venue_en, t.venue_ar, t.city, t.governorate_id, g.name_en, g.name_ar, t.status,
  t.completion_min_rate, t.completion_min_post_score, t.thematic_area_id, ses.sessions, ses.days
ORDER BY t.starts_on, t.id`

// ReportTrainings returns the counted trainings with their figures, by
// first day.
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
