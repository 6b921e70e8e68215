package store

import (
	"context"
	"database/sql"

	"github.com/traindesk/traindesk/internal/model"
)

// passStatements are the statements of the one-pass report: each reads
// the scope's participations (reg) at most once, and Go adds them up.
// Counting distinct persons per group in SQL sorted the participations
// once per group and per goal; here they are sorted once, by person, and
// streamed.
var passStatements = []struct{ name, sql string }{
	{"lines", trainingLinesSQL},
	{"participations", participationsSQL},
	{"tags", tagsSQL},
	{"followups", followupsSQL},
}

// trainingLinesSQL lists every training of the period as trainingsSQL
// does, without the participations' sums (Go adds them); no_shows holds
// the live registrations until then.
const trainingLinesSQL = `, rt AS (
  SELECT r.training_id, COUNT(*) AS registered
  FROM tr JOIN registrations r ON r.training_id = tr.id
  WHERE r.status <> 'withdrawn' GROUP BY r.training_id
)
SELECT t.id, t.title_en, t.title_ar, t.starts_on, t.ends_on, t.venue_en, t.venue_ar, t.city, t.governorate_id,
  COALESCE(g.name_en, '') AS governorate_en, COALESCE(g.name_ar, '') AS governorate_ar, t.status,
  t.completion_min_rate AS min_rate, t.completion_min_post_score AS min_post_score, t.thematic_area_id,
  COALESCE(ses.sessions, 0) AS sessions, COALESCE(ses.planned, 0) AS planned, COALESCE(ses.days, 0) AS days,
  COALESCE(rt.registered, 0) AS no_shows
FROM cand JOIN trainings t ON t.id = cand.id
  LEFT JOIN ses ON ses.training_id = cand.id
  LEFT JOIN rt ON rt.training_id = cand.id
  LEFT JOIN governorates g ON g.id = t.governorate_id
ORDER BY t.starts_on, t.id`

// participationsSQL reads each participation once, with what every
// aggregate needs: its groups, the person it counts as, its marks and its
// assessment, by person (a person's participations are then adjacent,
// and each group counts an individual when the person differs from the
// last it counted).
const participationsSQL = `
SELECT reg.id, reg.training_id, reg.agency_id, reg.duty_station_id, ds.governorate_id, reg.position, reg.pid,
  COALESCE(reg.sex, ''), reg.present, reg.late, reg.absent, reg.excused, asm.pre_score, asm.post_score, asm.satisfaction
FROM reg LEFT JOIN duty_stations ds ON ds.id = reg.duty_station_id
  LEFT JOIN assessments asm ON asm.registration_id = reg.id
ORDER BY reg.pid`

// tagsSQL lists the period's trainings' SDG and GCM tags with the goals'
// titles (a goal without a title is left out, as goalsSQL does). It reads
// cand, not tr: Go keeps the counted trainings' tags (those with a session
// held), which spares the sessions' scan that tr costs.
const tagsSQL = `
SELECT 'sdg' AS kind, l.sdg_id AS goal, l.training_id, g.title_en, g.title_ar
FROM cand JOIN training_sdgs l ON l.training_id = cand.id JOIN sdgs g ON g.id = l.sdg_id
UNION ALL
SELECT 'gcm', l.gcm_id, l.training_id, g.title_en, g.title_ar
FROM cand JOIN training_gcms l ON l.training_id = cand.id JOIN gcm_objectives g ON g.id = l.gcm_id`

// followupsSQL lists the counted trainings' follow-up questionnaires with
// the answers linked to a registration.
const followupsSQL = `
SELECT q.id, q.training_id, resp.registration_id, resp.used
FROM questionnaires q JOIN tr ON tr.id = q.training_id
  LEFT JOIN questionnaire_responses resp ON resp.questionnaire_id = q.id AND resp.registration_id IS NOT NULL
WHERE q.kind = 'followup'`

// namesSQL names the agencies, duty stations and governorates the
// disaggregation lines show.
const namesSQL = `SELECT 'agency', id, COALESCE(name_en, ''), COALESCE(name_ar, '') FROM agencies
UNION ALL SELECT 'station', id, COALESCE(name_en, ''), COALESCE(name_ar, '') FROM duty_stations
UNION ALL SELECT 'governorate', id, COALESCE(name_en, ''), COALESCE(name_ar, '') FROM governorates`

// passStatement builds the named statement of the one-pass report for f.
func passStatement(name string, f model.ReportFilter) Statement {
	for _, q := range passStatements {
		if q.name == name {
			scope, args := reportScope(f, false)
			return Statement{Name: name, SQL: scope + q.sql, Args: args}
		}
	}
	panic("store: no report statement " + name)
}

// participation is one row of participationsSQL.
type participation struct {
	id, training, pid              int64
	agency, station, governorate   sql.NullInt64
	position, sex                  []byte // valid until the next row
	present, late, absent, excused int
	pre, post                      sql.NullFloat64
	sat                            sql.NullInt64
}

// ReportAggregates returns every aggregate of the report for f, with the
// same figures as ReportTrainings, ReportGroups, ReportAssessments,
// ReportGoals and ReportOutcome, reading the participations once.
func (s *Store) ReportAggregates(ctx context.Context, f model.ReportFilter) (model.ReportAggregates, error) {
	var out model.ReportAggregates
	lines := passStatement("lines", f)
	if err := s.read(ctx).Raw(lines.SQL, lines.Args...).Scan(&out.Trainings).Error; err != nil {
		return out, mapErr("report trainings", err)
	}
	var names reportNames
	var tags reportTags
	var fus reportFollowUps
	for _, step := range []func() error{
		func() error { return s.scanNames(ctx, &names) },
		func() error { return s.scanTags(ctx, f, counted(out.Trainings), &tags) },
		func() error { return s.scanFollowUps(ctx, f, &fus) },
	} {
		if err := step(); err != nil {
			return out, err
		}
	}
	p := newPass(out.Trainings, tags, fus, f.Mastery)
	if err := s.eachParticipation(ctx, f, p.add); err != nil {
		return out, err
	}
	p.finish(&out, names)
	return out, nil
}

// eachParticipation streams participationsSQL to fn, one row at a time;
// the row's texts are only valid during the call.
func (s *Store) eachParticipation(ctx context.Context, f model.ReportFilter, fn func(*participation)) error {
	st := passStatement("participations", f)
	rows, err := s.read(ctx).Raw(st.SQL, st.Args...).Rows()
	if err != nil {
		return mapErr("report participations", err)
	}
	defer rows.Close()
	var p participation
	var position, sex sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&p.id, &p.training, &p.agency, &p.station, &p.governorate, &position, &p.pid, &sex,
			&p.present, &p.late, &p.absent, &p.excused, &p.pre, &p.post, &p.sat); err != nil {
			return mapErr("report participations", err)
		}
		p.position, p.sex = position, sex
		fn(&p)
	}
	return mapErr("report participations", rows.Err())
}

// counted returns the trainings of lines the report counts: those with a
// session held.
func counted(lines []model.ReportTraining) map[int64]bool {
	m := make(map[int64]bool, len(lines))
	for _, l := range lines {
		if l.Sessions > 0 {
			m[l.ID] = true
		}
	}
	return m
}
