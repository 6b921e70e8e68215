package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/traindesk/traindesk/internal/model"
)

// participantsSQL lists the participations in training then name order.
// The contact columns are chosen by the caller: the real ones, or empty
// text when the export leaves them out, so they never leave the database.
const participantsSQL = `
SELECT reg.id, t.id, t.title_en, t.title_ar, t.starts_on, pe.id, pe.name_latin, pe.name_arabic, pe.sex, pe.rank, %CONTACT%,
  COALESCE(ag.name_en, ''), COALESCE(ag.name_ar, ''), COALESCE(ds.name_en, ''), COALESCE(ds.name_ar, ''),
  COALESCE(g.name_en, ''), COALESCE(g.name_ar, ''), reg.position,
  reg.present + reg.late, tr.sessions, tr.planned, asm.pre_score, asm.post_score, asm.satisfaction,
  t.completion_min_rate, t.completion_min_post_score
FROM reg JOIN trainings t ON t.id = reg.training_id JOIN tr ON tr.id = reg.training_id
  JOIN persons pe ON pe.id = reg.pid
  LEFT JOIN assessments asm ON asm.registration_id = reg.id
  LEFT JOIN agencies ag ON ag.id = reg.agency_id
  LEFT JOIN duty_stations ds ON ds.id = reg.duty_station_id
  LEFT JOIN governorates g ON g.id = ds.governorate_id
ORDER BY t.starts_on, t.id, pe.name_latin, reg.id`

// EachReportParticipant streams the participations to fn one row at a
// time, never holding the list in memory. Phone and email are read only
// when contact is true. fn's error stops the scan and is returned.
func (s *Store) EachReportParticipant(ctx context.Context, f model.ReportFilter, contact bool, fn func(model.ReportParticipant) error) error {
	scope, args := reportScope(f, false)
	cols := "'', ''"
	if contact {
		cols = "pe.phone, pe.email"
	}
	q := scope + strings.Replace(participantsSQL, "%CONTACT%", cols, 1)
	rows, err := s.read(ctx).Raw(q, args...).Rows()
	if err != nil {
		return mapErr("report participants", err)
	}
	defer rows.Close()
	var p model.ReportParticipant
	for rows.Next() {
		p.PreScore, p.PostScore, p.Satisfaction, p.MinPostScore = nil, nil, nil, nil
		if err := rows.Scan(&p.RegistrationID, &p.TrainingID, &p.TitleEn, &p.TitleAr, &p.StartsOn, &p.PersonID, &p.NameLatin,
			&p.NameArabic, &p.Sex, &p.Rank, &p.Phone, &p.Email, &p.AgencyEn, &p.AgencyAr, &p.StationEn, &p.StationAr,
			&p.GovernorateEn, &p.GovernorateAr, &p.Position, &p.Attended, &p.Sessions, &p.Planned, &p.PreScore, &p.PostScore,
			&p.Satisfaction, &p.MinRate, &p.MinPostScore); err != nil {
			return mapErr("report participants", err)
		}
		if err := fn(p); err != nil {
			return err
		}
	}
	return mapErr("report participants", rows.Err())
}

const attendanceSQL = `SELECT reg.id, t.id, t.title_en, t.title_ar, pe.id, pe.name_latin, pe.name_arabic, si.date, a.status
FROM reg JOIN trainings t ON t.id = reg.training_id JOIN persons pe ON pe.id = reg.pid
  JOIN sit ON sit.training_id = reg.training_id AND sit.held = 1
  JOIN sittings si ON si.id = sit.id
  LEFT JOIN attendance a ON a.registration_id = reg.id AND a.sitting_id = si.id
ORDER BY t.starts_on, t.id, pe.name_latin, reg.id, si.date, si.starts_at, si.id`

// EachAttendanceLine streams the attendance matrix over the sessions held
// to fn, one participation at a time; only the current line is held in memory.
func (s *Store) EachAttendanceLine(ctx context.Context, f model.ReportFilter, fn func(model.AttendanceLine) error) error {
	scope, args := reportScope(f, false)
	rows, err := s.read(ctx).Raw(scope+attendanceSQL, args...).Rows()
	if err != nil {
		return mapErr("report attendance", err)
	}
	defer rows.Close()
	var cur model.AttendanceLine
	for rows.Next() {
		var next model.AttendanceLine
		var date model.Date
		var mark sql.NullString
		if err := rows.Scan(&next.RegistrationID, &next.TrainingID, &next.TitleEn, &next.TitleAr, &next.PersonID,
			&next.NameLatin, &next.NameArabic, &date, &mark); err != nil {
			return mapErr("report attendance", err)
		}
		if next.RegistrationID != cur.RegistrationID {
			if cur.RegistrationID != 0 {
				if err := fn(cur); err != nil {
					return err
				}
			}
			cur = next
		}
		cur.Marks = append(cur.Marks, model.Mark(mark.String))
		cur.Dates = append(cur.Dates, date)
	}
	if err := rows.Err(); err != nil {
		return mapErr("report attendance", err)
	}
	if cur.RegistrationID != 0 {
		return fn(cur)
	}
	return nil
}
